package anagrafe_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
	"github.com/retecomuni/eli2sdk/codes"
)

func TestArt11Candidates(t *testing.T) {
	// DPR 223/1989 art. 11 c.1 lett. c: six months after the permit's
	// expiry the registry office reviews the foreigner's registration.
	// Fixtures on RefDate: P004 expired RefDate−6 months−1 day (listed),
	// P2 exactly six months (not yet), P010 expired but renewal in progress
	// (tipo 6, not listed).
	persons := anagrafetest.Persons()
	naturalised := persons[len(persons)-1].Clone() // P2, as if expired long ago and since become Italian
	naturalised.ID = "P3"
	naturalised.Citizenships = []string{"305", "100"}
	naturalised.Permit.ExpiryDate = 20240101
	persons = append(persons, naturalised)

	tests := []struct {
		name   string
		on     codes.Date
		months int
		want   []string
		ages   []int
	}{
		{"art. 11: more than six months", anagrafetest.RefDate, anagrafe.Art11Months, []string{"P004"}, []int{6}},
		{"one day later P2 is due too", anagrafetest.RefDate.AddDays(1), anagrafe.Art11Months, []string{"P004", "P2"}, []int{6, 6}},
		{"more than twelve months: none", anagrafetest.RefDate, 12, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := memory.FromPersons(persons...)
			var ids []string
			var ages []int
			for c, err := range anagrafe.ExpiredCandidates(context.Background(), src, tt.on, tt.months) {
				require.NoError(t, err)
				ids = append(ids, c.Record.Person.ID)
				ages = append(ages, c.Months)
				assert.Equal(t, c.Record.Person.Permit.ExpiryDate, c.Expiry)
			}
			assert.Equal(t, tt.want, ids, "the naturalised P3 is never listed")
			assert.Equal(t, tt.ages, ages)
		})
	}
	var ids []string
	for c, err := range anagrafe.Art11Candidates(context.Background(), memory.FromPersons(persons...), anagrafetest.RefDate) {
		require.NoError(t, err)
		ids = append(ids, c.Record.Person.ID)
	}
	assert.Equal(t, []string{"P004"}, ids, "Art11Candidates is ExpiredCandidates with six months")
}

func ExampleArt11Candidates() {
	src := memory.New(anagrafetest.Records()...)
	for c, err := range anagrafe.Art11Candidates(context.Background(), src, anagrafetest.RefDate) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Printf("%s: permit expired on %s, %d months ago\n", c.Record.Person.ID, c.Expiry, c.Months)
	}
	// Output:
	// P004: permit expired on 2025-12-14, 6 months ago
}
