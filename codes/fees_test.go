package codes

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Fees: shared/data/kit/importi.csv (DM MEF-Interno 6 October 2011 as
// amended by DM 5 May 2017).
func TestFees(t *testing.T) {
	tb := Default()
	tests := []struct {
		voce   string
		cents  int
		source string
	}{
		{"contributo_fino_1_anno", 4000, "lett. a"},
		{"contributo_fino_2_anni", 5000, "lett. b"},
		{"contributo_lungo_periodo", 10000, "lett. c"},
		{"permesso_elettronico", 3046, "documento elettronico"},
		{"marca_da_bollo", 1600, "bollo"},
		{"servizio_postale", 3000, "Poste"},
	}
	for _, tc := range tests {
		f, ok := tb.Fee(tc.voce)
		require.True(t, ok, tc.voce)
		assert.Equal(t, tc.cents, f.Amount, tc.voce)
		assert.Contains(t, f.Source, tc.source, tc.voce)
		assert.Equal(t, d("2017-06-09"), f.From, tc.voce)
		assert.NotEmpty(t, f.AppliesTo)
	}
	assert.Len(t, tb.Fees(), len(tests))
	// The DM names no amount for permits longer than two years: no row.
	for _, f := range tb.Fees() {
		assert.NotContains(t, f.Voce, "3_anni")
	}
	_, ok := tb.Fee("contributo_oltre_2_anni")
	assert.False(t, ok)
}

func TestFeeExemptions(t *testing.T) {
	ex := Default().FeeExemptions()
	require.Len(t, ex, 5)
	assert.Contains(t, ex[0].Description, "meno di 18 anni")
	for _, e := range ex {
		assert.True(t, e.Covers("contributo_fino_1_anno"), e.Description)
		assert.True(t, e.Covers("contributo_lungo_periodo"), e.Description)
		assert.False(t, e.Covers("marca_da_bollo"), e.Description)
		assert.False(t, e.Covers("permesso_elettronico"), e.Description)
		assert.NotEmpty(t, e.Source)
	}
}

func TestLoadFees(t *testing.T) {
	fees := "VOCE,IMPORTO_EUR,SI_APPLICA_A,VALIDO_DAL,FONTE\n" +
		"marca_da_bollo,16,ogni istanza,2030-01-01,test\n" +
		"contributo_x,12.5,x,,test\n" +
		"bad,12.345,x,,test\n" + // three decimals: reported, dropped
		"nosource,1,x,,\n" + // no source: reported, dropped
		"marca_da_bollo,20,again,,test\n" // repeated: reported, first kept
	ex := "ESENZIONE,VOCI,FONTE\ntutti,contributo_* marca_da_bollo,test\n"
	tb, err := Load(Sources{Fees: strings.NewReader(fees), FeeExemptions: strings.NewReader(ex)})
	require.NoError(t, err)
	require.Len(t, tb.Fees(), 2)
	f, _ := tb.Fee("contributo_x")
	assert.Equal(t, 1250, f.Amount)
	f, _ = tb.Fee("marca_da_bollo")
	assert.Equal(t, 1600, f.Amount)
	assert.Equal(t, d("2030-01-01"), f.From)
	require.Len(t, tb.FeeExemptions(), 1)
	assert.True(t, tb.FeeExemptions()[0].Covers("marca_da_bollo"))
	var n int
	for _, i := range tb.Issues() {
		if i.File == "importi.csv" {
			n++
		}
	}
	assert.Equal(t, 3, n)
	assert.Len(t, Default().Fees(), 6)

	_, err = Load(Sources{Fees: strings.NewReader("VOCE,IMPORTO_EUR\nx,1\n")})
	assert.Error(t, err)
}
