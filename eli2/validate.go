package eli2

import (
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

// Validate checks one application against the rules of format v1 and
// returns every problem found, never stopping at the first: struct-level
// rules (required fields, codes that must exist in the tables, syntax) and
// cross-field rules (request type against the kit code, places against
// dates, minors and guardians, codice fiscale against the personal data).
// Problems come in record-model order. A nil p is one "required" problem.
func Validate(p *Pratica, opts ValidateOptions) Problems {
	c := newChecker(opts.withDefaults())
	c.pratica(p)
	return c.problems()
}

// checker collects the problems of one validation.
type checker struct {
	opts  ValidateOptions
	t     *codes.Tables
	on    codes.Date
	probs Problems
}

func newChecker(opts ValidateOptions) *checker {
	return &checker{opts: opts, t: opts.Tables, on: opts.On}
}

// pratica runs every rule on p.
func (c *checker) pratica(p *Pratica) {
	if p == nil {
		c.add("", CodeRequired)
		return
	}
	c.structRules(p)
	c.richiesta(p)
	c.titolo(p)
	c.richiedente(p)
	c.eligibility(p)
	c.domicilio(p)
	c.documento(p)
	c.famiglia(p)
	c.passportNames(p)
	c.codiciFiscali(p)
	c.schemaRules(p) // last: it skips fields the rules above reported
}

// add records a problem of code at path with the message's parameters as
// key, value pairs.
func (c *checker) add(path, code string, args ...string) {
	c.probs = append(c.probs, Problem{
		Path:     path,
		Code:     code,
		Severity: SeverityOf(code),
		Message:  Message(c.opts.Lang, code, args...),
	})
}

// problems returns the problems sorted by the position of their field in
// the record model (struct field order, slice index), keeping the order of
// detection for problems of the same field.
func (c *checker) problems() Problems {
	if len(c.probs) < 2 {
		return c.probs
	}
	keys := make([][]int, len(c.probs))
	for i := range c.probs {
		keys[i] = pathKey(c.probs[i].Path)
	}
	idx := make([]int, len(c.probs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return slices.Compare(keys[idx[a]], keys[idx[b]]) < 0 })
	out := make(Problems, len(c.probs))
	for i, j := range idx {
		out[i] = c.probs[j]
	}
	c.probs = out
	return out
}

var praticaType = reflect.TypeFor[Pratica]()

// pathKey turns a record-model path (Familiari[1].DataNascita) into the
// field indexes and slice indexes it walks from Pratica, so that paths sort
// in struct order. Unknown segments sort last.
func pathKey(path string) []int {
	var key []int
	t := praticaType
	for seg := range strings.SplitSeq(path, ".") {
		if seg == "" {
			continue
		}
		name, idx := seg, -1
		if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
			name = seg[:i]
			if n, err := strconv.Atoi(seg[i+1 : len(seg)-1]); err == nil {
				idx = n
			}
		}
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f, ok := reflect.StructField{}, false
		if t != nil && t.Kind() == reflect.Struct {
			f, ok = t.FieldByName(name)
		}
		if !ok {
			return append(key, math.MaxInt)
		}
		key = append(key, f.Index[0])
		t = f.Type
		if idx >= 0 {
			key = append(key, idx)
			if t.Kind() == reflect.Slice {
				t = t.Elem()
			}
		}
	}
	return key
}

// cf returns a codice fiscale as messages may show it.
func (c *checker) cf(s string) string {
	if c.opts.ShowPersonalData {
		return s
	}
	return MaskCodiceFiscale(s)
}

// name returns a name as messages may show it.
func (c *checker) name(s string) string {
	if c.opts.ShowPersonalData {
		return s
	}
	return maskName(s)
}

// birthDate returns a birth date as messages may show it: in full with
// ShowPersonalData, otherwise the year only ("1964-**-**"), enough for the
// operator to find the record, not enough to identify the person.
func (c *checker) birthDate(d PartialDate) string {
	if c.opts.ShowPersonalData || d.Month == 0 {
		return d.String()
	}
	if d.Day == 0 {
		return strconv.Itoa(d.Year) + "-**"
	}
	return strconv.Itoa(d.Year) + "-**-**"
}

// date formats d for messages in the checker's language.
func (c *checker) date(d codes.Date) string {
	if c.opts.Lang == "it" {
		return pad2(d.Day()) + "/" + pad2(d.Month()) + "/" + strconv.Itoa(d.Year())
	}
	return d.String()
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// index formats a slice element path: Familiari[1].
func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }
