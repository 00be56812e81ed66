package sqlreg

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed schema.sql
var schemaSQL string

// SchemaVersion is the version of the schema in schema.sql.
const SchemaVersion = 1

// Schema returns the text of schema.sql: the tables and columns the adapter
// reads, each documented.
func Schema() string { return schemaSQL }

// Dialect is the SQL dialect of a database.
type Dialect int

// Supported dialects.
const (
	SQLite   Dialect = iota + 1 // modernc.org/sqlite, driver name "sqlite"
	Postgres                    // github.com/jackc/pgx/v5/stdlib, driver name "pgx"
)

// String returns the dialect's name.
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case Postgres:
		return "postgres"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

// DriverName returns the database/sql driver name registered for d.
func (d Dialect) DriverName() string {
	if d == Postgres {
		return "pgx"
	}
	return "sqlite"
}

// statements splits schema.sql into statements (it holds no ';' except at
// the end of statements).
func statements() []string {
	var out []string
	for _, chunk := range strings.Split(schemaSQL, ";") {
		var b strings.Builder
		for _, line := range strings.Split(chunk, "\n") {
			if i := strings.Index(line, "--"); i >= 0 {
				line = line[:i]
			}
			if strings.TrimSpace(line) != "" {
				b.WriteString(line)
				b.WriteByte('\n')
			}
		}
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// CreateSchema creates the tables and indexes of schema.sql in db if they
// do not exist, in one transaction. On PostgreSQL it also creates an index
// on persone.id in the "C" collation, which the adapter orders by.
func CreateSchema(ctx context.Context, db *sql.DB, d Dialect) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlreg: create schema: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	stmts := statements()
	if d == Postgres {
		stmts = append(stmts, `CREATE INDEX IF NOT EXISTS persone_id_c ON persone (id COLLATE "C")`)
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("sqlreg: create schema: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlreg: create schema: %w", err)
	}
	return nil
}

// rebind turns ? placeholders into $1, $2… for PostgreSQL. The adapter's
// queries hold no '?' inside literals.
func (d Dialect) rebind(q string) string {
	if d != Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// idOrder is the expression persons are compared and ordered by: byte
// order in both dialects.
func (d Dialect) idExpr(col string) string {
	if d == Postgres {
		return col + ` COLLATE "C"`
	}
	return col
}
