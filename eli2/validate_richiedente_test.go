package eli2

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateRichiedente(t *testing.T) {
	minor := func(p *Pratica) {
		p.Richiedente.DataNascita = PartialDate{Year: 2010, Month: 1, Day: 5}
		p.Familiari = nil
		p.Richiedente.StatoCivile = "1"
	}
	runRuleCases(t, []ruleCase{
		{name: "names required", mutate: func(p *Pratica) { p.Richiedente.Cognome, p.Richiedente.Nome = "", "" },
			want: []string{"Richiedente.Cognome required", "Richiedente.Nome required"}},
		{name: "name with umlaut", mutate: func(p *Pratica) { p.Richiedente.Cognome = "MÜLLER" },
			want: []string{"Richiedente.Cognome name_charset"}},
		{name: "name in lower case", mutate: func(p *Pratica) { p.Richiedente.Nome = "Arben" },
			want: []string{"Richiedente.Nome name_charset"}},
		{name: "name with apostrophe and hyphen", mutate: func(p *Pratica) { p.Richiedente.Cognome = "D'ANGELO-HOXHA" }},
		{name: "name in Greek script", mutate: func(p *Pratica) { p.Richiedente.Nome = "ΑΡΜΠΕΝ" },
			want: []string{"Richiedente.Nome name_untransliterable"}},
		{name: "sex required", mutate: func(p *Pratica) { p.Richiedente.Sesso = "" },
			want: []string{"Richiedente.Sesso required"}},
		{name: "sex unknown", mutate: func(p *Pratica) { p.Richiedente.Sesso = "X" },
			want: []string{"Richiedente.Sesso invalid_value"}},
		{name: "birth date required", mutate: func(p *Pratica) { p.Richiedente.DataNascita = PartialDate{} },
			want: []string{"Richiedente.DataNascita required"}},
		{name: "birth in the future", mutate: func(p *Pratica) { p.Richiedente.DataNascita = PartialDate{Year: 2026, Month: 11, Day: 26} },
			want: []string{"Richiedente.DataNascita birth_in_future"}},
		{name: "partial birth in the future", mutate: func(p *Pratica) { p.Richiedente.DataNascita = PartialDate{Year: 2027} },
			want: []string{"Richiedente.DataNascita birth_in_future"}},
		{name: "partial birth date", mutate: func(p *Pratica) { p.Richiedente.DataNascita = PartialDate{Year: 1985} }},
		{name: "born in an Italian comune", mutate: func(p *Pratica) {
			p.Richiedente.LuogoNascita = LuogoNascita{Comune: "D612"}
		}},
		{name: "unknown comune", mutate: func(p *Pratica) { p.Richiedente.LuogoNascita = LuogoNascita{Comune: "Z999"} },
			want: []string{"Richiedente.LuogoNascita.Comune unknown_comune"}},
		{name: "comune not yet instituted", mutate: func(p *Pratica) {
			p.Richiedente.LuogoNascita = LuogoNascita{Comune: "M376"} // Abetone Cutigliano, since 2017
		}, want: []string{"Richiedente.LuogoNascita.Comune place_not_valid_on_date"}},
		{name: "comune instituted during the partial date's year", mutate: func(p *Pratica) {
			p.Richiedente.LuogoNascita = LuogoNascita{Comune: "M376"}
			p.Richiedente.DataNascita = PartialDate{Year: 2017}
			p.Richiedente.StatoCivile = "1"
			p.Familiari = nil
			p.GenitoreTutore = &GenitoreTutore{Ruolo: Madre, Cognome: "HOXHA", Nome: "ELIRA"}
		}},
		{name: "comune instituted after the partial month", mutate: func(p *Pratica) {
			p.Richiedente.LuogoNascita = LuogoNascita{Comune: "M376"}
			p.Richiedente.DataNascita = PartialDate{Year: 2016, Month: 12}
			p.Familiari = nil
			p.GenitoreTutore = &GenitoreTutore{Ruolo: Madre, Cognome: "HOXHA", Nome: "ELIRA"}
		}, want: []string{"Richiedente.LuogoNascita.Comune place_not_valid_on_date"}},
		{name: "ceased comune existed at birth", mutate: func(p *Pratica) {
			p.Richiedente.LuogoNascita = LuogoNascita{Comune: "D235"} // Cutigliano, ceased 2016
		}},
		{name: "birth place missing", mutate: func(p *Pratica) { p.Richiedente.LuogoNascita = LuogoNascita{} },
			want: []string{"Richiedente.LuogoNascita birth_place_missing"}},
		{name: "birth place both", mutate: func(p *Pratica) { p.Richiedente.LuogoNascita.Comune = "D612" },
			want: []string{"Richiedente.LuogoNascita birth_place_conflict"}},
		{name: "unknown birth state", mutate: func(p *Pratica) { p.Richiedente.LuogoNascita.StatoEstero = "000" },
			want: []string{"Richiedente.LuogoNascita.StatoEstero unknown_state"}},
		{name: "Italy is not a foreign birth state", mutate: func(p *Pratica) { p.Richiedente.LuogoNascita.StatoEstero = "100" },
			want: []string{"Richiedente.LuogoNascita.StatoEstero state_not_birth_place"}},
		{name: "citizenship required", mutate: func(p *Pratica) { p.Richiedente.Cittadinanza = "" },
			want: []string{"Richiedente.Cittadinanza required"}},
		{name: "stateless", mutate: func(p *Pratica) { p.Richiedente.Cittadinanza = "999" }},
		{name: "unknown citizenship", mutate: func(p *Pratica) { p.Richiedente.Cittadinanza = "000" },
			want: []string{"Richiedente.Cittadinanza unknown_state"}},
		{name: "territory is not a citizenship", mutate: func(p *Pratica) { p.Richiedente.Cittadinanza = "702" },
			want: []string{"Richiedente.Cittadinanza state_not_citizenship"}},
		{name: "stato civile optional", mutate: func(p *Pratica) { p.Richiedente.StatoCivile = "" }},
		{name: "stato civile unknown", mutate: func(p *Pratica) { p.Richiedente.StatoCivile = "99" },
			want: []string{"Richiedente.StatoCivile code_not_recognised"}}, // a warning since issue 10
		{name: "minor without guardian", mutate: minor, want: []string{"GenitoreTutore guardian_required"}},
		{name: "minor with guardian", mutate: func(p *Pratica) {
			minor(p)
			p.GenitoreTutore = &GenitoreTutore{Ruolo: Padre, Cognome: "HOXHA", Nome: "ARBEN"}
		}},
		{name: "guardian fields", mutate: func(p *Pratica) {
			minor(p)
			p.GenitoreTutore = &GenitoreTutore{Ruolo: "ZIO", Cognome: "hoxha"}
		}, want: []string{"GenitoreTutore.Ruolo invalid_value", "GenitoreTutore.Cognome name_charset", "GenitoreTutore.Nome required"}},
		{name: "turns 18 on the file date", mutate: func(p *Pratica) {
			minor(p)
			p.Richiedente.DataNascita = PartialDate{Year: 2008, Month: 11, Day: 25}
		}},
		{name: "year-only birth possibly adult", mutate: func(p *Pratica) {
			minor(p)
			p.Richiedente.DataNascita = PartialDate{Year: 2008}
		}},
		{name: "year-only birth certainly minor", mutate: func(p *Pratica) {
			minor(p)
			p.Richiedente.DataNascita = PartialDate{Year: 2009}
		}, want: []string{"GenitoreTutore guardian_required"}},
		{name: "kit 14 always needs a guardian", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 14 },
			want: []string{"GenitoreTutore guardian_required"}},
	})
}

func TestNameCharsetMessage(t *testing.T) {
	p := typicalPratica()
	p.Richiedente.Cognome = "Müller"
	got := Validate(p, ValidateOptions{On: testOn})
	require.Len(t, got, 1)
	assert.Contains(t, got[0].Message, "M.")
	assert.NotContains(t, got[0].Message, "MUELLER", "masked without ShowPersonalData")

	got = Validate(p, ValidateOptions{On: testOn, ShowPersonalData: true, Lang: "en"})
	require.Len(t, got, 1)
	assert.Contains(t, got[0].Message, "MUELLER")
	assert.Contains(t, got[0].Message, "suggested")

	p.Richiedente.Cognome = "Иванов"
	got = Validate(p, ValidateOptions{On: testOn})
	require.Len(t, got, 1)
	assert.Equal(t, CodeNameUntransliterable, got[0].Code)
	assert.Contains(t, got[0].Message, "Cognome")
	assert.Contains(t, got[0].Message, "U+0418")
}

// TestNormalize: names as the passport's machine-readable zone writes them
// (ICAO 9303; issue 10): never an apostrophe for an accent; foreign
// birthplaces too.
func TestNormalize(t *testing.T) {
	p := typicalPratica()
	p.Richiedente.Cognome = "Müller"
	p.Richiedente.Nome = "José María"
	p.Richiedente.LuogoNascita.Localita = "TIRANË"
	p.Familiari[0].Cognome = "D’Angelo"
	p.Familiari[1].Nome = "Nicolò"
	p.Familiari[1].LuogoNascita.Localita = "Saint-Denis (Réunion) 2"
	p.GenitoreTutore = &GenitoreTutore{Ruolo: Tutore, Cognome: "Ørsted", Nome: "JOSE'"}
	require.NoError(t, Normalize(p))
	assert.Equal(t, "MUELLER", p.Richiedente.Cognome)
	assert.Equal(t, "JOSE MARIA", p.Richiedente.Nome)
	assert.Equal(t, "TIRANE", p.Richiedente.LuogoNascita.Localita)
	assert.Equal(t, "D'ANGELO", p.Familiari[0].Cognome)
	assert.Equal(t, "NICOLO", p.Familiari[1].Nome)
	assert.Equal(t, "SAINT-DENIS (REUNION) 2", p.Familiari[1].LuogoNascita.Localita)
	assert.Equal(t, "OERSTED", p.GenitoreTutore.Cognome)
	assert.Equal(t, "JOSE", p.GenitoreTutore.Nome)
	assert.Empty(t, Validate(p, ValidateOptions{On: testOn}), "a normalised record has no name problem")
	p.Familiari[0].LuogoNascita.Localita = "Харків"
	var ne *NameError
	require.ErrorAs(t, Normalize(p), &ne)
	assert.Equal(t, "Familiari[0].LuogoNascita.Localita", ne.Path)
	p.Familiari[0].LuogoNascita.Localita = ""

	p.Familiari[0].Cognome = "王"
	p.Richiedente.Nome = "Zoë"
	err := Normalize(p)
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "Familiari[0].Cognome", ne.Path)
	assert.Equal(t, "ZOE", p.Richiedente.Nome, "other names are still normalised")
	assert.Equal(t, "王", p.Familiari[0].Cognome, "failing name left unchanged")
	assert.Contains(t, err.Error(), "Familiari[0].Cognome")
	assert.NoError(t, Normalize(nil))
}

// TestPassportNames: a name in the file's alphabet whose word ends with an
// apostrophe after a vowel (the register's final accent, JOSE') differs
// from the passport's rendering (ICAO 9303: JOSE): a warning, since it may
// be an elision the desk checks on the passport.
func TestPassportNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "accent apostrophe in the applicant's name", mutate: func(p *Pratica) { p.Richiedente.Nome = "JOSE' MARIA" },
			want: []string{"Richiedente.Nome name_accent_apostrophe"}},
		{name: "accent apostrophe in a child's name", mutate: func(p *Pratica) { p.Familiari[1].Nome = "NICOLO'" },
			want: []string{"Familiari[1].Nome name_accent_apostrophe"}},
		{name: "apostrophe inside a surname", mutate: func(p *Pratica) { p.Familiari[0].Cognome = "D'ANGELO" }},
		{name: "accented name suggests the passport form", mutate: func(p *Pratica) { p.Richiedente.Nome = "José" },
			want: []string{"Richiedente.Nome name_charset"}},
	})
	p := typicalPratica()
	p.Richiedente.Nome = "José"
	got := Validate(p, ValidateOptions{On: testOn, ShowPersonalData: true})
	require.Len(t, got, 1)
	assert.Contains(t, got[0].Message, "forma suggerita: JOSE")
	assert.NotContains(t, got[0].Message, "JOSE'")
}

// FuzzPassportPlace: a locality either fails with a *translit.Error or
// gives text without lower-case letters that transliterates to itself.
func FuzzPassportPlace(f *testing.F) {
	for _, s := range []string{"TIRANË", "Saint-Denis (Réunion) 2", "Харків", " a  (b) ", "((", "D’Angelo 3/b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := passportPlace(s)
		if err != nil {
			return
		}
		again, err := passportPlace(out)
		if err != nil || again != out {
			t.Fatalf("%q → %q → %q, %v", s, out, again, err)
		}
	})
}
