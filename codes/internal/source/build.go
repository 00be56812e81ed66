package source

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NameRef is one entry of a name index: the normalized name and the row it
// belongs to.
type NameRef struct {
	Key string
	Row int32
}

// Inputs are the parsed rows that Build indexes.
type Inputs struct {
	Comuni    []Comune
	States    []State // ANPR rows, then cessati rows, then extra rows
	Provinces []Province
	Kit       []Kit // rows of every edition
	Decoding  [len(DecodingFiles)][]Entry

	KitEditions   []KitEdition // sorted by From (CheckKitEditions)
	KitDurations  []KitDuration
	KitSuccessors []KitSuccessor
}

// Set is the complete, indexed content of the code tables. Index slices hold
// row numbers sorted by the key they are named for, so look-ups are binary
// searches.
type Set struct {
	Comuni           []Comune
	ComuniByBelfiore []int32 // by (Belfiore, From, ID); rows without a code left out
	ComuniByIstat    []int32 // by (Istat, From, ID); rows without a code left out
	ComuniByName     []NameRef

	States           []State
	StatesByIstat    []int32 // by (Istat, From, Origin)
	StatesByBelfiore []int32 // by (Belfiore, Origin, From)
	StatesByISO3     []int32 // by (ISO3, From, Origin); "ZZZ" left out
	StatesByName     []NameRef

	Provinces []Province // by Sigla
	Kit       []Kit      // by edition (in KitEditions order), then Code
	Decoding  [len(DecodingFiles)][]Entry

	KitEditions   []KitEdition
	KitDurations  []KitDuration
	KitSuccessors []KitSuccessor
}

// Build sorts and indexes the rows. It does not modify in's slices except
// Provinces and Kit, which it sorts in place (Kit also gets the durations
// and successors). Issues report duplicate keys
// that make a look-up ambiguous.
func Build(in Inputs) (*Set, []Issue) {
	s := &Set{
		Comuni:    in.Comuni,
		States:    in.States,
		Provinces: in.Provinces,
		Kit:       in.Kit,
		Decoding:  in.Decoding,

		KitEditions:   in.KitEditions,
		KitDurations:  in.KitDurations,
		KitSuccessors: in.KitSuccessors,
	}
	var issues []Issue

	// Comuni.
	for i := range s.Comuni {
		c := &s.Comuni[i]
		if c.HasBelfiore() {
			s.ComuniByBelfiore = append(s.ComuniByBelfiore, int32(i))
		}
		if c.Istat != "" {
			s.ComuniByIstat = append(s.ComuniByIstat, int32(i))
		}
		s.ComuniByName = appendNames(s.ComuniByName, int32(i), c.Name, c.NameTranslit, c.AltName)
	}
	comuneKey := func(code func(*Comune) string) func(a, b int32) int {
		return func(a, b int32) int {
			x, y := &s.Comuni[a], &s.Comuni[b]
			return cmp.Or(strings.Compare(code(x), code(y)), cmp.Compare(x.From, y.From), cmp.Compare(x.ID, y.ID), cmp.Compare(a, b))
		}
	}
	slices.SortFunc(s.ComuniByBelfiore, comuneKey(func(c *Comune) string { return c.Belfiore }))
	slices.SortFunc(s.ComuniByIstat, comuneKey(func(c *Comune) string { return c.Istat }))
	sortNames(s.ComuniByName)
	for k := 1; k < len(s.ComuniByBelfiore); k++ {
		a, b := &s.Comuni[s.ComuniByBelfiore[k-1]], &s.Comuni[s.ComuniByBelfiore[k]]
		if a.Belfiore == b.Belfiore && b.From <= a.To {
			issues = append(issues, Issue{File: ComuniFile, Key: b.Belfiore,
				Msg: "righe con validità sovrapposte: ID " + itoa(a.ID) + " e ID " + itoa(b.ID)})
		}
	}

	// States.
	for i := range s.States {
		st := &s.States[i]
		if st.Istat != "" {
			s.StatesByIstat = append(s.StatesByIstat, int32(i))
		}
		if st.Belfiore != "" {
			s.StatesByBelfiore = append(s.StatesByBelfiore, int32(i))
		}
		if st.ISO3 != "" && st.ISO3 != "ZZZ" {
			s.StatesByISO3 = append(s.StatesByISO3, int32(i))
		}
		s.StatesByName = appendNames(s.StatesByName, int32(i), st.Name, st.NameIT, st.NameEN)
	}
	slices.SortFunc(s.StatesByIstat, func(a, b int32) int {
		x, y := &s.States[a], &s.States[b]
		return cmp.Or(strings.Compare(x.Istat, y.Istat), cmp.Compare(x.From, y.From), cmp.Compare(x.Origin, y.Origin), cmp.Compare(a, b))
	})
	slices.SortFunc(s.StatesByBelfiore, func(a, b int32) int {
		x, y := &s.States[a], &s.States[b]
		return cmp.Or(strings.Compare(x.Belfiore, y.Belfiore), cmp.Compare(x.Origin, y.Origin), cmp.Compare(x.From, y.From), cmp.Compare(a, b))
	})
	slices.SortFunc(s.StatesByISO3, func(a, b int32) int {
		x, y := &s.States[a], &s.States[b]
		return cmp.Or(strings.Compare(x.ISO3, y.ISO3), cmp.Compare(x.From, y.From), cmp.Compare(x.Origin, y.Origin), cmp.Compare(a, b))
	})
	sortNames(s.StatesByName)
	for k := 1; k < len(s.StatesByBelfiore); k++ {
		a, b := &s.States[s.StatesByBelfiore[k-1]], &s.States[s.StatesByBelfiore[k]]
		if a.Belfiore == b.Belfiore {
			issues = append(issues, Issue{File: StatesFile, Key: b.Belfiore,
				Msg: "codice Z presente in più righe: vale la prima (" + a.Name + ")"})
		}
	}

	slices.SortStableFunc(s.Provinces, func(a, b Province) int { return strings.Compare(a.Sigla, b.Sigla) })
	issues = append(issues, ApplyKitFacts(s.Kit, s.KitDurations, s.KitSuccessors)...)
	SortKit(s.Kit, s.KitEditions)
	return s, issues
}

// appendNames adds the distinct normalized forms of names for row.
func appendNames(dst []NameRef, row int32, names ...string) []NameRef {
	start := len(dst)
outer:
	for _, n := range names {
		k := NormalizeName(n)
		if k == "" {
			continue
		}
		for _, e := range dst[start:] {
			if e.Key == k {
				continue outer
			}
		}
		dst = append(dst, NameRef{Key: k, Row: row})
	}
	return dst
}

func sortNames(refs []NameRef) {
	slices.SortFunc(refs, func(a, b NameRef) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), cmp.Compare(a.Row, b.Row))
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// NormalizeName folds a place name for matching: accents and other marks are
// removed (NFD decomposition, then combining marks dropped), letters are upper-cased, apostrophes, hyphens, dots and
// other punctuation become spaces, and runs of spaces collapse to one, so
// "Paternò", "PATERNO'" and "paterno" all give "PATERNO".
func NormalizeName(s string) string {
	folded := s
	if !isASCII(s) {
		// Invalid UTF-8 would stop the decomposition: treat it as a separator.
		folded = norm.NFD.String(strings.ToValidUTF8(s, " "))
	}
	var b strings.Builder
	b.Grow(len(folded))
	space := false
	for _, r := range folded {
		switch {
		case unicode.Is(unicode.Mn, r): // combining accent split off by NFD
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToUpper(r))
		default: // spaces, apostrophes, hyphens, dots, slashes…
			space = true
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
