package desk_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"

	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// ExampleFees estimates what a 24-month renewal for lavoro subordinato
// costs at the post office.
func ExampleFees() {
	p := &eli2.Pratica{
		Richiesta:   eli2.Richiesta{TipoRichiesta: eli2.Rinnovo, Tipologia: 16, DurataMesi: 24},
		Richiedente: eli2.Richiedente{DataNascita: eli2.DateFrom(codes.NewDate(1990, 3, 1))},
	}
	est, err := desk.Fees(p, codes.NewDate(2026, 6, 15), desk.FeeOptions{})
	if err != nil {
		panic(err)
	}
	for _, l := range est.Lines {
		fmt.Printf("%-22s %-7s %6.2f\n", l.Voce, l.Status, float64(l.Amount)/100)
	}
	fmt.Printf("totale %.2f (%s, complete=%v)\n", float64(est.Total)/100, est.Note, est.Complete)
	// Output:
	// contributo_fino_2_anni due      50.00
	// permesso_elettronico   due      30.46
	// marca_da_bollo         due      16.00
	// servizio_postale       due      30.00
	// totale 126.46 (importi indicativi, complete=true)
}

// ExampleReminders lists the residents of a register whose permit expires
// between 60 and 120 days from 15 June 2026, with the days left.
func ExampleReminders() {
	src := memory.New(anagrafetest.Records()...)
	rs, err := desk.Reminders(context.Background(), src, desk.ReminderOptions{
		On:     codes.NewDate(2026, 6, 15),
		Window: desk.Window{From: 120, To: 60},
	})
	if err != nil {
		panic(err)
	}
	for _, r := range rs {
		fmt.Println(r.To.PersonID, r.Expiry, r.DaysLeft, len(r.Documents))
	}
	// Output:
	// P020 2026-09-30 107 2
	// P030 2026-08-31 77 2
}

// ExampleArt11Notices lists the permits expired more than six months
// before the notice date, with the 30-day deadline of the notice.
func ExampleArt11Notices() {
	src := memory.New(anagrafetest.Records()...)
	ns, err := desk.Art11Notices(context.Background(), src, desk.Art11Options{On: codes.NewDate(2026, 6, 16)})
	if err != nil {
		panic(err)
	}
	for _, n := range ns {
		fmt.Println(n.To.PersonID, n.Expiry, n.Deadline)
	}
	// Output:
	// P004 2025-12-14 2026-07-16
	// P2 2025-12-15 2026-07-16
}

// ExampleWindow_Query shows the register query behind a reminder window:
// expiry between 60 and 120 days after the date.
func ExampleWindow_Query() {
	q, err := desk.Window{From: 120, To: 60}.Query(codes.NewDate(2026, 6, 15))
	if err != nil {
		panic(err)
	}
	from, to, _ := q.Bounds()
	fmt.Println(from, to)
	// Output: 2026-08-14 2026-10-13
}

// ExampleLoadChecklist replaces the shipped checklist with the comune's.
func ExampleLoadChecklist() {
	c, err := desk.LoadChecklist(strings.NewReader("TIPO_RICHIESTA;DOCUMENTO;FONTE\n" +
		"*;Modulo 1 compilato;kit del Ministero dell'Interno\n" +
		"DUPLICATO;Denuncia di smarrimento o furto;indicazioni della questura\n"))
	if err != nil {
		panic(err)
	}
	for _, it := range c.For(eli2.Duplicato) {
		fmt.Println(it.Document)
	}
	// Output:
	// Modulo 1 compilato
	// Denuncia di smarrimento o furto
}

// ExampleWriteReminders writes the letters and the mail-merge CSV, each
// person recorded through the audit hook first.
func ExampleWriteReminders() {
	src := memory.New(anagrafetest.Records()...)
	rs, err := desk.Reminders(context.Background(), src, desk.ReminderOptions{On: codes.NewDate(2026, 6, 15), Window: desk.Window{From: 120, To: 60}})
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "lettere")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	audit := func(_ context.Context, ev anagrafe.AuditEvent) error {
		fmt.Println("audit:", ev.Operator, ev.PersonID, ev.Purpose)
		return nil
	}
	w, err := desk.WriteReminders(context.Background(), dir, rs, desk.WriteOptions{
		Office:   desk.Office{Comune: "Comune di Firenze", Name: "Sportello immigrati", Hours: "lun-ven 9-12"},
		Audit:    audit,
		Operator: "mrossi",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(w.Letters, w.CSV)
	// Output:
	// audit: mrossi P020 promemoria rinnovo permesso di soggiorno
	// audit: mrossi P030 promemoria rinnovo permesso di soggiorno
	// [promemoria-0001-P020.html promemoria-0002-P030.html] promemoria.csv
}

// ExampleReminderFor makes the reminder letter of the person at the desk,
// whatever the reminder window; a permit already expired gets none.
func ExampleReminderFor() {
	src := memory.New(anagrafetest.Records()...)
	on := codes.NewDate(2026, 6, 15)
	for _, id := range []string{"P001", "P004"} {
		rec, err := src.Person(context.Background(), id)
		if err != nil {
			panic(err)
		}
		r, err := desk.ReminderFor(rec, desk.ReminderOptions{On: on})
		if errors.Is(err, desk.ErrNoReminder) {
			fmt.Println(id, "no letter")
			continue
		}
		fmt.Println(id, r.Expiry, r.DaysLeft)
	}
	// Output:
	// P001 2026-07-15 30
	// P004 no letter
}
