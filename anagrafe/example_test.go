package anagrafe_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

// Search uses the source's own query support when it has it and filters
// the full stream otherwise.
func ExampleSearch() {
	src := memory.New(anagrafetest.Records()...)
	ctx := context.Background()
	q := anagrafe.ExpiringWithin(30).At(anagrafetest.RefDate)
	for rec, err := range anagrafe.Search(ctx, src, q) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(rec.Person.ID, rec.Person.Permit.ExpiryDate)
	}
	n, _ := anagrafe.Count(ctx, src, anagrafe.ExpiredMoreThan(6).At(anagrafetest.RefDate))
	fmt.Println("expired more than six months ago:", n)
	// Output:
	// P001 2026-07-15
	// P011 2026-06-15
	// expired more than six months ago: 1
}

// Map turns a register record into an application for ELI2 and returns
// the validator's findings.
func ExampleMap() {
	rec := anagrafetest.ByID("P010")
	p, problems, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Richiesta.TipoRichiesta, p.Richiesta.Tipologia, p.Richiesta.TipoTitolo, p.Questura)
	fmt.Println(p.Richiedente.Cognome, p.Richiedente.Nome, p.Richiedente.Cittadinanza)
	fmt.Println("permit held:", p.TitoloPosseduto.Tipo, "passport:", p.Documento.Numero)
	for _, f := range p.Familiari {
		fmt.Println(f.Relazione, f.Nome)
	}
	fmt.Println("blocking problems:", problems.HasErrors())
	// Output:
	// RINNOVO 16 PERMESSO AN
	// SEVCENKO OLENA 243
	// permit held: 6 passport: FE000002
	// FIGLIO DMYTRO
	// blocking problems: false
}

// An Exporter records every access in the audit log before mapping.
func ExampleExporter() {
	dir, _ := os.MkdirTemp("", "audit")
	defer os.RemoveAll(dir)
	log, err := anagrafe.OpenAuditLog(filepath.Join(dir, "audit.jsonl"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer log.Close()
	ex := &anagrafe.Exporter{
		Source:   memory.New(anagrafetest.Records()...),
		Audit:    log.Hook(),
		Operator: "sportello-3",
		Purpose:  "rinnovo permesso di soggiorno",
		Options:  anagrafe.MapOptions{On: anagrafetest.RefDate},
	}
	e, err := ex.One(context.Background(), "P020", anagrafe.Request{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Pratica.Richiedente.Cognome, e.Pratica.Richiedente.Cittadinanza)
	// Output:
	// MUELLER DA SILVA 615
}

// An adapter reports a record it cannot read as a RecordError: the message
// names the record and the field, never the value, and callers branch on
// the reason.
func ExampleRecordError() {
	var err error = &anagrafe.RecordError{
		PersonID: "RSSMRA85T10A562S", Field: "persone.data_nascita",
		Reason: anagrafe.ReasonImpossibleDate, Err: anagrafe.ErrImpossibleDate,
	}
	fmt.Println(err)
	fmt.Println(anagrafe.IsRecordError(err), errors.Is(err, anagrafe.ErrImpossibleDate))
	// Output:
	// anagrafe: record person RSSMRA*********S, field persone.data_nascita: anagrafe: impossible date
	// true true
}
