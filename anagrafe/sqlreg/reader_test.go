package sqlreg_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// outcome is what a stream yielded for one person.
type outcome struct {
	Rec *anagrafe.Record
	Err string
}

func collect(t *testing.T, seq func(func(*anagrafe.Record, error) bool)) []outcome {
	t.Helper()
	var out []outcome
	for rec, err := range seq {
		o := outcome{Rec: rec}
		if err != nil {
			o.Err = err.Error()
		}
		out = append(out, o)
	}
	return out
}

// identityQueries are the queries the identity test runs with both
// readers: every kind, each with a WHERE clause of its own.
func identityQueries() map[string]anagrafe.Query {
	return map[string]anagrafe.Query{
		"expiring":  anagrafe.ExpiringWithin(60).At(refDate),
		"expired":   anagrafe.ExpiredMoreThan(2).At(refDate),
		"missing":   anagrafe.MissingResidenceDeclaration().At(refDate),
		"changed":   anagrafe.ChangedSince(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)),
		"changed-0": anagrafe.ChangedSince(time.Time{}),
	}
}

// checkIdentity requires the chunked reader to yield exactly what the
// legacy reader yields on the register of src, for every person and for
// every query kind, with chunks of several sizes (households then cross
// chunk boundaries in both layouts).
func checkIdentity(t *testing.T, open func(opts sqlreg.Options) *sqlreg.Source, persons, corrupted int) {
	ctx := context.Background()
	for _, size := range []int{0, 13} {
		src := open(sqlreg.Options{PageSize: size})
		want := collect(t, src.LegacyPersons(ctx))
		require.Len(t, want, persons)
		failed := 0
		for _, o := range want {
			if o.Err != "" {
				failed++
			}
		}
		// a corrupted birth date fails the whole household
		require.GreaterOrEqual(t, failed, corrupted, "the corrupted rows give errors")
		got := collect(t, src.Persons(ctx))
		require.Equal(t, len(want), len(got), "page size %d", size)
		for i := range want {
			require.Equal(t, want[i], got[i], "page size %d, person %d", size, i)
		}
		for name, q := range identityQueries() {
			want := collect(t, src.LegacyQuery(ctx, q))
			require.NotEmpty(t, want, name)
			got := collect(t, src.Query(ctx, q))
			require.Equal(t, want, got, "page size %d, query %s", size, name)
		}
		// Person reads one chunk of one person
		for _, o := range want[:min(len(want), 50)] {
			if o.Err != "" {
				continue
			}
			rec, err := src.Person(ctx, o.Rec.Person.ID)
			require.NoError(t, err)
			assert.Equal(t, o.Rec, rec)
		}
	}
}

// sqliteRegister writes ps into a new SQLite file, corrupts a few rows
// and returns its URL and the number of corrupted rows.
func sqliteRegister(t testing.TB, ps []anagrafe.Person, damage bool) (string, int) {
	t.Helper()
	ctx := context.Background()
	url := "sqlite:" + filepath.Join(t.TempDir(), "register.db")
	w, err := sqlreg.Open(ctx, url, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	defer w.Close()
	require.NoError(t, sqlreg.CreateSchema(ctx, w.DB(), w.Dialect()))
	bulkLoad(t, w.DB(), w.Dialect(), ps)
	n := 0
	if damage {
		n = corrupt(t, w.DB(), w.Dialect(), ps)
	}
	return url, n
}

func openURL(t *testing.T, url string) func(sqlreg.Options) *sqlreg.Source {
	return func(opts sqlreg.Options) *sqlreg.Source {
		src, err := sqlreg.Open(context.Background(), url, opts)
		require.NoError(t, err)
		t.Cleanup(func() { require.NoError(t, src.Close()) })
		return src
	}
}

// The chunked reader yields the same records and errors as the legacy one
// on a generated register, with households contiguous (as the demo
// register numbers them) and scattered (as real registers do).
// identityPersons is the size of the identity tests' register.
func identityPersons() int {
	if raceEnabled {
		return 600
	}
	return 3000
}

func TestReaderIdentitySQLite(t *testing.T) {
	n := identityPersons()
	ps := demoPersons(t, n)
	for _, layout := range []struct {
		name string
		ps   []anagrafe.Person
	}{{"contiguous", ps}, {"scattered", scatter(ps, 42)}} {
		t.Run(layout.name, func(t *testing.T) {
			url, bad := sqliteRegister(t, layout.ps, true)
			require.Positive(t, bad)
			checkIdentity(t, openURL(t, url), n, bad)
		})
	}
}

func TestReaderIdentityPostgres(t *testing.T) {
	base := pgBase(t)
	n := identityPersons()
	ps := demoPersons(t, n)
	for _, layout := range []struct {
		name string
		ps   []anagrafe.Person
	}{{"contiguous", ps}, {"scattered", scatter(ps, 42)}} {
		t.Run(layout.name, func(t *testing.T) {
			ctx := context.Background()
			url := pgSchemaURL(t, base)
			w, err := sqlreg.Open(ctx, url, sqlreg.Options{Writable: true})
			require.NoError(t, err)
			require.NoError(t, sqlreg.CreateSchema(ctx, w.DB(), w.Dialect()))
			bulkLoad(t, w.DB(), w.Dialect(), layout.ps)
			bad := corrupt(t, w.DB(), w.Dialect(), layout.ps)
			require.NoError(t, w.Close())
			require.Positive(t, bad)
			checkIdentity(t, openURL(t, url), n, bad)
		})
	}
}

// scatter spreads households over the ID range: in the scattered register
// most households have members more than a chunk apart.
func TestScatter(t *testing.T) {
	ps := demoPersons(t, 3000)
	spread := func(ps []anagrafe.Person) float64 {
		pos := map[string][]int{}
		for i, p := range ps {
			if p.FamilyID != "" {
				pos[p.FamilyID] = append(pos[p.FamilyID], i)
			}
		}
		multi, far := 0, 0
		for _, is := range pos {
			if len(is) < 2 {
				continue
			}
			multi++
			if is[len(is)-1]-is[0] > 100 {
				far++
			}
		}
		return float64(far) / float64(multi)
	}
	assert.Zero(t, spread(ps), "demo households are contiguous")
	assert.Greater(t, spread(scatter(ps, 42)), 0.9, "scattered households")
}
