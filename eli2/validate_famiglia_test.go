package eli2

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidateFamilyPlausibility: family members checked against each
// other and the applicant (ARBEN, born 1985-03-12; spouse ELIRA; child
// DRITON born 2016-02-20; file date 2026-11-25).
func TestValidateFamilyPlausibility(t *testing.T) {
	spouse := func(p *Pratica) Familiare { return p.Familiari[0] }
	runRuleCases(t, []ruleCase{
		// Art. 29 c.1-ter d.lgs. 286/1998: no reunification with a second
		// spouse.
		{name: "two spouses", mutate: func(p *Pratica) { p.Familiari = append(p.Familiari, spouse(p)) },
			want: []string{"Familiari[2].Relazione spouse_multiple"}},
		{name: "three spouses reported once", mutate: func(p *Pratica) {
			p.Familiari = append(p.Familiari, spouse(p), spouse(p))
		}, want: []string{"Familiari[2].Relazione spouse_multiple"}},
		// Art. 84 codice civile: no marriage under 16 (warning).
		{name: "spouse aged 4", mutate: func(p *Pratica) { p.Familiari[0].DataNascita = PartialDate{Year: 2022, Month: 1, Day: 5} },
			want: []string{"Familiari[0].DataNascita spouse_too_young"}},
		{name: "spouse aged 16", mutate: func(p *Pratica) { p.Familiari[0].DataNascita = PartialDate{Year: 2010, Month: 11, Day: 25} }},
		{name: "spouse 16 tomorrow", mutate: func(p *Pratica) { p.Familiari[0].DataNascita = PartialDate{Year: 2010, Month: 11, Day: 26} },
			want: []string{"Familiari[0].DataNascita spouse_too_young"}},
		{name: "spouse born in 2010, maybe 16", mutate: func(p *Pratica) { p.Familiari[0].DataNascita = PartialDate{Year: 2010} }},
		// Plausibility: a child is not older than the parent, nor born
		// before the parent was 12 (Policy.ParentMinAge).
		{name: "child older than the applicant", mutate: func(p *Pratica) {
			p.Richiedente.DataNascita = PartialDate{Year: 2017, Month: 3, Day: 12}
			p.GenitoreTutore = &GenitoreTutore{Ruolo: Padre, Cognome: "HOXHA", Nome: "LUAN"}
		}, want: []string{"Familiari[1].DataNascita child_older_than_parent"}},
		{name: "child born when the applicant was 11", mutate: func(p *Pratica) {
			p.Familiari[1].DataNascita = PartialDate{Year: 1997, Month: 3, Day: 11}
			p.Familiari[1].LuogoNascita = LuogoNascita{StatoEstero: "201"}
			p.Richiesta.Tipologia = 16
		}, want: []string{"Familiari[1].DataNascita parent_too_young", "Familiari[1].DataNascita child_too_old"}},
		{name: "child born when the applicant was 12", mutate: func(p *Pratica) {
			p.Richiedente.DataNascita = PartialDate{Year: 2004, Month: 2, Day: 20}
		}},
		{name: "parent age policy", mutate: func(p *Pratica) {
			p.Richiedente.DataNascita = PartialDate{Year: 2004, Month: 2, Day: 20}
		}, opts: func(o *ValidateOptions) { o.Policy.ParentMinAge = 14 },
			want: []string{"Familiari[1].DataNascita parent_too_young"}},
		{name: "partial dates judged in favour of plausibility", mutate: func(p *Pratica) {
			p.Richiedente.DataNascita = PartialDate{Year: 2004}
			p.Familiari[1].DataNascita = PartialDate{Year: 2016}
		}},
		// ANPR codes copied from the register: unknown is a warning, the
		// value is kept (issue 10).
		{name: "unknown marital status", mutate: func(p *Pratica) { p.Richiedente.StatoCivile = "77" },
			want: []string{"Richiedente.StatoCivile code_not_recognised"}},
		{name: "unknown kind of permit held", mutate: func(p *Pratica) { p.TitoloPosseduto.Tipo = "77" },
			want: []string{"TitoloPosseduto.Tipo code_not_recognised"}},
	})
}

func TestFamilyMessages(t *testing.T) {
	p := typicalPratica()
	p.Familiari = append(p.Familiari, p.Familiari[0])
	p.Familiari[0].DataNascita = PartialDate{Year: 2022, Month: 1, Day: 5}
	got := Validate(p, ValidateOptions{On: testOn})
	require.Len(t, got, 2)
	assert.Equal(t, "coniuge di 4 anni alla data 25/11/2026, meno di 16: verificare la data di nascita", got[0].Message)
	assert.Contains(t, got[1].Message, "2 coniugi indicati")
}
