package desk

import (
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2/preview"
)

// Euro formats cents the Italian way: € 1.234,50.
func Euro(cents int) string {
	e, c := cents/100, cents%100
	s := fmt.Sprint(e)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return fmt.Sprintf("€ %s,%02d", s, c)
}

// PreviewFees words est for the "importi indicativi" box of the Modulo 1
// preview (preview.Item.Fees), in Italian: what each line is for (the
// table's SI_APPLICA_A), the amount or why there is none, the source and
// the date from which the table's amount applies; t is the table est was
// computed with (nil: codes.Default()).
func PreviewFees(est FeeEstimate, t *codes.Tables) *preview.Fees {
	t = tablesOr(t)
	f := &preview.Fees{Title: "Importi indicativi"}
	for _, l := range est.Lines {
		item := l.Voce
		if fee, ok := t.Fee(l.Voce); ok {
			item = fee.AppliesTo
		}
		line := preview.FeeLine{Item: item, Reason: l.Text("it"), Source: l.Source}
		if l.From != 0 {
			line.Source += " (tabella in vigore dal " + dmy(l.From) + ")"
		}
		switch l.Status {
		case FeeDue:
			line.Amount = Euro(l.Amount)
		case FeeExempt:
			line.Amount = "non dovuto"
		default:
			line.Amount, line.Unknown = "importo non determinato", true
		}
		f.Lines = append(f.Lines, line)
	}
	f.Total = Euro(est.Total)
	if !est.Complete {
		f.Total += " (parziale: un importo non è determinato)"
	}
	f.Notes = append(f.Notes, "Importi indicativi, calcolati alla data del "+dmy(est.On)+" dalle tabelle dell'SDK: l'importo dovuto è quello indicato dall'ufficio postale.")
	for _, e := range est.Unchecked {
		f.Notes = append(f.Notes, "Da verificare con il richiedente: "+strings.TrimSpace(e.Description)+" ("+e.Source+").")
	}
	return f
}
