package eli2

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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

// Normalize writes every name of p as the passport's machine-readable zone
// would (translit.Passport, ICAO 9303): Cognome and Nome of the applicant,
// of each family member and of the parent or guardian, upper case A–Z,
// space, apostrophe, hyphen, diacritics dropped (Müller → MUELLER, José
// María → JOSE MARIA, Nicolò → NICOLO), never an apostrophe for an accent.
// Foreign birthplaces (LuogoNascita.Localita) are transliterated the same
// way (TIRANË → TIRANE); digits and punctuation of a locality are kept, as
// Localita is free text. The codice fiscale keeps its own rules (package
// cf). Normalize changes every field it can and returns the first failure as
// a *NameError naming the field; that field is left unchanged.
func Normalize(p *Pratica) error {
	if p == nil {
		return nil
	}
	var first error
	norm := func(path string, s *string, fn func(string) (string, error)) {
		n, err := fn(*s)
		if err != nil {
			if first == nil {
				first = &NameError{Path: path, Err: err}
			}
			return
		}
		*s = n
	}
	norm("Richiedente.Cognome", &p.Richiedente.Cognome, translit.Passport)
	norm("Richiedente.Nome", &p.Richiedente.Nome, translit.Passport)
	norm("Richiedente.LuogoNascita.Localita", &p.Richiedente.LuogoNascita.Localita, passportPlace)
	for i := range p.Familiari {
		prefix := index("Familiari", i)
		f := &p.Familiari[i]
		norm(prefix+".Cognome", &f.Cognome, translit.Passport)
		norm(prefix+".Nome", &f.Nome, translit.Passport)
		norm(prefix+".LuogoNascita.Localita", &f.LuogoNascita.Localita, passportPlace)
	}
	if g := p.GenitoreTutore; g != nil {
		norm("GenitoreTutore.Cognome", &g.Cognome, translit.Passport)
		norm("GenitoreTutore.Nome", &g.Nome, translit.Passport)
	}
	return first
}

// passportPlace transliterates a locality with translit.Passport, keeping
// digits, punctuation and symbols as written ("Saint-Denis (Réunion)" →
// "SAINT-DENIS (REUNION)"): only letters are transliterated, and a letter of
// another script is an error as in a name.
func passportPlace(s string) (string, error) {
	// Invalid UTF-8 is Passport's error: kept "in place" its bytes could
	// join into a character of their own.
	if out, err := translit.Passport(s); err == nil || !utf8.ValidString(s) || !strings.ContainsFunc(s, keptInPlace) {
		return out, err
	}
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexFunc(s, keptInPlace)
		if i < 0 {
			i = len(s)
		}
		seg := s[:i]
		if seg != "" && strings.TrimSpace(seg) == "" {
			b.WriteByte(' ')
		} else if seg != "" {
			out, err := translit.Passport(seg)
			if err != nil {
				return "", err
			}
			if b.Len() > 0 && seg[0] == ' ' {
				b.WriteByte(' ')
			}
			b.WriteString(out)
			if seg[len(seg)-1] == ' ' {
				b.WriteByte(' ')
			}
		}
		j := strings.IndexFunc(s[i:], func(r rune) bool { return !keptInPlace(r) })
		if j < 0 {
			j = len(s) - i
		}
		b.WriteString(s[i : i+j])
		s = s[i+j:]
	}
	return strings.TrimSpace(b.String()), nil
}

// keptInPlace reports the characters of a locality that Passport does not
// take and that are kept as written: digits, punctuation other than
// apostrophes and hyphens, symbols.
func keptInPlace(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', '-', '‐', '‑', '–', '—', utf8.RuneError:
		return false // U+FFFD is a lost letter, not a symbol to keep
	}
	return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// passportNames reports (warning name_accent_apostrophe) the names of the
// applicant, family members and guardian that are in the file's alphabet
// but differ from their passport rendering: an apostrophe ending a word
// after a vowel, the register's way of writing a final accent (JOSE'),
// which the passport never writes. It may be a real elision (DE'), so the
// desk checks it on the passport. Names outside the alphabet are the nome
// tag's (name_charset, name_untransliterable).
func (c *checker) passportNames(p *Pratica) {
	c.passportName("Richiedente", "Cognome", p.Richiedente.Cognome)
	c.passportName("Richiedente", "Nome", p.Richiedente.Nome)
	for i := range p.Familiari {
		// Paths are built only for a name with an apostrophe.
		if f := &p.Familiari[i]; strings.Contains(f.Cognome, "'") || strings.Contains(f.Nome, "'") {
			c.passportName(index("Familiari", i), "Cognome", f.Cognome)
			c.passportName(index("Familiari", i), "Nome", f.Nome)
		}
	}
	if g := p.GenitoreTutore; g != nil {
		c.passportName("GenitoreTutore", "Cognome", g.Cognome)
		c.passportName("GenitoreTutore", "Nome", g.Nome)
	}
}

// passportName reports name_accent_apostrophe on section.field when s, in
// the file's alphabet, is not its passport rendering.
func (c *checker) passportName(section, field, s string) {
	if !strings.Contains(s, "'") {
		return
	}
	if n, err := translit.Name(s); err != nil || n != s {
		return
	}
	if pp, err := translit.Passport(s); err == nil && pp != s {
		c.add(section+"."+field, CodeNameAccentApostrophe, "field", field, "suggestion", c.name(pp))
	}
}
