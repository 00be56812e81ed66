package adaptertest

import (
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

func compareIDs(a, b string) int { return strings.Compare(a, b) }

// normalize makes equal records compare equal whatever the storage: empty
// slices become nil, times are UTC, members keep no permit or documents.
func normalize(r *anagrafe.Record) *anagrafe.Record {
	if r == nil {
		return nil
	}
	normPerson(&r.Person)
	if r.Family != nil {
		if len(r.Family.Members) == 0 {
			r.Family.Members = nil
		}
		for i := range r.Family.Members {
			normPerson(&r.Family.Members[i])
		}
	}
	return r
}

func normPerson(p *anagrafe.Person) {
	if len(p.Citizenships) == 0 {
		p.Citizenships = nil
	}
	if len(p.Documents) == 0 {
		p.Documents = nil
	}
	if !p.UpdatedAt.IsZero() {
		p.UpdatedAt = p.UpdatedAt.UTC()
	}
}
