package eli2

import (
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
)

// ANPR tipo_soggiorno codes whose expiry the time windows judge: a permit
// (1) for the renewal windows of art. 5 and art. 13 d.lgs. 286/1998, a
// permit or a card (2) for the register review of DPR 223/1989 art. 11.
// The UE long-term permit held as a card (2) has no end (art. 9 d.lgs.
// 286/1998: the card, not the right, expires), and a receipt (5) or a
// renewal in progress (6) means a renewal was already asked: neither gets
// the art. 5/13 warnings.
const (
	tipoSoggiornoPermesso = "1"
	tipoSoggiornoCarta    = "2"
)

// titolo checks the dates of the permit held against its holder and the
// file date (Policy): not issued before the applicant's birth, not valid
// longer than MaxValidity, and the time windows of the request type:
//
//   - RINNOVO of a permit: asked less than RenewalNotice before expiry, or
//     expired for at most ExpiryGrace → renewal_late; expired for more than
//     ExpiryGrace → permit_expired_grace; for more than RegisterReview →
//     permit_expired_review only (it names the register procedure, which
//     supersedes the expulsion warning for the register office);
//   - AGGIORNAMENTO, DUPLICATO, CONVERSIONE of an expired permit or card →
//     titolo_expired, and permit_expired_review after RegisterReview;
//   - RILASCIO: no window (the permit held, if any, is replaced).
func (c *checker) titolo(p *Pratica) {
	tp := p.TitoloPosseduto
	if tp == nil {
		return
	}
	pol := &c.opts.Policy
	birth := p.Richiedente.DataNascita
	c.issuedBeforeBirth("TitoloPosseduto.DataRilascio", tp.DataRilascio, birth)
	if !tp.DataRilascio.IsZero() && tp.DataScadenza > pol.MaxValidity.After(tp.DataRilascio) {
		c.add("TitoloPosseduto.DataScadenza", CodeValidityTooLong, "value", c.date(tp.DataScadenza),
			"max", c.period(pol.MaxValidity), "issue", c.date(tp.DataRilascio))
	}
	exp := tp.DataScadenza
	if exp.IsZero() || exp <= tp.DataRilascio || (tp.Tipo != tipoSoggiornoPermesso && tp.Tipo != tipoSoggiornoCarta) {
		return
	}
	const path = "TitoloPosseduto.DataScadenza"
	review := c.on > pol.RegisterReview.After(exp)
	if review {
		c.add(path, CodePermitExpiredReview, "expiry", c.date(exp), "review", c.period(pol.RegisterReview),
			"date", c.date(c.on))
	}
	switch tipo := p.Richiesta.TipoRichiesta; tipo {
	case Rinnovo:
		switch {
		case tp.Tipo != tipoSoggiornoPermesso || review:
		case c.on > pol.ExpiryGrace.After(exp):
			c.add(path, CodePermitExpiredGrace, "expiry", c.date(exp), "grace", c.period(pol.ExpiryGrace),
				"date", c.date(c.on))
		case c.on > pol.RenewalNotice.Before(exp):
			c.add(path, CodeRenewalLate, "date", c.date(c.on), "notice", c.period(pol.RenewalNotice),
				"expiry", c.date(exp))
		}
	case Aggiornamento, Duplicato, Conversione:
		if exp < c.on {
			c.add(path, CodeTitoloExpired, "tipo", string(tipo), "expiry", c.date(exp))
		}
	}
}

// Catalogue keys of the phrases that spell a Period.
const (
	phraseDays   = "period_days"
	phraseMonths = "period_months"
	phraseYears  = "period_years"
)

// period spells p in the checker's language: "60 giorni", "6 months".
func (c *checker) period(p Period) string {
	key := phraseDays
	switch p.Unit {
	case 'm':
		key = phraseMonths
	case 'y':
		key = phraseYears
	}
	return c.phrase(key, "n", strconv.Itoa(p.N))
}

// issuedBeforeBirth reports a document of the applicant issued before his
// birth (certainly before: before the earliest day of a partial date).
// A birth after the file date is birth_in_future alone.
func (c *checker) issuedBeforeBirth(path string, issue codes.Date, birth PartialDate) {
	if !issue.IsZero() && !birth.IsZero() && birth.Earliest() <= c.on && issue < birth.Earliest() {
		c.add(path, CodeIssuedBeforeBirth, "value", c.date(issue), "birth", c.birthDate(birth))
	}
}
