package csvadapter_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/csvadapter"
	"github.com/retecomuni/eli2sdk/codes"
)

func TestDates(t *testing.T) {
	tests := []struct {
		birth, expiry string
		wantBirth     string
		wantExpiry    string
		reason        string // RecordError reason, "" = read
	}{
		{"1996-12-18", "2027-01-31", "1996-12-18", "2027-01-31", ""},
		{"18/12/1996", "31/01/2027", "1996-12-18", "2027-01-31", ""},
		{"1/2/1996", "5/3/2027", "1996-02-01", "2027-03-05", ""},
		{"05/06/1996", "", "1996-06-05", "", ""}, // day first, always
		{"1996", "", "1996", "", ""},
		{"1996-12", "", "1996-12", "", ""},
		{"12/18/1996", "", "", "", anagrafe.ReasonImpossibleDate}, // month/day is never reinterpreted
		{"31/06/1964", "", "", "", anagrafe.ReasonImpossibleDate},
		{"18/12/96", "", "", "", anagrafe.ReasonBadValue},
		{"18.12.1996", "", "", "", anagrafe.ReasonBadValue},
		{"1996-12-18", "31/13/2027", "", "", anagrafe.ReasonImpossibleDate},
	}
	for _, tt := range tests {
		t.Run(tt.birth+" "+tt.expiry, func(t *testing.T) {
			in := "id;cognome;nome;data_nascita;permesso_tipo;permesso_data_scadenza\nP1;ROSSI;ANNA;" + tt.birth + ";1;" + tt.expiry + "\n"
			if tt.expiry == "" {
				in = "id;cognome;nome;data_nascita\nP1;ROSSI;ANNA;" + tt.birth + "\n"
			}
			rd := csvadapter.NewReader(strings.NewReader(in), csvadapter.Options{})
			p, err := rd.Read()
			if tt.reason != "" {
				var re *anagrafe.RecordError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, tt.reason, re.Reason)
				assert.NotContains(t, err.Error(), tt.birth[:4], "no value in messages")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantBirth, p.BirthDate.String())
			if tt.wantExpiry != "" {
				want, err := codes.ParseDate(tt.wantExpiry)
				require.NoError(t, err)
				assert.Equal(t, want, p.Permit.ExpiryDate)
			}
		})
	}
}

func TestLostLetterWarnings(t *testing.T) {
	// What Excel writes saving as ANSI a register holding ȚEPEȘ, ĐUKIĆ and
	// ćosić: the letters Windows-1252 lacks became '?'. Row P3 holds a byte
	// Windows-1252 does not define (0x81); row P4 is clean (è is in 1252).
	utf := "id;cognome;nome\nP1;?EPE?;ION\nP2;?UKI?;?OSI?\nP4;CRISTOFORÈ;LUCA\n"
	enc, err := charmap.Windows1252.NewEncoder().String(utf)
	require.NoError(t, err)
	enc = strings.Replace(enc, "P4", "P3;X\x81Y;Z\nP4", 1)
	src, err := csvadapter.Load(strings.NewReader(enc), csvadapter.Options{})
	require.NoError(t, err)
	assert.Equal(t, csvadapter.EncodingWindows1252, src.Encoding())
	assert.Equal(t, ';', src.Comma())
	assert.Equal(t, 4, src.Len(), "rows with lost letters are read, not dropped")
	assert.Equal(t, []csvadapter.Warning{
		{Line: 2, PersonID: "P1", Field: "cognome", Code: csvadapter.WarnLostLetter},
		{Line: 3, PersonID: "P2", Field: "cognome", Code: csvadapter.WarnLostLetter},
		{Line: 3, PersonID: "P2", Field: "nome", Code: csvadapter.WarnLostLetter},
		{Line: 4, PersonID: "P3", Field: "cognome", Code: csvadapter.WarnUndefinedByte},
	}, src.Warnings())
	assert.Equal(t, map[string]int{csvadapter.WarnLostLetter: 3, csvadapter.WarnUndefinedByte: 1}, src.WarningCount())
}

func TestLostLetterInBirthTown(t *testing.T) {
	in := "id;cognome;nome;localita_nascita;denominazione\nP1;POP;ION;T?RGU MURE?;VIA ROMA?\n"
	src, err := csvadapter.Load(strings.NewReader(in), csvadapter.Options{})
	require.NoError(t, err)
	assert.Equal(t, []csvadapter.Warning{{Line: 2, PersonID: "P1", Field: "localita_nascita", Code: csvadapter.WarnLostLetter}}, src.Warnings(),
		"only name columns: elsewhere a '?' may be genuine")
}

func TestNoWarningsForCleanUTF8(t *testing.T) {
	in := "\uFEFFid,cognome,nome\nP1,ȚEPEȘ,ĐUKIĆ\n"
	src, err := csvadapter.Load(strings.NewReader(in), csvadapter.Options{})
	require.NoError(t, err)
	assert.Equal(t, csvadapter.EncodingUTF8, src.Encoding())
	assert.Equal(t, ',', src.Comma())
	assert.Empty(t, src.Warnings())
	assert.Empty(t, src.WarningCount())
}
