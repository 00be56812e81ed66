package codes

import (
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const smallComuni = "\ufeff" + `"ID","DATAISTITUZIONE","DATACESSAZIONE","CODISTAT","CODCATASTALE","DENOMINAZIONE_IT","DENOMTRASLITTERATA","ALTRADENOMINAZIONE","ALTRADENOMTRASLITTERATA","ID_PROVINCIA","IDPROVINCIAISTAT","IDREGIONE","IDPREFETTURA","STATO","SIGLAPROVINCIA","FONTE","DATAULTIMOAGG","COD_DENOM"
10766,"1861-03-17","9999-12-31","036046","L885","VIGNOLA","VIGNOLA","","",36,"036","08","MO","A","MO","","2016-06-17",""
90001,"2030-01-01","9999-12-31","036999","X123","NUOVO COMUNE, SUL PANARO","NUOVO COMUNE, SUL PANARO","","",36,"036","08","MO","D","MO","","2029-06-01",""
90002,"1861-03-17","1900-01-01","036998","ND","VECCHIO","VECCHIO","","",36,"036","08","","C","MO","","2016-06-17",""
`

func TestLoadNewComune(t *testing.T) {
	tb, err := Load(Sources{Comuni: strings.NewReader(smallComuni)})
	require.NoError(t, err)

	c, ok := tb.ComuneByBelfiore("X123", 0)
	require.True(t, ok)
	assert.Equal(t, "NUOVO COMUNE, SUL PANARO", c.Name)
	assert.Equal(t, byte('D'), c.Status, "unknown STATO values are kept")
	_, ok = tb.ComuneByBelfiore("X123", d("2024-01-01"))
	assert.False(t, ok, "not yet established")
	found := tb.FindComuni("nuovo comune sul panaro", Query{})
	require.Len(t, found, 1)
	assert.Equal(t, "X123", found[0].Belfiore)
	assert.Len(t, tb.FindComuni("vecchio", Query{}), 1, "ND row kept and found by name")
	_, ok = tb.ComuneByBelfiore("ND", 0)
	assert.False(t, ok)

	// Only the comuni were replaced.
	_, ok = tb.ComuneByBelfiore("A089", 0)
	assert.False(t, ok)
	z, err := tb.StateByBelfiore("Z118")
	require.NoError(t, err)
	assert.True(t, z.Dissolved)
	k, ok := tb.Kit(16)
	require.True(t, ok)
	assert.Equal(t, "Lavoro subordinato", k.Description)

	var msgs []string
	for _, i := range tb.Issues() {
		if i.File == "ANPR_archivio_comuni.csv" {
			msgs = append(msgs, i.Msg)
		}
	}
	assert.Len(t, msgs, 2, "ND row and STATO D: %v", msgs)

	// Default is untouched.
	_, ok = Default().ComuneByBelfiore("X123", 0)
	assert.False(t, ok)
	_, ok = Default().ComuneByBelfiore("A089", 0)
	assert.True(t, ok)
}

func TestLoadStatesAndKit(t *testing.T) {
	extra := "CODAT,DENOMINAZIONE,DATAINIZIOVALIDITA,DATAFINEVALIDITA,SUCCESSORI_CODISTAT,NOTE,CODISTAT\n" +
		"Z999,Territorio di prova,1900-01-01,,,,512\n" +
		"Z149,Duplicato di Croazia,1900-01-01,,,,\n"
	kit := "CODICE,DESCRIZIONE,TITOLO,OPERAZIONE,VALIDO_AL,NOTE\n" +
		"1,Lavoro,PERMESSO,RILASCIO_RINNOVO,,\n" +
		"2,Studio,PERMESSO,RILASCIO_RINNOVO,31/12/2030,\n"
	stato := "ID,DESCRIZIONE,NOTE\n1,Libero,\n2,Sposato,\n"
	tb, err := Load(Sources{
		ExtraStates: strings.NewReader(extra),
		Kit:         strings.NewReader(kit),
		Decoding:    map[Table]io.Reader{StatoCivile: strings.NewReader(stato)},
	})
	require.NoError(t, err)

	s, err := tb.StateByBelfiore("Z999")
	require.NoError(t, err)
	assert.Equal(t, "Territorio di prova", s.Name)
	assert.Equal(t, "512", s.Istat)
	s, err = tb.StateByBelfiore("Z149")
	require.NoError(t, err)
	assert.Equal(t, "CROAZIA", s.Name, "ANPR row wins over an extra row")
	s, err = tb.StateByBelfiore("Z118")
	require.NoError(t, err, "embedded cessati rows are kept")
	assert.True(t, s.HasSuccessor("250"))
	assert.Len(t, tb.States(), len(Default().States())+2)

	k, ok := tb.Kit(2)
	require.True(t, ok)
	assert.Equal(t, d("2030-12-31"), k.ValidTo)
	_, ok = tb.Kit(16)
	assert.False(t, ok, "kit table replaced")
	assert.Len(t, tb.KitTypes(), 2)

	e, ok := tb.Decode(StatoCivile, "2")
	require.True(t, ok)
	assert.Equal(t, "Sposato", e.Description)
	e, ok = tb.Decode(TipoSoggiorno, "5")
	require.True(t, ok, "other decoding tables kept")
	assert.Equal(t, "Ricevuta", e.Description)

	_, err = Default().StateByBelfiore("Z999")
	require.ErrorIs(t, err, ErrUnknownState)
	_, ok = Default().Kit(16)
	assert.True(t, ok)
}

func TestLoadEmptyIsDefault(t *testing.T) {
	tb, err := Load(Sources{})
	require.NoError(t, err)
	assert.Equal(t, Default(), tb)
	assert.NotSame(t, Default(), tb)
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  Sources
	}{
		{"comuni missing columns", Sources{Comuni: strings.NewReader("ID,NOME\n1,X\n")}},
		{"empty states", Sources{States: strings.NewReader("")}},
		{"bad quoting", Sources{Kit: strings.NewReader("CODICE,DESCRIZIONE,TITOLO,OPERAZIONE\n1,\"x,PERMESSO,RINNOVO\n")}},
		{"unknown decoding table", Sources{Decoding: map[Table]io.Reader{Table(77): strings.NewReader("ID,DESCRIZIONE\n1,a\n")}}},
		{"provinces without sigla column", Sources{Provinces: strings.NewReader("CODICE_PROVINCIA,DENOMINAZIONE\n001,Torino\n")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := Load(tc.src)
			require.Error(t, err)
			assert.Nil(t, tb)
		})
	}
}

func TestConcurrentLookups(t *testing.T) {
	tb := Default()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				c, ok := tb.ComuneByBelfiore("F991", d("2010-01-01"))
				if !ok || c.Province != "CI" {
					t.Error("wrong Nuxis")
				}
				if len(tb.FindComuni("vignola", Query{})) != 3 {
					t.Error("wrong Vignola")
				}
			}
		})
	}
	wg.Wait()
}

func TestLookupsDoNotAllocate(t *testing.T) {
	tb := Default()
	on := d("2010-01-01")
	tests := []struct {
		name string
		f    func()
	}{
		{"ComuneByBelfiore", func() { tb.ComuneByBelfiore("F991", on) }},
		{"ComuneByBelfiore lower", func() { tb.ComuneByBelfiore("f991", 0) }},
		{"ComuneByBelfiore miss", func() { tb.ComuneByBelfiore("Q999", on) }},
		{"ComuneByIstat", func() { tb.ComuneByIstat("107013", on) }},
		{"StateByBelfiore", func() { _, _ = tb.StateByBelfiore("Z118") }},
		{"StateByIstat", func() { tb.StateByIstat("250", on) }},
		{"StateByISO3", func() { tb.StateByISO3("hrv") }},
		{"Province", func() { tb.Province("su") }},
		{"Kit", func() { tb.Kit(16) }},
		{"KitOn", func() { tb.KitOn(16, on) }},
		{"KitIn", func() { tb.KitIn("2024", 27) }},
		{"KitEditionOn", func() { tb.KitEditionOn(on) }},
		{"FreeMovement", func() { tb.FreeMovement("250", on) }},
		{"Fee", func() { tb.Fee("marca_da_bollo") }},
		{"ComuneByIstat followed", func() { tb.ComuneByIstat("100005", d("1990-01-01")) }},
		{"Decode", func() { tb.Decode(SpecieToponimo, "259") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Zero(t, testing.AllocsPerRun(100, tc.f))
		})
	}
}

func TestLoadIssues(t *testing.T) {
	extra := "CODAT,DENOMINAZIONE,DATAINIZIOVALIDITA,DATAFINEVALIDITA,SUCCESSORI_CODISTAT,NOTE\n" +
		"Z149,Duplicato di Croazia,1900-01-01,,,\n"
	tb, err := Load(Sources{ExtraStates: strings.NewReader(extra)})
	require.NoError(t, err)
	def := Default().Issues()
	got := tb.Issues()
	require.Len(t, got, len(def)+1, "embedded issues kept once, one new duplicate-code issue")
	assert.Equal(t, def, got[:len(def)])
	assert.Contains(t, got[len(def)].String(), "Z149")
}
