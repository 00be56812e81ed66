package export_test

import (
	"context"
	"iter"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

// misorderedSource breaks the Source contract (ascending IDs, each once):
// it yields the records of its list as they are.
type misorderedSource struct {
	anagrafe.Source
	recs []*anagrafe.Record
}

func (s misorderedSource) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		for _, r := range s.recs {
			if !yield(r.Clone(), nil) {
				return
			}
		}
	}
}

func TestRunRejectsSourcesOutOfOrder(t *testing.T) {
	recs := anagrafetest.Records()
	base := memory.New(recs...)
	reversed := slices.Clone(recs)
	slices.Reverse(reversed)
	twice := []*anagrafe.Record{recs[0], recs[0]}
	for name, list := range map[string][]*anagrafe.Record{"descending": reversed, "repeated": twice} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.xml")
			var a auditRecorder
			_, err := export.Run(context.Background(), misorderedSource{Source: base, recs: list}, anagrafe.All(), export.File(out), baseOptions(&a))
			require.ErrorIs(t, err, export.ErrSource)
			assert.Contains(t, err.Error(), "ordine crescente")
			assert.NoFileExists(t, out)
		})
	}
}

func TestRunIDsExportsARepeatedIDOnce(t *testing.T) {
	out := filepath.Join(t.TempDir(), "one.xml")
	var a auditRecorder
	sum, err := export.RunIDs(context.Background(), memory.New(anagrafetest.Records()...),
		[]string{"P001", "P001"}, export.File(out), baseOptions(&a))
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Exported)
	_, ps := decodeAll(t, out)
	require.Len(t, ps, 1)
}

func TestRunGeneratedIDsDoNotCollideWithRegisterIDs(t *testing.T) {
	// A person whose register ID is a codice fiscale gets a generated id
	// (PRATICA-1: it comes first); another person's register ID is that
	// very string. Both must be exported under distinct ids.
	var renamed []*anagrafe.Record
	for _, r := range anagrafetest.Records() {
		c := r.Clone()
		switch c.Person.ID {
		case "P002":
			c.Person.ID = "LMRYSF85C10Z330C"
		case "P003":
			c.Person.ID = "PRATICA-1"
		}
		renamed = append(renamed, c)
	}
	out := filepath.Join(t.TempDir(), "out.xml")
	var a auditRecorder
	sum, err := export.Run(context.Background(), memory.New(renamed...), anagrafe.All(), export.File(out), baseOptions(&a))
	require.NoError(t, err)
	assert.Equal(t, 11, sum.Exported, "every exportable fixture, the renamed ones included")
	_, ps := decodeAll(t, out)
	require.Len(t, ps, sum.Exported)
	ids := map[string]bool{}
	for _, p := range ps {
		require.False(t, ids[p.ID], "id %s written twice", p.ID)
		ids[p.ID] = true
	}
	assert.True(t, ids["PRATICA-1"], "the codice fiscale ID is replaced by a generated id")
}
