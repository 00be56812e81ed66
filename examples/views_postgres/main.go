// Command views_postgres shows the views path: a registry vendor whose
// PostgreSQL database has its own schema (vendor.sql: individui, famiglie,
// permessi with free-text types and cancelled rows, integer ids, ISTAT
// comune codes, the birth state by name) creates views matching
// anagrafe/sqlreg/schema.sql (views.sql) and exports with the SDK's
// reference SQL adapter, without writing an adapter in Go. The views read
// code tables made from the SDK's (codetables.go).
//
// The sample data are those of examples/vendor_schema, copied from its
// SQLite database, so that both paths export the same register:
//
//	go run ./examples/vendor_schema -init registro.db
//	go run ./examples/views_postgres -load registro.db -pg 'postgres://…/db' -on 2026-06-15
//	go run ./examples/views_postgres -pg 'postgres://…/db?search_path=eli2' -days 60 -out pratiche.xml -on 2026-06-15
//
// -load creates schemas vendor (the tables) and eli2 (views and code
// tables), or those named by -vendor-schema and -views-schema. The export
// URL names the views' schema with search_path; the same URL works with
// `eli2 export --db`.
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"regexp"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/codes"
)

//go:embed vendor.sql
var vendorSQL string

//go:embed views.sql
var viewsSQL string

// schemaName is what -vendor-schema and -views-schema accept: a plain
// lower-case identifier, used unquoted in SQL.
var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

func main() {
	loadDB := flag.String("load", "", "copy this vendor SQLite database (examples/vendor_schema -init) into PostgreSQL and create the views")
	pgURL := flag.String("pg", "", "PostgreSQL URL (postgres://…); for the export, with search_path naming the views' schema")
	vendor := flag.String("vendor-schema", "vendor", "schema of the vendor's tables (-load)")
	views := flag.String("views-schema", "eli2", "schema of the views and code tables (-load)")
	days := flag.Int("days", 0, "export permits expiring within this many days (0: everyone)")
	out := flag.String("out", "pratiche.xml", "output file")
	on := flag.String("on", "", "reference date YYYY-MM-DD (default today)")
	flag.Parse()
	if *pgURL == "" {
		fmt.Fprintln(os.Stderr, "views_postgres: -pg URL is required")
		os.Exit(2)
	}
	ref := codes.Today()
	if *on != "" {
		d, err := codes.ParseDate(*on)
		if err != nil {
			fmt.Fprintln(os.Stderr, "views_postgres: -on:", err)
			os.Exit(2)
		}
		ref = d
	}
	var err error
	switch {
	case *loadDB != "":
		if !schemaName.MatchString(*vendor) || !schemaName.MatchString(*views) || *vendor == *views {
			fmt.Fprintln(os.Stderr, "views_postgres: schema names must be distinct lower-case identifiers")
			os.Exit(2)
		}
		if _, err = os.Stat(*loadDB); err == nil {
			err = load(context.Background(), *loadDB, *pgURL, *vendor, *views, ref)
		}
		if err == nil {
			fmt.Printf("loaded: tables in %s, views in %s\n", *vendor, *views)
		}
	default:
		err = exportViews(context.Background(), *pgURL, *out, ref, *days)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "views_postgres:", err)
		os.Exit(1)
	}
}

// exportViews exports through the views with the reference SQL adapter.
// The vendor does not store the declaration of habitual residence.
func exportViews(ctx context.Context, url, out string, on codes.Date, days int) error {
	src, err := sqlreg.Open(ctx, url, sqlreg.Options{NoResidenceDeclaration: true})
	if err != nil {
		return err
	}
	defer src.Close()
	audit, err := anagrafe.OpenAuditLog(out + ".audit.jsonl")
	if err != nil {
		return err
	}
	defer audit.Close()
	q := anagrafe.All()
	if days > 0 {
		q = anagrafe.ExpiringWithin(days)
	}
	sum, err := export.Run(ctx, src, q, export.File(out), export.Options{
		Map:      anagrafe.MapOptions{On: on},
		Audit:    audit.Hook(),
		Operator: "views-example", // required: recorded in every audit event
	})
	if err != nil {
		return err
	}
	fmt.Printf("exported %d, skipped %d, not eligible %d\n", sum.Exported, sum.Skipped, sum.NotEligible)
	return nil
}
