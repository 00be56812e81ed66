// Command batch_expiring exports, as one ELI2 import file, the applications
// of every resident whose permit expires in the next days (60 by default),
// so that the help desk can call them before expiry. Invalid records are
// skipped and listed with their reasons.
//
//	go run ./examples/batch_expiring -db demo.db -days 60 -out in_scadenza.xml
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/codes"
)

func main() {
	db := flag.String("db", "demo.db", "SQLite register")
	days := flag.Int("days", 60, "expiry window in days")
	out := flag.String("out", "in_scadenza.xml", "output file")
	on := flag.String("on", "", "reference date YYYY-MM-DD (default today)")
	flag.Parse()
	ref, err := codes.ParseDate(*on)
	if err != nil {
		fmt.Fprintln(os.Stderr, "batch_expiring:", err)
		os.Exit(2)
	}
	if err := run(*db, *days, *out, ref); err != nil {
		fmt.Fprintln(os.Stderr, "batch_expiring:", err)
		os.Exit(1)
	}
}

func run(db string, days int, out string, on codes.Date) error {
	ctx := context.Background()
	// Open only reads the register: a missing file is an error (no empty
	// database is created) and the file is left unchanged.
	src, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{})
	if err != nil {
		return err
	}
	defer src.Close()
	audit, err := anagrafe.OpenAuditLog(out + ".audit.jsonl")
	if err != nil {
		return err
	}
	defer audit.Close()

	q := anagrafe.ExpiringWithin(days).At(on)
	sum, err := export.Run(ctx, src, q, export.File(out), export.Options{
		Map:      anagrafe.MapOptions{On: on},
		Operator: "batch-notturno", // required: recorded in every audit event
		AuditLog: audit,            // one synced batch before the file is put in place
		Purpose:  fmt.Sprintf("permessi in scadenza entro %d giorni", days),
	})
	if err != nil {
		return err
	}
	fmt.Printf("selected %d, exported %d, skipped %d, not eligible %d\n", sum.Selected, sum.Exported, sum.Skipped, sum.NotEligible)
	for _, r := range sum.Reasons {
		fmt.Printf("  %-20s %d\n", r.Code, r.Count)
	}
	return nil
}
