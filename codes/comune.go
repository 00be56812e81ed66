package codes

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrUnknownComune is wrapped by errors about a Belfiore or ISTAT code that no
// comune has ever had.
var ErrUnknownComune = errors.New("codes: comune sconosciuto")

// ErrNotValidOnDate is wrapped by errors about a code that exists but not on
// the date asked.
var ErrNotValidOnDate = errors.New("codes: codice non valido alla data")

// Comune is one row of ANPR's comuni archive: a comune over one validity
// interval [From, To]. A comune that was renamed or moved to another
// province has several rows with the same Belfiore code; the same name may
// belong to several comuni over time.
type Comune struct {
	ID            int    // ANPR row identifier
	Istat         string // ISTAT code (6 digits) in [From, To]; ISTAT codes change when provinces change
	Belfiore      string // cadastral code (A089); "ND" or "" on a few very old rows
	Name          string // official Italian name, upper case (PATERNÒ)
	NameTranslit  string // ANPR transliteration (PATERNO')
	AltName       string // name in the second official language, if any
	Province      string // province sigla (AG)
	ProvinceIstat string // province ISTAT code (084)
	Region        string // region ISTAT code ("EX" suppressed, "00" not available)
	From, To      Date   // validity, both inclusive; To is MaxDate while active
	Status        byte   // 'A' active, 'C' ceased, 'D' to be established; other values kept as found
}

// ValidOn reports whether the row is valid on d. The zero Date is never
// valid.
func (c Comune) ValidOn(d Date) bool { return d != 0 && c.From <= d && d <= c.To }

// Active reports whether the row is still valid (To is MaxDate).
func (c Comune) Active() bool { return c.To == MaxDate }

// ComuneByBelfiore returns the row of the comune with Belfiore code code
// (case-insensitive) valid on on; with on == 0 it returns the most recent
// row. Rows without a Belfiore code are never returned. Where rows of two
// comuni with one code overlap (D588, Filago and Marne until 1928; the
// generator reports such cases), the row with the latest start wins and
// ComuneHistory shows them all. It does not allocate.
func (t *Tables) ComuneByBelfiore(code string, on Date) (Comune, bool) {
	lo, hi := t.comuneRange(t.comuniByBelfiore, code, belfioreOf)
	return t.pickComune(lo, hi, t.comuniByBelfiore, on)
}

// ComuneByIstat returns the row with ISTAT code code valid on on; with
// on == 0 it returns the most recent row having that code.
//
// ISTAT codes change when a comune moves to another province (Prato was
// 048034 in Firenze until 1992-04-15, then 100005; Monza 015149 until
// 2009-06-29, then 108033), while the Belfiore code stays. When no row had
// code on on, the comune is followed through its Belfiore code: the rows
// that ever had code give their Belfiore codes (latest first), and the row of
// that comune valid on on is returned, with the ISTAT code it had then. So
// today's code of Prato at 1990 gives PRATO 048034 (FI). A row that had code
// on on is always preferred (ISTAT codes are sometimes reassigned).
//
// Successions are not followed: ANPR's archive does not link a ceased
// comune to the one that absorbed it (a merger creates a new Belfiore code
// and nothing points from the old rows to it), so a code of a comune
// merged away is found only at dates when it existed. It does not allocate.
func (t *Tables) ComuneByIstat(code string, on Date) (Comune, bool) {
	lo, hi := t.comuneRange(t.comuniByIstat, code, istatOf)
	if c, ok := t.pickComune(lo, hi, t.comuniByIstat, on); ok || on == 0 {
		return c, ok
	}
	for i := hi - 1; i >= lo; i-- {
		b := t.comuni[t.comuniByIstat[i]].Belfiore
		if b == "" || b == "ND" || (i < hi-1 && b == t.comuni[t.comuniByIstat[i+1]].Belfiore) {
			continue
		}
		if c, ok := t.ComuneByBelfiore(b, on); ok {
			return c, true
		}
	}
	return Comune{}, false
}

// ComuneByCode resolves code as an ISTAT code (six digits, following
// province changes as ComuneByIstat does) or a Belfiore code (a letter and
// three digits) at date on (0 = the most recent row). The error wraps
// ErrUnknownComune when no row ever had the code, and ErrNotValidOnDate when
// the comune did not exist on on.
func (t *Tables) ComuneByCode(code string, on Date) (Comune, error) {
	if !isIstatComune(code) {
		return t.Comune(code, on)
	}
	if c, ok := t.ComuneByIstat(code, on); ok {
		return c, nil
	}
	if lo, hi := t.comuneRange(t.comuniByIstat, code, istatOf); lo == hi {
		return Comune{}, fmt.Errorf("%w: codice ISTAT %q", ErrUnknownComune, clip(code))
	}
	return Comune{}, fmt.Errorf("%w: codice ISTAT %s il %s", ErrNotValidOnDate, clip(code), on)
}

func isIstatComune(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Comune is ComuneByBelfiore with an error that says why nothing was found:
// it wraps ErrUnknownComune when no row ever had the code, and
// ErrNotValidOnDate when the code exists but not on on.
func (t *Tables) Comune(code string, on Date) (Comune, error) {
	lo, hi := t.comuneRange(t.comuniByBelfiore, code, belfioreOf)
	if lo == hi {
		return Comune{}, fmt.Errorf("%w: codice catastale %q", ErrUnknownComune, clip(code))
	}
	if c, ok := t.pickComune(lo, hi, t.comuniByBelfiore, on); ok {
		return c, nil
	}
	return Comune{}, fmt.Errorf("%w: codice catastale %s il %s", ErrNotValidOnDate, clip(code), on)
}

// ComuneHistory returns every row with Belfiore code belfiore, oldest
// first, or nil when the code is unknown. The slice is a fresh copy.
func (t *Tables) ComuneHistory(belfiore string) []Comune {
	lo, hi := t.comuneRange(t.comuniByBelfiore, belfiore, belfioreOf)
	if lo == hi {
		return nil
	}
	out := make([]Comune, 0, hi-lo)
	for _, r := range t.comuniByBelfiore[lo:hi] {
		out = append(out, t.comuni[r])
	}
	return out
}

// ComuniByIstat returns every row that had ISTAT code code, oldest first, or
// nil. ISTAT codes are reassigned when provinces change, so the rows may
// belong to different comuni over time.
func (t *Tables) ComuniByIstat(code string) []Comune {
	lo, hi := t.comuneRange(t.comuniByIstat, code, istatOf)
	if lo == hi {
		return nil
	}
	out := make([]Comune, 0, hi-lo)
	for _, r := range t.comuniByIstat[lo:hi] {
		out = append(out, t.comuni[r])
	}
	return out
}

// Comuni returns a copy of every row of the comuni archive, in file order.
func (t *Tables) Comuni() []Comune { return slices.Clone(t.comuni) }

// Query narrows FindComuni.
type Query struct {
	Province string // province sigla (case-insensitive); "" = any
	On       Date   // only rows valid on this date; 0 = every row
}

// FindComuni returns every row whose name (official, transliterated or in
// the second language) matches name after NormalizeName, so that "Paternò",
// "PATERNO'" and "paterno" match alike. It never picks one candidate for the
// caller: homonyms in different provinces are all returned, newest first
// (rows still valid first, then by end and start of validity, latest
// first), and q narrows them. The result is a fresh slice,
// nil when nothing matches.
func (t *Tables) FindComuni(name string, q Query) []Comune {
	key := NormalizeName(name)
	if key == "" {
		return nil
	}
	lo, hi := nameRange(t.comuniByName, key)
	var out []Comune
	for _, ref := range t.comuniByName[lo:hi] {
		c := &t.comuni[ref.row]
		if q.Province != "" && !strings.EqualFold(c.Province, q.Province) {
			continue
		}
		if q.On != 0 && !c.ValidOn(q.On) {
			continue
		}
		out = append(out, *c)
	}
	slices.SortStableFunc(out, func(a, b Comune) int {
		return cmp.Or(cmp.Compare(b.To, a.To), cmp.Compare(b.From, a.From), strings.Compare(a.Belfiore, b.Belfiore), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func belfioreOf(c *Comune) string { return c.Belfiore }
func istatOf(c *Comune) string    { return c.Istat }

// comuneRange returns the bounds in idx of the rows whose key equals code
// (ASCII case-insensitively).
func (t *Tables) comuneRange(idx []int32, code string, key func(*Comune) string) (int, int) {
	lo, hi := 0, len(idx)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmpUpper(key(&t.comuni[idx[m]]), code) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	hi = lo
	for hi < len(idx) && cmpUpper(key(&t.comuni[idx[hi]]), code) == 0 {
		hi++
	}
	return lo, hi
}

// pickComune chooses among idx[lo:hi] (sorted by From) the row valid on on,
// or the most recent one when on is 0.
func (t *Tables) pickComune(lo, hi int, idx []int32, on Date) (Comune, bool) {
	if lo == hi {
		return Comune{}, false
	}
	if on == 0 {
		return t.comuni[idx[hi-1]], true
	}
	for i := hi - 1; i >= lo; i-- {
		if c := &t.comuni[idx[i]]; c.ValidOn(on) {
			return *c, true
		}
	}
	return Comune{}, false
}

// searchIdx is sort.Search without the import.
func searchIdx(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// cmpUpper compares the table key a with the query b upper-cased (ASCII),
// without allocating.
func cmpUpper(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		x, y := a[i], b[i]
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return cmp.Compare(len(a), len(b))
}

// clip shortens caller input quoted in error messages.
func clip(s string) string {
	n := 0
	for i := range s {
		if n == 16 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
