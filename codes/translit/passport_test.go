package translit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Passport rendering (ICAO Doc 9303 part 3; issue 10 "Names as in the
// passport"): diacritics dropped, the ICAO multi-letter table, never an
// apostrophe for an accent.
func TestPassport(t *testing.T) {
	tests := []struct{ in, want string }{
		{"José María", "JOSE MARIA"},
		{"Nicolò", "NICOLO"},
		{"NICOLO'", "NICOLO"},              // register's accent apostrophe dropped
		{"Niccolò Rossi", "NICCOLO ROSSI"}, //
		{"JOSE' MARIA", "JOSE MARIA"},      //
		{"José-María", "JOSE-MARIA"},       //
		{"Jose'-Maria", "JOSE-MARIA"},      //
		{"D'Angelo", "D'ANGELO"},           // apostrophe inside a name kept
		{"D’Angelo", "D'ANGELO"},           // typographic apostrophe
		{"O'Brien", "O'BRIEN"},             //
		{"Müller", "MUELLER"},              // Ü → UE
		{"Jäger", "JAEGER"},                // Ä → AE
		{"Ötztal", "OETZTAL"},              // Ö → OE
		{"Strauß", "STRAUSS"},              // ß → SS
		{"Ångström", "AANGSTROEM"},         // Å → AA
		{"Ørsted", "OERSTED"},              // Ø → OE
		{"Ærø", "AEROE"},                   // Æ → AE
		{"Muñoz", "MUNOZ"},                 // Ñ → N
		{"Tiranë", "TIRANE"},               // foreign birthplace
		{"TIRANË", "TIRANE"},               //
		{"Łukasz Żółć", "LUKASZ ZOLC"},     //
		{"Çağlar Şahin", "CAGLAR SAHIN"},
		{"  anne   marie ", "ANNE MARIE"},
		{"MARIO", "MARIO"},
		{"", ""},
	}
	for _, tc := range tests {
		got, err := Passport(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		again, err := Passport(got)
		require.NoError(t, err)
		assert.Equal(t, got, again, "idempotent: %s", tc.in)
		assert.NotRegexp(t, `[AEIOU]'( |-|$)`, got, "no accent apostrophe: %s", tc.in)
	}
	_, err := Passport("Иванов")
	assert.ErrorIs(t, err, ErrUntransliterable)

	// Name keeps the register's rendering (circolare 1/2008).
	n, _ := Name("José María")
	assert.Equal(t, "JOSE' MARIA", n)
}

func TestPassportNoAllocWhenCanonical(t *testing.T) {
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = Passport("D'ANGELO MARIA-GRAZIA") }))
	var buf [32]byte
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = AppendPassport(buf[:0], "José") }))
}

func FuzzPassport(f *testing.F) {
	for _, s := range []string{"José María", "NICOLO'", "D'Angelo", "Ærø", "a'' b", "'", "O'-", "Иванов"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Passport(s)
		if err != nil {
			return
		}
		if !allowed(p) {
			t.Fatalf("Passport(%q) = %q: outside the alphabet", s, p)
		}
		again, err := Passport(p)
		if err != nil || again != p {
			t.Fatalf("not idempotent: %q → %q → %q (%v)", s, p, again, err)
		}
		if n, err := Name(s); err != nil || Letters(n) != Letters(p) {
			t.Fatalf("Passport and Name disagree on letters: %q → %q / %q", s, p, n)
		}
	})
}
