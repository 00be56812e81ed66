package sqlreg

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// stmtCache holds the statements the reader prepared, by text (before
// rebinding). The texts are a fixed set (one per query kind and statement),
// so the cache stays small; Source.Close closes them.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// get returns the statement of q, preparing it on s's database the first
// time.
func (c *stmtCache) get(ctx context.Context, s *Source, q string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st := c.m[q]; st != nil {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, s.dialect.rebind(q))
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st, nil
}

// close closes every statement and empties the cache.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.m {
		errs = append(errs, st.Close())
	}
	c.m = nil
	return errors.Join(errs...)
}
