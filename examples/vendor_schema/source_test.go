package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/adaptertest"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/vendormap"
)

// omits is what the vendor schema does not store: one citizenship, full
// birth dates only, no education or occupation codes, no declaration of
// habitual residence, and no kit code (derived from the permit text).
var omits = []adaptertest.Omission{
	adaptertest.SecondCitizenships,
	adaptertest.PartialBirthDates,
	adaptertest.Education,
	adaptertest.Occupation,
	adaptertest.ResidenceDeclaration,
	adaptertest.PermitKit,
}

func openTemp(t *testing.T) *Source {
	t.Helper()
	src, err := Open(filepath.Join(t.TempDir(), "registro.db"), Options{On: anagrafetest.RefDate})
	require.NoError(t, err)
	return src
}

// TestConformance runs the SDK's suite on the adapter: the fixture, with
// integer IDs and the permit history, goes into the vendor tables and
// comes back through the mapping helpers.
func TestConformance(t *testing.T) {
	cfg := adaptertest.Config{Omits: omits, Fixture: adaptertest.IntegerIDs(adaptertest.DefaultFixture())}
	adaptertest.RunConfig(t, cfg, func(t *testing.T, f adaptertest.Fixture) anagrafe.Source {
		src := openTemp(t)
		require.NoError(t, src.Insert(context.Background(), f.Records, f.PastPermits))
		return src
	})
}

// Without the declaration, the same adapter fails, naming what it lost.
func TestConformanceNeedsOmissions(t *testing.T) {
	cfg := adaptertest.Config{Fixture: adaptertest.IntegerIDs(adaptertest.DefaultFixture())}
	err := adaptertest.Check(context.Background(), cfg, func(f adaptertest.Fixture) (anagrafe.Source, error) {
		src := openTemp(t)
		return src, src.Insert(context.Background(), f.Records, f.PastPermits)
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `Persons: person 9: Person.Citizenships: want ["201" "100"], got ["201"]`)
	assert.Contains(t, err.Error(), `Person.Education: want "7", got ""`)
}

func TestMapping(t *testing.T) {
	ctx := context.Background()
	src := openTemp(t)
	defer src.Close()
	require.NoError(t, src.Insert(ctx, anagrafetest.HistoryRecords(), anagrafetest.PastPermits()))

	rec, err := src.Person(ctx, "10")
	require.NoError(t, err)
	p := rec.Person
	assert.Equal(t, "201", p.BirthState, "ALBANIA by name")
	assert.Equal(t, anagrafe.Address{Comune: "G999", Province: "PO", Specie: "VIA", Street: "Roma", Number: "12", Exponent: "A", CAP: "59100"}, p.Address)
	require.NotNil(t, p.Permit)
	assert.Equal(t, "H00000010", p.Permit.Number, "the current permit, not the later cancelled one")
	assert.Equal(t, 16, p.Permit.Kit, "LAVORO SUBORDINATO")
	assert.Equal(t, "PO", p.Permit.Questura, "QUESTURA DI PRATO")

	rec, err = src.Person(ctx, "2")
	require.NoError(t, err)
	assert.Equal(t, 9, rec.Person.Permit.Kit, "SOGGIORNANTE DI LUNGO PERIODO")

	// Today's ISTAT code of Prato at a 1990 birth, and of Monza at 1985:
	// the comune is followed through its province change.
	for _, c := range []struct{ istat, born, belfiore string }{{"100005", "1990-05-01", "G999"}, {"108033", "1985-03-01", "F704"}} {
		_, err = src.db.Exec(`UPDATE individui SET comune_nascita_istat = ?, data_nascita = ?, stato_nascita = NULL WHERE id = 1000`, c.istat, c.born)
		require.NoError(t, err)
		rec, err = src.Person(ctx, "1000")
		require.NoError(t, err)
		assert.Equal(t, c.belfiore, rec.Person.BirthComune, c.istat)
	}

	for _, id := range []string{"010", "+10", "10.0", "P001"} {
		_, err := src.Person(ctx, id)
		assert.ErrorIs(t, err, anagrafe.ErrNotFound, id)
	}
}

// A row the helpers cannot map is a recoverable row error naming the
// column: the stream goes on.
func TestRowErrors(t *testing.T) {
	ctx := context.Background()
	src := openTemp(t)
	defer src.Close()
	require.NoError(t, src.Insert(ctx, anagrafetest.HistoryRecords(), anagrafetest.PastPermits()))
	_, err := src.db.Exec(`UPDATE individui SET stato_nascita = 'ATLANTIDE' WHERE id = 10`)
	require.NoError(t, err)
	_, err = src.db.Exec(`UPDATE permessi SET questura = 'QUESTURA DI SCANDICCI' WHERE individuo_id = 2`)
	require.NoError(t, err)

	_, err = src.Person(ctx, "10")
	var re *anagrafe.RecordError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "individui.stato_nascita", re.Field)
	assert.ErrorIs(t, err, vendormap.ErrUnknownStateName)
	assert.Equal(t, `anagrafe: record person 10, field individui.stato_nascita: vendormap: unknown state name: "ATLANTIDE"`, err.Error())
	_, err = src.Person(ctx, "100") // a member of 10's household
	assert.EqualError(t, err, `anagrafe: record person 100, field individui.stato_nascita: anagrafe: a member of the household cannot be read`)

	var ok, bad []string
	for rec, err := range src.Persons(ctx) {
		if err != nil {
			require.True(t, anagrafe.IsRecordError(err), err)
			bad = append(bad, err.(*anagrafe.RecordError).PersonID)
			continue
		}
		ok = append(ok, rec.Person.ID)
	}
	assert.Equal(t, []string{"1000"}, ok)
	assert.Equal(t, []string{"10", "100", "2", "9"}, bad, "10's household fails with 10; 2 for its questura")
}

// The paged stream seeks on the index of the IDs' text form instead of
// sorting the table for every page.
func TestStreamUsesIndex(t *testing.T) {
	src := openTemp(t)
	defer src.Close()
	var id, parent, unused int
	var detail string
	err := src.db.QueryRow(`EXPLAIN QUERY PLAN SELECT CAST(id AS TEXT) FROM individui WHERE CAST(id AS TEXT) > ? ORDER BY CAST(id AS TEXT) LIMIT ?`, "", pageSize).
		Scan(&id, &parent, &unused, &detail)
	require.NoError(t, err)
	assert.Contains(t, detail, "individui_id_testo")
	assert.NotContains(t, detail, "TEMP B-TREE")
}
