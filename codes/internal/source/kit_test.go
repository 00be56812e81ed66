package source

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadKit2024Layout(t *testing.T) {
	in := "CODICE,DESCRIZIONE,TITOLO,RILASCIO,RINNOVO,CONVERSIONE,AGGIORNAMENTO,DUPLICATO,NOTE\n" +
		"7,Asilo rinnovo,PERMESSO,,SI,SI,,,\n" +
		"23,Status apolidia rinnovo,PERMESSO,,si,,,,\n" +
		"40,Nulla,PERMESSO,,,,,,\n" + // no operation: reported, kept
		"41,Strano,PERMESSO,FORSE,,,,,\n" // not SI: reported
	rows, issues, err := ReadKit(strings.NewReader(in), "2024", Kit2024File)
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, OpRinnovo|OpConversione, rows[0].Ops)
	assert.Equal(t, OpRinnovo, rows[1].Ops)
	assert.Equal(t, "2024", rows[1].Edition)
	assert.Empty(t, rows[1].Operazione)
	assert.Len(t, issues, 3, "%v", issues)
	for _, i := range issues {
		assert.Equal(t, Kit2024File, i.File)
	}
}

func TestReadKitEditions(t *testing.T) {
	eds, err := ReadKitEditions(strings.NewReader("EDIZIONE,FILE,IN_VIGORE_DAL,FONTE\nB,b.csv,2024-05-30,y\nA,a.csv,,x\n"))
	require.NoError(t, err)
	assert.Equal(t, []KitEdition{{"A", "a.csv", 0, "x"}, {"B", "b.csv", 20240530, "y"}}, eds)
	for _, bad := range []string{
		"EDIZIONE,FILE,IN_VIGORE_DAL,FONTE\nA,a.csv,,x\nB,b.csv,,y\n",
		"EDIZIONE,FILE,IN_VIGORE_DAL,FONTE\nA,a.csv,,x\nA,b.csv,2024-01-01,y\n",
		"EDIZIONE,FILE,IN_VIGORE_DAL,FONTE\nA,a.csv,,x\nB,b.csv,30/02/2024,y\n",
		"EDIZIONE,FILE,IN_VIGORE_DAL,FONTE\nA,,,x\n",
		"EDIZIONE,FILE,IN_VIGORE_DAL,FONTE\n",
		"EDIZIONE,FILE\nA,a.csv\n",
	} {
		_, err := ReadKitEditions(strings.NewReader(bad))
		assert.Error(t, err, bad)
	}
}

func TestParseOps(t *testing.T) {
	ops, ok := ParseOps("rilascio; RINNOVO|duplicato")
	require.True(t, ok)
	assert.Equal(t, OpRilascio|OpRinnovo|OpDuplicato, ops)
	ops, ok = ParseOps("")
	assert.True(t, ok)
	assert.Zero(t, ops)
	_, ok = ParseOps("RILASCIO_RINNOVO")
	assert.False(t, ok)
}

// FuzzKitTables feeds arbitrary text to the kit readers: they must return
// rows, issues or an error, never panic.
func FuzzKitTables(f *testing.F) {
	f.Add("CODICE,DESCRIZIONE,TITOLO,OPERAZIONE\n1,a,PERMESSO,RINNOVO\n")
	f.Add("CODICE,DESCRIZIONE,TITOLO,RILASCIO,RINNOVO,CONVERSIONE,AGGIORNAMENTO,DUPLICATO\n2,b,CARTA,SI,,,,\n")
	f.Add("CODICE,EDIZIONE,MESI,OPERAZIONI,FONTE\n9,,NESSUNA,,x\n16,,36,RINNOVO,y\n")
	f.Add("CODICE_2006,CODICE_2024,FONTE\n22,27,x\n26,,y\n")
	f.Add("EDIZIONE,FILE,IN_VIGORE_DAL,FONTE\nA,a.csv,,x\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _, _ = ReadKit(strings.NewReader(s), "x", "x.csv")
		_, _, _ = ReadKitDurations(strings.NewReader(s))
		succ, _, err := ReadKitSuccessors(strings.NewReader(s))
		if err == nil {
			for _, r := range succ {
				if r.Code <= 0 || r.Successor < 0 {
					t.Fatalf("bad row %+v", r)
				}
			}
		}
		_, _ = ReadKitEditions(strings.NewReader(s))
	})
}
