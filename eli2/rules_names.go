package eli2

import (
	"errors"
	"fmt"

	"github.com/retecomuni/eli2sdk/codes/translit"
)

// NameError reports a name that Normalize could not transliterate. Path is
// the field in the record model (Familiari[0].Nome); Err wraps
// translit.ErrUntransliterable and tells the character, never the name.
type NameError struct {
	Path string
	Err  error
}

// Error names the field and the offending character.
func (e *NameError) Error() string {
	var te *translit.Error
	if errors.As(e.Err, &te) {
		return fmt.Sprintf("eli2: %s: character %q (%U) cannot be transliterated", e.Path, te.Rune, te.Rune)
	}
	return "eli2: " + e.Path + ": " + e.Err.Error()
}

// Unwrap returns the transliteration error.
func (e *NameError) Unwrap() error { return e.Err }

// Normalize writes every name of p (Cognome and Nome of the applicant, of
// each family member and of the parent or guardian) in the alphabet of the
// file with translit.Name: upper case A–Z, space, apostrophe, hyphen
// (Müller → MUELLER). It changes every name it can and returns the first
// failure as a *NameError naming the field; that name is left unchanged.
func Normalize(p *Pratica) error {
	if p == nil {
		return nil
	}
	var first error
	norm := func(path string, s *string) {
		n, err := translit.Name(*s)
		if err != nil {
			if first == nil {
				first = &NameError{Path: path, Err: err}
			}
			return
		}
		*s = n
	}
	norm("Richiedente.Cognome", &p.Richiedente.Cognome)
	norm("Richiedente.Nome", &p.Richiedente.Nome)
	for i := range p.Familiari {
		prefix := index("Familiari", i)
		norm(prefix+".Cognome", &p.Familiari[i].Cognome)
		norm(prefix+".Nome", &p.Familiari[i].Nome)
	}
	if g := p.GenitoreTutore; g != nil {
		norm("GenitoreTutore.Cognome", &g.Cognome)
		norm("GenitoreTutore.Nome", &g.Nome)
	}
	return first
}
