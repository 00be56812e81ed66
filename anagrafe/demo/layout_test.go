package demo_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
)

// idSpread returns the mean distance between the register numbers of
// consecutive members of a household (over households of two or more).
func idSpread(t *testing.T, ps []anagrafe.Person) float64 {
	t.Helper()
	byFam := map[string][]int{}
	for _, p := range ps {
		n, err := strconv.Atoi(p.ID[1:])
		require.NoError(t, err)
		if p.FamilyID != "" {
			byFam[p.FamilyID] = append(byFam[p.FamilyID], n)
		}
	}
	sum, pairs := 0, 0
	for _, ns := range byFam {
		for i := 1; i < len(ns); i++ {
			d := ns[i] - ns[i-1]
			sum += max(d, -d)
			pairs++
		}
	}
	require.Positive(t, pairs)
	return float64(sum) / float64(pairs)
}

func TestGenerateLayout(t *testing.T) {
	// Issue 12: real registers number people at registration, so a
	// household's members are scattered; Contiguous keeps the old layout.
	const n = 3000
	tests := []struct {
		name       string
		contiguous bool
		minSpread  float64
		maxSpread  float64
	}{
		{"scattered (default)", false, n / 5, n},
		{"contiguous", true, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, st := generateWith(t, demo.Options{Persons: n, Seed: 3, On: on, Contiguous: tt.contiguous})
			require.Len(t, ps, n)
			assert.Equal(t, n, st.Persons)
			spread := idSpread(t, ps)
			assert.GreaterOrEqual(t, spread, tt.minSpread)
			assert.LessOrEqual(t, spread, tt.maxSpread)

			ids := map[string]*anagrafe.Person{}
			for i := range ps {
				p := &ps[i]
				require.NotContains(t, ids, p.ID, "unique IDs")
				ids[p.ID] = p
				k, _ := strconv.Atoi(p.ID[1:])
				require.True(t, k >= 1 && k <= n, "IDs number 1…N: %s", p.ID)
			}
			ascending := true
			for i := 1; i < len(ps); i++ {
				ascending = ascending && ps[i].ID > ps[i-1].ID
			}
			assert.Equal(t, tt.contiguous, ascending, "written in ID order only when contiguous")
			for _, p := range ps {
				for _, parent := range []string{p.FatherID, p.MotherID} {
					if parent == "" {
						continue
					}
					q, ok := ids[parent]
					require.True(t, ok, "filiation link %s of %s resolves", parent, p.ID)
					assert.Equal(t, p.FamilyID, q.FamilyID)
					assert.Less(t, q.ID, p.ID, "parents registered before their children")
				}
			}
		})
	}
}

func TestGenerateDeterministicLayouts(t *testing.T) {
	for _, contiguous := range []bool{false, true} {
		opts := demo.Options{Persons: 800, Seed: 42, On: on, Contiguous: contiguous}
		a, sa := generateWith(t, opts)
		b, sb := generateWith(t, opts)
		assert.Equal(t, digest(a), digest(b), "contiguous=%v: same seed, same register", contiguous)
		assert.Equal(t, sa.Cases, sb.Cases)
		opts.Seed++
		c, _ := generateWith(t, opts)
		assert.NotEqual(t, digest(a), digest(c))
	}
}
