package cf

import (
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/translit"
)

// Person holds what Compute needs to compute a codice fiscale.
type Person struct {
	Surname string     // as on the passport; transliterated with translit.Name
	Name    string     // given names, all of them, as on the passport
	Sex     byte       // 'M' or 'F'
	Birth   codes.Date // full birth date
	// PlaceCode is the Belfiore code of the birthplace: the cadastral code of
	// an Italian comune ("A562") or the Z code of a foreign state ("Z110").
	// Use ResolvePlace to find it from a name as of the birth date. A birth
	// in a state that ANPR now records under a successor is coded with the
	// code given here, unchanged.
	PlaceCode string
}

// Compute returns the (non-omocodic) codice fiscale of p:
//   - surname: its consonants, then its vowels, then X, three letters;
//   - name: the 1st, 3rd and 4th consonant when it has four or more,
//     otherwise like the surname;
//   - the last two digits of the birth year, the month letter (A B C D E H L
//     M P R S T), the day, plus 40 for women;
//   - the Belfiore code of the birthplace and the check character.
//
// Surname and name first go through translit.Name (Müller counts as MUELLER)
// and only their letters count. Errors are *Error with the Field of the
// offending datum, wrapping ErrName (and the translit error), ErrSex,
// ErrBirthDate or ErrPlaceCode. Compute does not check that the place exists
// (see ResolvePlace and Decode).
func Compute(p Person) (Code, error) {
	var c Code
	if err := encodeName(c.b[0:3], p.Surname, false); err != nil {
		return Code{}, &Error{Field: FieldCognome, Err: ErrName, Cause: err}
	}
	if err := encodeName(c.b[3:6], p.Name, true); err != nil {
		return Code{}, &Error{Field: FieldNome, Err: ErrName, Cause: err}
	}
	var plus int
	switch p.Sex {
	case 'M', 'm':
	case 'F', 'f':
		plus = 40
	default:
		return Code{}, &Error{Field: FieldSesso, Err: ErrSex}
	}
	if !p.Birth.Valid() {
		return Code{}, &Error{Field: FieldDataNascita, Err: ErrBirthDate}
	}
	y, d := p.Birth.Year()%100, p.Birth.Day()+plus
	c.b[6], c.b[7] = byte('0'+y/10), byte('0'+y%10)
	c.b[8] = monthLetters[p.Birth.Month()-1]
	c.b[9], c.b[10] = byte('0'+d/10), byte('0'+d%10)
	pc := trimSpace(p.PlaceCode)
	if len(pc) != 4 {
		return Code{}, &Error{Field: FieldLuogoNascita, Err: ErrPlaceCode}
	}
	l := pc[0]
	if l >= 'a' && l <= 'z' {
		l -= 'a' - 'A'
	}
	if !isLetter(l) || !isDigit(pc[1]) || !isDigit(pc[2]) || !isDigit(pc[3]) {
		return Code{}, &Error{Field: FieldLuogoNascita, Err: ErrPlaceCode}
	}
	c.b[11], c.b[12], c.b[13], c.b[14] = l, pc[1], pc[2], pc[3]
	c.b[15] = checkChar(c.b[:15])
	return c, nil
}

// errNoLetters is the cause of ErrName when a name has no letters.
type noLettersError struct{}

func (noLettersError) Error() string     { return "no letters" }
func (noLettersError) MessageIT() string { return "nessuna lettera" }
func (noLettersError) MessageEN() string { return "no letters" }

// encodeName writes the three letters of a surname (isName false) or a name
// into dst.
func encodeName(dst []byte, s string, isName bool) error {
	var buf [96]byte
	t, err := translit.AppendName(buf[:0], s)
	if err != nil {
		return err
	}
	var cons, vows [96]byte
	nc, nv := 0, 0
	for _, ch := range t {
		switch ch {
		case 'A', 'E', 'I', 'O', 'U':
			if nv < len(vows) {
				vows[nv] = ch
				nv++
			}
		default:
			if isLetter(ch) && nc < len(cons) {
				cons[nc] = ch
				nc++
			}
		}
	}
	if nc+nv == 0 {
		return noLettersError{}
	}
	if isName && nc >= 4 {
		dst[0], dst[1], dst[2] = cons[0], cons[2], cons[3]
		return nil
	}
	k := 0
	for i := 0; i < nc && k < 3; i++ {
		dst[k] = cons[i]
		k++
	}
	for i := 0; i < nv && k < 3; i++ {
		dst[k] = vows[i]
		k++
	}
	for ; k < 3; k++ {
		dst[k] = 'X'
	}
	return nil
}
