package source

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseCents(t *testing.T) {
	tests := []struct {
		in    string
		cents int
		ok    bool
	}{
		{"40.00", 4000, true}, {"30.46", 3046, true}, {"16", 1600, true}, {"16,5", 1650, true},
		{"0.05", 5, true}, {"", 0, false}, {"-1", 0, false}, {"1.", 0, false}, {".5", 0, false},
		{"1.234", 0, false}, {"1e3", 0, false}, {"€16", 0, false}, {"1234567890", 0, false},
	}
	for _, tc := range tests {
		c, ok := ParseCents(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.cents, c, tc.in)
	}
}

// FuzzFeeTables: the fee readers never panic, and amounts are never
// negative.
func FuzzFeeTables(f *testing.F) {
	f.Add("VOCE,IMPORTO_EUR,SI_APPLICA_A,VALIDO_DAL,FONTE\na,40.00,x,2017-06-09,y\n")
	f.Add("ESENZIONE,VOCI,FONTE\nx,contributo_*,y\n")
	f.Add("12,5")
	f.Fuzz(func(t *testing.T, s string) {
		rows, _, _ := ReadFees(strings.NewReader(s))
		for _, r := range rows {
			if r.Cents < 0 {
				t.Fatal(r)
			}
		}
		if c, ok := ParseCents(s); ok && c < 0 {
			t.Fatal(s)
		}
		_, _, _ = ReadFeeExemptions(strings.NewReader(s))
	})
}
