package codes

import (
	"errors"
	"fmt"
	"slices"
)

// ErrUnknownState is wrapped by StateByBelfiore when no table knows the
// Z-code: about 30 ANPR rows (mostly overseas territories) have none, so a
// tax code may carry a code this package cannot resolve. Load accepts an
// extra table for them.
var ErrUnknownState = errors.New("codes: codice stato sconosciuto")

// State is a foreign state or territory: a row of ANPR's stati_esteri.csv, or
// of the cessati table (dissolved states such as Z118 Jugoslavia and Z135
// URSS, and Z221 Hong Kong), or of an extra table given to Load.
//
// ANPR states are valid from 1900-01-01 even when they were born later:
// ANPR records a birth in a dissolved state under today's state, so a
// register never holds Z118 or Z135. Those codes appear only inside tax
// codes; Successors lists the ISTAT codes of the states a register may hold
// instead.
type State struct {
	Istat    string // ISTAT 3-digit code (999 apolide, 998, 997, 888); empty on cessati rows
	Belfiore string // Z-code; empty on ~30 ANPR rows
	ISO3     string // ISO 3166-1 alpha-3
	Name     string // ANPR name (CROAZIA)
	NameIT   string // ISTAT Italian name (Croazia)
	NameEN   string // ISTAT English name (Croatia)
	From, To Date   // validity, inclusive; To is MaxDate while valid; From 0 if the file has none

	Citizenship bool // allowed as citizenship
	Birth       bool // allowed as place of birth
	Residence   bool // allowed as residence

	Kind       string   // ANPR TIPO: STATO, TERRITORIO, ALTRO ("" on special codes and cessati rows)
	Dissolved  bool     // a state that no longer exists (cessati table, with an end date)
	Successors []string // ISTAT codes of the successor states (cessati rows); do not modify
	Note       string   // note of the cessati table

	origin uint8 // which table the row comes from (source.Origin…)
}

// ValidOn reports whether the state is valid on d. The zero Date is never
// valid.
func (s State) ValidOn(d Date) bool { return d != 0 && s.From <= d && d <= s.To }

// HasSuccessor reports whether the state with ISTAT code istat is one of s's
// successors.
func (s State) HasSuccessor(istat string) bool {
	return slices.Contains(s.Successors, istat)
}

// StateByIstat returns the state with ISTAT code code valid on on; with
// on == 0, the most recent row with that code. It does not allocate.
func (t *Tables) StateByIstat(code string, on Date) (State, bool) {
	lo, hi := t.stateRange(t.statesByIstat, code, func(s *State) string { return s.Istat })
	if lo == hi {
		return State{}, false
	}
	if on == 0 {
		return t.states[t.statesByIstat[hi-1]], true
	}
	for i := hi - 1; i >= lo; i-- {
		if s := &t.states[t.statesByIstat[i]]; s.ValidOn(on) {
			return *s, true
		}
	}
	return State{}, false
}

// StateByBelfiore returns the state or territory with Z-code code
// (case-insensitive), dissolved states included, whatever the date: a tax
// code keeps the Z-code of the birth date. An unknown code gives an error
// wrapping ErrUnknownState. It does not allocate when the code is found.
func (t *Tables) StateByBelfiore(code string) (State, error) {
	lo, hi := t.stateRange(t.statesByBelfiore, code, func(s *State) string { return s.Belfiore })
	if lo == hi {
		return State{}, fmt.Errorf("%w: %q", ErrUnknownState, clip(code))
	}
	return t.states[t.statesByBelfiore[lo]], nil
}

// StateByISO3 returns the state with ISO 3166-1 alpha-3 code code
// (case-insensitive). It does not allocate.
func (t *Tables) StateByISO3(code string) (State, bool) {
	lo, hi := t.stateRange(t.statesByISO3, code, func(s *State) string { return s.ISO3 })
	if lo == hi {
		return State{}, false
	}
	return t.states[t.statesByISO3[hi-1]], true
}

// States returns a copy of every state row: ANPR's table first, then the
// cessati rows, then rows of an extra table.
func (t *Tables) States() []State { return slices.Clone(t.states) }

func (t *Tables) stateRange(idx []int32, code string, key func(*State) string) (int, int) {
	lo, hi := 0, len(idx)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmpUpper(key(&t.states[idx[m]]), code) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	hi = lo
	for hi < len(idx) && cmpUpper(key(&t.states[idx[hi]]), code) == 0 {
		hi++
	}
	return lo, hi
}
