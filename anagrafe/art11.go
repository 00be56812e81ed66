package anagrafe

import (
	"context"
	"github.com/retecomuni/eli2sdk/eli2"
	"iter"

	"github.com/retecomuni/eli2sdk/codes"
)

// Art11Months is the number of months after a permit's expiry from which
// the registry office starts the cancellation procedure of DPR 223/1989
// art. 11 c.1 lett. c (a foreigner who has not renewed the declaration of
// habitual residence of art. 7 c.3, six months after the permit expired,
// after a notice from the office).
const Art11Months = eli2.RegisterReviewMonths

// Art11Candidate is a person the registry office must review under DPR
// 223/1989 art. 11 c.1 lett. c: the permit held expired more than the
// given months before the reference date and is not recorded as a receipt
// or a renewal in progress (tipo_soggiorno 5, 6).
type Art11Candidate struct {
	Record *Record
	// Expiry is the permit's expiry date.
	Expiry codes.Date
	// Months is the number of whole months from Expiry to the reference
	// date.
	Months int
}

// Art11Candidates streams, in ascending ID order, the persons of src for
// the procedure of DPR 223/1989 art. 11 on date on (0: today): permit
// expired more than Art11Months months before on (see ExpiredMoreThan),
// no renewal in progress, and still subject to a permit (a person who has
// since become an Italian or EU citizen is not listed). It reads the
// register only; callers that show or store the persons record the access
// in their audit log. A renewal application is not what these persons
// need: the help desk writes to them (issue 10); eli2 export --expired
// lists them instead of exporting renewals.
func Art11Candidates(ctx context.Context, src Source, on codes.Date) iter.Seq2[Art11Candidate, error] {
	return ExpiredCandidates(ctx, src, on, Art11Months)
}

// ExpiredCandidates is Art11Candidates with another number of months
// (eli2 export --expired Nm): the persons whose permit expired more than
// months months before on.
func ExpiredCandidates(ctx context.Context, src Source, on codes.Date, months int) iter.Seq2[Art11Candidate, error] {
	q := ExpiredMoreThan(months).At(on).Resolve()
	return func(yield func(Art11Candidate, error) bool) {
		for rec, err := range Search(ctx, src, q) {
			if err != nil {
				if !yield(Art11Candidate{}, err) {
					return
				}
				continue
			}
			if freeMovement(codes.Default(), rec.Person.Citizenships, q.On) {
				continue
			}
			e := rec.Person.Permit.ExpiryDate
			if !yield(Art11Candidate{Record: rec, Expiry: e, Months: monthsBetween(e, q.On)}, nil) {
				return
			}
		}
	}
}

// monthsBetween returns the whole months from a to b (a ≤ b).
func monthsBetween(a, b codes.Date) int {
	n := (b.Year()-a.Year())*12 + b.Month() - a.Month()
	if a.AddMonths(n) > b {
		n--
	}
	return n
}
