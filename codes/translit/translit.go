// Package translit writes personal names in the restricted alphabet of Italian
// registers, tax codes and ELI2 files: upper-case A–Z, space, apostrophe and
// hyphen. It applies one documented table (circolare 1/2008 of the Ministry of
// the Interior and ICAO 9303, see table.go) and refuses, with an error, what
// cannot be transliterated.
//
// Two renderings share the table:
//   - Passport (AppendPassport): the name as a passport's machine readable
//     zone writes it (ICAO 9303), never with an apostrophe for an accent
//     (José María → JOSE MARIA, NICOLO' → NICOLO). Use it for the names of
//     applicants and family members and for foreign birthplaces in an ELI2
//     file: the form wants the name as in the passport.
//   - Name (AppendName): the register's rendering of circolare 1/2008, where
//     a final accented vowel keeps its accent as an apostrophe (Nicolò →
//     NICOLO'). The codice fiscale (package cf) uses it for the letters only,
//     so both renderings give the same tax code.
//
// Names in non-Latin scripts (Cyrillic, Greek, Arabic, CJK…) are not
// romanised: callers must supply the Latin spelling printed on the passport
// (its machine readable zone), which is what Italian offices record.
package translit

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrUntransliterable is wrapped by every *Error: the input holds a character
// that has no place in a name written in the Latin alphabet (a letter of
// another script, a digit, a symbol, invalid UTF-8).
var ErrUntransliterable = errors.New("translit: character cannot be transliterated")

// Error reports the first character Name could not transliterate. Offset is
// the byte offset of the character in the input (in its NFC form when the
// input was not NFC-normalised). It wraps ErrUntransliterable.
type Error struct {
	Rune   rune // the character; utf8.RuneError for invalid UTF-8
	Offset int  // byte offset in the (NFC-normalised) input
}

// Error describes the character and its position; it never prints the whole name.
func (e *Error) Error() string {
	return fmt.Sprintf("translit: character %q (%U) at offset %d cannot be transliterated", e.Rune, e.Rune, e.Offset)
}

// Unwrap returns ErrUntransliterable.
func (e *Error) Unwrap() error { return ErrUntransliterable }

// MessageIT returns the message in Italian, for operators.
func (e *Error) MessageIT() string {
	return fmt.Sprintf("il carattere %q (%U) in posizione %d non è traslitterabile in caratteri latini: indicare il nome come scritto nel passaporto", e.Rune, e.Rune, e.Offset+1)
}

// MessageEN returns the message in English.
func (e *Error) MessageEN() string {
	return fmt.Sprintf("character %q (%U) at position %d cannot be transliterated to Latin letters: give the name as written in the passport", e.Rune, e.Rune, e.Offset+1)
}

// Name returns s written in upper case with only the letters A–Z, the space,
// the apostrophe and the hyphen:
//   - letters with diacritics lose them (Ọkọnkwọ → OKONKWO), except those of
//     the table in table.go, which become one or two letters (Müller →
//     MUELLER, Ørsted → OERSTED, Łukasz → LUKASZ);
//   - a vowel with a grave or acute accent that ends a word keeps the accent
//     as an apostrophe (Niccolò → NICCOLO', José → JOSE'); inside a word the
//     accent is dropped (Pèrsico → PERSICO);
//   - typographic apostrophes (’ ‘ ` ´) become ', dashes become -, runs of
//     white space become one space, and leading and trailing space is removed.
//
// Anything else (letters of other scripts, digits, punctuation, symbols,
// invalid UTF-8) is reported as an *Error wrapping ErrUntransliterable. The
// empty string, or only spaces, gives "" and no error.
//
// Name is idempotent: Name(Name(x)) == Name(x). Input already in the target
// form is returned without allocating.
func Name(s string) (string, error) {
	if isCanonical(s) {
		return s, nil
	}
	var stack [64]byte
	out, err := AppendName(stack[:0], s)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// AppendName appends Name(s) to dst and returns the extended buffer; on error
// dst is returned unchanged with the *Error. It lets hot paths (the tax code)
// transliterate without allocating.
func AppendName(dst []byte, s string) ([]byte, error) {
	if isCanonical(s) {
		return append(dst, s...), nil
	}
	return appendTranslit(dst, s, false)
}

// Passport returns s as a passport's machine readable zone writes a person's
// name (ICAO Doc 9303 part 3), in the alphabet of the ELI2 file: upper case
// A–Z, space, apostrophe, hyphen. It is the rendering for the names of
// applicants and family members and for foreign birthplaces (TIRANË →
// TIRANE). It differs from Name in one point only: an accent never becomes
// an apostrophe (José María → JOSE MARIA, Nicolò → NICOLO), and an
// apostrophe that ends a word after a vowel, the register's way of writing
// a final accent (NICOLO'), is dropped. Apostrophes inside a name
// (D'Angelo, O'Brien) and hyphens are kept, as the ELI2 alphabet allows.
// Otherwise the table is Name's: diacritics dropped, Ä/Ö/Ü → AE/OE/UE,
// ß → SS, Å → AA, Ø → OE, Æ → AE, Ñ → N; other scripts are an *Error.
//
// Passport is idempotent, and input already in its output form is returned
// without allocating. The codice fiscale keeps its own rules (package cf).
func Passport(s string) (string, error) {
	if isPassportCanonical(s) {
		return s, nil
	}
	var stack [64]byte
	out, err := AppendPassport(stack[:0], s)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// AppendPassport appends Passport(s) to dst and returns the extended
// buffer; on error dst is returned unchanged with the *Error.
func AppendPassport(dst []byte, s string) ([]byte, error) {
	if isPassportCanonical(s) {
		return append(dst, s...), nil
	}
	return appendTranslit(dst, s, true)
}

// appendTranslit is Name (passport false) or Passport (passport true).
func appendTranslit(dst []byte, s string, passport bool) ([]byte, error) {
	if !isASCII(s) && norm.NFC.QuickSpanString(s) != len(s) {
		s = norm.NFC.String(s)
	}
	start := len(dst)
	out := dst
	st := state{passport: passport}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return dst[:start], &Error{Rune: utf8.RuneError, Offset: i}
		}
		var ok bool
		if out, ok = st.rune(out, start, r, s[i:i+size]); !ok {
			return dst[:start], &Error{Rune: r, Offset: i}
		}
		i += size
	}
	return st.endWord(out), nil
}

// state is what Name remembers between characters.
type state struct {
	pendingSpace bool // a space is due before the next character
	accent       bool // the last letter was a vowel with a final-accent mark
	lastVowel    bool // the last output byte is a vowel coming from a letter

	passport  bool // Passport: no accent apostrophe
	aposDue   bool // Passport: an apostrophe read, written only if a letter follows in the word…
	aposVowel bool // …or if it did not follow a vowel
}

// rune appends the transliteration of r (whose encoding is enc) to out; it
// reports false if r is not allowed.
func (st *state) rune(out []byte, start int, r rune, enc string) ([]byte, bool) {
	switch {
	case r >= 'a' && r <= 'z':
		return st.letter(out, byte(r-'a'+'A')), true
	case r >= 'A' && r <= 'Z':
		return st.letter(out, byte(r)), true
	case r == ' ' || unicode.IsSpace(r):
		out = st.endWord(out)
		if len(out) > start {
			st.pendingSpace = true
		}
		return out, true
	case isApostrophe(r):
		st.accent = false // the apostrophe is already there
		if st.passport {
			if !st.aposDue {
				st.aposDue, st.aposVowel = true, st.lastVowel
			}
			st.lastVowel = false
			return out, true
		}
		return st.punct(out, '\''), true
	case isHyphen(r):
		return st.punct(st.endWord(out), '-'), true
	}
	if m := special(r); m != "" {
		return st.letters(out, m), true
	}
	if unicode.Is(unicode.Mn, r) { // a combining mark that did not compose
		st.mark(r)
		return out, true
	}
	return st.decomposed(out, enc)
}

// decomposed transliterates a character through its compatibility
// decomposition (NFKD: canonical decomposition, plus ligatures and width
// variants): its Latin letters are kept and its combining marks dropped.
func (st *state) decomposed(out []byte, enc string) ([]byte, bool) {
	d := norm.NFKD.PropertiesString(enc).Decomposition()
	if len(d) == 0 {
		return out, false // no decomposition: another script, a digit, a symbol
	}
	letters := 0
	for j := 0; j < len(d); {
		c, size := utf8.DecodeRune(d[j:])
		j += size
		switch {
		case c >= 'a' && c <= 'z':
			out = st.letter(out, byte(c-'a'+'A'))
		case c >= 'A' && c <= 'Z':
			out = st.letter(out, byte(c))
		case unicode.Is(unicode.Mn, c):
			if letters == 0 {
				return out, false
			}
			st.mark(c)
			continue
		default:
			m := special(c) // e.g. Ǿ = Ø + acute
			if m == "" {
				return out, false
			}
			out = st.letters(out, m)
		}
		letters++
	}
	return out, letters > 0
}

func (st *state) flushSpace(out []byte) []byte {
	if st.pendingSpace {
		out = append(out, ' ')
		st.pendingSpace = false
	}
	return out
}

func (st *state) letter(out []byte, c byte) []byte {
	if st.aposDue { // an apostrophe inside a word (D'ANGELO)
		out = append(st.flushSpace(out), '\'')
		st.aposDue = false
	}
	out = append(st.flushSpace(out), c)
	st.accent = false
	st.lastVowel = isVowel(c)
	return out
}

// letters appends a multi-letter transliteration, which never carries a
// final accent.
func (st *state) letters(out []byte, m string) []byte {
	for i := 0; i < len(m); i++ {
		out = st.letter(out, m[i])
	}
	if !st.passport {
		// Name: a final-accent apostrophe only after a vowel letter of
		// the source. Passport judges its own output (Æ' → AE, as AE' →
		// AE), so that it is idempotent.
		st.lastVowel = false
	}
	return out
}

func (st *state) punct(out []byte, c byte) []byte {
	out = st.endApos(out)
	out = append(st.flushSpace(out), c)
	st.lastVowel = false
	return out
}

// mark records a combining mark following the last letter.
func (st *state) mark(m rune) {
	if !st.passport && st.lastVowel && isFinalAccent(m) {
		st.accent = true
	}
}

// endWord writes the apostrophe of a final accented vowel (Name), or ends a
// pending apostrophe (Passport).
func (st *state) endWord(out []byte) []byte {
	out = st.endApos(out)
	if st.accent {
		out = append(out, '\'')
		st.accent = false
		st.lastVowel = false
	}
	return out
}

// endApos settles an apostrophe that ends a word in Passport mode: after a
// vowel it writes a final accent (NICOLO') and is dropped; after a
// consonant it is kept.
func (st *state) endApos(out []byte) []byte {
	if st.aposDue {
		if !st.aposVowel {
			out = append(st.flushSpace(out), '\'')
		}
		st.aposDue = false
	}
	return out
}

// isPassportCanonical reports whether s is already in the output form of
// Passport: Name's form with no apostrophe ending a word after a vowel.
func isPassportCanonical(s string) bool {
	if !isCanonical(s) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] == '\'' && isVowel(s[i-1]) && (i == len(s)-1 || s[i+1] == ' ' || s[i+1] == '-') {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isCanonical reports whether s is already in the output form of Name.
func isCanonical(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c == '\'', c == '-':
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Letters returns only the letters of s, in upper case: spaces, apostrophes,
// hyphens and every other character are removed. It is meant for the output
// of Name (the tax code is computed on the letters of a name); a string that
// already holds only A–Z is returned without allocating.
func Letters(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			sb.WriteByte(c)
		case c >= 'a' && c <= 'z':
			sb.WriteByte(c - 'a' + 'A')
		}
	}
	return sb.String()
}
