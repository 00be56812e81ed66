package anagrafe

import (
	"errors"
	"slices"

	"github.com/retecomuni/eli2sdk/codes"
)

// ErrNotSubject is returned by Map for a person who needs no residence
// permit: a citizen of Italy, of a European Union or EEA state or of
// Switzerland on the reference date (art. 1 c.1 d.lgs. 286/1998: the
// Testo unico applies to citizens of non-EU states and to stateless
// persons; EU citizens and their equivalents fall under d.lgs. 30/2007).
// A person holding several citizenships is not subject when any of them
// is one of these. Stateless persons (999) and undetermined citizenships
// (997, 998) are subject. Exports count such persons as skipped with the
// reason "non soggetto a permesso", not as errors.
var ErrNotSubject = errors.New("anagrafe: not subject to a residence permit (citizen of Italy, the EU, the EEA or Switzerland)")

// freeMovement reports whether any of cits is Italy or a state whose
// citizens enjoy free movement on on (codes.Tables.FreeMovement: EU with
// accession dates, EEA, Switzerland, the United Kingdom until 2020-12-31).
func freeMovement(t *codes.Tables, cits []string, on codes.Date) bool {
	return slices.ContainsFunc(cits, func(c string) bool {
		_, ok := t.FreeMovement(c, on)
		return ok
	})
}
