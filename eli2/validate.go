package eli2

import (
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
	c.richiedente(p)
	c.domicilio(p)
	c.documento(p)
	c.famiglia(p)
	c.codiciFiscali(p)
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

// problems returns the problems sorted by the position of their top-level
// field in Pratica, keeping the order of detection within a field.
func (c *checker) problems() Problems {
	sort.SliceStable(c.probs, func(i, j int) bool {
		return pathRank(c.probs[i].Path) < pathRank(c.probs[j].Path)
	})
	return c.probs
}

// praticaFields is the field order of Pratica, used to sort problems.
var praticaFields = []string{"ID", "Questura", "Richiesta", "TitoloPosseduto", "Richiedente",
	"Domicilio", "Recapiti", "Documento", "Visto", "Familiari", "GenitoreTutore", "Istanza",
	"DatiSocioProfessionali"}

func pathRank(path string) int {
	top := path
	if i := strings.IndexAny(path, ".["); i >= 0 {
		top = path[:i]
	}
	for i, f := range praticaFields {
		if f == top {
			return i
		}
	}
	return len(praticaFields)
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
