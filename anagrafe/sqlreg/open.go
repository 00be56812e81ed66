package sqlreg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"           // driver "sqlite"
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
	// Writable makes Open open the database for writing, for loaders,
	// demo registers and tests (CreateSchema, Writer): a missing SQLite
	// file is created and switched to WAL mode, foreign keys are enforced
	// and transactions take the write lock when they begin. Without it
	// Open only reads: see Open.
	Writable bool
}

// DefaultPageSize is the default number of persons per page (chunk) of a
// stream; Options.PageSize is at most 1000.
const DefaultPageSize = 1000

// sqliteMemory is the URL of a private in-memory database.
const sqliteMemory = "sqlite::memory:"

// ParseURL returns the dialect and the driver's data source name for a
// database URL:
//
//	sqlite:PATH              SQLite file
//	sqlite::memory:          private in-memory SQLite database
//	postgres://… postgresql://…  PostgreSQL, passed to pgx as is
//
// The data source name is the one Open uses with Options.Writable: for a
// SQLite file it creates the file if missing and switches it to WAL mode,
// so it is meant for tools that build a register. The read-only data
// source name depends on the file's header and is chosen by Open.
func ParseURL(url string) (Dialect, string, error) {
	switch {
	case url == sqliteMemory:
		return SQLite, ":memory:?_pragma=foreign_keys(1)", nil
	case strings.HasPrefix(url, "sqlite:"):
		path, err := sqlitePath(url)
		if err != nil {
			return 0, "", err
		}
		return SQLite, path + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_txlock=immediate", nil
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		return Postgres, url, nil
	}
	return 0, "", fmt.Errorf("%w: want sqlite:PATH, sqlite::memory: or postgres://", ErrBadURL)
}

// sqlitePath returns the file path of a sqlite:PATH URL.
func sqlitePath(url string) (string, error) {
	path := strings.TrimPrefix(url, "sqlite:")
	if path == "" {
		return "", fmt.Errorf("%w: missing SQLite path", ErrBadURL)
	}
	if strings.ContainsAny(path, "?#") {
		return "", fmt.Errorf("%w: SQLite path must not contain ? or #", ErrBadURL)
	}
	return path, nil
}

// Open opens the database at url (see ParseURL), checks the connection and
// returns a Source that owns the database handle (Close closes it). It does
// not create the schema: call CreateSchema on s.DB() of a Source opened
// with Options.Writable.
//
// Unless opts.Writable is set, Open only reads the register and changes
// nothing in it:
//
//   - a missing SQLite file is an error wrapping fs.ErrNotExist (no file
//     is created);
//   - a SQLite file in rollback-journal mode is opened read-only
//     (mode=ro) with PRAGMA query_only: its bytes stay as they are (a hot
//     journal left by a crashed writer cannot be rolled back, so reads
//     fail until the register's own application opens it);
//   - a SQLite file in WAL mode is opened without changing its journal
//     mode, with PRAGMA query_only. A WAL database cannot be read by a
//     read-only connection without its companions, so SQLite creates the
//     -wal and -shm files next to it while it is open and, at the last
//     Close, checkpoints whatever another writer left in the -wal file and
//     removes both (what the database holds is unchanged). The directory
//     must therefore be writable;
//   - a PostgreSQL session starts with default_transaction_read_only=on
//     (sent with the connection request, so every connection of the pool
//     has it). This guards against mistakes, not against a client that
//     asks for a read-write transaction: give adapters a role that has
//     only SELECT privileges for real enforcement.
//
// Writes through s.DB() then fail. sqlite::memory: is always writable (it
// is private to the Source).
func Open(ctx context.Context, url string, opts Options) (*Source, error) {
	d, dsn, err := ParseURL(url)
	if err != nil {
		return nil, err
	}
	var db *sql.DB
	switch {
	case url == sqliteMemory:
		db, err = sql.Open(d.DriverName(), dsn)
		if err == nil {
			// every connection would be a different empty database
			db.SetMaxOpenConns(1)
			db.SetMaxIdleConns(1)
			db.SetConnMaxLifetime(0)
			db.SetConnMaxIdleTime(0)
		}
	case opts.Writable:
		db, err = sql.Open(d.DriverName(), dsn)
	case d == SQLite:
		dsn, err = sqliteReadOnlyDSN(url)
		if err == nil {
			db, err = sql.Open(d.DriverName(), dsn)
		}
	default:
		db, err = postgresReadOnly(dsn)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlreg: open: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlreg: open: %w", err)
	}
	s := New(db, d, opts)
	s.owned = true
	return s, nil
}

// sqliteHeader is the start of every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// sqliteReadOnlyDSN returns the data source name that reads the SQLite
// file of rawURL without changing it: a file: URI, so that SQLite applies
// mode (rw never creates the file, ro never writes it).
func sqliteReadOnlyDSN(rawURL string) (string, error) {
	path, err := sqlitePath(rawURL)
	if err != nil {
		return "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err // *fs.PathError: wraps fs.ErrNotExist for a missing file
	}
	head := make([]byte, 20)
	n, err := io.ReadFull(f, head)
	f.Close()
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return "", err
	}
	// Bytes 18 and 19 are the write and read format versions: 2 in WAL mode.
	wal := n == len(head) && string(head[:16]) == sqliteHeader && head[18] == 2 && head[19] == 2
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	mode := "ro"
	if wal {
		mode = "rw" // read-only connections cannot create the -shm file
	}
	return sqliteFileURI(filepath.ToSlash(abs)) + "?mode=" + mode +
		"&_pragma=busy_timeout(10000)&_pragma=query_only(1)", nil
}

// sqliteFileURI returns the file: URI of an absolute path in slash form,
// with the characters URIs reserve escaped:
// /var/a b.db → file:///var/a%20b.db, C:/dir/x.db → file:///C:/dir/x.db.
func sqliteFileURI(abs string) string {
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs
	}
	return (&url.URL{Scheme: "file", Path: abs}).String()
}

// postgresReadOnly opens a pool whose sessions default to read-only
// transactions.
func postgresReadOnly(dsn string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	return stdlib.OpenDB(*cfg), nil
}
