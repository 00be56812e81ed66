package export_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

func TestRunNotEligibleByReason(t *testing.T) {
	// Issue 10: a citizen of Italy or of an EU/EEA state or Switzerland is
	// skipped as "non soggetto a permesso" (art. 1 c.1 d.lgs. 286/1998),
	// not counted as an error; a child under 14 without a permit of their
	// own is listed in a parent's application (l. 122/2016).
	persons := anagrafetest.Persons()
	for i := range persons {
		switch persons[i].ID {
		case "P003": // Sara, 10: no permit of her own
			persons[i].Permit = nil
		case "P2": // naturalised: Bangladeshi and Italian
			persons[i].Citizenships = append(persons[i].Citizenships, "100")
		}
	}
	var a auditRecorder
	sum, err := export.Run(context.Background(), memory.FromPersons(persons...), anagrafe.All(),
		export.File(filepath.Join(t.TempDir(), "out.xml")), baseOptions(&a))
	require.NoError(t, err)
	assert.Equal(t, 3, sum.NotEligible)
	require.Len(t, sum.NotEligibleReasons, 2)
	byCode := map[string]export.Reason{}
	for _, r := range sum.NotEligibleReasons {
		byCode[r.Code] = r
	}
	assert.Equal(t, 2, byCode[export.ReasonNotSubject].Count, "P040 and P2")
	assert.Contains(t, byCode[export.ReasonNotSubject].Message, "non soggetto a permesso")
	assert.Equal(t, 1, byCode[export.ReasonListedWithParent].Count, "P003")
	for _, r := range sum.Reasons {
		assert.NotEqual(t, export.ReasonNotSubject, r.Code, "not an error reason")
		assert.NotEqual(t, export.ReasonNoPermit, r.Code)
	}
	assert.Equal(t, sum.Selected, sum.Exported+sum.Skipped+sum.NotEligible)
}
