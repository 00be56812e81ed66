package demo_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
	"github.com/retecomuni/eli2sdk/codes/translit"
)

const on codes.Date = 20260615

// generate returns the persons of a scattered register in ascending ID
// order (the order a Source streams them).
func generate(t testing.TB, n int, seed int64) ([]anagrafe.Person, demo.Stats) {
	t.Helper()
	ps, st := generateWith(t, demo.Options{Persons: n, Seed: seed, On: on})
	slices.SortFunc(ps, func(a, b anagrafe.Person) int { return strings.Compare(a.ID, b.ID) })
	return ps, st
}

// generateWith returns the persons in the order Generate writes them.
func generateWith(t testing.TB, opts demo.Options) ([]anagrafe.Person, demo.Stats) {
	t.Helper()
	var ps []anagrafe.Person
	st, err := demo.Generate(context.Background(), demo.WriterFunc(func(p *anagrafe.Person) error {
		ps = append(ps, p.Clone())
		return nil
	}), opts)
	require.NoError(t, err)
	return ps, st
}

func digest(ps []anagrafe.Person) [32]byte {
	h := sha256.New()
	for _, p := range ps {
		pm := p.Permit
		p.Permit = nil // printed by value below, not by address
		fmt.Fprintf(h, "%+v\n", p)
		if pm != nil {
			fmt.Fprintf(h, "%+v\n", *pm)
		}
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

func TestGenerateDeterministic(t *testing.T) {
	a, _ := generate(t, 500, 42)
	b, _ := generate(t, 500, 42)
	c, _ := generate(t, 500, 43)
	assert.Equal(t, digest(a), digest(b), "same seed, same register")
	assert.NotEqual(t, digest(a), digest(c))
}

func TestGenerateContent(t *testing.T) {
	const n = 5000
	ps, st := generate(t, n, 1)
	require.Len(t, ps, n)
	assert.Equal(t, n, st.Persons)
	tables := codes.Default()

	ids := map[string]bool{}
	prev := ""
	var (
		citizenships                                  = map[string]bool{}
		withLinks, childRelNoLinks, partial, omocodic int
		provisional, z118, z135, renamed, expiring    int
		expiredLong, carta, pending, invalidCF        int
	)
	for _, p := range ps {
		require.False(t, ids[p.ID], "unique IDs")
		ids[p.ID] = true
		require.Greater(t, p.ID, prev, "unique IDs")
		prev = p.ID
		for _, s := range []string{p.Surname, p.Name} {
			_, err := translit.Name(s)
			require.NoError(t, err, "every demo name transliterates")
		}
		for _, c := range p.Citizenships {
			citizenships[c] = true
			if c != "100" {
				s, ok := tables.StateByIstat(c, on)
				require.True(t, ok, c)
				assert.True(t, s.Citizenship, c)
			}
		}
		if p.FatherID != "" || p.MotherID != "" {
			withLinks++
		} else if p.Relation == anagrafe.RelChild {
			childRelNoLinks++
		}
		if !p.BirthDate.IsComplete() {
			partial++
		}
		if p.BirthComune != "" {
			c, ok := tables.ComuneByBelfiore(p.BirthComune, p.BirthDate.Earliest())
			require.True(t, ok, "birth comune exists on the birth date")
			if now, _ := tables.ComuneByBelfiore(p.BirthComune, 0); now.Name != c.Name {
				renamed++
			}
		}
		if code, err := cf.Parse(p.CodiceFiscale); err == nil {
			switch {
			case code.IsProvisional():
				provisional++
			case code.IsOmocodic():
				omocodic++
			}
			if !code.IsProvisional() {
				switch code.PlacePart() {
				case "Z118":
					z118++
					assert.Contains(t, []string{"250", "252", "271"}, p.BirthState)
				case "Z135":
					z135++
				}
			}
		} else if p.CodiceFiscale != "" {
			invalidCF++
		}
		if pm := p.Permit; pm != nil {
			switch {
			case pm.Type == "2":
				carta++
			case pm.Type == "5" || pm.Type == "6":
				pending++
			}
			if pm.ExpiryDate >= on && pm.ExpiryDate <= on.AddDays(60) {
				expiring++
			}
			if pm.ExpiryDate != 0 && pm.ExpiryDate < on.AddMonths(-6) {
				expiredLong++
			}
		}
	}
	assert.GreaterOrEqual(t, len(citizenships), 20, "residents from many countries")
	for name, v := range map[string]int{
		"filiation links": withLinks, "children by relation only": childRelNoLinks, "partial birth dates": partial,
		"omocodic": omocodic, "provisional": provisional, "Z118": z118, "Z135": z135, "renamed comune": renamed,
		"expiring within 60 days": expiring, "expired > 6 months": expiredLong, "carta": carta, "receipt/renewal": pending,
		"wrong CF checksum": invalidCF,
	} {
		assert.Positive(t, v, name)
	}
	total := 0
	for _, k := range demo.DefectKinds {
		assert.Positive(t, st.Defects[k], k)
		total += st.Defects[k]
	}
	// About 1% of permit holders.
	assert.InDelta(t, 0.01, float64(total)/float64(st.PermitHolders), 0.006)
	assert.Equal(t, invalidCF, st.Defects[demo.DefectCFChecksum])
}

func TestGenerateNoDefects(t *testing.T) {
	var n int
	st, err := demo.Generate(context.Background(), demo.WriterFunc(func(*anagrafe.Person) error { n++; return nil }),
		demo.Options{Persons: 2000, Seed: 1, On: on, DefectRate: -1})
	require.NoError(t, err)
	assert.Empty(t, st.Defects)
	assert.Equal(t, 2000, n)
}

func TestGenerateErrors(t *testing.T) {
	w := demo.WriterFunc(func(*anagrafe.Person) error { return nil })
	_, err := demo.Generate(context.Background(), w, demo.Options{})
	require.ErrorIs(t, err, demo.ErrBadOptions)
	_, err = demo.Generate(context.Background(), w, demo.Options{Persons: 1, On: 20261345})
	require.ErrorIs(t, err, demo.ErrBadOptions)

	boom := errors.New("boom")
	calls := 0
	_, err = demo.Generate(context.Background(), demo.WriterFunc(func(*anagrafe.Person) error {
		calls++
		if calls == 10 {
			return boom
		}
		return nil
	}), demo.Options{Persons: 100, On: on})
	require.ErrorIs(t, err, boom)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = demo.Generate(ctx, w, demo.Options{Persons: 100, On: on})
	require.ErrorIs(t, err, context.Canceled)
}

func TestCreateSQLite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	st, err := demo.CreateSQLite(context.Background(), path, demo.Options{Persons: 700, Seed: 5, On: on})
	require.NoError(t, err)
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, es, 1, "no temporary or WAL file left")
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	}
	src, err := sqlreg.Open(context.Background(), "sqlite:"+path, sqlreg.Options{})
	require.NoError(t, err)
	defer src.Close()
	n, err := anagrafe.Count(context.Background(), src, anagrafe.All())
	require.NoError(t, err)
	assert.Equal(t, st.Persons, n)
	rec, err := src.Person(context.Background(), "P0000001")
	require.NoError(t, err)
	assert.NotNil(t, rec.Family)

	// Same seed, same records as Generate.
	mem, _ := generate(t, 700, 5)
	var i int
	for rec, err := range src.Persons(context.Background()) {
		require.NoError(t, err)
		// The bulk loader writes exactly what sqlreg reads back.
		want := mem[i]
		want.UpdatedAt = want.UpdatedAt.UTC()
		require.Equal(t, want, rec.Person, want.ID)
		i++
	}
	assert.Equal(t, 700, i)
}

func TestCreateSQLiteCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := demo.CreateSQLite(ctx, filepath.Join(dir, "demo.db"), demo.Options{Persons: 5000, On: on})
	require.ErrorIs(t, err, context.Canceled)
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, es, "nothing left behind")

	_, err = demo.CreateSQLite(context.Background(), filepath.Join(dir, "missing", "demo.db"), demo.Options{Persons: 5, On: on})
	require.Error(t, err)
}

func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	w := demo.WriterFunc(func(*anagrafe.Person) error { return nil })
	for b.Loop() {
		if _, err := demo.Generate(context.Background(), w, demo.Options{Persons: 10000, Seed: 1, On: on}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGenerateAges(t *testing.T) {
	ps, st := generate(t, 3000, 9)
	young := 0
	for _, p := range ps {
		if p.Relation == anagrafe.RelHead || p.Relation == anagrafe.RelSpouse {
			age := codes.YearsBetween(p.BirthDate.Latest(), on)
			if age < 18 {
				assert.Equal(t, anagrafe.RelSpouse, p.Relation, "%s: heads are adults", p.ID)
				assert.Equal(t, 15, age, p.ID)
				young++
			}
		}
	}
	assert.Equal(t, st.Cases[demo.CaseSpouseUnder16], young, "only the spouse_under_16 case is a minor spouse")
}

// TestGenerateSQLRegWriter streams into the SQL adapter's own Writer.
func TestGenerateSQLRegWriter(t *testing.T) {
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite::memory:", sqlreg.Options{})
	require.NoError(t, err)
	defer src.Close()
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), sqlreg.SQLite))
	w := src.NewWriter(ctx)
	st, err := demo.Generate(ctx, w, demo.Options{Persons: 300, Seed: 4, On: on})
	require.NoError(t, err)
	require.NoError(t, w.Close())
	n, err := anagrafe.Count(ctx, src, anagrafe.ExpiringWithin(60).At(on))
	require.NoError(t, err)
	assert.Positive(t, n)
	n, err = anagrafe.Count(ctx, src, anagrafe.All())
	require.NoError(t, err)
	assert.Equal(t, st.Persons, n)
}
