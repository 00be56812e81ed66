package adaptertest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// fakeTB records what the suite reports, as testing/fstest's own tests
// inspect TestFS's error.
type fakeTB struct {
	testing.TB
	errs []string
}

func (f *fakeTB) Helper()           {}
func (f *fakeTB) Error(args ...any) { f.errs = append(f.errs, fmt.Sprint(args...)) }

func TestReport(t *testing.T) {
	tb := &fakeTB{}
	report(tb, &Error{Failures: []Failure{
		{Check: "Persons", Person: "P002", Field: "Person.Relation", Want: `"2"`, Got: `"3"`},
		{Check: "Persons", Msg: `not in ascending ID order (byte order): "10" came after "9"`},
	}})
	assert.Equal(t, []string{
		`Persons: person P002: Person.Relation: want "2", got "3"`,
		`Persons: not in ascending ID order (byte order): "10" came after "9"`,
	}, tb.errs)

	tb = &fakeTB{}
	report(tb, errors.New("adaptertest: unknown omission"))
	assert.Equal(t, []string{"adaptertest: unknown omission"}, tb.errs)

	tb = &fakeTB{}
	report(tb, nil)
	assert.Empty(t, tb.errs)
}

func TestRecorderCap(t *testing.T) {
	r := &recorder{check: "Persons"}
	for i := range maxPerCheck + 3 {
		r.failf(fmt.Sprint(i), "bad")
	}
	fs := r.failures()
	assert.Len(t, fs, maxPerCheck+1)
	assert.Equal(t, "Persons: 3 more failure(s) not shown", fs[maxPerCheck].String())
}

func TestErrorText(t *testing.T) {
	e := &Error{Failures: []Failure{{Check: "Person", Person: "9", Field: "Person.Citizenships", Want: `["201" "100"]`, Got: `["201"]`}}}
	assert.Equal(t, "adaptertest: 1 failure(s):\n  Person: person 9: Person.Citizenships: want [\"201\" \"100\"], got [\"201\"]", e.Error())
}
