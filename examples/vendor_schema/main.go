// Command vendor_schema shows a registry vendor's adapter over its own,
// non-ANPR schema (schema.sql: individui, famiglie, permessi, documenti in
// SQLite) with integer keys, ISTAT comune codes, the birth state stored by
// name, free-text permit types and a history of cancelled and superseded
// permit rows. It maps them with package vendormap, pushes the expiry
// queries down to SQL (anagrafe.Querier), and declares to the conformance
// suite what the schema does not store (source_test.go).
//
//	go run ./examples/vendor_schema -init registro.db                  # sample vendor database
//	go run ./examples/vendor_schema -db registro.db -days 60 -out pratiche.xml -on 2026-06-15
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/codes"
)

func main() {
	initDB := flag.String("init", "", "create a sample vendor database at this path and exit")
	db := flag.String("db", "", "vendor database (SQLite)")
	days := flag.Int("days", 0, "export permits expiring within this many days (0: everyone)")
	out := flag.String("out", "pratiche.xml", "output file")
	on := flag.String("on", "", "reference date YYYY-MM-DD (default today)")
	flag.Parse()
	var err error
	switch {
	case *initDB != "":
		err = sample(*initDB)
	case *db != "":
		err = exportFrom(*db, *out, *on, *days)
	default:
		fmt.Fprintln(os.Stderr, "vendor_schema: -init FILE or -db FILE")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "vendor_schema:", err)
		os.Exit(1)
	}
}

// sample writes the SDK's integer-keyed fixture households (with their
// permit history) in the vendor's format.
func sample(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists", path)
	}
	src, err := Open(path, Options{})
	if err != nil {
		return err
	}
	defer src.Close()
	return src.Insert(context.Background(), anagrafetest.HistoryRecords(), anagrafetest.PastPermits())
}

func exportFrom(db, out, on string, days int) error {
	var ref codes.Date
	if on != "" {
		var err error
		if ref, err = codes.ParseDate(on); err != nil {
			return err
		}
	}
	if _, err := os.Stat(db); err != nil {
		return err // never create an empty register by mistake
	}
	src, err := Open(db, Options{On: ref})
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
	sum, err := export.Run(context.Background(), src, q, export.File(out), export.Options{
		Map:      anagrafe.MapOptions{On: ref},
		Operator: "vendor-example", // required: recorded in every audit event
		Audit:    audit.Hook(),
	})
	if err != nil {
		return err
	}
	fmt.Printf("exported %d, skipped %d, not eligible %d\n", sum.Exported, sum.Skipped, sum.NotEligible)
	return nil
}
