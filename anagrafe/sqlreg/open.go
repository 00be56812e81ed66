package sqlreg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite"
)

// ErrBadURL is wrapped by Open's errors for a URL it cannot interpret.
var ErrBadURL = errors.New("sqlreg: unsupported database URL")

// Options configure a Source.
type Options struct {
	// PageSize is the number of persons read per page of a stream; 0 means
	// DefaultPageSize.
	PageSize int
	// NoResidenceDeclaration says that the register does not record the
	// declaration of habitual residence (persone.dichiarazione_dimora), so
	// the MissingResidenceDeclaration query is unsupported.
	NoResidenceDeclaration bool
}

// DefaultPageSize is the default number of persons per page.
const DefaultPageSize = 256

// ParseURL returns the dialect and the driver's data source name for a
// database URL:
//
//	sqlite:PATH              SQLite file (created if missing)
//	sqlite::memory:          private in-memory SQLite database
//	postgres://… postgresql://…  PostgreSQL, passed to pgx as is
func ParseURL(url string) (Dialect, string, error) {
	switch {
	case url == "sqlite::memory:":
		return SQLite, ":memory:?_pragma=foreign_keys(1)", nil
	case strings.HasPrefix(url, "sqlite:"):
		path := strings.TrimPrefix(url, "sqlite:")
		if path == "" {
			return 0, "", fmt.Errorf("%w: missing SQLite path", ErrBadURL)
		}
		if strings.ContainsAny(path, "?#") {
			return 0, "", fmt.Errorf("%w: SQLite path must not contain ? or #", ErrBadURL)
		}
		return SQLite, path + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_txlock=immediate", nil
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		return Postgres, url, nil
	}
	return 0, "", fmt.Errorf("%w: want sqlite:PATH, sqlite::memory: or postgres://", ErrBadURL)
}

// Open opens the database at url (see ParseURL), checks the connection and
// returns a Source that owns the database handle (Close closes it). It does
// not create the schema: call CreateSchema on s.DB() for a new database.
func Open(ctx context.Context, url string, opts Options) (*Source, error) {
	d, dsn, err := ParseURL(url)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(d.DriverName(), dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlreg: open: %w", err)
	}
	if strings.HasPrefix(dsn, ":memory:") {
		// every connection would be a different empty database
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlreg: open: %w", err)
	}
	s := New(db, d, opts)
	s.owned = true
	return s, nil
}
