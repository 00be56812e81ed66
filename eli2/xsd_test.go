package eli2

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2/internal/xsdlimits"
	"github.com/retecomuni/eli2sdk/eli2/schema"
)

// TestXSDTableUpToDate fails when xsd_gen.go is not what the generator
// writes from the embedded XSD: run go generate ./eli2.
func TestXSDTableUpToDate(t *testing.T) {
	s, err := xsdlimits.Parse(schema.V1XSD)
	require.NoError(t, err)
	want, err := xsdlimits.Generate(s, "eli2", "eli2/schema/"+schema.V1FileName)
	require.NoError(t, err)
	got, err := os.ReadFile("xsd_gen.go")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "xsd_gen.go drifted from the XSD: run go generate ./eli2")
}

// TestXSDPlan checks that every element and attribute of the XSD's record
// types has a record field and every record field an element.
func TestXSDPlan(t *testing.T) {
	plan, err := xsdPlan()
	require.NoError(t, err)
	for ct := range xsdRecordTypes {
		require.NotEmpty(t, plan[ct], ct)
	}
	// Spot checks of the generated table.
	assert.Equal(t, 100, xsdSimpleTypes["Identificativo"].MaxLength)
	assert.Equal(t, 100, xsdSimpleTypes["Nominativo"].MaxLength)
	assert.Equal(t, 200, xsdSimpleTypes["Testo"].MaxLength)
	assert.Equal(t, []string{"M", "F"}, xsdSimpleTypes["Sesso"].Enumerations)
}

// TestSchemaRules shows that Validate enforces the XSD's limits, with the
// field's path and a stable code, and never quotes the value.
func TestSchemaRules(t *testing.T) {
	long := func(n int) string { return strings.Repeat("A", n) }
	runRuleCases(t, []ruleCase{
		{name: "surname of 100", mutate: func(p *Pratica) { p.Richiedente.Cognome = long(100) }},
		{name: "surname of 101", mutate: func(p *Pratica) { p.Richiedente.Cognome = long(101) },
			want: []string{"Richiedente.Cognome too_long"}},
		{name: "name of 101 multi-byte counted in characters", mutate: func(p *Pratica) { p.Richiedente.Nome = long(101) },
			want: []string{"Richiedente.Nome too_long"}},
		{name: "street of 200", mutate: func(p *Pratica) { p.Domicilio.Toponimo.Denominazione = long(200) }},
		{name: "street of 201", mutate: func(p *Pratica) { p.Domicilio.Toponimo.Denominazione = long(201) },
			want: []string{"Domicilio.Toponimo.Denominazione too_long"}},
		{name: "presso of 201", mutate: func(p *Pratica) { p.Domicilio.Presso = long(201) },
			want: []string{"Domicilio.Presso too_long"}},
		{name: "id of 101", mutate: func(p *Pratica) { p.ID = long(101) },
			want: []string{"ID too_long"}},
		{name: "family surname of 101", mutate: func(p *Pratica) { p.Familiari = []Familiare{typicalFamiliare(long(101))} },
			want: []string{"Familiari[0].Cognome too_long"}},
		{name: "passport number of 201", mutate: func(p *Pratica) { p.Documento.Numero = long(201) },
			want: []string{"Documento.Numero too_long"}},
		{name: "specie of 51", mutate: func(p *Pratica) { p.Domicilio.Toponimo.Specie = long(51) },
			want: []string{"Domicilio.Toponimo.Specie unknown_code"}}, // the table is stricter than the XSD
		{name: "email of 255", mutate: func(p *Pratica) { p.Recapiti = &Recapiti{Email: long(243) + "@example.com"} },
			want: []string{"Recapiti.Email too_long"}},
		{name: "phone of 21 characters", mutate: func(p *Pratica) { p.Recapiti = &Recapiti{Telefono: "+39 055 1234 5678 901"} },
			want: []string{"Recapiti.Telefono phone_format"}}, // the rule's own code first
		{name: "three forms", mutate: func(p *Pratica) { p.Istanza.Moduli = []int{1, 2, 1} },
			want: []string{"Istanza.Moduli too_many"}},
		{name: "sheets above 999", mutate: func(p *Pratica) { p.Istanza.FogliTotali = 1000 },
			want: []string{"Istanza.FogliTotali above_maximum"}},
		{name: "duration above 999", mutate: func(p *Pratica) { p.Richiesta.DurataMesi = 1000 },
			want: []string{"Richiesta.DurataMesi duration_too_long", "Richiesta.DurataMesi above_maximum"}},
		{name: "negative duration", mutate: func(p *Pratica) { p.Richiesta.DurataMesi = -1 },
			want: []string{"Richiesta.DurataMesi out_of_range"}},
		{name: "localita with a comune", mutate: func(p *Pratica) {
			p.Richiedente.LuogoNascita = LuogoNascita{Comune: "D612", Localita: "PARIGI"}
		}, want: []string{"Richiedente.LuogoNascita.Localita choice_conflict"}},
		{name: "empty optional motive omitted", mutate: func(p *Pratica) { p.TitoloPosseduto.Motivo = "" }},
		{name: "motive of 201", mutate: func(p *Pratica) { p.TitoloPosseduto.Motivo = long(201) },
			want: []string{"TitoloPosseduto.Motivo too_long"}},
		{name: "stato civile pattern", mutate: func(p *Pratica) { p.Richiedente.StatoCivile = "1234" },
			// the register-code warning and the XSD's error both stand
			want: []string{"Richiedente.StatoCivile code_not_recognised", "Richiedente.StatoCivile pattern"}},
		{name: "socio pattern", mutate: func(p *Pratica) {
			p.DatiSocioProfessionali = &DatiSocioProfessionali{TitoloStudio: "a b"}
		}, want: []string{"DatiSocioProfessionali.TitoloStudio unknown_code"}},
		{name: "year 10000", mutate: func(p *Pratica) { p.Documento.DataScadenza = 0 },
			want: []string{"Documento.DataScadenza required"}},
	})
}

func typicalFamiliare(cognome string) Familiare {
	return Familiare{Relazione: Coniuge, Cognome: cognome, Nome: "ANA", Sesso: Femmina,
		DataNascita: PartialDate{Year: 1980, Month: 1, Day: 2}, LuogoNascita: LuogoNascita{StatoEstero: "201"}, Cittadinanza: "201"}
}

// TestSchemaRulesHeader shows the header's XSD limits enforced by the
// FileValidator.
func TestSchemaRulesHeader(t *testing.T) {
	base := Intestazione{ComuneBelfiore: "D612", ComuneIstat: "048017", DataCreazione: time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)}
	tests := []struct {
		name   string
		mutate func(h *Intestazione)
		want   []string
	}{
		{"valid", func(*Intestazione) {}, nil},
		{"sportello of 100", func(h *Intestazione) { h.Sportello = strings.Repeat("S", 100) }, nil},
		{"sportello of 101", func(h *Intestazione) { h.Sportello = strings.Repeat("S", 101) }, []string{"Intestazione.Sportello too_long"}},
		{"operatore of 101", func(h *Intestazione) { h.Operatore = strings.Repeat("È", 101) }, []string{"Intestazione.Operatore too_long"}},
		{"software of 201", func(h *Intestazione) { h.Software = strings.Repeat("x", 201) }, []string{"Intestazione.Software too_long"}},
		{"istat: the rule's code, not a second one", func(h *Intestazione) { h.ComuneIstat = "48017" }, []string{"Intestazione.ComuneIstat comune_istat_mismatch"}},
		{"offset beyond 14 hours", func(h *Intestazione) {
			h.DataCreazione = time.Date(2026, 3, 15, 10, 0, 0, 0, time.FixedZone("x", 15*3600))
		}, []string{"Intestazione.DataCreazione invalid_date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := base
			tt.mutate(&h)
			var got []string
			for _, p := range NewFileValidator(h, ValidateOptions{}).Header() {
				got = append(got, p.Path+" "+p.Code)
				assert.NotContains(t, p.Message, strings.Repeat("S", 20), "message quotes the value")
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestSchemaMessagesHideValues checks that the XSD problems never quote the
// value unless personal data may be shown.
func TestSchemaMessagesHideValues(t *testing.T) {
	p := typicalPratica()
	p.Richiedente.Cognome = "ROSSI" + strings.Repeat("X", 100)
	p.Richiedente.Sesso = "MARIO ROSSI"
	for _, lang := range []string{"it", "en"} {
		for _, pr := range Validate(p, ValidateOptions{Lang: lang}) {
			assert.NotContains(t, pr.Message, "ROSSI", "%s %s", pr.Path, pr.Code)
		}
	}
	var shown bool
	for _, pr := range Validate(p, ValidateOptions{ShowPersonalData: true}) {
		shown = shown || strings.Contains(pr.Message, "MARIO ROSSI")
	}
	assert.True(t, shown, "ShowPersonalData shows the value")
}

// TestCodeValuesInMessages: a value that failed a code look-up is quoted
// when it has the shape of a code of its field, masked otherwise.
func TestCodeValuesInMessages(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(p *Pratica)
		shown  string
		hidden string
	}{
		{"comune code shown", func(p *Pratica) { p.Domicilio.Comune = "Z999" }, "Z999", ""},
		{"name in the comune column", func(p *Pratica) { p.Domicilio.Comune = "MARIO ROSSI" }, "", "ROSSI"},
		{"address in the state column", func(p *Pratica) { p.Richiedente.Cittadinanza = "VIA ROMA 1" }, "", "ROMA"},
		{"address in the questura column", func(p *Pratica) { p.Questura = "VIA ROMA" }, "", "ROMA"},
		{"name in the marital status column", func(p *Pratica) { p.Richiedente.StatoCivile = "ROSSI" }, "", "ROSSI"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPratica()
			tt.mutate(p)
			var all strings.Builder
			for _, pr := range Validate(p, ValidateOptions{On: testOn}) {
				all.WriteString(pr.Message + "\n")
			}
			if tt.shown != "" {
				assert.Contains(t, all.String(), tt.shown)
			}
			if tt.hidden != "" {
				assert.NotContains(t, all.String(), tt.hidden)
			}
		})
	}
}

// TestParsePartialDateHidesValue: the error of an impossible birth date
// does not quote it.
func TestParsePartialDateHidesValue(t *testing.T) {
	for _, s := range []string{"1964-06-31", "1964-13", "12/06/1964"} {
		_, err := ParsePartialDate(s)
		require.ErrorIs(t, err, ErrPartialDate)
		assert.NotContains(t, err.Error(), s)
		assert.NotContains(t, err.Error(), "1964")
	}
}
