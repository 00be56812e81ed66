package export_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Run streams the persons a query selects into one import file; every
// exported person is recorded in the audit log first.
func ExampleRun() {
	dir, _ := os.MkdirTemp("", "export-example-")
	defer os.RemoveAll(dir)
	audit, err := anagrafe.OpenAuditLog(filepath.Join(dir, "audit.jsonl"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer audit.Close()

	src := memory.New(anagrafetest.Records()...)
	sum, err := export.Run(context.Background(), src, anagrafe.ExpiringWithin(60), export.File(filepath.Join(dir, "pratiche.xml")), export.Options{
		Map:      anagrafe.MapOptions{On: anagrafetest.RefDate},
		Operator: "op1", // who exports: recorded in every audit event
		Header:   eli2.Intestazione{Sportello: "anagrafe-centro"},
		AuditLog: audit, // one synced batch before the file is put in place
		Purpose:  "permessi in scadenza",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("selected %d, exported %d, skipped %d\n", sum.Selected, sum.Exported, sum.Skipped)
	// Output: selected 2, exported 2, skipped 0
}

// RunIDs exports the person in front of the help-desk operator, one file
// per applicant with Split.
func ExampleRunIDs() {
	dir, _ := os.MkdirTemp("", "export-example-")
	defer os.RemoveAll(dir)
	var events []anagrafe.AuditEvent
	hook := func(_ context.Context, ev anagrafe.AuditEvent) error {
		events = append(events, ev)
		return nil
	}
	src := memory.New(anagrafetest.Records()...)
	sum, err := export.RunIDs(context.Background(), src, []string{"P001"}, export.Split(filepath.Join(dir, "out")), export.Options{
		Map:      anagrafe.MapOptions{On: anagrafetest.RefDate},
		Operator: "sportello-1",
		Audit:    hook,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	names, _ := os.ReadDir(filepath.Join(dir, "out"))
	// The set's manifest (.eli2-export.json) lists the files.
	fmt.Println(sum.Exported, names[0].Name(), names[1].Name(), events[0].PersonID, events[0].Action)
	// Output: 1 .eli2-export.json P001.xml P001 export
}
