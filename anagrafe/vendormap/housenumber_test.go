package vendormap

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitHouseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want HouseNumber
	}{
		{"12", HouseNumber{Number: "12"}},
		{" 12 ", HouseNumber{Number: "12"}},
		{"12/A", HouseNumber{Number: "12", Exponent: "A"}},
		{"12 A", HouseNumber{Number: "12", Exponent: "A"}},
		{"12A", HouseNumber{Number: "12", Exponent: "A"}},
		{"12-a", HouseNumber{Number: "12", Exponent: "A"}},
		{"12 bis", HouseNumber{Number: "12", Exponent: "BIS"}},
		{"12/BIS", HouseNumber{Number: "12", Exponent: "BIS"}},
		{"3 quater", HouseNumber{Number: "3", Exponent: "QUATER"}},
		{"7r", HouseNumber{Number: "7", Exponent: "R"}},
		{"12/1", HouseNumber{Number: "12", Exponent: "1"}},
		{"SNC", HouseNumber{NoNumber: true}},
		{"snc", HouseNumber{NoNumber: true}},
		{"S.N.C.", HouseNumber{NoNumber: true}},
		{"Senza numero civico", HouseNumber{NoNumber: true}},
		{"KM 3,500", HouseNumber{Kilometre: "3,500"}},
		{"Km. 3+500", HouseNumber{Kilometre: "3+500"}},
		{"km 12", HouseNumber{Kilometre: "12"}},
		{"", HouseNumber{}},
	}
	for _, tt := range tests {
		got, err := SplitHouseNumber(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestSplitHouseNumberErrors(t *testing.T) {
	for _, in := range []string{"A", "12/A/3", "12/", "12 A SCALA B", "12 abcdefg", "KM", "KM 3,5,00", "KM ,5", "12 À", "SN C D"} {
		got, err := SplitHouseNumber(in)
		assert.ErrorIs(t, err, ErrHouseNumber, in)
		assert.Equal(t, HouseNumber{}, got, in)
	}
}

func FuzzSplitHouseNumber(f *testing.F) {
	for _, s := range []string{"12/A", "12 bis", "SNC", "KM 3,500", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := SplitHouseNumber(s)
		if err != nil {
			assert.Equal(t, HouseNumber{}, h)
			return
		}
		// The parts come from the input: nothing is invented.
		up := strings.ToUpper(s)
		assert.Contains(t, up, h.Number)
		assert.Contains(t, up, h.Exponent)
		assert.LessOrEqual(t, len(h.Exponent), maxExponent)
		if h.Exponent != "" {
			assert.NotEmpty(t, h.Number)
		}
	})
}
