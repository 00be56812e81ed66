package cf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/retecomuni/eli2sdk/codes"
)

// PersonData is what a register knows of a person, to be compared with a
// codice fiscale by Check. Zero fields are unknown and not compared, so a
// partial birth date (year only, year and month) compares only its parts.
type PersonData struct {
	Surname, Name string
	Sex           byte // 'M', 'F' or 0
	BirthYear     int  // 0 = unknown
	BirthMonth    int  // 1–12, 0 = unknown
	BirthDay      int  // 1–31, 0 = unknown
	// BirthComune is the Belfiore code of a birth comune; BirthState the
	// ISTAT 3-digit code of a foreign birth state, as registers hold it. At
	// most one is set.
	BirthComune string
	BirthState  string
}

// SetBirth sets the three birth fields from a full date.
func (p *PersonData) SetBirth(d codes.Date) {
	p.BirthYear, p.BirthMonth, p.BirthDay = d.Year(), d.Month(), d.Day()
}

// Mismatch is one disagreement between a code and person data. Expected is
// what the data imply, Actual what the code holds, both as readable text;
// String masks them.
type Mismatch struct {
	Field    string // FieldCognome, FieldNome, FieldSesso, FieldDataNascita, FieldLuogoNascita
	Expected string // from the person data (e.g. "RSS", "1985-12-10", "250")
	Actual   string // from the code (e.g. "RSI", "1985-12-11", "Z118")
}

// String describes the mismatch in Italian with both values masked (first
// character only).
func (m Mismatch) String() string {
	return fieldIT[m.Field] + ": dai dati " + mask(m.Expected) + ", nel codice " + mask(m.Actual)
}

func mask(s string) string {
	if s == "" {
		return "?"
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[:n] + strings.Repeat("*", utf8.RuneCountInString(s[n:]))
}

// Check compares the personal code c with the data p and returns every
// disagreement (nil when consistent). Only known fields are compared:
//   - surname and name through the letters Compute would write (a name that
//     cannot be transliterated is not compared: the register must fix it);
//   - sex; the birth date's known parts (the year by its last two digits);
//   - the birthplace: a comune by Belfiore code; a state by ISTAT code, where
//     a dissolved state's Z code (Z118 Jugoslavia) agrees with any of its
//     successors (250 Croazia) — t (codes.Default() when nil) resolves it;
//     a Z code no table holds is not compared with a state that has no Z
//     code in the tables (the data cannot tell them apart).
//
// Omocodic codes are compared through their Base. A provisional code holds
// no data and gives no mismatch.
func Check(c Code, p PersonData, t *codes.Tables) []Mismatch {
	if c.Len() != 16 {
		return nil
	}
	if t == nil {
		t = codes.Default()
	}
	var out []Mismatch
	var part [3]byte
	if p.Surname != "" && encodeName(part[:], p.Surname, false) == nil && string(part[:]) != c.SurnamePart() {
		out = append(out, Mismatch{FieldCognome, string(part[:]), c.SurnamePart()})
	}
	if p.Name != "" && encodeName(part[:], p.Name, true) == nil && string(part[:]) != c.NamePart() {
		out = append(out, Mismatch{FieldNome, string(part[:]), c.NamePart()})
	}
	if sx := p.Sex &^ 0x20; (sx == 'M' || sx == 'F') && sx != c.Sex() {
		out = append(out, Mismatch{FieldSesso, string(rune(sx)), string(rune(c.Sex()))})
	}
	yy, month, day := c.yy(), monthOf(c.b[8]), c.rawDay()
	if day > 40 {
		day -= 40
	}
	if (p.BirthYear > 0 && p.BirthYear%100 != yy) || (p.BirthMonth > 0 && p.BirthMonth != month) || (p.BirthDay > 0 && p.BirthDay != day) {
		out = append(out, Mismatch{FieldDataNascita, partialDate(p.BirthYear, p.BirthMonth, p.BirthDay), codeDate(p.BirthYear, yy, month, day)})
	}
	place := c.PlacePart()
	switch {
	case p.BirthComune != "":
		if !strings.EqualFold(strings.TrimSpace(p.BirthComune), place) {
			out = append(out, Mismatch{FieldLuogoNascita, strings.ToUpper(strings.TrimSpace(p.BirthComune)), place})
		}
	case p.BirthState != "":
		if !stateAgrees(t, place, strings.TrimSpace(p.BirthState)) {
			out = append(out, Mismatch{FieldLuogoNascita, p.BirthState, place})
		}
	}
	return out
}

// stateAgrees reports whether the Z code z is consistent with the ISTAT
// state code istat.
func stateAgrees(t *codes.Tables, z, istat string) bool {
	if z[0] != 'Z' {
		return false
	}
	known, err := t.StateByBelfiore(z)
	if err == nil && (known.Istat == istat || known.HasSuccessor(istat)) {
		return true
	}
	st, ok := t.StateByIstat(istat, 0)
	// A Z code no table holds, against a state the tables give no Z code
	// (about 30 ANPR territories): nothing to compare, not a mismatch.
	return ok && (st.Belfiore == z || (err != nil && st.Belfiore == ""))
}

func partialDate(y, m, d int) string {
	var b []byte
	if y > 0 {
		b = appendPad(b, y, 4)
	} else {
		b = append(b, "????"...)
	}
	if m > 0 {
		b = appendPad(append(b, '-'), m, 2)
		if d > 0 {
			b = appendPad(append(b, '-'), d, 2)
		}
	} else if d > 0 {
		b = appendPad(append(b, "-??-"...), d, 2)
	}
	return string(b)
}

func codeDate(dataYear, yy, m, d int) string {
	var b []byte
	if dataYear > 0 {
		b = appendPad(b, dataYear-dataYear%100+yy, 4)
	} else {
		b = appendPad(append(b, "??"...), yy, 2)
	}
	b = appendPad(append(b, '-'), m, 2)
	b = appendPad(append(b, '-'), d, 2)
	return string(b)
}

func appendPad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
