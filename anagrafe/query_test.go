package anagrafe_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

// The fixture boundaries are documented in anagrafetest.Persons; these
// expectations were worked out by hand from it.
func TestMatchFixtures(t *testing.T) {
	on := anagrafetest.RefDate
	tests := []struct {
		name string
		q    anagrafe.Query
		want []string
	}{
		{"all", anagrafe.All(), []string{"P001", "P002", "P003", "P004", "P010", "P011", "P012", "P020", "P030", "P031", "P040", "P2"}},
		{"expiring 30 days: both ends inclusive", anagrafe.ExpiringWithin(30), []string{"P001", "P011"}},
		{"expiring 29 days", anagrafe.ExpiringWithin(29), []string{"P011"}},
		{"expiring today", anagrafe.ExpiringWithin(0), []string{"P011"}},
		{"expiring 120 days", anagrafe.ExpiringWithin(120), []string{"P001", "P011", "P020", "P030"}},
		{"expired more than 6 months, pending renewal excluded", anagrafe.ExpiredMoreThan(6), []string{"P004"}},
		{"expired at all", anagrafe.ExpiredMoreThan(0), []string{"P004", "P2"}},
		{"missing declaration", anagrafe.MissingResidenceDeclaration(), []string{"P002", "P010"}},
		{"changed since, inclusive", anagrafe.ChangedSince(anagrafetest.ChangedSinceTime), []string{"P002", "P020"}},
		{"changed since one second later", anagrafe.ChangedSince(anagrafetest.ChangedSinceTime.Add(time.Second)), []string{"P020"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q.At(on)
			var got []string
			for _, r := range anagrafetest.Records() {
				if anagrafe.Match(r, q) {
					got = append(got, r.Person.ID)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestMatchBoundaries(t *testing.T) {
	on := anagrafetest.RefDate // 2026-06-15
	permit := func(p anagrafe.Permit) *anagrafe.Record {
		return &anagrafe.Record{Person: anagrafe.Person{ID: "X", Permit: &p}}
	}
	tests := []struct {
		name string
		rec  *anagrafe.Record
		q    anagrafe.Query
		want bool
	}{
		{"nil record", nil, anagrafe.All(), false},
		{"no permit never expires", &anagrafe.Record{}, anagrafe.ExpiringWithin(1000), false},
		{"no expiry date", permit(anagrafe.Permit{Type: "2"}), anagrafe.ExpiredMoreThan(0), false},
		{"expired yesterday", permit(anagrafe.Permit{Type: "1", ExpiryDate: 20260614}), anagrafe.ExpiredMoreThan(0), true},
		{"expires today is not expired", permit(anagrafe.Permit{Type: "1", ExpiryDate: 20260615}), anagrafe.ExpiredMoreThan(0), false},
		{"expired yesterday is not expiring", permit(anagrafe.Permit{Type: "1", ExpiryDate: 20260614}), anagrafe.ExpiringWithin(10), false},
		{"receipt excluded", permit(anagrafe.Permit{Type: "5", ExpiryDate: 20200101}), anagrafe.ExpiredMoreThan(6), false},
		{"renewed 61 days ago, no declaration", permit(anagrafe.Permit{RenewedOn: 20260415}), anagrafe.MissingResidenceDeclaration(), true},
		{"renewed 60 days ago", permit(anagrafe.Permit{RenewedOn: 20260416}), anagrafe.MissingResidenceDeclaration(), false},
		{"declared on renewal day", &anagrafe.Record{Person: anagrafe.Person{ResidenceDeclaredOn: 20260101, Permit: &anagrafe.Permit{RenewedOn: 20260101}}}, anagrafe.MissingResidenceDeclaration(), false},
		{"never renewed", permit(anagrafe.Permit{}), anagrafe.MissingResidenceDeclaration(), false},
		{"zero UpdatedAt", &anagrafe.Record{}, anagrafe.ChangedSince(time.Unix(0, 0)), false},
		{"zero since matches zero time", &anagrafe.Record{}, anagrafe.ChangedSince(time.Time{}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, anagrafe.Match(tt.rec, tt.q.At(on)))
		})
	}
}

func TestQueryValidate(t *testing.T) {
	assert.NoError(t, anagrafe.All().Validate())
	assert.ErrorIs(t, anagrafe.ExpiringWithin(-1).Validate(), anagrafe.ErrBadQuery)
	assert.ErrorIs(t, anagrafe.ExpiredMoreThan(-1).Validate(), anagrafe.ErrBadQuery)
	assert.ErrorIs(t, anagrafe.All().At(20261345).Validate(), anagrafe.ErrBadQuery)
	assert.ErrorIs(t, anagrafe.Query{Kind: -1}.Validate(), anagrafe.ErrBadQuery)
	assert.NotZero(t, anagrafe.All().Resolve().On)
	assert.Equal(t, "expiring", anagrafe.KindExpiringWithin.String())
	assert.Equal(t, "QueryKind(42)", anagrafe.QueryKind(42).String())
}

func TestSearchFallbackUntracked(t *testing.T) {
	src := struct{ anagrafe.Source }{memory.New(anagrafetest.Records()...)}
	ctx := context.Background()
	q := anagrafe.MissingResidenceDeclaration().At(anagrafetest.RefDate)
	n := 0
	for rec, err := range anagrafe.Search(ctx, src, q) {
		require.Nil(t, rec)
		require.ErrorIs(t, err, anagrafe.ErrUnsupported)
		n++
	}
	require.Equal(t, 1, n)
	_, err := anagrafe.Count(ctx, src, q)
	require.ErrorIs(t, err, anagrafe.ErrUnsupported)

	c, err := anagrafe.Count(ctx, src, anagrafe.ExpiringWithin(30).At(anagrafetest.RefDate))
	require.NoError(t, err)
	require.Equal(t, 2, c)
	require.NoError(t, anagrafe.Close(src))
}

func TestAssembleHouseholds(t *testing.T) {
	recs := anagrafetest.Records()
	r := recs[1] // P002
	require.Equal(t, "P002", r.Person.ID)
	require.NotNil(t, r.Family)
	var ids []string
	for _, m := range r.Family.Members {
		ids = append(ids, m.ID)
		assert.Nil(t, m.Permit)
		assert.Nil(t, m.Documents)
	}
	assert.Equal(t, []string{"P001", "P002", "P003", "P004"}, ids)
	// F4: head first, then the guardian.
	f4 := anagrafetest.ByID("P031").Family
	assert.Equal(t, "P030", f4.Members[0].ID)
	head, ok := f4.Head()
	require.True(t, ok)
	assert.Equal(t, "P030", head.ID)
	assert.Nil(t, anagrafetest.ByID("P040").Family)
	// records are independent copies
	r.Family.Members[0].Name = "X"
	assert.NotEqual(t, "X", recs[0].Family.Members[0].Name)
}
