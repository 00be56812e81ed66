package export

import (
	"errors"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Reason codes of records that need no application of their own: counted
// in Summary.NotEligible and NotEligibleReasons, not as errors.
const (
	// ReasonNotSubject: a citizen of Italy, the EU, the EEA or Switzerland
	// (anagrafe.ErrNotSubject: art. 1 c.1 d.lgs. 286/1998).
	ReasonNotSubject = "not_subject"
	// ReasonListedWithParent: a child without a permit of their own, under
	// the child age, listed in a parent's application (art. 31 c.1 d.lgs.
	// 286/1998 as amended by l. 122/2016).
	ReasonListedWithParent = "listed_with_parent"
)

// notEligibleMessages are the Italian labels of the reasons above.
var notEligibleMessages = map[string]string{
	ReasonNotSubject:       "non soggetto a permesso (cittadino italiano, UE, SEE o svizzero)",
	ReasonListedWithParent: "figlio minore di 14 anni senza permesso proprio, elencato nella pratica di un genitore",
}

// notEligible tells whether the mapping error err means that rec needs no
// application of their own, and why.
func (r *runner) notEligible(rec *anagrafe.Record, err error) (string, bool) {
	switch {
	case errors.Is(err, anagrafe.ErrNotSubject):
		return ReasonNotSubject, true
	case !errors.Is(err, anagrafe.ErrNoPermit):
		return "", false
	}
	p := &rec.Person
	max := r.opts.Map.ChildMaxAge
	if max <= 0 {
		max = eli2.DefaultChildMaxAge
	}
	if p.BirthDate.IsZero() || codes.YearsBetween(p.BirthDate.Latest(), r.opts.Map.On) >= max {
		return "", false
	}
	return ReasonListedWithParent, true
}

// countNotEligible counts one record that needs no application, by reason.
func (r *runner) countNotEligible(code string) {
	r.sum.NotEligible++
	for i := range r.sum.NotEligibleReasons {
		if r.sum.NotEligibleReasons[i].Code == code {
			r.sum.NotEligibleReasons[i].Count++
			return
		}
	}
	r.sum.NotEligibleReasons = append(r.sum.NotEligibleReasons, Reason{Code: code, Count: 1, Message: notEligibleMessages[code]})
}
