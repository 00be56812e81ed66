package eli2

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

// TestValidateEligibility: who may apply. Art. 1 c.1 d.lgs. 286/1998: the
// Testo Unico applies to citizens of non-EU states and stateless persons;
// EU citizens (d.lgs. 30/2007), EEA citizens (EEA Agreement) and Swiss
// citizens (EU-CH agreement of 21/06/1999) need no permit. The states and
// dates are data: codes/data/libera_circolazione.csv.
func TestValidateEligibility(t *testing.T) {
	citizen := func(istat string) func(p *Pratica) {
		return func(p *Pratica) { p.Richiedente.Cittadinanza = istat }
	}
	const cit = "Richiedente.Cittadinanza "
	runRuleCases(t, []ruleCase{
		{name: "Italian", mutate: citizen("100"), want: []string{cit + "not_subject_to_permit"}},
		{name: "French (EU)", mutate: citizen("215"), want: []string{cit + "not_subject_to_permit"}},
		{name: "Norwegian (EEA)", mutate: citizen("231"), want: []string{cit + "not_subject_to_permit"}},
		{name: "Swiss", mutate: citizen("241"), want: []string{cit + "not_subject_to_permit"}},
		// Croatia joined the EU on 2013-07-01.
		{name: "Croatian in 2013-06", mutate: func(p *Pratica) {
			citizen("250")(p)
			p.TitoloPosseduto.DataRilascio, p.TitoloPosseduto.DataScadenza = codes.NewDate(2012, 9, 1), codes.NewDate(2014, 8, 31)
			p.Documento.DataRilascio, p.Documento.DataScadenza = codes.NewDate(2011, 5, 3), codes.NewDate(2021, 5, 2)
			p.Familiari = p.Familiari[:1]
		}, opts: func(o *ValidateOptions) { o.On = codes.NewDate(2013, 6, 30) }},
		{name: "Croatian in 2026", mutate: citizen("250"), want: []string{cit + "not_subject_to_permit"}},
		// The United Kingdom left free movement on 2020-12-31.
		{name: "British in 2026", mutate: citizen("219")},
		{name: "stateless", mutate: citizen("999")},
		{name: "citizenship being defined", mutate: citizen("997"), want: []string{cit + "citizenship_undetermined"}},
		{name: "citizenship not assignable", mutate: citizen("998"), want: []string{cit + "citizenship_undetermined"}},
		// Issue 10: Italian or EU children need no permit and are not listed.
		{name: "Italian child", mutate: func(p *Pratica) { p.Familiari[1].Cittadinanza = "100" },
			want: []string{"Familiari[1].Cittadinanza not_subject_to_permit"}},
		{name: "Romanian child", mutate: func(p *Pratica) { p.Familiari[1].Cittadinanza = "235" },
			want: []string{"Familiari[1].Cittadinanza not_subject_to_permit"}},
		{name: "Italian spouse is listed", mutate: func(p *Pratica) { p.Familiari[0].Cittadinanza = "100" }},
	})
}

func TestEligibilityMessage(t *testing.T) {
	p := typicalPratica()
	p.Familiari[1].Cittadinanza = "100"
	got := Validate(p, ValidateOptions{On: testOn})
	require.Len(t, got, 1)
	assert.Equal(t, "cittadinanza 100 (Italia, cittadinanza italiana) alla data 25/11/2026: non soggetto a permesso di soggiorno; non va indicato tra i figli", got[0].Message)
}
