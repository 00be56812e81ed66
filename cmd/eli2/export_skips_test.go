package main

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/retecomuni/eli2sdk/anagrafe/export"
)

func TestExportPrintSummaryGroupsReasons(t *testing.T) {
	// Issue 10: the summary groups skips by reason; persons not subject to
	// a permit are a reason of their own, not an error; a record whose ID
	// could not be read still shows its reason.
	s := export.Summary{
		Selected: 10, Exported: 5, Skipped: 2, NotEligible: 3,
		Reasons: []export.Reason{{Code: export.ReasonSourceRow, Count: 1}, {Code: "cf_checksum", Count: 1, Message: "codice fiscale errato"}},
		NotEligibleReasons: []export.Reason{
			{Code: export.ReasonNotSubject, Count: 2, Message: "non soggetto a permesso (cittadino italiano, UE, SEE o svizzero)"},
			{Code: export.ReasonListedWithParent, Count: 1, Message: "figlio elencato"},
		},
		Skips: []export.Skipped{
			{Codes: []string{export.ReasonSourceRow}, Err: errors.New("column data_nascita: bad date")},
			{PersonID: "P0000007", Codes: []string{"cf_checksum"}},
		},
	}
	var b bytes.Buffer
	exportPrintSummary(&b, s, true, false)
	out := b.String()
	for _, want := range []string{
		"esportate 5, scartate 2 (lette 10, 3 senza pratica propria)\n",
		"senza pratica propria (non sono errori):\n",
		"  not_subject                       2  non soggetto a permesso (cittadino italiano, UE, SEE o svizzero)\n",
		"  listed_with_parent                1  figlio elencato\n",
		"motivi dello scarto:\n",
		"  source_row                        1  record illeggibile nell'anagrafe\n",
		"  scartato un record senza ID leggibile: source_row (column data_nascita: bad date)\n",
		"  scartata P0000007: cf_checksum\n",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "scartata ?")
}
