// Package cf parses, validates, computes and decodes the Italian codice
// fiscale (tax code) of persons, omocodic variants and 11-digit provisional
// codes included. Decoding and consistency checks resolve the birthplace as
// of the birth date through the code tables of package codes.
//
// The package allocates nothing to parse, validate or decode a code; errors
// and String forms of values never print a whole code unless asked
// (Code.String, Code.MarshalText).
package cf

import (
	"log/slog"
	"sync"
)

// Code is a syntactically valid codice fiscale: either the 16-character code
// of a person (possibly omocodic) or an 11-digit numeric provisional code.
// It is a small comparable value; the zero Code is "no code". Obtain one with
// Parse or Compute.
type Code struct {
	b [16]byte // upper-case characters; b[11:] are 0 for a provisional code
}

// Parse reads a codice fiscale: surrounding white space is removed and
// letters are upper-cased. A 16-character code must have the structure of a
// personal code (with any of the 128 omocodic patterns), a valid month letter
// and day, and the right check character; an 11-digit code is a provisional
// code and must have the right check digit. Errors are *Error wrapping
// ErrLength, ErrCharacter, ErrMonth, ErrDay or ErrCheckChar, with the
// 1-based position; they never hold the code. Parse does not allocate when
// the code is valid.
func Parse(s string) (Code, error) {
	s = trimSpace(s)
	var c Code
	switch len(s) {
	case 16:
		for i := 0; i < 16; i++ {
			ch := s[i]
			if ch >= 'a' && ch <= 'z' {
				ch -= 'a' - 'A'
			}
			c.b[i] = ch
		}
		if err := c.checkPersonal(); err != nil {
			return Code{}, err
		}
	case 11:
		for i := 0; i < 11; i++ {
			ch := s[i]
			if ch < '0' || ch > '9' {
				return Code{}, &Error{Pos: i + 1, Err: ErrCharacter}
			}
			c.b[i] = ch
		}
		if provisionalCheckDigit(c.b[:10]) != c.b[10] {
			return Code{}, &Error{Pos: 11, Err: ErrCheckChar}
		}
	default:
		return Code{}, &Error{Err: ErrLength}
	}
	return c, nil
}

// MustParse is Parse for codes known to be valid (tests, constants); it
// panics on error.
func MustParse(s string) Code {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// Validate reports whether s is a valid codice fiscale; the error is the one
// of Parse.
func Validate(s string) error {
	_, err := Parse(s)
	return err
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// monthLetters are the letters of the months January…December.
const monthLetters = "ABCDEHLMPRST"

// monthOf returns the month (1–12) of a month letter, or 0.
func monthOf(ch byte) int { return int(monthValue[ch]) }

var monthValue = func() (t [256]int8) {
	for i := 0; i < len(monthLetters); i++ {
		t[monthLetters[i]] = int8(i + 1)
	}
	return t
}()

func isLetter(ch byte) bool { return ch >= 'A' && ch <= 'Z' }
func isDigit(ch byte) bool  { return ch >= '0' && ch <= '9' }

// checkPersonal checks the structure and the check character of a 16-byte code.
func (c *Code) checkPersonal() error {
	b := &c.b
	for i := 0; i < 16; i++ {
		ch := b[i]
		switch i {
		case 6, 7, 9, 10, 12, 13, 14: // digits, or omocodic letters
			if omoValue[ch] < 0 {
				return &Error{Pos: i + 1, Err: ErrCharacter}
			}
		default:
			if !isLetter(ch) {
				return &Error{Pos: i + 1, Err: ErrCharacter}
			}
		}
	}
	m := monthOf(b[8])
	if m == 0 {
		return &Error{Pos: 9, Err: ErrMonth}
	}
	d := c.rawDay()
	if d > 40 {
		d -= 40
	}
	maxDay := daysIn[m-1]
	if m == 2 && c.yy()%4 == 0 {
		maxDay = 29 // 00 may be 2000 (leap) or 1900: Decode settles it
	}
	if d < 1 || d > maxDay {
		return &Error{Pos: 10, Err: ErrDay}
	}
	if checkChar(b[:15]) != b[15] {
		return &Error{Pos: 16, Err: ErrCheckChar}
	}
	return nil
}

var daysIn = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// digitAt returns the value of the digit (or omocodic letter) at index i.
func (c *Code) digitAt(i int) int { return int(omoValue[c.b[i]]) }

func (c *Code) yy() int     { return c.digitAt(6)*10 + c.digitAt(7) }
func (c *Code) rawDay() int { return c.digitAt(9)*10 + c.digitAt(10) }

// String returns the whole code. Use Masked for logs and messages.
func (c Code) String() string {
	return string(c.b[:c.Len()])
}

// Len returns 16 for a personal code, 11 for a provisional code, 0 for the
// zero Code.
func (c Code) Len() int {
	switch {
	case c.b[0] == 0:
		return 0
	case c.b[11] == 0:
		return 11
	}
	return 16
}

// AppendTo appends the whole code to dst.
func (c Code) AppendTo(dst []byte) []byte { return append(dst, c.b[:c.Len()]...) }

// Masked returns the code with its middle hidden ("RSSMRA*********S";
// "123*******5" for a provisional code), for logs and messages.
func (c Code) Masked() string {
	n := c.Len()
	if n == 0 {
		return ""
	}
	var buf [16]byte
	keep := 6
	if n == 11 {
		keep = 3
	}
	copy(buf[:], c.b[:n])
	for i := keep; i < n-1; i++ {
		buf[i] = '*'
	}
	return string(buf[:n])
}

// LogValue makes log/slog print the masked code.
func (c Code) LogValue() slog.Value { return slog.StringValue(c.Masked()) }

// MarshalText implements encoding.TextMarshaler with the whole code.
func (c Code) MarshalText() ([]byte, error) { return c.AppendTo(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler through Parse.
func (c *Code) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// IsZero reports whether c is the zero Code.
func (c Code) IsZero() bool { return c.b[0] == 0 }

// IsProvisional reports whether c is an 11-digit provisional code.
func (c Code) IsProvisional() bool { return c.b[0] != 0 && c.b[11] == 0 }

// SurnamePart returns the three letters encoding the surname ("" for a
// provisional code).
func (c Code) SurnamePart() string { return c.part(0, 3) }

// NamePart returns the three letters encoding the name.
func (c Code) NamePart() string { return c.part(3, 6) }

// PlacePart returns the Belfiore code of the birthplace (a comune's cadastral
// code or a foreign state's Z code) with omocodic letters turned back into
// digits: "A562", "Z118". It does not allocate.
func (c Code) PlacePart() string {
	if c.Len() != 16 {
		return ""
	}
	return belfiore(c.b[11], c.digitAt(12)*100+c.digitAt(13)*10+c.digitAt(14))
}

// Sex returns 'M' or 'F' (0 for a provisional code).
func (c Code) Sex() byte {
	if c.Len() != 16 {
		return 0
	}
	if c.rawDay() > 40 {
		return 'F'
	}
	return 'M'
}

func (c Code) part(from, to int) string {
	if c.Len() != 16 {
		return ""
	}
	return letters3(c.b[from], c.b[from+1], c.b[from+2])
}

// interned holds every string the decoders return, so that they allocate
// nothing: "A000"…"Z999" (Belfiore codes), then "AAA"…"ZZZ" (name parts).
var interned = sync.OnceValue(func() string {
	buf := make([]byte, 0, 26*1000*4+26*26*26*3)
	for l := byte('A'); l <= 'Z'; l++ {
		for n := 0; n < 1000; n++ {
			buf = append(buf, l, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
		}
	}
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			for c := byte('A'); c <= 'Z'; c++ {
				buf = append(buf, a, b, c)
			}
		}
	}
	return string(buf)
})

func belfiore(letter byte, n int) string {
	i := (int(letter-'A')*1000 + n) * 4
	return interned()[i : i+4]
}

func letters3(a, b, c byte) string {
	i := 26*1000*4 + (int(a-'A')*676+int(b-'A')*26+int(c-'A'))*3
	return interned()[i : i+3]
}
