package eli2

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Period
	}{
		{"60d", Days(60)}, {"60g", Days(60)}, {"6m", Months(6)}, {"10y", Years(10)}, {" 10A ", Years(10)},
	} {
		got, err := ParsePeriod(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	for _, bad := range []string{"", "d", "60", "0d", "-5d", "6w", "1.5m", "99999d"} {
		_, err := ParsePeriod(bad)
		assert.ErrorIs(t, err, ErrPeriod, bad)
	}
	var p Period
	require.NoError(t, p.Set("6m"))
	assert.Equal(t, "6m", p.String())
	assert.Equal(t, "0d", Period{}.String())
	assert.Equal(t, codes.NewDate(2027, 1, 24), Days(60).After(testOn))
	assert.Equal(t, codes.NewDate(2026, 9, 26), Days(60).Before(testOn))
	assert.Equal(t, codes.NewDate(2027, 5, 25), Months(6).After(testOn))
	assert.Equal(t, codes.NewDate(2036, 11, 25), Years(10).After(testOn))
}

// TestValidateTimeWindows: the windows of the permit held, measured from
// the file date (testOn, 2026-11-25). typicalPratica is a RINNOVO of a
// permit (ANPR tipo_soggiorno 1) expiring 2027-02-09.
func TestValidateTimeWindows(t *testing.T) {
	expires := func(y, m, d int) func(p *Pratica) {
		return func(p *Pratica) { p.TitoloPosseduto.DataScadenza = codes.NewDate(y, m, d) }
	}
	const exp = "TitoloPosseduto.DataScadenza "
	runRuleCases(t, []ruleCase{
		// Art. 5 c.4 d.lgs. 286/1998: renewal asked at least 60 days
		// before expiry; the term is not peremptory (warning).
		{name: "renewal 61 days before expiry", mutate: expires(2027, 1, 25)},
		{name: "renewal 60 days before expiry", mutate: expires(2027, 1, 24)},
		{name: "renewal 59 days before expiry", mutate: expires(2027, 1, 23), want: []string{exp + "renewal_late"}},
		{name: "renewal on the expiry day", mutate: expires(2026, 11, 25), want: []string{exp + "renewal_late"}},
		{name: "renewal 60 days after expiry", mutate: expires(2026, 9, 26), want: []string{exp + "renewal_late"}},
		{name: "notice policy of 30 days", mutate: expires(2027, 1, 1),
			opts: func(o *ValidateOptions) { o.Policy.RenewalNotice = Days(30) }},
		// Art. 13 c.2 lett. b d.lgs. 286/1998: expired more than 60 days
		// without a renewal asked.
		{name: "renewal 61 days after expiry", mutate: expires(2026, 9, 25), want: []string{exp + "permit_expired_grace"}},
		// DPR 223/1989 art. 11 c.1 lett. c: six months after expiry the
		// register office starts the cancellation procedure.
		{name: "renewal six months after expiry", mutate: expires(2026, 5, 25), want: []string{exp + "permit_expired_grace"}},
		{name: "renewal more than six months after expiry", mutate: expires(2026, 5, 24),
			want: []string{exp + "permit_expired_review"}},
		{name: "review policy of one year", mutate: expires(2026, 5, 24),
			opts: func(o *ValidateOptions) { o.Policy.RegisterReview = Years(1) }, want: []string{exp + "permit_expired_grace"}},
		// The UE long-term permit held as a card (2) does not end with its
		// card (art. 9 d.lgs. 286/1998): only the register review applies.
		{name: "card renewal after expiry", mutate: func(p *Pratica) {
			p.TitoloPosseduto.Tipo, p.TitoloPosseduto.DataScadenza = "2", codes.NewDate(2026, 10, 1)
		}},
		{name: "card expired more than six months", mutate: func(p *Pratica) {
			p.TitoloPosseduto.Tipo, p.TitoloPosseduto.DataScadenza = "2", codes.NewDate(2026, 1, 1)
		}, want: []string{exp + "permit_expired_review"}},
		// A receipt (5) means a renewal was asked: no window.
		{name: "receipt of a renewal", mutate: func(p *Pratica) {
			p.TitoloPosseduto.Tipo, p.TitoloPosseduto.DataScadenza = "5", codes.NewDate(2026, 1, 1)
		}},
		// Issue 10: an expired permit is renewed, not updated, duplicated
		// or converted (warning).
		{name: "update of an expired permit", mutate: func(p *Pratica) {
			p.Richiesta.TipoRichiesta, p.Richiesta.Tipologia = Aggiornamento, 4
			p.TitoloPosseduto.DataScadenza = codes.NewDate(2026, 11, 24)
		}, want: []string{exp + "titolo_expired"}},
		{name: "duplicate of an expired permit", mutate: func(p *Pratica) {
			p.Richiesta.TipoRichiesta, p.Richiesta.Tipologia = Duplicato, 12
			p.TitoloPosseduto.DataScadenza = codes.NewDate(2026, 1, 1)
		}, want: []string{exp + "titolo_expired", exp + "permit_expired_review"}},
		{name: "update of a permit expiring today", mutate: func(p *Pratica) {
			p.Richiesta.TipoRichiesta, p.Richiesta.Tipologia = Aggiornamento, 4
			p.TitoloPosseduto.DataScadenza = testOn
		}},
		// Plausibility: a permit issued before its holder was born.
		{name: "permit issued before birth", mutate: func(p *Pratica) {
			p.TitoloPosseduto.DataRilascio = codes.NewDate(1984, 12, 31)
		}, want: []string{"TitoloPosseduto.DataRilascio issued_before_birth", exp + "validity_too_long"}},
		{name: "passport issued before birth", mutate: func(p *Pratica) {
			p.Documento.DataRilascio = codes.NewDate(1985, 3, 11)
		}, want: []string{"Documento.DataRilascio issued_before_birth"}},
		{name: "passport issued in the birth year, day unknown", mutate: func(p *Pratica) {
			p.Richiedente.DataNascita = PartialDate{Year: 1985}
			p.Documento.DataRilascio, p.Documento.DataScadenza = codes.NewDate(1985, 1, 1), codes.NewDate(2031, 1, 1)
		}},
		// Art. 9 d.lgs. 286/1998, l. 238/2021: no residence document is
		// valid more than 10 years.
		{name: "valid exactly ten years", mutate: func(p *Pratica) {
			p.TitoloPosseduto.DataRilascio, p.TitoloPosseduto.DataScadenza = codes.NewDate(2020, 1, 10), codes.NewDate(2030, 1, 10)
		}},
		{name: "valid ten years and a day", mutate: func(p *Pratica) {
			p.TitoloPosseduto.DataRilascio, p.TitoloPosseduto.DataScadenza = codes.NewDate(2020, 1, 10), codes.NewDate(2030, 1, 11)
		}, want: []string{exp + "validity_too_long"}},
	})
}

// TestFileDateAfterRunDate: a file dated after the run date is an error,
// so that a file cannot vouch for itself (issue 10).
func TestFileDateAfterRunDate(t *testing.T) {
	h := testHeader(0)
	for _, tc := range []struct {
		today codes.Date
		want  []string
	}{
		{codes.NewDate(2026, 11, 25), nil},
		{codes.NewDate(2026, 12, 1), nil},
		{codes.NewDate(2026, 11, 24), []string{"Intestazione.DataCreazione file_date_in_future"}},
	} {
		v := NewFileValidator(h, ValidateOptions{Today: tc.today})
		assert.Equal(t, tc.want, keysOf(v.Header()), tc.today.String())
	}
	// The system date is the default run date.
	h.DataCreazione = time.Now().AddDate(0, 0, 2)
	assert.Equal(t, []string{"Intestazione.DataCreazione file_date_in_future"},
		keysOf(NewFileValidator(h, ValidateOptions{}).Header()))
}

func TestPeriodMessages(t *testing.T) {
	p := typicalPratica()
	p.TitoloPosseduto.DataScadenza = codes.NewDate(2026, 12, 31)
	it := Validate(p, ValidateOptions{On: testOn})
	en := Validate(p, ValidateOptions{On: testOn, Lang: "en"})
	require.Len(t, it, 1)
	require.Len(t, en, 1)
	assert.Contains(t, it[0].Message, "meno di 60 giorni prima della scadenza del 31/12/2026")
	assert.Contains(t, en[0].Message, "less than 60 days before the expiry on 2026-12-31")
}

// FuzzParsePeriod: ParsePeriod never panics, and what it accepts prints
// back to an equal Period.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"60d", "6m", "10y", "10a", "0d", "-1m", "9999999999999999999d", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p || p.N <= 0 {
			t.Fatalf("%q → %v → %v, %v", s, p, back, err)
		}
	})
}
