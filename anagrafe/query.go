package anagrafe

import (
	"errors"
	"fmt"
	"time"

	"github.com/retecomuni/eli2sdk/codes"
)

// QueryKind says which persons a Query selects.
type QueryKind int

// Query kinds. The exact rule of each is Match's.
const (
	KindAll                         QueryKind = iota // everyone
	KindExpiringWithin                               // permit expiring between On and On+Days
	KindExpiredMoreThan                              // permit expired more than Months months before On (DPR 223/1989 art. 11 c.1 lett. c)
	KindMissingResidenceDeclaration                  // renewed more than 60 days before On without declaring habitual residence (art. 7 c.3)
	KindChangedSince                                 // changed at or after Since
)

var kindNames = [...]string{"all", "expiring", "expired", "missing-declaration", "changed-since"}

// String returns a short English name of k.
func (k QueryKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("QueryKind(%d)", int(k))
}

// DeclarationDays is the number of days after a permit renewal within which
// the foreigner must renew the declaration of habitual residence (DPR
// 223/1989 art. 7 c.3).
const DeclarationDays = 60

// ErrBadQuery is wrapped by errors for malformed queries.
var ErrBadQuery = errors.New("anagrafe: invalid query")

// Query selects persons. Build it with All, ExpiringWithin,
// ExpiredMoreThan, MissingResidenceDeclaration or ChangedSince, and set the
// reference date with At.
type Query struct {
	Kind   QueryKind
	On     codes.Date // reference date; 0 = today (Resolve fills it in)
	Days   int        // KindExpiringWithin: window length in days, ≥ 0
	Months int        // KindExpiredMoreThan: months since expiry, ≥ 0
	Since  time.Time  // KindChangedSince: lower bound, inclusive
}

// All selects everyone.
func All() Query { return Query{Kind: KindAll} }

// ExpiringWithin selects persons whose permit expires in the next days
// days: On ≤ expiry ≤ On+days.
func ExpiringWithin(days int) Query { return Query{Kind: KindExpiringWithin, Days: days} }

// ExpiredMoreThan selects persons whose permit expired more than months
// months before On (expiry < On − months) and is not recorded as a receipt
// or renewal in progress (tipo_soggiorno 5, 6): the registry office must
// review them (DPR 223/1989 art. 11 c.1 lett. c; months = 6).
func ExpiredMoreThan(months int) Query { return Query{Kind: KindExpiredMoreThan, Months: months} }

// MissingResidenceDeclaration selects persons whose permit was renewed more
// than DeclarationDays days before On (renewal + 60 days < On) with no
// declaration of habitual residence on or after the renewal date.
func MissingResidenceDeclaration() Query { return Query{Kind: KindMissingResidenceDeclaration} }

// ChangedSince selects persons whose UpdatedAt is at or after t.
func ChangedSince(t time.Time) Query { return Query{Kind: KindChangedSince, Since: t} }

// At returns q with reference date on.
func (q Query) At(on codes.Date) Query {
	q.On = on
	return q
}

// Resolve returns q with a zero reference date replaced by today.
func (q Query) Resolve() Query {
	if q.On == 0 {
		q.On = codes.Today()
	}
	return q
}

// Validate reports a malformed query (unknown kind, negative window,
// invalid reference date).
func (q Query) Validate() error {
	switch {
	case q.Kind < KindAll || q.Kind > KindChangedSince:
		return fmt.Errorf("%w: unknown kind %d", ErrBadQuery, int(q.Kind))
	case q.On != 0 && !q.On.Valid():
		return fmt.Errorf("%w: invalid reference date %d", ErrBadQuery, int32(q.On))
	case q.Kind == KindExpiringWithin && q.Days < 0:
		return fmt.Errorf("%w: negative number of days", ErrBadQuery)
	case q.Kind == KindExpiredMoreThan && q.Months < 0:
		return fmt.Errorf("%w: negative number of months", ErrBadQuery)
	}
	return nil
}

// Bounds returns the date interval a permit's expiry must fall in for the
// expiry-based kinds, inclusive: [from, to]. Adapters use it to build
// their WHERE clauses so that they agree with Match. ok is false for other
// kinds. q must be resolved.
func (q Query) Bounds() (from, to codes.Date, ok bool) {
	switch q.Kind {
	case KindExpiringWithin:
		return q.On, q.On.AddDays(q.Days), true
	case KindExpiredMoreThan:
		return firstDay, q.On.AddMonths(-q.Months).AddDays(-1), true
	case KindMissingResidenceDeclaration:
		// renewal date interval
		return firstDay, q.On.AddDays(-DeclarationDays - 1), true
	}
	return 0, 0, false
}

// Match reports whether rec satisfies q (resolved: q.On must be set). It
// is the reference semantics every Querier must reproduce:
//
//   - KindAll: always.
//   - KindExpiringWithin: Permit with ExpiryDate in [On, On+Days].
//   - KindExpiredMoreThan: Permit with ExpiryDate in [0001-01-01, On−Months−1 day]
//     and Type not 5 or 6.
//   - KindMissingResidenceDeclaration: Permit with RenewedOn in
//     [0001-01-01, On−61 days] and ResidenceDeclaredOn before RenewedOn (0 included).
//   - KindChangedSince: UpdatedAt ≥ Since (zero UpdatedAt never matches a
//     non-zero Since).
func Match(rec *Record, q Query) bool {
	if rec == nil {
		return false
	}
	p := &rec.Person
	switch q.Kind {
	case KindAll:
		return true
	case KindChangedSince:
		return !p.UpdatedAt.Before(q.Since)
	}
	from, to, ok := q.Bounds()
	if !ok || p.Permit == nil {
		return false
	}
	switch q.Kind {
	case KindExpiringWithin:
		e := p.Permit.ExpiryDate
		return e != 0 && e >= from && e <= to
	case KindExpiredMoreThan:
		e := p.Permit.ExpiryDate
		return e != 0 && e >= from && e <= to && !p.Permit.PendingRenewal()
	case KindMissingResidenceDeclaration:
		r := p.Permit.RenewedOn
		return r != 0 && r >= from && r <= to && p.ResidenceDeclaredOn < r
	}
	return false
}

// firstDay is the open lower bound of Bounds: 0001-01-01.
const firstDay = codes.Date(10101)
