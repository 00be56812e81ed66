package vendormap

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

func TestSplitStreet(t *testing.T) {
	tests := []struct {
		in, id, specie, name string
	}{
		{"VIA ROMA", "213", "VIA", "ROMA"},
		{"via   Roma  ", "213", "VIA", "Roma"},
		{"Viale dei Mille", "230", "VIALE", "dei Mille"},
		{"VIA NUOVA MARINA", "221", "VIA NUOVA", "MARINA"},
		{"VIA NUOVA", "213", "VIA", "NUOVA"},
		{"Strada Statale 67 Km 12", "190", "STRADA STATALE", "67 Km 12"},
		{"Contrà Porti", "38", "CONTRA'", "Porti"},
		{"CONTRA' PORTI", "38", "CONTRA'", "PORTI"},
		{"Località Pian di Mugnone", "66", "LOCALITA'", "Pian di Mugnone"},
		{"LOCALITA PIAN DI MUGNONE", "66", "LOCALITA'", "PIAN DI MUGNONE"},
		{"Vicolo Cieco Storto", "242", "VICOLO CIECO", "Storto"},
		{"CASE SPARSE", "28", "CASE SPARSE", ""},
		{"Piazza", "125", "PIAZZA", ""},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		got, err := SplitStreet(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, Toponym{SpecieID: tt.id, Specie: tt.specie, Name: tt.name}, got, tt.in)
	}
}

func TestSplitStreetNoSpecie(t *testing.T) {
	for _, in := range []string{"ROMA", "P.ZZA GARIBALDI", "V. ROMA", "Altro"} {
		got, err := SplitStreet(in)
		assert.ErrorIs(t, err, ErrNoSpecie, in)
		assert.Equal(t, Toponym{Name: in}, got, "the whole line is kept")
	}
}

// Every specie of the table is recognised at the start of a line.
func TestSplitStreetEveryTableEntry(t *testing.T) {
	for _, e := range codes.Default().Entries(codes.SpecieToponimo) {
		if e.ID == "998" {
			continue
		}
		got, err := SplitStreet(e.Description + " GARIBALDI")
		require.NoError(t, err, e.Description)
		assert.Equal(t, Toponym{SpecieID: e.ID, Specie: e.Description, Name: "GARIBALDI"}, got)
	}
}

func TestStreetAbbreviations(t *testing.T) {
	s, err := NewStreetSplitter(nil, map[string]string{"P.ZZA": "PIAZZA", "V.": "VIA", "loc.": "Località"})
	require.NoError(t, err)
	for in, want := range map[string]Toponym{
		"P.ZZA GARIBALDI":  {"125", "PIAZZA", "GARIBALDI"},
		"V. Roma":          {"213", "VIA", "Roma"},
		"Loc. Le Cave":     {"66", "LOCALITA'", "Le Cave"},
		"Via Nuova Marina": {"221", "VIA NUOVA", "Marina"},
	} {
		got, err := s.Split(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err = NewStreetSplitter(nil, map[string]string{"STR.": "STRADONA"})
	assert.ErrorContains(t, err, `"STR." expands to "STRADONA"`)
}

func FuzzSplitStreet(f *testing.F) {
	for _, s := range []string{"VIA ROMA", "Località Pian", "CASE SPARSE", "", "via\tnuova  marina"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := SplitStreet(s)
		if err != nil {
			assert.Empty(t, got.Specie)
			return
		}
		if got.Specie != "" {
			_, ok := codes.Default().Decode(codes.SpecieToponimo, got.SpecieID)
			assert.True(t, ok)
		}
	})
}
