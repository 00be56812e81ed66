package eli2

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	cfArben  = "HXHRBN85C12Z100S" // HOXHA ARBEN, M, 1985-03-12, Albania
	cfElira  = "HXHLRE88L41Z100L" // HOXHA ELIRA, F, 1988-07-01, Albania
	cfDriton = "HXHDTN16B20D612Q" // HOXHA DRITON, M, 2016-02-20, Firenze
	cfIvan   = "HRVVNI80D02Z118N" // HORVAT IVAN, M, 1980-04-02, Jugoslavia (Z118)
)

func TestValidateCodiceFiscale(t *testing.T) {
	withCF := func(p *Pratica) {
		p.Richiedente.CodiceFiscale = cfArben
		p.Familiari[0].CodiceFiscale = cfElira
		p.Familiari[1].CodiceFiscale = cfDriton
	}
	runRuleCases(t, []ruleCase{
		{name: "consistent codes", mutate: withCF},
		{name: "lower case accepted", mutate: func(p *Pratica) { p.Richiedente.CodiceFiscale = strings.ToLower(cfArben) }},
		{name: "provisional code", mutate: func(p *Pratica) { p.Richiedente.CodiceFiscale = "12345678903" }},
		{name: "provisional wrong check digit", mutate: func(p *Pratica) { p.Richiedente.CodiceFiscale = "12345678901" },
			want: []string{"Richiedente.CodiceFiscale cf_checksum"}},
		{name: "wrong length", mutate: func(p *Pratica) { p.Richiedente.CodiceFiscale = cfArben[:15] },
			want: []string{"Richiedente.CodiceFiscale cf_length"}},
		{name: "wrong check character", mutate: func(p *Pratica) { p.Richiedente.CodiceFiscale = cfArben[:15] + "T" },
			want: []string{"Richiedente.CodiceFiscale cf_checksum"}},
		{name: "character not allowed", mutate: func(p *Pratica) { p.Richiedente.CodiceFiscale = "HXH1BN85C12Z100S" },
			want: []string{"Richiedente.CodiceFiscale cf_character"}},
		{name: "invalid month letter", mutate: func(p *Pratica) { p.Richiedente.CodiceFiscale = "HXHRBN85F12Z100S" },
			want: []string{"Richiedente.CodiceFiscale cf_format"}},
		{name: "family and guardian codes", mutate: func(p *Pratica) {
			p.Familiari[0].CodiceFiscale = "X"
			p.GenitoreTutore = &GenitoreTutore{Ruolo: Tutore, Cognome: "ROSSI", Nome: "MARIO", CodiceFiscale: cfArben[:15] + "T"}
		}, want: []string{"Familiari[0].CodiceFiscale cf_length", "GenitoreTutore.CodiceFiscale cf_checksum"}},
		{name: "guardian code matches names", mutate: func(p *Pratica) {
			p.GenitoreTutore = &GenitoreTutore{Ruolo: Padre, Cognome: "HOXHA", Nome: "ARBEN", CodiceFiscale: cfArben}
		}},
		{name: "guardian code of someone else", mutate: func(p *Pratica) {
			p.GenitoreTutore = &GenitoreTutore{Ruolo: Padre, Cognome: "HOXHA", Nome: "ARBEN", CodiceFiscale: cfIvan}
		}, want: []string{"GenitoreTutore.CodiceFiscale cf_mismatch", "GenitoreTutore.CodiceFiscale cf_mismatch"}},
		{name: "code of someone else", mutate: func(p *Pratica) { p.Richiedente.CodiceFiscale = cfElira },
			want: []string{"Richiedente.CodiceFiscale cf_mismatch", "Richiedente.CodiceFiscale cf_mismatch",
				"Richiedente.CodiceFiscale cf_mismatch"}}, // name, sex, birth date
		{name: "birth place disagrees", mutate: func(p *Pratica) {
			withCF(p)
			p.Familiari[1].LuogoNascita = LuogoNascita{Comune: "A001"} // Abano Terme
		}, want: []string{"Familiari[1].CodiceFiscale cf_mismatch"}},
		{name: "dissolved state matches its successor", mutate: func(p *Pratica) {
			p.Richiedente = Richiedente{CodiceFiscale: cfIvan, Cognome: "HORVAT", Nome: "IVAN", Sesso: Maschio,
				DataNascita: PartialDate{Year: 1980, Month: 4, Day: 2}, LuogoNascita: LuogoNascita{StatoEstero: "250"},
				Cittadinanza: "252", StatoCivile: "1"} // Bosnian: a Croatian needs no permit
			p.Familiari = nil
			p.Documento.StatoRilascio = "252"
		}},
		{name: "dissolved state does not match another state", mutate: func(p *Pratica) {
			p.Richiedente = Richiedente{CodiceFiscale: cfIvan, Cognome: "HORVAT", Nome: "IVAN", Sesso: Maschio,
				DataNascita: PartialDate{Year: 1980, Month: 4, Day: 2}, LuogoNascita: LuogoNascita{StatoEstero: "201"},
				Cittadinanza: "252", StatoCivile: "1"} // Bosnian: a Croatian needs no permit
			p.Familiari = nil
		}, want: []string{"Richiedente.CodiceFiscale cf_mismatch"}},
	})
}

func TestCFMessagesMasked(t *testing.T) {
	p := typicalPratica()
	p.Richiedente.CodiceFiscale = cfElira
	for _, pr := range Validate(p, ValidateOptions{On: testOn}) {
		assert.NotContains(t, pr.Message, cfElira)
		assert.NotContains(t, pr.Message, "ARBEN")
		assert.Contains(t, pr.Message, "HXHLRE*********L")
	}
	got := Validate(p, ValidateOptions{On: testOn, ShowPersonalData: true})
	require.NotEmpty(t, got)
	assert.Contains(t, got[0].Message, cfElira)

	p.Richiedente.CodiceFiscale = "HXHRBN85C12Z100T"
	got = Validate(p, ValidateOptions{On: testOn})
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "HXHRBN85C12Z100T")
}
