package codes

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// State names a vendor's register holds (issue 13): aliases of
// stati_esteri_alias.csv and words of both ANPR name columns.
func TestFindStatesByCommonName(t *testing.T) {
	tb := Default()
	tests := []struct {
		query string
		istat []string
	}{
		{"Cina", []string{"314"}},
		{"RUSSIA", []string{"245"}},
		{"MOLDAVIA", []string{"254"}},
		{"MACEDONIA", []string{"253"}},
		{"STATI UNITI", []string{"536"}},
		{"COREA DEL SUD", []string{"320"}},
		{"corea del nord", []string{"319"}},
		{"Olanda", []string{"232"}},
		{"croazia", []string{"250"}},
		{"Repubblica di Macedonia", []string{"253"}}, // whole ANPR name
		{"COREA", []string{"319", "320"}},            // word of both: every candidate
		{"STATI UNIT", []string{"536"}},              // word prefixes
		{"federaz russa", []string{"245"}},           //
		{"Côte d'Ivoire", []string{"404"}},           // words of the ISTAT name
		{"Atlantide", nil},
		{"Congo", []string{"418"}},                          // whole name beats the word in REPUBBLICA DEMOCRATICA DEL CONGO
		{"Vaticano", []string{"246"}},                       // alias
		{"Stato della città del Vaticano", []string{"246"}}, // whole name, accents folded
		{"", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, s := range tb.FindStates(tc.query, 0) {
			if s.Istat != "" {
				got = append(got, s.Istat)
			}
		}
		assert.ElementsMatch(t, tc.istat, got, tc.query)
	}
	// The date filter applies to alias matches too.
	assert.Empty(t, tb.FindStates("Cina", d("1800-01-01")))
	assert.NotEmpty(t, tb.StateAliases())
}

// Comuni by today's code at an old date follow province changes through the
// Belfiore code (ANPR legend: the rows of one comune share CODCATASTALE).
func TestComuneByIstatFollowsProvinceChanges(t *testing.T) {
	tb := Default()
	tests := []struct {
		code, on          string
		ok                bool
		istat, name, prov string
	}{
		{"100005", "1990-01-01", true, "048034", "PRATO", "FI"},
		{"100005", "1992-04-16", true, "100005", "PRATO", "PO"},
		{"100005", "", true, "100005", "PRATO", "PO"},
		{"108033", "1985-06-01", true, "015149", "MONZA", "MI"},
		{"015149", "2020-01-01", true, "108033", "MONZA", "MB"}, // old code, new date
		{"108033", "1860-01-01", false, "", "", ""},             // before ANPR's first row
		{"999999", "2020-01-01", false, "", "", ""},
	}
	for _, tc := range tests {
		c, ok := tb.ComuneByIstat(tc.code, d(tc.on))
		require.Equal(t, tc.ok, ok, "%s %s", tc.code, tc.on)
		assert.Equal(t, tc.istat, c.Istat, tc.code)
		assert.Equal(t, tc.name, c.Name, tc.code)
		assert.Equal(t, tc.prov, c.Province, tc.code)
	}
	assert.Zero(t, testing.AllocsPerRun(50, func() { tb.ComuneByIstat("100005", d("1990-01-01")) }))
}

func TestComuneByCode(t *testing.T) {
	tb := Default()
	c, err := tb.ComuneByCode("100005", d("1990-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "G999", c.Belfiore)
	c, err = tb.ComuneByCode("g999", d("1990-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "048034", c.Istat)
	_, err = tb.ComuneByCode("999999", 0)
	assert.ErrorIs(t, err, ErrUnknownComune)
	_, err = tb.ComuneByCode("108033", d("1850-01-01"))
	assert.ErrorIs(t, err, ErrNotValidOnDate)
	_, err = tb.ComuneByCode("Q999", 0)
	assert.ErrorIs(t, err, ErrUnknownComune)
}
