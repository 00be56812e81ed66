package adaptertest

import (
	"fmt"
	"strings"
)

// Failure is one way a source departs from the contract.
type Failure struct {
	Check  string // which check found it: Persons, Person, Copies, Query expiring(30)…
	Person string // register ID of the person concerned; "" when none
	Field  string // field path (Person.Permit.Number, Family.Members[P003].Relation); "" when none
	Want   string // expected value, formatted; "" when not a field comparison
	Got    string // value the source returned, formatted
	Msg    string // what went wrong, when not a field comparison
}

// String formats f on one line: "Persons: person P002: Person.Relation:
// want "2", got "3"".
func (f Failure) String() string {
	var b strings.Builder
	b.WriteString(f.Check)
	if f.Person != "" {
		fmt.Fprintf(&b, ": person %s", f.Person)
	}
	if f.Field != "" {
		fmt.Fprintf(&b, ": %s", f.Field)
	}
	if f.Msg != "" {
		fmt.Fprintf(&b, ": %s", f.Msg)
	}
	if f.Want != "" || f.Got != "" {
		fmt.Fprintf(&b, ": want %s, got %s", f.Want, f.Got)
	}
	return b.String()
}

// Error is returned by Check when the source fails the suite. It lists
// every failure, in the order found.
type Error struct {
	Failures []Failure
}

func (e *Error) Error() string {
	lines := make([]string, 0, len(e.Failures)+1)
	lines = append(lines, fmt.Sprintf("adaptertest: %d failure(s):", len(e.Failures)))
	for _, f := range e.Failures {
		lines = append(lines, "  "+f.String())
	}
	return strings.Join(lines, "\n")
}

// maxPerCheck bounds the failures one check reports, so that one
// systematic bug does not bury the others.
const maxPerCheck = 25

// recorder collects the failures of one check.
type recorder struct {
	check   string
	list    []Failure
	dropped int
}

func (r *recorder) add(f Failure) {
	f.Check = r.check
	if len(r.list) >= maxPerCheck {
		r.dropped++
		return
	}
	r.list = append(r.list, f)
}

func (r *recorder) failf(person, format string, args ...any) {
	r.add(Failure{Person: person, Msg: fmt.Sprintf(format, args...)})
}

func (r *recorder) failures() []Failure {
	if r.dropped > 0 {
		return append(r.list, Failure{Check: r.check, Msg: fmt.Sprintf("%d more failure(s) not shown", r.dropped)})
	}
	return r.list
}
