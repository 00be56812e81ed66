// Command export_one_person exports the application of one resident, the
// person in front of a help-desk operator, from a SQLite register to an
// ELI2 import file.
//
//	go run ./examples/export_one_person -db demo.db -person P0000001 -out pratica.xml
//
// Create a register to try it with `eli2 demo --out demo.db`. The export
// is recorded in an audit log (pratica.xml.audit.jsonl) and the file is
// written atomically, readable by its owner only.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

func main() {
	db := flag.String("db", "demo.db", "SQLite register")
	person := flag.String("person", "", "register ID of the person")
	out := flag.String("out", "pratica.xml", "output file")
	operator := flag.String("operator", "sportello-1", "operator ID for the audit log")
	flag.Parse()
	if *person == "" {
		fmt.Fprintln(os.Stderr, "export_one_person: -person is required")
		os.Exit(2)
	}
	if err := run(*db, *person, *out, *operator); err != nil {
		fmt.Fprintln(os.Stderr, "export_one_person:", err)
		os.Exit(1)
	}
}

func run(db, person, out, operator string) error {
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

	sum, err := export.RunIDs(ctx, src, []string{person}, export.File(out), export.Options{
		Operator: operator, // required: recorded in every audit event
		AuditLog: audit,    // one synced batch before the file is put in place
		Purpose:  "rinnovo permesso di soggiorno",
	})
	for _, s := range sum.Skips {
		fmt.Printf("not exported: %s %v\n", s.PersonID, s.Codes)
		for _, p := range s.Problems {
			fmt.Printf("  %s: %s\n", p.Path, p.Message)
		}
	}
	if err != nil {
		return err
	}
	fmt.Printf("exported %d application to %s\n", sum.Exported, out)
	return nil
}
