package preview

import (
	"sort"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// The view model below holds only finished strings: the template decides
// layout, never content.

// headView is the start of the page.
type headView struct {
	Lang  string
	Title string
}

// appView is one application.
type appView struct {
	Anchor      string
	Heading     string
	IDProblems  []problemView // problems of the application's id
	Errors      int
	Warnings    int
	Summary     string
	Clean       bool
	OtherTitle  string
	Unmatched   []problemView
	Sections    []sectionView
	NoneLabel   string
	ErrorText   string
	WarningText string
	Fees        *feesView // optional box fed by the caller (Item.Fees)
}

// sectionView is one box of Modulo 1.
type sectionView struct {
	Title    string
	Path     string
	Note     string // shown instead of the fields when the section is absent
	Problems []problemView
	Fields   []fieldView
	Tables   []tableView
}

// tableView is a list of rows, as for family members.
type tableView struct {
	Caption string
	Columns []string
	Rows    []rowView
}

// rowView is one row of a table; Problems are those naming the row itself.
type rowView struct {
	Path     string
	Problems []problemView
	Cells    []fieldView
}

// fieldView is one field: label, value, resolved name and its problems.
type fieldView struct {
	Label    string
	Path     string
	Value    string
	Name     string // what a code stands for, shown beside the value
	Empty    bool
	Wide     bool
	Problems []problemView
	Class    string // "", "has-error" or "has-warning"
}

// problemView is one problem ready to print.
type problemView struct {
	Class   string // "error" or "warning"
	Label   string // "Errore", "Avviso"
	Code    string
	Path    string
	Message string
}

// builder builds the view of one application, handing out each problem to
// the first field that names its path.
type builder struct {
	lang   Lang
	names  namer
	mask   bool
	on     codes.Date // reference date for places of residence
	probs  []eli2.Problem
	byPath map[string][]int  // path → indexes into probs not yet shown
	secret []string          // full tax codes to mask inside messages
	reg    map[string]string // register spellings by path (Item.Register)
}

func newBuilder(it Item, opts Options, names namer, on codes.Date) *builder {
	b := &builder{lang: opts.Lang, names: names, mask: opts.MaskTaxCode, on: on, probs: it.Problems,
		byPath: make(map[string][]int, len(it.Problems)), reg: it.Register}
	for i, p := range it.Problems {
		k := normPath(p.Path)
		b.byPath[k] = append(b.byPath[k], i)
	}
	if b.mask {
		p := it.Pratica
		b.addSecret(p.Richiedente.CodiceFiscale)
		for _, f := range p.Familiari {
			b.addSecret(f.CodiceFiscale)
		}
		if p.GenitoreTutore != nil {
			b.addSecret(p.GenitoreTutore.CodiceFiscale)
		}
	}
	return b
}

// normPath trims blanks and a leading "Pratica." so that both "Pratica.Questura"
// and "Questura" name the Questura field.
func normPath(p string) string {
	p = strings.TrimSpace(p)
	return strings.TrimPrefix(p, "Pratica.")
}

func (b *builder) addSecret(cf string) {
	cf = strings.TrimSpace(cf)
	if len(cf) >= 6 {
		b.secret = append(b.secret, cf)
	}
}

// t returns a label in the page language.
func (b *builder) t(x text) string { return x.in(b.lang) }

// take removes and returns the problems whose path is one of paths.
func (b *builder) take(paths ...string) []problemView { return b.takeIf(false, paths...) }

// takeField is take for a field: it also takes the problems naming one
// element of the field (Istanza.Moduli[1] belongs to Istanza.Moduli).
func (b *builder) takeField(paths ...string) []problemView { return b.takeIf(true, paths...) }

func (b *builder) takeIf(elements bool, paths ...string) []problemView {
	var idx []int
	for _, p := range paths {
		if is, ok := b.byPath[p]; ok {
			idx = append(idx, is...)
			delete(b.byPath, p)
		}
		if !elements {
			continue
		}
		for k, is := range b.byPath {
			if isElement(k, p) {
				idx = append(idx, is...)
				delete(b.byPath, k)
			}
		}
	}
	sort.Ints(idx)
	out := make([]problemView, 0, len(idx))
	for _, i := range idx {
		out = append(out, b.problem(b.probs[i]))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// isElement reports whether path is field followed by one index: field[n].
func isElement(path, field string) bool {
	rest, ok := strings.CutPrefix(path, field+"[")
	if !ok || len(rest) < 2 || rest[len(rest)-1] != ']' {
		return false
	}
	for _, c := range rest[:len(rest)-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// rest returns the problems no field took, in their original order.
func (b *builder) rest() []problemView {
	left := map[int]bool{}
	for _, idx := range b.byPath {
		for _, i := range idx {
			left[i] = true
		}
	}
	var out []problemView
	for i, p := range b.probs {
		if left[i] {
			out = append(out, b.problem(p))
		}
	}
	return out
}

func (b *builder) problem(p eli2.Problem) problemView {
	v := problemView{Class: "error", Label: b.t(lError), Code: p.Code, Path: p.Path, Message: b.maskText(p.Message)}
	if p.Severity == eli2.SeverityWarning {
		v.Class, v.Label = "warning", b.t(lWarning)
	}
	return v
}

// maskText hides the tax codes of the application inside free text.
func (b *builder) maskText(s string) string {
	for _, cf := range b.secret {
		s = strings.ReplaceAll(s, cf, eli2.MaskCodiceFiscale(cf))
	}
	return s
}

// field builds a field that takes the problems of path and of the extra
// paths (for a field that stands for several record fields).
func (b *builder) field(label text, path, value, name string, extra ...string) fieldView {
	f := fieldView{Label: b.t(label), Path: path, Value: value, Name: name}
	if orig, ok := b.reg[path]; ok && orig != value && name == "" {
		f.Name = b.t(lRegister) + ": " + orig
	}
	if strings.TrimSpace(value) == "" {
		f.Value, f.Empty = b.t(lEmpty), true
	}
	f.Problems = b.takeField(append([]string{path}, extra...)...)
	f.Class = classOf(f.Problems)
	return f
}

func classOf(ps []problemView) string {
	cls := ""
	for _, p := range ps {
		if p.Class == "error" {
			return "has-error"
		}
		cls = "has-warning"
	}
	return cls
}

// section starts a section that takes the problems naming it as a whole.
func (b *builder) section(title text, path string, extra ...string) sectionView {
	s := sectionView{Title: b.t(title), Path: path}
	if path != "" {
		s.Problems = b.take(append([]string{path}, extra...)...)
	}
	return s
}

// absent marks a section whose record part is nil.
func (b *builder) absent(s *sectionView) { s.Note = b.t(lAbsent) }

// enum returns the label of an enumerated value ("" when unknown).
func (b *builder) enum(v string) string { return enumLabel(v, b.lang) }

// cf formats a tax code, masked when asked.
func (b *builder) cf(s string) string {
	if b.mask {
		return eli2.MaskCodiceFiscale(s)
	}
	return s
}

// date formats a date as the page language writes it.
func (b *builder) date(d codes.Date) string {
	if d.IsZero() {
		return ""
	}
	if b.lang == English || !d.Valid() {
		return d.String()
	}
	return pad2(d.Day()) + "/" + pad2(d.Month()) + "/" + strconv.Itoa(d.Year())
}

// pdate formats a possibly partial birth date.
func (b *builder) pdate(p eli2.PartialDate) string {
	if b.lang == English || p.IsZero() {
		return p.String()
	}
	switch {
	case p.Month == 0:
		return strconv.Itoa(p.Year)
	case p.Day == 0:
		return pad2(p.Month) + "/" + strconv.Itoa(p.Year)
	}
	return pad2(p.Day) + "/" + pad2(p.Month) + "/" + strconv.Itoa(p.Year)
}

func pad2(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
