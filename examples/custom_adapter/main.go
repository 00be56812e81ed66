// Command custom_adapter shows how a registry vendor plugs its own data
// into the SDK: it implements anagrafe.Source (two methods) over its own
// row format (Scheda, JSON lines here) and gets the export pipeline for
// free. Its test runs the SDK's conformance suite (adaptertest) on it.
//
//	go run ./examples/custom_adapter -sample schede.jsonl         # write sample vendor data
//	go run ./examples/custom_adapter -data schede.jsonl -out pratiche.xml
package main

import (
	"bytes"
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
	sample := flag.String("sample", "", "write sample vendor data (JSON lines) to this file and exit")
	data := flag.String("data", "", "vendor data (JSON lines)")
	out := flag.String("out", "pratiche.xml", "output file")
	on := flag.String("on", "", "reference date YYYY-MM-DD (default today)")
	flag.Parse()
	var err error
	switch {
	case *sample != "":
		err = writeSample(*sample)
	case *data != "":
		err = exportAll(*data, *out, *on)
	default:
		fmt.Fprintln(os.Stderr, "custom_adapter: -sample FILE or -data FILE")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "custom_adapter:", err)
		os.Exit(1)
	}
}

func writeSample(path string) error {
	var rows []Scheda
	for _, r := range anagrafetest.Records() {
		rows = append(rows, ToScheda(&r.Person))
	}
	var b bytes.Buffer
	if err := WriteSchede(&b, rows); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o600)
}

func exportAll(data, out, on string) error {
	ref, err := codes.ParseDate(on)
	if err != nil {
		return err
	}
	f, err := os.Open(data)
	if err != nil {
		return err
	}
	rows, err := ReadSchede(f)
	f.Close()
	if err != nil {
		return err
	}
	src, err := NewSource(rows)
	if err != nil {
		return err
	}
	audit, err := anagrafe.OpenAuditLog(out + ".audit.jsonl")
	if err != nil {
		return err
	}
	defer audit.Close()
	sum, err := export.Run(context.Background(), src, anagrafe.All(), export.File(out), export.Options{
		Map:      anagrafe.MapOptions{On: ref},
		Operator: "custom-example", // required: recorded in every audit event
		AuditLog: audit,            // one synced batch before the file is put in place
	})
	if err != nil {
		return err
	}
	fmt.Printf("exported %d, skipped %d, not eligible %d\n", sum.Exported, sum.Skipped, sum.NotEligible)
	return nil
}
