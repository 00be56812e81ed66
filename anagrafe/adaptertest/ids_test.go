package adaptertest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

func TestIntegerIDs(t *testing.T) {
	f := DefaultFixture()
	g := IntegerIDs(f)
	require.Len(t, g.Records, len(f.Records))
	byID := map[string]*anagrafe.Record{}
	for _, r := range g.Records {
		assert.True(t, isCanonicalInt(r.Person.ID), r.Person.ID)
		byID[r.Person.ID] = r
	}
	// P001 is the first non-integer ID: 20001; its children point at it.
	p001 := byID["20001"]
	require.NotNil(t, p001)
	assert.Equal(t, "LMRYSF85C10Z330C", p001.Person.CodiceFiscale)
	for _, r := range g.Records {
		if r.Person.FatherID != "" {
			assert.NotNil(t, byID[r.Person.FatherID], "father of %s", r.Person.ID)
		}
		if r.Family != nil {
			for _, m := range r.Family.Members {
				assert.NotNil(t, byID[m.ID], "member %s", m.ID)
			}
			assert.Equal(t, anagrafe.RelHead, r.Family.Members[0].Relation, "head first")
		}
	}
	// Integer-like IDs are kept; past permits follow them.
	assert.NotNil(t, byID["10"])
	assert.Equal(t, f.PastPermits, g.PastPermits)
	// The input is not modified.
	assert.Equal(t, "P001", f.Records[0].Person.ID)
	for i := 1; i < len(g.Records); i++ {
		assert.Less(t, g.Records[i-1].Person.ID, g.Records[i].Person.ID)
	}
}

func TestIsCanonicalInt(t *testing.T) {
	for s, want := range map[string]bool{"0": true, "10": true, "20001": true, "": false, "010": false, "-1": false, "1e1": false, "P1": false, "1234567890123456789": false} {
		assert.Equal(t, want, isCanonicalInt(s), s)
	}
}
