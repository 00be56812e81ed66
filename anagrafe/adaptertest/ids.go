package adaptertest

import (
	"slices"
	"strconv"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// firstIntegerID is where IntegerIDs starts numbering: above every
// integer-like ID of the default fixture.
const firstIntegerID = 20001

// IntegerIDs returns a copy of f in which every person ID that is not
// already a canonical decimal integer ("P001", "P2") is replaced by one
// (20001, 20002… in ascending order of the old IDs), consistently in
// Person.ID, FatherID, MotherID, household members and past permits. It
// is for sources whose schema has integer keys; households and every other
// field are unchanged, so the suite checks them as usual — including that
// the streams come in ascending byte order of the IDs ("10" < "100" <
// "2"), which is not the numeric order of an integer column.
func IntegerIDs(f Fixture) Fixture {
	var old []string
	for _, r := range f.Records {
		if !isCanonicalInt(r.Person.ID) {
			old = append(old, r.Person.ID)
		}
	}
	slices.Sort(old)
	ren := make(map[string]string, len(old))
	for i, id := range old {
		ren[id] = strconv.Itoa(firstIntegerID + i)
	}
	id := func(s string) string {
		if n, ok := ren[s]; ok {
			return n
		}
		return s
	}
	person := func(p *anagrafe.Person) {
		p.ID, p.FatherID, p.MotherID = id(p.ID), id(p.FatherID), id(p.MotherID)
	}
	c := f.clone()
	for _, r := range c.Records {
		person(&r.Person)
		if r.Family != nil {
			for i := range r.Family.Members {
				person(&r.Family.Members[i])
			}
			anagrafe.SortMembers(r.Family.Members)
		}
	}
	for i := range c.PastPermits {
		c.PastPermits[i].PersonID = id(c.PastPermits[i].PersonID)
	}
	slices.SortFunc(c.Records, func(a, b *anagrafe.Record) int { return compareIDs(a.Person.ID, b.Person.ID) })
	return c
}

// isCanonicalInt reports whether s is a decimal integer as strconv.Itoa
// writes it (no sign, no leading zero), so that it survives an integer
// column unchanged.
func isCanonicalInt(s string) bool {
	if s == "" || len(s) > 18 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
