package vendormap

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

// ErrNoSpecie is wrapped by errors for a street line that starts with no
// specie of ANPR's specie_toponimo table (nor a given abbreviation).
var ErrNoSpecie = errors.New("vendormap: street line starts with no known specie")

// Toponym is a street line split as ANPR records it.
type Toponym struct {
	SpecieID string // ANPR specie_toponimo ID (213)
	Specie   string // ANPR description, as the table writes it (VIA, LOCALITA')
	Name     string // denominazione, as written (runs of spaces collapsed)
}

// StreetSplitter splits street lines with one ANPR specie_toponimo table
// and an optional list of abbreviations. It is safe for concurrent use.
type StreetSplitter struct {
	species map[string]codes.Entry // normalized description or abbreviation → entry
	longest int                    // words in the longest key
}

// NewStreetSplitter builds a splitter from the specie_toponimo table of t
// (codes.Default() when nil). abbrev maps abbreviations the vendor's data
// uses ("P.ZZA", "V.LE") to descriptions of the table ("PIAZZA",
// "VIALE"); the package ships no abbreviation list of its own, because
// ANPR publishes none. An abbreviation expanding to a description the table
// lacks is an error naming it.
func NewStreetSplitter(t *codes.Tables, abbrev map[string]string) (*StreetSplitter, error) {
	if t == nil {
		t = codes.Default()
	}
	s := &StreetSplitter{species: map[string]codes.Entry{}}
	add := func(key string, e codes.Entry) {
		k := codes.NormalizeName(key)
		s.species[k] = e
		if n := len(strings.Fields(k)); n > s.longest {
			s.longest = n
		}
	}
	for _, e := range t.Entries(codes.SpecieToponimo) {
		if e.ID == "998" { // ALTRO: not a word that starts a street line
			continue
		}
		add(e.Description, e)
	}
	for short, long := range abbrev {
		e, ok := s.species[codes.NormalizeName(long)]
		if !ok {
			return nil, fmt.Errorf("vendormap: abbreviation %q expands to %q, not in specie_toponimo", short, long)
		}
		add(short, e)
	}
	return s, nil
}

var defaultStreets = func() *StreetSplitter {
	s, err := NewStreetSplitter(nil, nil)
	if err != nil {
		panic(err) // no abbreviations: cannot fail
	}
	return s
}()

// SplitStreet splits line with the embedded specie_toponimo table and no
// abbreviations; see StreetSplitter.Split.
func SplitStreet(line string) (Toponym, error) { return defaultStreets.Split(line) }

// Split splits a street line into specie and denominazione: "VIA ROMA"
// gives VIA + ROMA, "Via dei Servi" VIA + "dei Servi", "Località Pian di
// Mugnone" LOCALITA' + "Pian di Mugnone". The specie is the longest one of
// the table (or of the abbreviations) the line starts with that still
// leaves a denominazione: "VIA NUOVA MARINA" gives VIA NUOVA + MARINA, while
// "VIA NUOVA" alone gives VIA + NUOVA. A line that is only a specie ("CASE
// SPARSE") gives that specie and an empty name. Words are compared ignoring
// case, accents and apostrophes. A line starting with no specie gives an
// error wrapping ErrNoSpecie and a Toponym holding the whole line as Name.
func (s *StreetSplitter) Split(line string) (Toponym, error) {
	words := strings.Fields(line)
	if len(words) == 0 {
		return Toponym{}, nil
	}
	alone := -1
	for n := min(s.longest, len(words)); n >= 1; n-- {
		e, ok := s.species[codes.NormalizeName(strings.Join(words[:n], " "))]
		if !ok {
			continue
		}
		if n < len(words) {
			return Toponym{SpecieID: e.ID, Specie: e.Description, Name: strings.Join(words[n:], " ")}, nil
		}
		alone = n
	}
	if alone > 0 {
		e := s.species[codes.NormalizeName(strings.Join(words, " "))]
		return Toponym{SpecieID: e.ID, Specie: e.Description}, nil
	}
	return Toponym{Name: strings.Join(words, " ")}, fmt.Errorf("%w (first word of %d)", ErrNoSpecie, len(words))
}
