package eli2test_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes/cf"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// TestSamplesValid keeps the fixtures honest: every sample passes
// eli2.Validate without errors or warnings on the file date.
func TestSamplesValid(t *testing.T) {
	for name, p := range eli2test.Pratiche() {
		t.Run(name, func(t *testing.T) {
			ps := eli2.Validate(&p, eli2.ValidateOptions{On: eli2test.FileDay})
			assert.Empty(t, ps)
		})
	}
}

func TestSampleCodes(t *testing.T) {
	croazia := eli2test.NatoInCroazia().Richiedente.CodiceFiscale
	c, err := cf.Parse(croazia)
	require.NoError(t, err)
	assert.Equal(t, "Z118", c.PlacePart())
	// Computed independently by hand (consonants, vowels, check table).
	assert.Equal(t, "HRVVNI75M21Z118Y", croazia)

	omo, err := cf.Parse(eli2test.Omocodia().Richiedente.CodiceFiscale)
	require.NoError(t, err)
	assert.True(t, omo.IsOmocodic())
	assert.Equal(t, "HSSMDX90A01Z24VZ", omo.String())

	for name, p := range eli2test.Pratiche() {
		if p.Richiedente.CodiceFiscale != "" {
			_, err := cf.Parse(p.Richiedente.CodiceFiscale)
			assert.NoError(t, err, name)
		}
	}
}

func TestSamplesCoverage(t *testing.T) {
	seen := map[eli2.TipoRichiesta]bool{}
	partial, minor, family := false, false, false
	for _, p := range eli2test.Pratiche() {
		seen[p.Richiesta.TipoRichiesta] = true
		partial = partial || !p.Richiedente.DataNascita.IsComplete()
		minor = minor || p.GenitoreTutore != nil
		family = family || len(p.Familiari) > 0
	}
	for _, tr := range eli2.TipiRichiesta {
		assert.True(t, seen[tr], "no sample for %s", tr)
	}
	assert.True(t, partial && minor && family)
	assert.Greater(t, len(eli2test.Samples()["batch"].Pratiche), 1)
}
