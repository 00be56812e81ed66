package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/internal/atomicfile"
	"github.com/retecomuni/eli2sdk/internal/csvsafe"
)

// exportArt11Action is the audit action of a person listed for the
// procedure of DPR 223/1989 art. 11.
const exportArt11Action = "art11-list"

// exportArt11Header are the columns of the list eli2 export --expired
// writes (one person per row, semicolon-separated, UTF-8): what the
// registry office needs to send the notice of art. 11 c.1 lett. c.
var exportArt11Header = []string{"id", "cognome", "nome", "codice_fiscale", "cittadinanze", "famiglia",
	"indirizzo", "numero_permesso", "questura", "scadenza_permesso", "mesi_dalla_scadenza"}

// exportArt11 writes to out the persons whose permit expired more than
// months months before on (anagrafe.ExpiredCandidates; six months is the
// term of DPR 223/1989 art. 11 c.1 lett. c), one CSV row each, recording
// every person listed in the audit log. Nothing is written when an error
// stops the listing. It returns the number of persons listed.
func exportArt11(ctx context.Context, src anagrafe.Source, on codes.Date, months int, out string,
	audit anagrafe.AuditHook, operator, purpose string, recoverable func(error) bool) (int, int, error) {
	if on == 0 {
		on = codes.Today()
	}
	listed, unreadable := 0, 0
	// The audit lines are recorded once every row is written, before the
	// list is renamed into place: a list that is not delivered is not
	// audited as delivered, and a failed audit write leaves no list.
	var events []anagrafe.AuditEvent
	err := atomicfile.Write(out, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		cw.Comma = ';'
		if err := cw.Write(exportArt11Header); err != nil {
			return err
		}
		for c, err := range anagrafe.ExpiredCandidates(ctx, src, on, months) {
			if err != nil {
				if recoverable != nil && recoverable(err) {
					unreadable++
					continue
				}
				return err
			}
			p := &c.Record.Person
			events = append(events, anagrafe.AuditEvent{Time: time.Now(), Operator: operator, PersonID: p.ID, Purpose: purpose, Action: exportArt11Action})
			if err := cw.Write(csvsafe.Record(exportArt11Row(c))); err != nil {
				return err
			}
			listed++
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		for _, ev := range events {
			if err := audit(ctx, ev); err != nil {
				return fmt.Errorf("audit: %w", err)
			}
		}
		return nil
	})
	return listed, unreadable, err
}

// exportArt11Row is one row of the list, names as the register spells them.
func exportArt11Row(c anagrafe.Art11Candidate) []string {
	p := &c.Record.Person
	cits := ""
	for i, s := range p.Citizenships {
		if i > 0 {
			cits += " "
		}
		cits += s
	}
	a := p.Address
	addr := a.Specie + " " + a.Street + " " + a.Number + a.Exponent
	if a.Interior != "" {
		addr += " int. " + a.Interior
	}
	addr += ", " + a.CAP + " " + a.Comune + " (" + a.Province + ")"
	pm := p.Permit
	return []string{p.ID, p.Surname, p.Name, p.CodiceFiscale, cits, p.FamilyID, addr, pm.Number, pm.Questura,
		c.Expiry.String(), strconv.Itoa(c.Months)}
}

// art11List reports whether the export lists persons for the art. 11
// procedure instead of writing applications: --expired without
// --as-renewal.
func (a *exportArgs) art11List() bool { return a.expired != "" && !a.asRenewal }

// art11Usage returns the usage error of --expired/--as-renewal, or "".
func (a *exportArgs) art11Usage() string {
	switch {
	case a.asRenewal && a.expired == "":
		return "--as-renewal vale solo con --expired"
	case a.art11List() && a.split != "":
		return "--expired scrive un elenco in --out, non pratiche in --split (per le pratiche di rinnovo: --as-renewal)"
	}
	return ""
}

// exportRunArt11 lists the persons for the art. 11 procedure and prints
// the outcome; it returns the exit code.
func exportRunArt11(ctx context.Context, src anagrafe.Source, q anagrafe.Query, on codes.Date, out string,
	audit anagrafe.AuditHook, operator, purpose string, stderr io.Writer, interruptedExit func() int) int {
	n, unreadable, err := exportArt11(ctx, src, on, q.Months, out, audit, operator, purpose, exportRecoverable)
	switch {
	case err != nil && ctx.Err() != nil:
		return interruptedExit()
	case err != nil:
		fmt.Fprintf(stderr, "eli2 export: %v; nessun file scritto\n", err)
		return exportExitUsage
	}
	fmt.Fprintf(stderr, "elencate %d persone con permesso scaduto da più di %d mesi, per il procedimento dell'art. 11 DPR 223/1989 (nessuna pratica di rinnovo: per esportarle usare --as-renewal)\n", n, q.Months)
	if unreadable > 0 {
		fmt.Fprintf(stderr, "record illeggibili nell'anagrafe, non elencati: %d\n", unreadable)
	}
	fmt.Fprintf(stderr, "scritto %s\n", out)
	return exportExitOK
}

// exportRecoverable reports whether a register error concerns one record
// only (an *anagrafe.RecordError, whatever the adapter): the list goes on.
func exportRecoverable(err error) bool { return anagrafe.IsRecordError(err) }
