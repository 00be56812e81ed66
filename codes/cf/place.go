package cf

import (
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

// PlaceKind tells a comune from a foreign state.
type PlaceKind uint8

// Kinds of birthplace.
const (
	PlaceUnknown PlaceKind = iota
	PlaceComune            // an Italian comune (Belfiore cadastral code)
	PlaceState             // a foreign state or territory (Z code)
)

// String returns "comune", "stato" or "".
func (k PlaceKind) String() string {
	switch k {
	case PlaceComune:
		return "comune"
	case PlaceState:
		return "stato"
	}
	return ""
}

// Place is a birthplace: an Italian comune (Comune set, as of a date) or a
// foreign state (State set; a dissolved state has Dissolved and its
// Successors).
//
// A Place of Kind PlaceUnknown (from Decode) holds only Code, the Z code
// written in the tax code that no table resolves.
type Place struct {
	Kind   PlaceKind
	Comune codes.Comune // when Kind is PlaceComune
	State  codes.State  // when Kind is PlaceState
	Code   string       // when Kind is PlaceUnknown: the code as written (Z113)
}

// Belfiore returns the cadastral code of the comune or the Z code of the state.
func (p Place) Belfiore() string {
	switch p.Kind {
	case PlaceState:
		return p.State.Belfiore
	case PlaceUnknown:
		return p.Code
	}
	return p.Comune.Belfiore
}

// Istat returns the ISTAT code: 6 digits for a comune, 3 for a state (empty
// for a dissolved state, which ISTAT's current table does not hold).
func (p Place) Istat() string {
	if p.Kind == PlaceState {
		return p.State.Istat
	}
	return p.Comune.Istat
}

// Name returns the name: the comune's official name, or the state's ANPR
// name (its Italian name for the dissolved states ANPR does not list).
func (p Place) Name() string {
	if p.Kind == PlaceState {
		if p.State.Name != "" {
			return p.State.Name
		}
		return p.State.NameIT
	}
	return p.Comune.Name
}

// Province returns the comune's province sigla ("" for a state).
func (p Place) Province() string {
	if p.Kind == PlaceComune {
		return p.Comune.Province
	}
	return ""
}

// String returns a readable description: "SAN GIULIANO TERME (PI)",
// "CROAZIA", or "luogo sconosciuto (Z113)" for an unknown place.
func (p Place) String() string {
	switch p.Kind {
	case PlaceComune:
		return p.Comune.Name + " (" + p.Comune.Province + ")"
	case PlaceUnknown:
		if p.Code == "" {
			return "luogo sconosciuto"
		}
		return "luogo sconosciuto (" + p.Code + ")"
	}
	return p.Name()
}

// AmbiguousPlaceError is returned by ResolvePlace when a name matches several
// places on the date: Candidates lists every one of them (one per Belfiore
// code). It wraps ErrAmbiguousPlace.
type AmbiguousPlaceError struct {
	Candidates []Place
}

// Error lists the candidates (place names, not personal data).
func (e *AmbiguousPlaceError) Error() string {
	return fmt.Sprintf("cf: ambiguous birthplace, %d candidates: %s", len(e.Candidates), e.list())
}

// Unwrap returns ErrAmbiguousPlace.
func (e *AmbiguousPlaceError) Unwrap() error { return ErrAmbiguousPlace }

// MessageIT returns the Italian message with the candidates.
func (e *AmbiguousPlaceError) MessageIT() string {
	return catalogue[ErrAmbiguousPlace].it + ": " + e.list()
}

// MessageEN returns the English message with the candidates.
func (e *AmbiguousPlaceError) MessageEN() string {
	return catalogue[ErrAmbiguousPlace].en + ": " + e.list()
}

func (e *AmbiguousPlaceError) list() string {
	parts := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		parts[i] = c.Belfiore() + " " + c.String()
	}
	return strings.Join(parts, ", ")
}

// ResolvePlace finds the birthplace described by place as of the birth date
// on (0 = any date), through the tables t:
//   - a Belfiore code ("A562", "z118") is looked up directly (a comune's row
//     valid on on, else its most recent row; a Z code among the states,
//     dissolved ones included);
//   - a 3-digit ISTAT code ("250") is a state, a 6-digit one ("050031") a
//     comune;
//   - otherwise place is a name: comuni whose name matches and that existed
//     on the date (narrowed to province, a sigla, when given); if there are
//     none and no province was given, states with that name valid on the
//     date.
//
// When several places match, the error is an *AmbiguousPlaceError holding
// all of them; when none does, an *Error wrapping ErrUnknownPlace. A state
// found by name or ISTAT code that has no Z code (a few overseas territories)
// is an *Error wrapping ErrPlaceCode.
func ResolvePlace(t *codes.Tables, place, province string, on codes.Date) (Place, error) {
	if t == nil {
		return Place{}, &Error{Field: FieldLuogoNascita, Err: ErrNoTables}
	}
	s := strings.TrimSpace(place)
	switch {
	case isBelfioreCode(s):
		return lookupBelfiore(t, strings.ToUpper(s), on)
	case len(s) == 3 && allDigits(s):
		st, ok := t.StateByIstat(s, on)
		if !ok {
			st, ok = t.StateByIstat(s, 0)
		}
		if !ok {
			return Place{}, &Error{Field: FieldLuogoNascita, Err: ErrUnknownPlace, Cause: codes.ErrUnknownState}
		}
		if st.Belfiore == "" {
			return Place{}, &Error{Field: FieldLuogoNascita, Err: ErrPlaceCode}
		}
		return Place{Kind: PlaceState, State: st}, nil
	case len(s) == 6 && allDigits(s):
		c, ok := t.ComuneByIstat(s, on)
		if !ok {
			c, ok = t.ComuneByIstat(s, 0)
		}
		if !ok || c.Belfiore == "" || c.Belfiore == "ND" {
			return Place{}, &Error{Field: FieldLuogoNascita, Err: ErrUnknownPlace, Cause: codes.ErrUnknownComune}
		}
		return Place{Kind: PlaceComune, Comune: c}, nil
	}
	var out []Place
	seen := map[string]bool{}
	for _, c := range t.FindComuni(s, codes.Query{Province: province, On: on}) {
		if c.Belfiore == "" || c.Belfiore == "ND" || seen[c.Belfiore] {
			continue
		}
		seen[c.Belfiore] = true
		out = append(out, Place{Kind: PlaceComune, Comune: c})
	}
	if len(out) == 0 && strings.TrimSpace(province) == "" {
		for _, st := range t.FindStates(s, on) {
			if st.Belfiore == "" || seen[st.Belfiore] {
				continue
			}
			seen[st.Belfiore] = true
			out = append(out, Place{Kind: PlaceState, State: st})
		}
	}
	switch len(out) {
	case 0:
		return Place{}, &Error{Field: FieldLuogoNascita, Err: ErrUnknownPlace}
	case 1:
		return out[0], nil
	}
	return Place{}, &AmbiguousPlaceError{Candidates: out}
}

// lookupBelfiore resolves a Belfiore code (upper case).
func lookupBelfiore(t *codes.Tables, code string, on codes.Date) (Place, error) {
	if code[0] == 'Z' {
		st, err := t.StateByBelfiore(code)
		if err != nil {
			return Place{}, &Error{Field: FieldLuogoNascita, Err: ErrUnknownPlace, Cause: err}
		}
		return Place{Kind: PlaceState, State: st}, nil
	}
	c, ok := t.ComuneByBelfiore(code, on)
	if !ok {
		c, ok = t.ComuneByBelfiore(code, 0)
	}
	if !ok {
		return Place{}, &Error{Field: FieldLuogoNascita, Err: ErrUnknownPlace, Cause: codes.ErrUnknownComune}
	}
	return Place{Kind: PlaceComune, Comune: c}, nil
}

func isBelfioreCode(s string) bool {
	return len(s) == 4 && isLetter(s[0]&^0x20) && allDigits(s[1:])
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}
