package vendormap

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

// ErrUnknownStateName is wrapped by State's error when no state has the
// name.
var ErrUnknownStateName = errors.New("vendormap: unknown state name")

// ErrAmbiguousStateName is wrapped by *AmbiguousStateError.
var ErrAmbiguousStateName = errors.New("vendormap: ambiguous state name")

// AmbiguousStateError says that a name designates several states: the
// vendor must choose (or store the ISTAT code).
type AmbiguousStateError struct {
	Name       string        // the name looked up
	Candidates []codes.State // one row per ISTAT code, newest first
}

func (e *AmbiguousStateError) Error() string {
	c := make([]string, len(e.Candidates))
	for i, s := range e.Candidates {
		c[i] = s.Istat + " " + s.Name
	}
	return fmt.Sprintf("vendormap: ambiguous state name %q: candidates %s", clip(e.Name), strings.Join(c, ", "))
}

// Unwrap returns ErrAmbiguousStateName.
func (e *AmbiguousStateError) Unwrap() error { return ErrAmbiguousStateName }

// State returns the foreign state named name in the embedded tables, valid
// on on (any date when on is 0); see StateIn.
func State(name string, on codes.Date) (codes.State, error) { return StateIn(nil, name, on) }

// StateIn returns the state of t (codes.Default() when nil) that name
// designates, as codes.Tables.FindStates finds it (ANPR, Italian and English
// names and the common and former names of stati_esteri_alias.csv, whole,
// then as words, then as word prefixes; case, accents and punctuation
// ignored: "Cina", "RUSSIA", "COREA DEL SUD"), keeping rows with an ISTAT
// code (a register stores ISTAT codes) valid on on. No match gives an
// error wrapping ErrUnknownStateName (naming the successors when the name is
// a dissolved state's, "Jugoslavia"); matches with different ISTAT codes
// ("COREA") give an *AmbiguousStateError listing them.
func StateIn(t *codes.Tables, name string, on codes.Date) (codes.State, error) {
	if t == nil {
		t = codes.Default()
	}
	var found, dissolved []codes.State
	for _, s := range t.FindStates(name, on) {
		if s.Istat == "" {
			if s.Dissolved {
				dissolved = append(dissolved, s)
			}
			continue
		}
		if slices.ContainsFunc(found, func(f codes.State) bool { return f.Istat == s.Istat }) {
			continue // newest row first: keep it
		}
		found = append(found, s)
	}
	switch len(found) {
	case 0:
		if len(dissolved) > 0 {
			d := dissolved[0]
			return codes.State{}, fmt.Errorf("%w: %q is a dissolved state (%s): a register records one of its successors (%s)",
				ErrUnknownStateName, clip(name), d.Belfiore, strings.Join(successorNames(t, d), ", "))
		}
		return codes.State{}, fmt.Errorf("%w: %q", ErrUnknownStateName, clip(name))
	case 1:
		return found[0], nil
	}
	return codes.State{}, &AmbiguousStateError{Name: name, Candidates: found}
}

// successorNames lists the successors of a dissolved state as "250
// CROAZIA".
func successorNames(t *codes.Tables, d codes.State) []string {
	out := make([]string, 0, len(d.Successors))
	for _, istat := range d.Successors {
		if s, ok := t.StateByIstat(istat, 0); ok {
			out = append(out, istat+" "+s.Name)
		} else {
			out = append(out, istat)
		}
	}
	return out
}
