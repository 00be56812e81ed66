package eli2

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

// RegisterReviewMonths is the term of DPR 223/1989 art. 11 c.1 lett. c:
// six months after a permit expired, the registry office starts the
// cancellation procedure. The default of Policy.RegisterReview, and of the
// art. 11 lists of package anagrafe (one value for both).
const RegisterReviewMonths = 6

// Period is a span of calendar time as the law counts it: a number of days,
// months or years. The zero Period means "not set" in a Policy.
type Period struct {
	N    int  // how many units; > 0 when set
	Unit byte // 'd' days, 'm' months, 'y' years
}

// Days, Months and Years build a Period.
func Days(n int) Period   { return Period{N: n, Unit: 'd'} }
func Months(n int) Period { return Period{N: n, Unit: 'm'} }
func Years(n int) Period  { return Period{N: n, Unit: 'y'} }

// IsZero reports whether p is not set.
func (p Period) IsZero() bool { return p.N == 0 }

// After returns the day p after d (d + 60 days, d + 6 months). Months and
// years are calendar months: 31 August + 6 months is 3 March, as Go's
// time.AddDate normalizes it.
func (p Period) After(d codes.Date) codes.Date {
	switch p.Unit {
	case 'm':
		return d.AddMonths(p.N)
	case 'y':
		return d.AddMonths(12 * p.N)
	}
	return d.AddDays(p.N)
}

// Before returns the day p before d.
func (p Period) Before(d codes.Date) codes.Date { return Period{N: -p.N, Unit: p.Unit}.After(d) }

// String formats p as ParsePeriod reads it: "60d", "6m", "10y".
func (p Period) String() string {
	if p.IsZero() {
		return "0d"
	}
	return strconv.Itoa(p.N) + string(p.Unit)
}

// ErrPeriod is wrapped by ParsePeriod's errors.
var ErrPeriod = errors.New("eli2: period must be a positive number followed by d (g), m or y (a): 60d, 6m, 10y")

// ParsePeriod reads a period: a positive integer followed by its unit, d or
// g (giorni) for days, m for months, y or a (anni) for years ("60d", "6m",
// "10a").
func ParsePeriod(s string) (Period, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 2 {
		return Period{}, fmt.Errorf("%q: %w", s, ErrPeriod)
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 1200 {
		return Period{}, fmt.Errorf("%q: %w", s, ErrPeriod)
	}
	switch u := s[len(s)-1]; u {
	case 'd', 'g':
		return Days(n), nil
	case 'm':
		return Months(n), nil
	case 'y', 'a':
		return Years(n), nil
	}
	return Period{}, fmt.Errorf("%q: %w", s, ErrPeriod)
}

// Set parses s into p, so that a Period is a flag.Value.
func (p *Period) Set(s string) error {
	v, err := ParsePeriod(s)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Policy holds the named time and age rules of validation. Every value
// carries its legal source in its comment and in the rule catalogue
// (Rules); a zero field means its default (DefaultPolicy), so callers set
// only what they want to change. Windows are measured from the file date
// (ValidateOptions.On).
type Policy struct {
	// RenewalNotice: a renewal is asked at least this long before the
	// permit expires (art. 5 c.4 d.lgs. 286/1998: 60 days). Asked later,
	// or after expiry, it is the warning renewal_late: the term is not
	// peremptory, the questura still accepts the application.
	RenewalNotice Period
	// ExpiryGrace: a permit expired more than this without a renewal asked
	// exposes its holder to expulsion (art. 13 c.2 lett. b d.lgs.
	// 286/1998: 60 days): warning permit_expired_grace.
	ExpiryGrace Period
	// RegisterReview: a permit or card expired more than this starts the
	// register's cancellation procedure (DPR 223/1989 art. 11 c.1 lett. c:
	// six months, after notice to the person): warning
	// permit_expired_review.
	RegisterReview Period
	// MaxValidity: no permit or card is valid longer than this after its
	// issue (l. 238/2021, art. 9 d.lgs. 286/1998: the UE long-term card,
	// the longest, is valid 10 years): error validity_too_long.
	MaxValidity Period
	// ChildMaxAge: a FIGLIO is listed on a parent's application only under
	// this age (Modulo 1's children section: 14). Since l. 122/2016
	// (art. 31 d.lgs. 286/1998) each listed child gets an individual
	// permit; from 14 to 17 a minor applies himself (kit code 14) with a
	// parent or guardian. See DefaultChildMaxAge.
	ChildMaxAge int
	// SpouseMinAge: a spouse younger than this on the file date is a
	// warning spouse_too_young (art. 84 codice civile: no marriage under
	// 16, and at 16 only with a court's leave).
	SpouseMinAge int
	// ParentMinAge: a child born before the applicant (the parent) was this
	// old is an error parent_too_young. No statute sets it: 12 is the
	// plausibility threshold of issue 10, a sign of a data-entry error.
	ParentMinAge int
}

// DefaultPolicy returns the policy of the law as of this release: renewal
// 60 days before expiry, 60 days of grace after it, register review after
// six months, 10 years of maximum validity, children listed under 14,
// spouse at least 16, parent at least 12 at the child's birth.
func DefaultPolicy() Policy {
	return Policy{
		RenewalNotice:  Days(60),
		ExpiryGrace:    Days(60),
		RegisterReview: Months(RegisterReviewMonths),
		MaxValidity:    Years(10),
		ChildMaxAge:    DefaultChildMaxAge,
		SpouseMinAge:   16,
		ParentMinAge:   12,
	}
}

// withDefaults returns p with its zero fields replaced by DefaultPolicy's.
func (p Policy) withDefaults() Policy {
	d := DefaultPolicy()
	for _, f := range []struct{ v, def *Period }{
		{&p.RenewalNotice, &d.RenewalNotice}, {&p.ExpiryGrace, &d.ExpiryGrace},
		{&p.RegisterReview, &d.RegisterReview}, {&p.MaxValidity, &d.MaxValidity},
	} {
		if f.v.N <= 0 {
			*f.v = *f.def
		}
	}
	for _, f := range []struct{ v, def *int }{
		{&p.ChildMaxAge, &d.ChildMaxAge}, {&p.SpouseMinAge, &d.SpouseMinAge}, {&p.ParentMinAge, &d.ParentMinAge},
	} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	return p
}
