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
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	start := len(dst)
	b := transliterator{out: dst}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return dst[:start], &Error{Rune: utf8.RuneError, Offset: i}
		}
		if !b.rune(r, start) {
			return dst[:start], &Error{Rune: r, Offset: i}
		}
		i += size
	}
	b.endWord()
	return b.out, nil
}

// transliterator accumulates the output of Name.
type transliterator struct {
	out          []byte
	pendingSpace bool // a space is due before the next character
	accent       bool // the last letter was a vowel with a final-accent mark
	lastVowel    bool // the last output byte is a vowel coming from a letter
}

// rune handles one input character; it reports false if r is not allowed.
func (t *transliterator) rune(r rune, start int) bool {
	switch {
	case r >= 'a' && r <= 'z':
		t.letter(byte(r - 'a' + 'A'))
	case r >= 'A' && r <= 'Z':
		t.letter(byte(r))
	case r == ' ' || unicode.IsSpace(r):
		t.endWord()
		if len(t.out) > start {
			t.pendingSpace = true
		}
	case apostrophes[r]:
		t.accent = false // the apostrophe is already there
		t.punct('\'')
	case hyphens[r]:
		t.endWord()
		t.punct('-')
	default:
		if m, ok := special[r]; ok {
			for i := 0; i < len(m); i++ {
				t.letter(m[i])
			}
			t.lastVowel = false
			return true
		}
		if unicode.Is(unicode.Mn, r) { // a combining mark that did not compose
			t.mark(r)
			return true
		}
		return t.decomposed(r)
	}
	return true
}

// decomposed transliterates r through its compatibility decomposition.
func (t *transliterator) decomposed(r rune) bool {
	var src [utf8.UTFMax]byte
	var dst [32]byte
	n := utf8.EncodeRune(src[:], r)
	d := norm.NFKD.Append(dst[:0], src[:n]...)
	if len(d) == n && string(d) == string(src[:n]) {
		return false // no decomposition: another script, a digit, a symbol
	}
	letters := 0
	for j := 0; j < len(d); {
		c, size := utf8.DecodeRune(d[j:])
		j += size
		switch {
		case c >= 'a' && c <= 'z':
			t.letter(byte(c - 'a' + 'A'))
			letters++
		case c >= 'A' && c <= 'Z':
			t.letter(byte(c))
			letters++
		case unicode.Is(unicode.Mn, c):
			if letters == 0 {
				return false
			}
			t.mark(c)
		default:
			if m, ok := special[c]; ok { // e.g. Ǿ = Ø + acute
				for i := 0; i < len(m); i++ {
					t.letter(m[i])
				}
				t.lastVowel = false
				letters++
				continue
			}
			return false
		}
	}
	return letters > 0
}

func (t *transliterator) flushSpace() {
	if t.pendingSpace {
		t.out = append(t.out, ' ')
		t.pendingSpace = false
	}
}

func (t *transliterator) letter(c byte) {
	t.flushSpace()
	t.accent = false
	t.out = append(t.out, c)
	t.lastVowel = c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'
}

func (t *transliterator) punct(c byte) {
	t.flushSpace()
	t.out = append(t.out, c)
	t.lastVowel = false
}

// mark records a combining mark following the last letter.
func (t *transliterator) mark(m rune) {
	if t.lastVowel && finalAccents[m] {
		t.accent = true
	}
}

// endWord writes the apostrophe of a final accented vowel.
func (t *transliterator) endWord() {
	if t.accent {
		t.out = append(t.out, '\'')
		t.accent = false
		t.lastVowel = false
	}
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
