// Package translit writes personal names in the restricted alphabet of Italian
// registers, tax codes and ELI2 files: upper-case A–Z, space, apostrophe and
// hyphen. It applies one documented table (circolare 1/2008 of the Ministry of
// the Interior and ICAO 9303, see table.go) and refuses, with an error, what
// cannot be transliterated.
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
	if !isASCII(s) && norm.NFC.QuickSpanString(s) != len(s) {
		s = norm.NFC.String(s)
	}
	start := len(dst)
	out := dst
	var st state
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
	out = append(st.flushSpace(out), c)
	st.accent = false
	st.lastVowel = c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'
	return out
}

// letters appends a multi-letter transliteration, which never carries a
// final accent.
func (st *state) letters(out []byte, m string) []byte {
	for i := 0; i < len(m); i++ {
		out = st.letter(out, m[i])
	}
	st.lastVowel = false
	return out
}

func (st *state) punct(out []byte, c byte) []byte {
	out = append(st.flushSpace(out), c)
	st.lastVowel = false
	return out
}

// mark records a combining mark following the last letter.
func (st *state) mark(m rune) {
	if st.lastVowel && isFinalAccent(m) {
		st.accent = true
	}
}

// endWord writes the apostrophe of a final accented vowel.
func (st *state) endWord(out []byte) []byte {
	if st.accent {
		out = append(out, '\'')
		st.accent = false
		st.lastVowel = false
	}
	return out
}

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
