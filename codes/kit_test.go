package codes

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Editions: codes/data/kit_edizioni.csv; the 2024 table is dated 2024-05-30
// by Poste Italiane (shared/data/README.md).
func TestKitEditions(t *testing.T) {
	tb := Default()
	eds := tb.KitEditions()
	require.Len(t, eds, 2)
	assert.Equal(t, "2006", eds[0].Name)
	assert.Zero(t, eds[0].From)
	assert.Equal(t, "2024", eds[1].Name)
	assert.Equal(t, d("2024-05-30"), eds[1].From)
	assert.Contains(t, eds[1].Source, "Poste Italiane")

	tests := []struct {
		on   string
		want string
	}{
		{"1990-01-01", "2006"},
		{"2024-05-29", "2006"},
		{"2024-05-30", "2024"},
		{"2026-11-30", "2024"},
		{"", "2024"}, // zero date: latest edition
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tb.KitEditionOn(d(tc.on)).Name, tc.on)
	}
}

func TestKitOnBoundary(t *testing.T) {
	tb := Default()
	tests := []struct {
		code    int
		on      string
		ok      bool
		edition string
		desc    string
	}{
		{26, "2024-05-29", true, "2006", "Turismo"},
		{26, "2024-05-30", false, "", ""},
		{22, "2024-05-29", true, "2006", "Ricerca scientifica"},
		{22, "2024-05-30", false, "", ""},
		{27, "2024-05-29", false, "", ""},
		{27, "2024-05-30", true, "2024", "Ricercatore (art. 27-ter Testo Unico Immigrazione)"},
		{6, "2024-05-29", true, "2006", "Attesa riacquisto cittadinanza"},
		{6, "2024-05-30", true, "2024", "Attesa acquisto cittadinanza"},
		{8, "2007-04-10", true, "2006", "Carta di soggiorno cittadini U.E."},
		{8, "2007-04-11", false, "", ""}, // VALIDO_AL 2007-04-10: row ended
		{16, "2026-11-30", true, "2024", "Lavoro subordinato"},
	}
	for _, tc := range tests {
		k, ok := tb.KitOn(tc.code, d(tc.on))
		require.Equal(t, tc.ok, ok, "%d on %s", tc.code, tc.on)
		assert.Equal(t, tc.edition, k.Edition, tc.code)
		assert.Equal(t, tc.desc, k.Description, tc.code)
	}
}

// Codes gone from the 2024 table (data README): 1, 8, 22, 25, 26.
func TestKitGoneIn2026(t *testing.T) {
	tb := Default()
	on := d("2026-11-30")
	for _, code := range []int{1, 8, 22, 25, 26} {
		_, ok := tb.KitOn(code, on)
		assert.False(t, ok, code)
		_, ok = tb.Kit(code)
		assert.True(t, ok, "still in the 2006 edition: %d", code)
	}
	for _, k := range tb.KitTypesOn(on) {
		assert.Equal(t, "2024", k.Edition)
		assert.NotContains(t, []int{1, 8, 22, 25, 26}, k.Code)
	}
	assert.Len(t, tb.KitTypesOn(on), 27)
	assert.Len(t, tb.KitTypesOn(d("2020-01-01")), 25, "26 codes of 2006 minus 8 (ended 2007)")
}

// Operations per code: the 2024 table (2 no rilascio; 7 rinnovo and
// conversione only; 23 rinnovo only); 2006 RILASCIO_RINNOVO = both.
func TestKitOps(t *testing.T) {
	tb := Default()
	all := KitOpsOf(KitRilascio, KitRinnovo, KitConversione, KitAggiornamento, KitDuplicato)
	tests := []struct {
		edition string
		code    int
		ops     KitOps
	}{
		{"2024", 2, KitOpsOf(KitRinnovo, KitConversione, KitAggiornamento, KitDuplicato)},
		{"2024", 7, KitOpsOf(KitRinnovo, KitConversione)},
		{"2024", 23, KitOpsOf(KitRinnovo)},
		{"2024", 16, all},
		{"2024", 10, KitOpsOf(KitConversione)},
		{"2006", 2, KitOpsOf(KitRilascio, KitRinnovo)},
		{"2006", 7, KitOpsOf(KitRinnovo)},
		{"2006", 3, KitOpsOf(KitAggiornamento)},
		{"2006", 12, KitOpsOf(KitDuplicato)},
	}
	for _, tc := range tests {
		k, ok := tb.KitIn(tc.edition, tc.code)
		require.True(t, ok, "%s %d", tc.edition, tc.code)
		assert.Equal(t, tc.ops, k.Ops, "%s %d: %s", tc.edition, tc.code, k.Ops)
		for _, op := range all.List() {
			assert.Equal(t, tc.ops.Allows(op), k.Allows(op))
		}
	}
	k, _ := tb.KitIn("2024", 2)
	assert.False(t, k.Allows(KitRilascio))
	assert.Equal(t, "RINNOVO+CONVERSIONE+AGGIORNAMENTO+DUPLICATO", k.Ops.String())
	_, ok := tb.KitIn("1999", 2)
	assert.False(t, ok)
}

func TestKitOpNames(t *testing.T) {
	for op := KitRilascio; op <= KitDuplicato; op++ {
		got, ok := ParseKitOp(strings.ToLower(" " + op.String() + " "))
		require.True(t, ok, op)
		assert.Equal(t, op, got)
	}
	assert.Equal(t, "RILASCIO", KitRilascio.String())
	assert.Equal(t, "DUPLICATO", KitDuplicato.String())
	assert.Empty(t, KitOp(0).String())
	for _, s := range []string{"", "RILASCIO_RINNOVO", "rinnovi"} {
		_, ok := ParseKitOp(s)
		assert.False(t, ok, s)
	}
	assert.False(t, KitOpsOf(KitRinnovo).Allows(0))
}

// Durations: codes/data/kit_durate.csv, one source per row (issue 10).
func TestKitDurations(t *testing.T) {
	tb := Default()
	tests := []struct {
		code     int
		op       KitOp
		months   int
		none     bool
		citation string
	}{
		{18, KitRilascio, 9, false, "art. 24 d.lgs. 286/1998"},
		{24, KitRinnovo, 12, false, "art. 5 c.3 d.lgs. 286/1998"},
		{16, KitRinnovo, 36, false, "d.l. 20/2023"},
		{16, KitRilascio, 0, false, "d.l. 20/2023"}, // 36 months: renewals only
		{15, KitRinnovo, 36, false, "d.l. 20/2023"},
		{13, KitRinnovo, 36, false, "d.l. 20/2023"},
		{9, KitRinnovo, 0, true, "l. 238/2021"},
		{5, KitRinnovo, 0, false, ""},
	}
	for _, ed := range []string{"2006", "2024"} {
		for _, tc := range tests {
			k, ok := tb.KitIn(ed, tc.code)
			require.True(t, ok)
			assert.Equal(t, tc.months, k.MaxMonthsFor(tc.op), "%s %d", ed, tc.code)
			assert.Equal(t, tc.none, k.NoDuration, "%s %d", ed, tc.code)
			assert.Contains(t, k.DurationSource, tc.citation, "%s %d", ed, tc.code)
		}
	}
}

// Successors: codes/data/kit_successori.csv.
func TestKitSuccessors(t *testing.T) {
	tb := Default()
	tests := []struct {
		code, successor int
		citation        string
	}{
		{22, 27, "art. 27-ter"},
		{25, 24, "art. 39"},
		{26, 0, "Turismo"},
		{1, 0, "Adozione"},
		{8, 0, "30/2007"},
		{16, 0, ""}, // still in 2024 with the same meaning
	}
	for _, tc := range tests {
		k, ok := tb.KitIn("2006", tc.code)
		require.True(t, ok)
		assert.Equal(t, tc.successor, k.Successor, tc.code)
		if tc.citation == "" {
			assert.Empty(t, k.SuccessorSource, tc.code)
		} else {
			assert.Contains(t, k.SuccessorSource, tc.citation, tc.code)
		}
		if tc.successor != 0 {
			_, ok := tb.KitOn(tc.successor, d("2026-01-01"))
			assert.True(t, ok, "successor in force")
		}
	}
}

func TestLoadKitEditions(t *testing.T) {
	kit2024 := "CODICE,DESCRIZIONE,TITOLO,RILASCIO,RINNOVO,CONVERSIONE,AGGIORNAMENTO,DUPLICATO,NOTE\n" +
		"16,Lavoro subordinato,PERMESSO,SI,SI,,,,\n" +
		"24,Motivi di studio,PERMESSO,SI,SI,,,,\n"
	kit2030 := "CODICE,DESCRIZIONE,TITOLO,RILASCIO,RINNOVO,CONVERSIONE,AGGIORNAMENTO,DUPLICATO,NOTE\n" +
		"16,Lavoro subordinato,PERMESSO,,SI,,,,\n" +
		"40,Nuovo codice,PERMESSO,SI,,,,,\n"
	tb, err := Load(Sources{KitEditions: []KitEditionSource{
		{Name: "2024", Rows: strings.NewReader(kit2024)},
		{Name: "2030", From: d("2030-01-01"), Source: "test", Rows: strings.NewReader(kit2030)},
	}})
	require.NoError(t, err)
	eds := tb.KitEditions()
	require.Len(t, eds, 3)
	assert.Equal(t, []string{"2006", "2024", "2030"}, []string{eds[0].Name, eds[1].Name, eds[2].Name})
	assert.Equal(t, Default().KitEditions()[1], eds[1], "start date and source kept")

	k, ok := tb.KitOn(16, d("2029-12-31"))
	require.True(t, ok)
	assert.Equal(t, "2024", k.Edition)
	assert.Equal(t, KitOpsOf(KitRilascio, KitRinnovo), k.Ops, "replaced rows")
	assert.Equal(t, 36, k.MaxMonthsFor(KitRinnovo), "durations applied to replaced rows")
	_, ok = tb.KitOn(27, d("2029-12-31"))
	assert.False(t, ok, "2024 edition replaced")
	k, ok = tb.KitOn(40, d("2030-01-01"))
	require.True(t, ok)
	assert.Equal(t, "2030", k.Edition)
	_, ok = tb.KitOn(24, d("2030-01-01"))
	assert.False(t, ok)
	k, _ = tb.KitIn("2006", 25)
	assert.Equal(t, 24, k.Successor, "2006 edition kept with its successors")
	k, _ = tb.KitIn("2006", 22)
	assert.Zero(t, k.Successor, "27 is not in the replaced 2024 edition")
	assert.True(t, hasIssue(tb, "kit_successori.csv", "27"))
	_, ok = tb.Kit(26)
	assert.True(t, ok)

	// Moving the boundary of the 2024 edition.
	tb, err = Load(Sources{KitEditions: []KitEditionSource{{Name: "2024", From: d("2024-07-01")}}})
	require.NoError(t, err)
	assert.Equal(t, "2006", tb.KitEditionOn(d("2024-06-30")).Name)
	_, ok = tb.KitOn(27, d("2024-07-01"))
	assert.True(t, ok)
	assert.Equal(t, "2024", Default().KitEditionOn(d("2024-06-30")).Name)
}

func TestLoadKitErrors(t *testing.T) {
	rows := "CODICE,DESCRIZIONE,TITOLO,RILASCIO,RINNOVO,CONVERSIONE,AGGIORNAMENTO,DUPLICATO\n1,X,PERMESSO,SI,,,,\n"
	tests := []struct {
		name string
		src  Sources
	}{
		{"new edition without date", Sources{KitEditions: []KitEditionSource{{Name: "2030", Rows: strings.NewReader(rows)}}}},
		{"new edition without rows", Sources{KitEditions: []KitEditionSource{{Name: "2030", From: d("2030-01-01")}}}},
		{"same date as 2024", Sources{KitEditions: []KitEditionSource{{Name: "2030", From: d("2024-05-30"), Rows: strings.NewReader(rows)}}}},
		{"no operation columns", Sources{KitEditions: []KitEditionSource{{Name: "2024", Rows: strings.NewReader("CODICE,DESCRIZIONE,TITOLO\n1,X,PERMESSO\n")}}}},
		{"durations without FONTE", Sources{KitDurations: strings.NewReader("CODICE,MESI,OPERAZIONI\n16,36,RINNOVO\n")}},
		{"successors with one edition", Sources{KitSuccessors: strings.NewReader("CODICE_2006,FONTE\n1,x\n")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := Load(tc.src)
			require.Error(t, err)
			assert.Nil(t, tb)
		})
	}
}

func TestLoadKitFactsIssues(t *testing.T) {
	dur := "CODICE,EDIZIONE,MESI,OPERAZIONI,FONTE\n" +
		"16,,24,RINNOVO,test\n" +
		"99,,12,RINNOVO,test\n" + // unknown code: reported
		"15,,dodici,RINNOVO,test\n" + // bad months: reported, dropped
		"13,,12,RINNOVO,\n" // no source: reported, dropped
	succ := "CODICE_2006,CODICE_2024,FONTE\n26,99,test\n22,27,test\n"
	tb, err := Load(Sources{KitDurations: strings.NewReader(dur), KitSuccessors: strings.NewReader(succ)})
	require.NoError(t, err)
	k, _ := tb.KitOn(16, d("2026-01-01"))
	assert.Equal(t, 24, k.MaxMonthsFor(KitRinnovo))
	k, _ = tb.KitOn(15, d("2026-01-01"))
	assert.Zero(t, k.MaxMonths)
	k, _ = tb.KitIn("2006", 26)
	assert.Zero(t, k.Successor, "successor missing from 2024: ignored")
	var n int
	for _, i := range tb.Issues() {
		if i.File == "kit_durate.csv" || i.File == "kit_successori.csv" {
			n++
		}
	}
	assert.Equal(t, 4, n, "%v", tb.Issues())
}

func hasIssue(tb *Tables, file, text string) bool {
	for _, i := range tb.Issues() {
		if i.File == file && strings.Contains(i.String(), text) {
			return true
		}
	}
	return false
}

func TestKitSuccessor(t *testing.T) {
	tb := Default()
	on := d("2026-11-30")
	tests := []struct {
		code         int
		on           Date
		ok           bool
		next         int
		prevEdition  string
		prevCitation string
	}{
		{22, on, true, 27, "2006", "27-ter"},
		{25, on, true, 24, "2006", "art. 39"},
		{26, on, false, 0, "2006", "Turismo"},
		{1, on, false, 0, "2006", "Adozione"},
		{8, on, false, 0, "2006", "30/2007"},
		{8, d("2010-01-01"), false, 0, "2006", "30/2007"}, // ended by VALIDO_AL in the 2006 edition
		{16, on, false, 0, "", ""},                        // in force: nothing to replace
		{26, d("2024-05-29"), false, 0, "", ""},           // still in force
		{99, on, false, 0, "", ""},                        // never existed
	}
	for _, tc := range tests {
		next, prev, ok := tb.KitSuccessor(tc.code, tc.on)
		assert.Equal(t, tc.ok, ok, tc.code)
		assert.Equal(t, tc.next, next.Code, tc.code)
		assert.Equal(t, tc.prevEdition, prev.Edition, tc.code)
		if tc.prevCitation != "" {
			assert.Contains(t, prev.Note+prev.SuccessorSource, tc.prevCitation, tc.code)
		}
		if ok {
			assert.Equal(t, "2024", next.Edition)
		}
	}
}
