package main

import (
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2/preview"
)

// euro formats cents the Italian way: € 1.234,50.
func euro(cents int) string {
	e, c := cents/100, cents%100
	s := fmt.Sprint(e)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return fmt.Sprintf("€ %s,%02d", s, c)
}

// previewFees words a desk.FeeEstimate for the preview's fees box: what
// each line is for (the table's SI_APPLICA_A), the amount or why there is
// none, the source and the date from which the table's amount applies.
func previewFees(est desk.FeeEstimate, t *codes.Tables) *preview.Fees {
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
		case desk.FeeDue:
			line.Amount = euro(l.Amount)
		case desk.FeeExempt:
			line.Amount = "non dovuto"
		default:
			line.Amount, line.Unknown = "importo non determinato", true
		}
		f.Lines = append(f.Lines, line)
	}
	f.Total = euro(est.Total)
	if !est.Complete {
		f.Total += " (parziale: un importo non è determinato)"
	}
	f.Notes = append(f.Notes, "Importi indicativi, calcolati alla data del "+dmy(est.On)+" dalle tabelle dell'SDK: l'importo dovuto è quello indicato dall'ufficio postale.")
	for _, e := range est.Unchecked {
		f.Notes = append(f.Notes, "Da verificare con il richiedente: "+strings.TrimSpace(e.Description)+" ("+e.Source+").")
	}
	return f
}
