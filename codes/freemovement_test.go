package codes

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Free movement (issue 10): Italian, EU, EEA and Swiss citizens are not
// eligible for a permit (art. 1 c.1 d.lgs. 286/1998); the dates are those of
// the treaties cited in codes/data/libera_circolazione.csv.
func TestFreeMovement(t *testing.T) {
	tb := Default()
	tests := []struct {
		istat, on string
		ok        bool
		scope     string
		cite      string
	}{
		{"100", "1900-01-01", true, "IT", "286/1998"},
		{"100", "", true, "IT", "286/1998"},
		{"250", "2012-12-31", false, "", ""},                             // Croatia before accession
		{"250", "2013-07-01", true, "UE", "Croazia"},                     // accession treaty 2011
		{"250", "2014-01-01", true, "UE", "Croazia"},                     //
		{"219", "2020-12-31", true, "UE", "Accordo di recesso"},          // UK: last day of transition
		{"219", "2021-01-01", false, "", ""},                             // UK after the transition period
		{"219", "", false, "", ""},                                       // UK today
		{"241", "2002-05-31", false, "", ""},                             // Switzerland before the agreement
		{"241", "2002-06-01", true, "CH", "Confederazione svizzera"},     // EU-CH agreement
		{"225", "1995-04-30", false, "", ""},                             // Liechtenstein before EEA
		{"225", "1995-05-01", true, "SEE", "Liechtenstein"},              //
		{"231", "2026-01-01", true, "SEE", "Spazio economico europeo"},   // Norway
		{"203", "1994-06-01", true, "SEE", "Spazio economico europeo"},   // Austria in the EEA before the EU
		{"203", "1995-01-01", true, "UE", "Austria, Finlandia e Svezia"}, //
		{"209", "2006-12-31", false, "", ""},                             // Bulgaria
		{"235", "2007-01-01", true, "UE", "Bulgaria e Romania"},          // Romania
		{"257", "2004-05-01", true, "UE", "Atene"},                       // Czech Republic
		{"216", "1958-01-01", true, "UE", "Trattato di Roma"},            // Germany
		{"999", "2026-01-01", false, "", ""},                             // apolide
		{"201", "2026-01-01", false, "", ""},                             // Albania
		{"998", "2026-01-01", false, "", ""},
	}
	for _, tc := range tests {
		f, ok := tb.FreeMovement(tc.istat, d(tc.on))
		require.Equal(t, tc.ok, ok, "%s on %s", tc.istat, tc.on)
		assert.Equal(t, tc.scope, f.Scope, tc.istat)
		if tc.ok {
			assert.Equal(t, tc.istat, f.Istat)
			assert.Contains(t, f.Source, tc.cite, tc.istat)
		}
	}

	// The 27 member states on 2026-01-01, Italy included.
	n := 0
	for _, s := range tb.States() {
		if f, ok := tb.FreeMovement(s.Istat, d("2026-01-01")); ok && (f.Scope == "UE" || f.Scope == "IT") && s.origin == 0 {
			n++
		}
	}
	assert.Equal(t, 27, n)
}

func TestLoadFreeMovement(t *testing.T) {
	fm := "ISO3,NOME,AMBITO,DAL,AL,FONTE\n" +
		"ALB,Albania,UE,2030-01-01,,trattato immaginario di prova\n" +
		"XXX,Nessuno,UE,2030-01-01,,x\n" + // unknown ISO3: reported, dropped
		"ITA,Italia,XX,,,x\n" // bad scope: reported, dropped
	tb, err := Load(Sources{FreeMovement: strings.NewReader(fm)})
	require.NoError(t, err)
	_, ok := tb.FreeMovement("201", d("2029-12-31"))
	assert.False(t, ok)
	f, ok := tb.FreeMovement("201", d("2030-01-01"))
	require.True(t, ok)
	assert.Equal(t, "ALB", f.ISO3)
	_, ok = tb.FreeMovement("100", d("2030-01-01"))
	assert.False(t, ok, "table replaced")
	assert.True(t, hasIssue(tb, "libera_circolazione.csv", "XXX"))
	assert.True(t, hasIssue(tb, "libera_circolazione.csv", "AMBITO"))
	_, ok = Default().FreeMovement("100", 0)
	assert.True(t, ok)

	_, err = Load(Sources{FreeMovement: strings.NewReader("ISO3,NOME\nITA,Italia\n")})
	assert.Error(t, err)
}
