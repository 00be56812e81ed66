package vendormap

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

func TestQuestura(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"QUESTURA DI REGGIO EMILIA", "RE"},
		{"Questura di Reggio nell'Emilia", "RE"},
		{"reggio nell emilia", "RE"},
		{"Reggio Calabria", "RC"},
		{"Forlì", "FC"},
		{"FORLI'", "FC"},
		{"Cesena", "FC"},
		{"Forlì-Cesena", "FC"},
		{"Questura di Bolzano", "BZ"},
		{"Bozen", "BZ"},
		{"Questura di Aosta", "AO"},
		{"Questura di Verbania", "VB"},
		{"Questura della Spezia", "SP"},
		{"L'Aquila", "AQ"},
		{"Monza", "MB"},
		{"Pesaro", "PU"},
		{"Andria", "BT"},
		{"Massa", "MS"},
		{"  firenze ", "FI"},
		{"FI", "FI"},
		{"ca", "CA"},
	}
	for _, tt := range tests {
		got, err := Questura(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestQuesturaUnknown(t *testing.T) {
	for _, in := range []string{"", "QUESTURA", "Questura di Scandicci", "Reggio", "SU", "Sud Sardegna", "ZZ", "Emilia"} {
		_, err := Questura(in)
		assert.ErrorIs(t, err, ErrUnknownQuestura, in)
	}
	_, err := Questura("Questura di Sud Sardegna")
	assert.ErrorContains(t, err, "served by CA")
}

// Every province with a questura is found by its own ISTAT name and sigla,
// and no name of the index is ambiguous.
func TestQuesturaEveryProvince(t *testing.T) {
	f := NewQuesturaFinder(nil)
	n := 0
	for _, p := range codes.Default().Provinces() {
		if !p.HasQuestura {
			continue
		}
		n++
		got, err := f.Find("Questura di " + p.Name)
		require.NoError(t, err, p.Name)
		assert.Equal(t, p.Sigla, got, p.Name)
		got, err = f.Find(p.Sigla)
		require.NoError(t, err, p.Sigla)
		assert.Equal(t, p.Sigla, got)
	}
	assert.Equal(t, 106, n, "107 provinces, Sud Sardegna has no questura")
	for k, v := range f.byKey {
		assert.Len(t, v, 1, "key %q", k)
	}
}

// The seats listed by hand are active comuni of their province.
func TestQuesturaSeats(t *testing.T) {
	for seat, sigla := range questuraSeats {
		found := false
		for _, c := range codes.Default().FindComuni(seat, codes.Query{}) {
			if c.Active() && c.Province == sigla {
				found = true
			}
		}
		assert.True(t, found, "%s is not an active comune of %s", seat, sigla)
	}
}
