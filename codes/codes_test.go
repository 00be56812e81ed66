package codes

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestDefaultCounts(t *testing.T) {
	tb := Default()
	assert.Len(t, tb.comuni, 19352)
	active := 0
	for _, c := range tb.comuni {
		if c.Active() {
			active++
		}
	}
	assert.Equal(t, 7901, active)
	assert.Len(t, tb.Provinces(), 107)
	assert.Len(t, tb.KitTypes(), 26)
	assert.Equal(t, "2023-05-16", DataVersion)
	assert.NotEmpty(t, tb.Issues())
}

func TestComuneByBelfiore(t *testing.T) {
	tb := Default()
	tests := []struct {
		name     string
		code     string
		on       Date
		wantOK   bool
		wantName string
		wantProv string
		wantIst  string
	}{
		{"Girgenti before rename", "A089", d("1900-01-01"), true, "GIRGENTI", "AG", "084001"},
		{"Girgenti last day", "A089", d("1927-07-26"), true, "GIRGENTI", "AG", "084001"},
		{"Agrigento first day", "A089", d("1927-07-27"), true, "AGRIGENTO", "AG", "084001"},
		{"Agrigento most recent", "A089", 0, true, "AGRIGENTO", "AG", "084001"},
		{"lower case code", "a089", d("2020-01-01"), true, "AGRIGENTO", "AG", "084001"},
		{"Vignola MO", "L885", d("2020-01-01"), true, "VIGNOLA", "MO", "036046"},
		{"Vignola TN 1925", "L884", d("1925-01-01"), true, "VIGNOLA", "TN", "022937"},
		{"Vignola TN 1921", "L884", d("1921-01-01"), true, "VIGNOLA", "TN", "802868"},
		{"Vignola TN ceased", "L884", d("1930-01-01"), false, "", "", ""},
		{"Vignola TN most recent", "L884", 0, true, "VIGNOLA", "TN", "022937"},
		{"Gallico ceased today", "D877", d("2024-01-01"), false, "", "", ""},
		{"Gallico 1900", "D877", d("1900-01-01"), true, "GALLICO", "RC", "080805"},
		{"Casagiove 1927-06 in Napoli", "B860", d("1927-06-01"), true, "CASAGIOVE", "NA", "063829"},
		{"Casagiove merged 1935", "B860", d("1935-01-01"), false, "", "", ""},
		{"Casagiove recreated 1950", "B860", d("1950-01-01"), true, "CASAGIOVE", "CE", "061018"},
		{"Nuxis before creation", "F991", d("1950-01-01"), false, "", "", ""},
		{"Nuxis 1960 CA", "F991", d("1960-01-01"), true, "NUXIS", "CA", "092077"},
		{"Nuxis 2010 CI", "F991", d("2010-01-01"), true, "NUXIS", "CI", "107013"},
		{"Nuxis today SU", "F991", d("2024-01-01"), true, "NUXIS", "SU", "111049"},
		{"Paternò CT", "G371", d("2024-01-01"), true, "PATERNÒ", "CT", "087033"},
		{"Paterno PZ", "M269", d("2024-01-01"), true, "PATERNO", "PZ", "076100"},
		{"ND is not a code", "ND", 0, false, "", "", ""},
		{"empty code", "", 0, false, "", "", ""},
		{"unknown", "Z999", 0, false, "", "", ""},
		{"before any date", "A089", d("1800-01-01"), false, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := tb.ComuneByBelfiore(tc.code, tc.on)
			require.Equal(t, tc.wantOK, ok)
			if !ok {
				assert.Equal(t, Comune{}, c)
				return
			}
			assert.Equal(t, tc.wantName, c.Name)
			assert.Equal(t, tc.wantProv, c.Province)
			assert.Equal(t, tc.wantIst, c.Istat)
			if tc.on != 0 {
				assert.True(t, c.ValidOn(tc.on))
			}
		})
	}
}

func TestComuneErrors(t *testing.T) {
	tb := Default()
	_, err := tb.Comune("B860", d("1935-01-01"))
	require.ErrorIs(t, err, ErrNotValidOnDate)
	_, err = tb.Comune("Q000", d("1935-01-01"))
	require.ErrorIs(t, err, ErrUnknownComune)
	c, err := tb.Comune("B860", d("1950-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "CE", c.Province)
}

func TestComuneByIstat(t *testing.T) {
	tb := Default()
	tests := []struct {
		code     string
		on       Date
		wantOK   bool
		belfiore string
		name     string
	}{
		{"084001", d("1920-01-01"), true, "A089", "GIRGENTI"},
		{"084001", 0, true, "A089", "AGRIGENTO"},
		{"111049", d("2024-01-01"), true, "F991", "NUXIS"},
		{"111049", d("2010-01-01"), true, "F991", "NUXIS"}, // today's code followed through the Belfiore code (then 107013)
		{"107013", d("2010-01-01"), true, "F991", "NUXIS"},
		{"061018", d("1935-01-01"), false, "", ""},
		{"061018", d("1950-01-01"), true, "B860", "CASAGIOVE"},
		{"999999", 0, false, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.code+"@"+tc.on.String(), func(t *testing.T) {
			c, ok := tb.ComuneByIstat(tc.code, tc.on)
			require.Equal(t, tc.wantOK, ok)
			assert.Equal(t, tc.belfiore, c.Belfiore)
			assert.Equal(t, tc.name, c.Name)
		})
	}
}

func TestComuneHistory(t *testing.T) {
	tb := Default()
	provinces := func(cs []Comune) []string {
		var p []string
		for _, c := range cs {
			p = append(p, c.Province)
		}
		return p
	}
	nuxis := tb.ComuneHistory("F991")
	require.Len(t, nuxis, 5)
	assert.Equal(t, []string{"CA", "CA", "CA", "CI", "SU"}, provinces(nuxis))
	assert.Equal(t, d("1958-01-26"), nuxis[0].From)
	assert.Equal(t, MaxDate, nuxis[4].To)

	casagiove := tb.ComuneHistory("B860")
	assert.Equal(t, []string{"CE", "NA", "CE"}, provinces(casagiove))
	for i := 1; i < len(casagiove); i++ {
		assert.LessOrEqual(t, casagiove[i-1].From, casagiove[i].From)
	}
	assert.Len(t, tb.ComuneHistory("A089"), 2)
	assert.Nil(t, tb.ComuneHistory("ND"))
	assert.Nil(t, tb.ComuneHistory("XXXX"))

	// The history is a copy: changing it leaves the tables alone.
	nuxis[0].Name = "CHANGED"
	assert.Equal(t, "NUXIS", tb.ComuneHistory("F991")[0].Name)
}

func TestFindComuni(t *testing.T) {
	tb := Default()
	type key struct{ Belfiore, Province string }
	keys := func(cs []Comune) []key {
		var k []key
		for _, c := range cs {
			k = append(k, key{c.Belfiore, c.Province})
		}
		return k
	}
	today := d("2024-01-01")
	tests := []struct {
		name  string
		query string
		q     Query
		want  []key
	}{
		{"Vignola all rows, newest first", "Vignola", Query{}, []key{{"L885", "MO"}, {"L884", "TN"}, {"L884", "TN"}}},
		{"Vignola today", "VIGNOLA", Query{On: today}, []key{{"L885", "MO"}}},
		{"Vignola in Trentino", "vignola", Query{Province: "tn"}, []key{{"L884", "TN"}, {"L884", "TN"}}},
		{"Vignola TN 1925", "vignola", Query{Province: "TN", On: d("1925-01-01")}, []key{{"L884", "TN"}}},
		{"Vignola 1925 both", "vignola", Query{On: d("1925-01-01")}, []key{{"L885", "MO"}, {"L884", "TN"}}},
		{"Paternò accented", "Paternò", Query{On: today}, []key{{"G371", "CT"}, {"M269", "PZ"}}},
		{"Paterno apostrophe", "PATERNO'", Query{On: today}, []key{{"G371", "CT"}, {"M269", "PZ"}}},
		{"paterno plain", "paterno", Query{On: today}, []key{{"G371", "CT"}, {"M269", "PZ"}}},
		{"paterno in CT", "paterno", Query{On: today, Province: "CT"}, []key{{"G371", "CT"}}},
		{"Gallico today", "Gallico", Query{On: today}, nil},
		{"Gallico 1900", "Gallico", Query{On: d("1900-01-01")}, []key{{"D877", "RC"}}},
		{"Girgenti", "girgenti", Query{}, []key{{"A089", "AG"}}},
		{"Agrigento 1920", "Agrigento", Query{On: d("1920-01-01")}, nil},
		{"second language name", "Bozen", Query{On: today}, []key{{"A952", "BZ"}}},
		{"rows without code are found by name", "Arizzano", Query{Province: "NO"}, []key{{"A409", "NO"}, {"A409", "NO"}, {"A409", "NO"}, {"ND", "NO"}}},
		{"empty", "  ", Query{}, nil},
		{"unknown", "Atlantide", Query{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tb.FindComuni(tc.query, tc.q)
			assert.Equal(t, tc.want, keys(got))
			for i := 1; i < len(got); i++ {
				assert.GreaterOrEqual(t, got[i-1].To, got[i].To, "newest first")
			}
		})
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Paternò", "PATERNO"},
		{"PATERNO'", "PATERNO"},
		{"paterno", "PATERNO"},
		{"Sant'Agata  di   Militello", "SANT AGATA DI MILITELLO"},
		{"Sant’Agata di Militello", "SANT AGATA DI MILITELLO"},
		{"Bosnia-Erzegovina", "BOSNIA ERZEGOVINA"},
		{"S. Giovanni", "S GIOVANNI"},
		{"  Forlì ", "FORLI"},
		{"Città del Vaticano", "CITTA DEL VATICANO"},
		{"", ""},
		{"'-.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, NormalizeName(tc.in))
		})
	}
}

func TestStates(t *testing.T) {
	tb := Default()

	z118, err := tb.StateByBelfiore("Z118")
	require.NoError(t, err)
	assert.True(t, z118.Dissolved)
	assert.True(t, z118.HasSuccessor("250"), "Croazia")
	assert.False(t, z118.HasSuccessor("216"))
	assert.Equal(t, d("2003-02-03"), z118.To)
	assert.False(t, z118.ValidOn(d("2010-01-01")))
	assert.True(t, z118.ValidOn(d("1980-01-01")))

	z135, err := tb.StateByBelfiore("z135")
	require.NoError(t, err)
	assert.True(t, z135.Dissolved)
	assert.Len(t, z135.Successors, 15)
	assert.True(t, z135.HasSuccessor("245"))

	hk, err := tb.StateByBelfiore("Z221")
	require.NoError(t, err)
	assert.False(t, hk.Dissolved)
	assert.Equal(t, "Hong Kong", hk.Name)
	assert.Equal(t, []string{"314"}, hk.Successors)
	assert.True(t, hk.ValidOn(d("2020-01-01")))

	_, err = tb.StateByBelfiore("Z999")
	require.ErrorIs(t, err, ErrUnknownState)
	_, err = tb.StateByBelfiore("")
	require.ErrorIs(t, err, ErrUnknownState)
	assert.True(t, errors.Is(err, ErrUnknownState))

	hr, err := tb.StateByBelfiore("Z149")
	require.NoError(t, err)
	assert.Equal(t, "250", hr.Istat)
	assert.Equal(t, "HRV", hr.ISO3)
	assert.Equal(t, d("1900-01-01"), hr.From, "ANPR states are valid from 1900")
	assert.Equal(t, "STATO", hr.Kind)

	tests := []struct {
		name                          string
		istat                         string
		on                            Date
		wantOK                        bool
		wantName, wantZ               string
		citizenship, birth, residence bool
	}{
		{"Croazia", "250", d("1950-01-01"), true, "CROAZIA", "Z149", true, true, true},
		{"before 1900", "250", d("1899-12-31"), false, "", "", false, false, false},
		{"apolide", "999", 0, true, "APOLIDE", "", true, false, false},
		{"non attribuibile (trimmed)", "998", 0, true, "NON ATTRIBUIBILE", "", true, true, false},
		{"in corso di definizione", "997", d("2020-01-01"), true, "In corso di definizione", "", true, false, false},
		{"lettoni non cittadini, no dates", "888", 0, true, "", "", false, false, false},
		{"Italia has no Z-code", "100", 0, true, "ITALIA", "", true, false, true},
		{"territory", "218", 0, true, "DOMINIO DI GIBILTERRA", "", false, false, true},
		{"unknown", "123", 0, false, "", "", false, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := tb.StateByIstat(tc.istat, tc.on)
			require.Equal(t, tc.wantOK, ok)
			assert.Equal(t, tc.wantName, s.Name)
			assert.Equal(t, tc.wantZ, s.Belfiore)
			assert.Equal(t, tc.citizenship, s.Citizenship)
			assert.Equal(t, tc.birth, s.Birth)
			assert.Equal(t, tc.residence, s.Residence)
		})
	}

	iso := []struct{ code, istat string }{{"HRV", "250"}, {"hrv", "250"}, {"CHN", "314"}, {"GIB", "218"}}
	for _, tc := range iso {
		s, ok := tb.StateByISO3(tc.code)
		require.True(t, ok, tc.code)
		assert.Equal(t, tc.istat, s.Istat)
	}
	_, ok := tb.StateByISO3("ZZZ")
	assert.False(t, ok, "ZZZ is a placeholder, not a country")
	_, ok = tb.StateByISO3("XXX")
	assert.False(t, ok)

	found := tb.FindStates("croazia", 0)
	require.Len(t, found, 1)
	assert.Equal(t, "250", found[0].Istat)
	found = tb.FindStates("Croatia", d("2020-01-01"))
	require.Len(t, found, 1)
	found = tb.FindStates("Jugoslavia", 0)
	require.Len(t, found, 1)
	assert.Equal(t, "Z118", found[0].Belfiore)
	assert.Empty(t, tb.FindStates("Jugoslavia", d("2020-01-01")))
	assert.NotEmpty(t, tb.FindStates("Stato della città del Vaticano", 0))
}

func TestStatesWithoutZCode(t *testing.T) {
	n := 0
	for _, s := range Default().States() {
		if s.Belfiore == "" && s.origin == 0 {
			n++
		}
	}
	assert.Equal(t, 30, n, "ANPR rows without Z-code (data README)")
}

func TestProvinces(t *testing.T) {
	tb := Default()
	tests := []struct {
		sigla       string
		ok          bool
		name        string
		hasQuestura bool
		questura    string
	}{
		{"SU", true, "Sud Sardegna", false, "CA"},
		{"su", true, "Sud Sardegna", false, "CA"},
		{"CA", true, "Cagliari", true, "CA"},
		{"MO", true, "Modena", true, "MO"},
		{"XX", false, "", false, ""},
		{"", false, "", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.sigla, func(t *testing.T) {
			p, ok := tb.Province(tc.sigla)
			require.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.name, p.Name)
			assert.Equal(t, tc.hasQuestura, p.HasQuestura)
			assert.Equal(t, tc.questura, p.Questura)
		})
	}
	without := 0
	for _, p := range tb.Provinces() {
		if !p.HasQuestura {
			without++
		}
	}
	assert.Equal(t, 1, without)
}

func TestKit(t *testing.T) {
	tb := Default()
	tests := []struct {
		code       int
		ok         bool
		titolo     string
		operazione string
		on         Date
		valid      bool
	}{
		{8, true, "CARTA", "RILASCIO_RINNOVO", d("2007-04-10"), true},
		{8, true, "CARTA", "RILASCIO_RINNOVO", d("2007-04-11"), false},
		{9, true, "CARTA", "RILASCIO_RINNOVO", d("2024-01-01"), true},
		{10, true, "PERMESSO", "CONVERSIONE", d("2024-01-01"), true},
		{3, true, "CARTA", "AGGIORNAMENTO", d("2024-01-01"), true},
		{4, true, "PERMESSO", "AGGIORNAMENTO", d("2024-01-01"), true},
		{11, true, "CARTA", "DUPLICATO", d("2024-01-01"), true},
		{12, true, "PERMESSO", "DUPLICATO", d("2024-01-01"), true},
		{7, true, "PERMESSO", "RINNOVO", d("2024-01-01"), true},
		{23, true, "PERMESSO", "RINNOVO", d("2024-01-01"), true},
		{16, true, "PERMESSO", "RILASCIO_RINNOVO", d("2024-01-01"), true},
		{0, false, "", "", 0, false},
		{27, false, "", "", 0, false},
	}
	for _, tc := range tests {
		k, ok := tb.Kit(tc.code)
		require.Equal(t, tc.ok, ok, tc.code)
		if !ok {
			continue
		}
		assert.Equal(t, tc.titolo, k.Titolo, tc.code)
		assert.Equal(t, tc.operazione, k.Operazione, tc.code)
		assert.Equal(t, tc.valid, k.ValidOn(tc.on), tc.code)
	}
	k8, _ := tb.Kit(8)
	assert.Equal(t, d("2007-04-10"), k8.ValidTo)
	assert.Contains(t, k8.Note, "30/2007")
	k16, _ := tb.Kit(16)
	assert.Equal(t, "Lavoro subordinato", k16.Description)
}

func TestDecode(t *testing.T) {
	tb := Default()
	tests := []struct {
		tab        Table
		id         string
		ok         bool
		desc, note string
	}{
		{StatoCivile, "1", true, "Celibe/Nubile", ""},
		{RelazioneParentela, "26", true, "Tutore", ""},
		{RelazioneParentela, "14", true, "Figliastro / Figliastra", "Utilizzabile solo al subentro"},
		{TipoSoggiorno, "5", true, "Ricevuta", ""},
		{PosizioneProfessione, "A", true, "Dirigente o impiegato", "Solo per conversione AIRE/ANPR"},
		{TipoIndirizzo, "5", true, `"Presso" per località italiana`, ""},
		{SpecieToponimo, "1", true, "ACCESSO", ""},
		{StatoCivile, "42", false, "", ""},
		{Table(-1), "1", false, "", ""},
		{Table(99), "1", false, "", ""},
	}
	for _, tc := range tests {
		e, ok := tb.Decode(tc.tab, tc.id)
		require.Equal(t, tc.ok, ok, "%v %s", tc.tab, tc.id)
		assert.Equal(t, tc.desc, e.Description)
		assert.Equal(t, tc.note, e.Note)
	}
	rel := tb.Entries(RelazioneParentela)
	require.NotEmpty(t, rel)
	assert.Equal(t, "26", rel[0].ID, "file order kept")
	assert.Nil(t, tb.Entries(Table(42)))
	assert.Equal(t, "stato_civile", StatoCivile.String())
	assert.Equal(t, "specie_toponimo", SpecieToponimo.String())
	assert.Equal(t, "", Table(42).String())
	for tab := range Table(numTables) {
		assert.NotEmpty(t, tb.Entries(tab), tab.String())
	}
}

func TestIssuesReported(t *testing.T) {
	var nd, noZ, tipo int
	for _, i := range Default().Issues() {
		switch {
		case i.File == "ANPR_archivio_comuni.csv" && i.Line > 0:
			nd++
		case i.File == "stati_esteri.csv" && i.Msg == "CODAT (codice Z) vuoto: riga esclusa dalle ricerche per codice catastale":
			noZ++
		case i.File == "stati_esteri.csv" && len(i.Msg) > 4 && i.Msg[:4] == "TIPO":
			tipo++
		}
	}
	assert.Equal(t, 28, nd, "rows with Belfiore ND or empty")
	assert.Equal(t, 30, noZ)
	assert.Equal(t, 4, tipo)
}
