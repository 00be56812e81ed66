package main

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	_ "modernc.org/sqlite" // driver "sqlite", to read the vendor's sample database

	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/anagrafe/vendormap"
	"github.com/retecomuni/eli2sdk/codes"
)

// schemaRef matches the schema names vendor.sql and views.sql are written
// with (vendor.individui, eli2.persone), which load replaces by the names
// it is given.
var schemaRef = regexp.MustCompile(`\b(vendor|eli2)\.`)

// withSchemas returns ddl with the schemas vendor and eli2 renamed.
func withSchemas(ddl, vendor, views string) string {
	return schemaRef.ReplaceAllStringFunc(ddl, func(m string) string {
		if m == "vendor." {
			return vendor + "."
		}
		return views + "."
	})
}

// vendorTables are the vendor's tables in the order their rows are copied
// (rows before the rows that refer to them).
var vendorTables = []string{"famiglie", "individui", "permessi", "documenti"}

// load creates, in one transaction on the PostgreSQL database at pgURL,
// schema vendor with the vendor's tables (vendor.sql) holding the rows of
// the vendor's SQLite database at sqlitePath (examples/vendor_schema -init),
// and schema views with the code tables (kit codes judged on on) and the
// views (views.sql).
func load(ctx context.Context, sqlitePath, pgURL, vendor, views string, on codes.Date) error {
	src, err := sql.Open("sqlite", "file:"+sqlitePath+"?mode=ro")
	if err != nil {
		return err
	}
	defer src.Close()
	pg, err := sqlreg.Open(ctx, pgURL, sqlreg.Options{Writable: true})
	if err != nil {
		return err
	}
	defer pg.Close()
	tx, err := pg.DB().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, s := range []string{vendor, views} {
		if _, err := tx.ExecContext(ctx, "CREATE SCHEMA "+s); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, withSchemas(vendorSQL, vendor, views)); err != nil {
		return fmt.Errorf("vendor.sql: %w", err)
	}
	for _, t := range vendorTables {
		if err := copyTable(ctx, src, tx, t, vendor+"."+t); err != nil {
			return err
		}
	}
	for _, ct := range codeTables(codes.Default(), vendormap.DefaultPermitTable(), on) {
		if err := ct.create(ctx, tx, views); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, withSchemas(viewsSQL, vendor, views)); err != nil {
		return fmt.Errorf("views.sql: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// fresh statistics, so that the planner picks the indexes at once
	_, err = pg.DB().ExecContext(ctx, "ANALYZE")
	return err
}

// copyTable copies every row of table from the SQLite database to the
// PostgreSQL table dst, which has the same columns.
func copyTable(ctx context.Context, src *sql.DB, tx *sql.Tx, table, dst string) error {
	rows, err := src.QueryContext(ctx, "SELECT * FROM "+table+" ORDER BY id")
	if err != nil {
		return fmt.Errorf("read %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	prefix := "INSERT INTO " + dst + " (" + strings.Join(cols, ", ") + ") VALUES "
	var batch [][]any
	for rows.Next() {
		r := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range r {
			ptrs[i] = &r[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		batch = append(batch, r)
		if len(batch) == 500 {
			if err := insertRows(ctx, tx, prefix, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return insertRows(ctx, tx, prefix, batch)
}
