package demo

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// BatchSize is the number of persons CreateSQLite commits per transaction.
const BatchSize = 5000

// CreateSQLite generates a register (see Generate) into a new SQLite file
// at path, in the schema of package sqlreg, in WAL mode so that readers
// opening it with sqlreg.Open leave it unchanged. The file is built under a
// temporary name in the same directory and renamed over path only when
// complete, with owner-only permissions (0600): an error or a cancelled ctx
// leaves no file behind and path untouched. Rows are loaded with
// multi-row INSERT statements, BatchSize persons per transaction, and the
// secondary indexes are built at the end: 400,000 persons take well under
// a minute in constant memory.
func CreateSQLite(ctx context.Context, path string, opts Options) (st Stats, err error) {
	if path == "" {
		return Stats{}, fmt.Errorf("%w: no database path", ErrBadOptions)
	}
	if _, err := newGenerator(opts); err != nil {
		return Stats{}, err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return Stats{}, fmt.Errorf("demo: %w", err)
	}
	tmp := f.Name()
	f.Close()
	removeTmp := func() {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(tmp + suffix)
		}
	}
	if err := os.Chmod(tmp, 0o600); err != nil && runtime.GOOS != "windows" {
		removeTmp()
		return Stats{}, fmt.Errorf("demo: %w", err)
	}
	_, dsn, err := sqlreg.ParseURL("sqlite:" + tmp)
	if err != nil {
		removeTmp()
		return Stats{}, fmt.Errorf("demo: %w", err)
	}
	// The file is private until renamed: no journal and no sync per
	// commit are needed (a failure removes the file) and the generated
	// rows are consistent, so foreign keys need no checking. The file is
	// switched to WAL mode, synced, at the end.
	db, err := sql.Open(sqlreg.SQLite.DriverName(), dsn+"&_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=foreign_keys(0)")
	if err != nil {
		removeTmp()
		return Stats{}, fmt.Errorf("demo: %w", err)
	}
	db.SetMaxOpenConns(1)
	closed := false
	defer func() {
		if !closed {
			db.Close()
		}
		if err != nil {
			removeTmp()
		}
	}()
	if err = sqlreg.CreateSchema(ctx, db, sqlreg.SQLite); err != nil {
		return Stats{}, fmt.Errorf("demo: %w", err)
	}
	// Secondary indexes are built once at the end, by sorting, instead of
	// row by row (random inserts in the aggiornato_il index dominate
	// otherwise); CreateSchema recreates them.
	if err = dropIndexes(ctx, db); err != nil {
		return Stats{}, fmt.Errorf("demo: %w", err)
	}
	w := newBulkWriter(ctx, db, BatchSize)
	st, err = Generate(ctx, w, opts)
	if err != nil {
		w.Abort()
		return st, err
	}
	if err = w.Close(); err != nil {
		return st, fmt.Errorf("demo: %w", err)
	}
	if err = sqlreg.CreateSchema(ctx, db, sqlreg.SQLite); err != nil {
		return st, fmt.Errorf("demo: %w", err)
	}
	for _, stmt := range []string{"ANALYZE", "PRAGMA synchronous=FULL", "PRAGMA journal_mode=WAL", "PRAGMA wal_checkpoint(TRUNCATE)"} {
		if _, err = db.ExecContext(ctx, stmt); err != nil {
			return st, fmt.Errorf("demo: %s: %w", stmt, err)
		}
	}
	closed = true
	if err = db.Close(); err != nil {
		return st, fmt.Errorf("demo: %w", err)
	}
	if err = ctx.Err(); err != nil {
		return st, err
	}
	if err = os.Rename(tmp, path); err != nil {
		return st, fmt.Errorf("demo: %w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	return st, nil
}

// dropIndexes drops the schema's explicit indexes (not the primary keys').
func dropIndexes(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := db.ExecContext(ctx, `DROP INDEX "`+n+`"`); err != nil {
			return err
		}
	}
	return nil
}
