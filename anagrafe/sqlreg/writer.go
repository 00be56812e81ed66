package sqlreg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// ErrWriterClosed is returned by Writer.Write after Close or Abort.
var ErrWriterClosed = errors.New("sqlreg: writer closed")

// Writer loads persons into the schema's tables, committing every
// BatchSize persons. It is meant for demo registers, tests and migrations;
// it is not safe for concurrent use.
type Writer struct {
	s     *Source
	ctx   context.Context
	tx    *sql.Tx
	stmts [len(Tables)]*sql.Stmt
	rows  Rows
	n     int
	done  bool

	// BatchSize is the number of persons per transaction; set it before the
	// first Write. 0 means 1000.
	BatchSize int
}

// NewWriter returns a Writer on s's database. The schema must exist.
func (s *Source) NewWriter(ctx context.Context) *Writer {
	return &Writer{s: s, ctx: ctx}
}

// Insert writes persons in one batch (see Writer).
func (s *Source) Insert(ctx context.Context, persons ...anagrafe.Person) error {
	w := s.NewWriter(ctx)
	for i := range persons {
		if err := w.Write(&persons[i]); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Close()
}

// InsertRecords writes the Person of each record (households are rebuilt
// from FamilyID when reading).
func (s *Source) InsertRecords(ctx context.Context, records ...*anagrafe.Record) error {
	w := s.NewWriter(ctx)
	for _, r := range records {
		if r == nil {
			continue
		}
		if err := w.Write(&r.Person); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Close()
}

func (w *Writer) begin() error {
	tx, err := w.s.db.BeginTx(w.ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlreg: write: %w", err)
	}
	for i, t := range Tables {
		st, err := tx.PrepareContext(w.ctx, w.s.dialect.rebind(t.InsertSQL(1)))
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("sqlreg: write: %w", err)
		}
		w.stmts[i] = st
	}
	w.tx = tx
	return nil
}

func (w *Writer) commit() error {
	if w.tx == nil {
		return nil
	}
	for _, st := range w.stmts {
		st.Close()
	}
	err := w.tx.Commit()
	w.tx = nil
	if err != nil {
		return fmt.Errorf("sqlreg: write: commit: %w", err)
	}
	return nil
}

// Write inserts one person with address, citizenships, permit and
// documents. An error leaves the current batch uncommitted; call Abort.
func (w *Writer) Write(p *anagrafe.Person) error {
	if w.done {
		return ErrWriterClosed
	}
	if w.tx == nil {
		if err := w.begin(); err != nil {
			return err
		}
	}
	AppendRows(&w.rows, p)
	for i, t := range Tables {
		vals, n := w.rows[i], len(t.Columns)
		for r := 0; r+n <= len(vals); r += n {
			if _, err := w.stmts[i].ExecContext(w.ctx, vals[r:r+n]...); err != nil {
				return fmt.Errorf("sqlreg: write person %s: %s: %w", anagrafe.MaskPersonID(p.ID), t.Name, err)
			}
		}
		clear(vals)
		w.rows[i] = vals[:0]
	}
	w.n++
	size := w.BatchSize
	if size <= 0 {
		size = 1000
	}
	if w.n%size == 0 {
		return w.commit()
	}
	return nil
}

// Written returns the number of persons written so far.
func (w *Writer) Written() int { return w.n }

// Close commits the last batch.
func (w *Writer) Close() error {
	if w.done {
		return nil
	}
	w.done = true
	return w.commit()
}

// Abort rolls back the current batch (earlier batches stay committed).
func (w *Writer) Abort() error {
	if w.done {
		return nil
	}
	w.done = true
	if w.tx == nil {
		return nil
	}
	for _, st := range w.stmts {
		st.Close()
	}
	err := w.tx.Rollback()
	w.tx = nil
	return err
}
