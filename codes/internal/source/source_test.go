package source

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadComuni(t *testing.T) {
	in := "\ufeff" + `"ID","DATAISTITUZIONE","DATACESSAZIONE","CODISTAT","CODCATASTALE","DENOMINAZIONE_IT","DENOMTRASLITTERATA","ALTRADENOMINAZIONE","ALTRADENOMTRASLITTERATA","ID_PROVINCIA","IDPROVINCIAISTAT","IDREGIONE","IDPREFETTURA","STATO","SIGLAPROVINCIA","FONTE","DATAULTIMOAGG","COD_DENOM"
13696,"1861-03-17","1927-07-26","084001","A089","GIRGENTI","GIRGENTI","","",84,"084","19","","C","AG","","2016-06-17","084500"
446,"1861-03-17","1911-07-04","003809","ND","ARIZZANO","ARIZZANO","","",3,"003","01","","C","NO","","2016-06-17",""
7,"1900-01-01","9999-12-31","003810","","SENZA CODICE","","","",3,"003","01","","C","NO","","",""
8,"2030-01-01","9999-12-31","003811","Q001","FUTURO","FUTURO","ZUKUNFT","",3,"003","01","","D","NO","","17/05/2023",""
x,"1999-02-30","","003812","Q002","DATE ROTTE","","","",3,"003","01","","A","NO","","2023-05-16",""
`
	rows, issues, err := ReadComuni(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, rows, 5, "every row kept")
	assert.Equal(t, Comune{ID: 13696, Istat: "084001", Belfiore: "A089", Name: "GIRGENTI", NameTranslit: "GIRGENTI",
		Province: "AG", ProvinceIstat: "084", Region: "19", From: 18610317, To: 19270726, Status: 'C', Updated: 20160617}, rows[0])
	assert.False(t, rows[1].HasBelfiore())
	assert.False(t, rows[2].HasBelfiore())
	assert.True(t, rows[3].HasBelfiore())
	assert.Equal(t, byte('D'), rows[3].Status)
	assert.Equal(t, "ZUKUNFT", rows[3].AltName)
	assert.Equal(t, Date(20230517), rows[3].Updated, "dd/mm/yyyy as the legend says")
	assert.Equal(t, 0, rows[4].ID)
	assert.Equal(t, Date(0), rows[4].From)
	assert.Equal(t, OpenEnd, rows[4].To)

	lines := map[int][]string{}
	for _, i := range issues {
		lines[i.Line] = append(lines[i.Line], i.Msg)
	}
	assert.NotContains(t, lines, 2, "Girgenti is regular")
	assert.Len(t, lines[3], 1, "ND")
	assert.Len(t, lines[4], 1, "empty code")
	assert.Len(t, lines[5], 1, "STATO D")
	assert.Len(t, lines[6], 3, "bad ID, bad start, missing end: %v", lines[6])
	assert.Contains(t, issues[0].String(), "ANPR_archivio_comuni.csv:3 [446 ND ARIZZANO]")
}

func TestReadStates(t *testing.T) {
	in := `ID,DENOMINAZIONE,DENOMINAZIONEISTAT,DENOMINAZIONEISTAT_EN,DATAINIZIOVALIDITA,DATAFINEVALIDITA,CODISO3166_1_ALPHA3,CODMAE,CODMIN,CODAT,CODISTAT,CITTADINANZA,NASCITA,RESIDENZA,FONTE,TIPO,CODISOSOVRANO,DATAULTIMOAGG
22,BOLIVIA,Bolivia,"Bolivia, Plurinational State of",01/01/1900,31/12/9999,BOL,262,604,Z601,604,S,S,S,MAECI,STATO,,
197,,"Riconosciuti non cittadini (lettoni)*",Recognized non-citizens*,,,,,,,888,,,,ISTAT,,,
200, NON ATTRIBUIBILE,,,01/01/1900,31/12/9999,,,998,,998,S,S,N,ANPR,,,20/04/2017
202,ATOLLO DI CLIPPERTON,,,01/01/1900,31/12/9999,CPT,,512,,512,N,N,S,MAECI,TERRITORIO,FRA,
`
	rows, issues, err := ReadStates(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, State{Istat: "604", Belfiore: "Z601", ISO3: "BOL", Name: "BOLIVIA", NameIT: "Bolivia",
		NameEN: "Bolivia, Plurinational State of", From: 19000101, To: OpenEnd, Citizenship: true, Birth: true,
		Residence: true, Kind: "STATO"}, rows[0])
	assert.Equal(t, "NON ATTRIBUIBILE", rows[2].Name)
	assert.Equal(t, Date(0), rows[1].From)
	assert.Equal(t, OpenEnd, rows[1].To)
	count := map[int]int{}
	for _, i := range issues {
		count[i.Line]++
	}
	assert.Zero(t, count[2])
	assert.Equal(t, 8, count[3], "empty name, no Z-code, TIPO, 2 dates, 3 flags")
	assert.Equal(t, 3, count[4], "spaces, no Z-code, TIPO")
	assert.Equal(t, 1, count[5], "no Z-code")
}

func TestReadDissolvedStates(t *testing.T) {
	in := "CODAT,DENOMINAZIONE,DATAINIZIOVALIDITA,DATAFINEVALIDITA,SUCCESSORI_CODISTAT,NOTE\n" +
		"Z118,Jugoslavia,1900-01-01,2003-02-03,251 250 252,renamed\n" +
		"Z221,Hong Kong,1900-01-01,,314,not dissolved\n" +
		"Z999,Senza successori,1900-01-01,1950-01-01,,\n"
	rows, issues, err := ReadDissolvedStates(strings.NewReader(in), OriginDissolved, DissolvedStatesFile)
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.True(t, rows[0].Dissolved)
	assert.Equal(t, []string{"251", "250", "252"}, rows[0].Successors)
	assert.False(t, rows[1].Dissolved)
	assert.Equal(t, OpenEnd, rows[1].To)
	require.Len(t, issues, 1)
	assert.Equal(t, "Z999", issues[0].Key)
}

func TestReadProvincesKitDecoding(t *testing.T) {
	prov, _, err := ReadProvinces(strings.NewReader("CODICE_PROVINCIA,SIGLA,DENOMINAZIONE,CODICE_REGIONE,DENOMINAZIONE_REGIONE\n092,CA,Cagliari,20,Sardegna\n111,SU,Sud Sardegna,20,Sardegna\n"))
	require.NoError(t, err)
	assert.Equal(t, []Province{
		{Istat: "092", Sigla: "CA", Name: "Cagliari", Region: "Sardegna", HasQuestura: true, Questura: "CA"},
		{Istat: "111", Sigla: "SU", Name: "Sud Sardegna", Region: "Sardegna", HasQuestura: false, Questura: "CA"},
	}, prov)

	kit, issues, err := ReadKit(strings.NewReader("CODICE,DESCRIZIONE,TITOLO,OPERAZIONE,VALIDO_AL,NOTE\n8,Carta,CARTA,RILASCIO_RINNOVO,2007-04-10,x\nX,bad,CARTA,RINNOVO,,\n5,y,BOH,BOH,32/13/2000,\n"), "2006", KitFile)
	require.NoError(t, err)
	require.Len(t, kit, 2)
	assert.Equal(t, Date(20070410), kit[0].ValidTo)
	assert.Len(t, issues, 4)

	dec, issues, err := ReadDecoding(strings.NewReader("ID,DESCRIZIONE,NOTE\n1,a,\n1,b,\n,c,\nA,\"d, e\",n\n"), "x.csv")
	require.NoError(t, err)
	assert.Equal(t, []Entry{{"1", "a", ""}, {"A", "d, e", "n"}}, dec)
	assert.Len(t, issues, 2)

	_, _, err = ReadDecoding(strings.NewReader("CODE,DESC\n"), "x.csv")
	require.ErrorIs(t, err, ErrMissingColumn)
	_, _, err = ReadKit(strings.NewReader(""), "2006", KitFile)
	require.ErrorIs(t, err, ErrEmpty)
}

func TestBuildIndexes(t *testing.T) {
	in := Inputs{Comuni: []Comune{
		{ID: 1, Istat: "2", Belfiore: "B", Name: "PATERNÒ", NameTranslit: "PATERNO'", From: 20000101, To: OpenEnd},
		{ID: 2, Istat: "1", Belfiore: "A", Name: "ZETA", From: 19000101, To: 19991231},
		{ID: 3, Istat: "1", Belfiore: "A", Name: "ZETA NUOVA", From: 19500101, To: OpenEnd},
		{ID: 4, Istat: "", Belfiore: "ND", Name: "ZETA", From: 18610317, To: 18700101},
	}}
	s, issues := Build(in)
	assert.Equal(t, []int32{1, 2, 0}, s.ComuniByBelfiore)
	assert.Equal(t, []int32{1, 2, 0}, s.ComuniByIstat)
	assert.Equal(t, []NameRef{{"PATERNO", 0}, {"ZETA", 1}, {"ZETA", 3}, {"ZETA NUOVA", 2}}, s.ComuniByName)
	require.Len(t, issues, 1, "overlap of A rows")
}

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2023-05-16", 20230516, true},
		{"16/05/2023", 20230516, true},
		{"2024-02-29", 20240229, true},
		{"2023-02-29", 0, false},
		{"31/12/9999", OpenEnd, true},
		{"", 0, false},
		{"2023-5-16", 0, false},
		{"20230516", 0, false},
	}
	for _, tc := range tests {
		got, ok := parseAnyDate(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	assert.Equal(t, "2023-05-16", FormatDate(20230516))
	assert.Equal(t, "", FormatDate(0))
}

func FuzzReadComuni(f *testing.F) {
	f.Add("\ufeff\"ID\",\"DATAISTITUZIONE\",\"DATACESSAZIONE\",\"CODISTAT\",\"CODCATASTALE\",\"DENOMINAZIONE_IT\",\"SIGLAPROVINCIA\",\"STATO\"\n1,\"1861-03-17\",\"9999-12-31\",\"001001\",\"A001\",\"X\",\"TO\",\"A\"\n")
	f.Add("ID,DATAISTITUZIONE,DATACESSAZIONE,CODISTAT,CODCATASTALE,DENOMINAZIONE_IT,SIGLAPROVINCIA,STATO\n\"x,,\n")
	f.Fuzz(func(t *testing.T, s string) {
		rows, _, err := ReadComuni(strings.NewReader(s))
		if err != nil {
			return
		}
		set, _ := Build(Inputs{Comuni: rows})
		for _, r := range set.ComuniByBelfiore {
			if !rows[r].HasBelfiore() {
				t.Fatalf("row %d without code indexed", r)
			}
		}
	})
}

func FuzzReadStates(f *testing.F) {
	f.Add("ID,DENOMINAZIONE,DATAINIZIOVALIDITA,DATAFINEVALIDITA,CODISO3166_1_ALPHA3,CODAT,CODISTAT,CITTADINANZA,NASCITA,RESIDENZA,TIPO\n1,X,01/01/1900,31/12/9999,XXX,Z100,201,S,S,S,STATO\n")
	f.Fuzz(func(t *testing.T, s string) {
		rows, _, err := ReadStates(strings.NewReader(s))
		if err != nil {
			return
		}
		Build(Inputs{States: rows})
	})
}

func FuzzReadDissolvedStates(f *testing.F) {
	f.Add("CODAT,DENOMINAZIONE,DATAINIZIOVALIDITA,DATAFINEVALIDITA,SUCCESSORI_CODISTAT,NOTE\nZ118,J,1900-01-01,2003-02-03,251 250,n\n")
	f.Fuzz(func(t *testing.T, s string) {
		rows, _, err := ReadDissolvedStates(strings.NewReader(s), OriginExtra, ExtraStatesFile)
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.Dissolved != (r.To != OpenEnd) {
				t.Fatal("Dissolved inconsistent with To")
			}
		}
	})
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"Paternò", "PATERNO'", "Sant'Agata", "ß", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if NormalizeName(n) != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, NormalizeName(n))
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("spaces not folded: %q", n)
		}
	})
}
