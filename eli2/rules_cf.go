package eli2

import (
	"errors"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes/cf"
)

// cfShape reports why s is not a codice fiscale (the cf tag failed): wrong
// length, a character not allowed at its position, a wrong check character,
// or another defect (month letter, day) as cf_format.
func (c *checker) cfShape(path, s string) {
	_, err := cf.Parse(s)
	if err == nil {
		return
	}
	shown := c.cf(s)
	switch cf.ErrorCode(err) {
	case CodeCFLength:
		c.add(path, CodeCFLength, "value", shown)
	case CodeCFChecksum:
		c.add(path, CodeCFChecksum, "value", shown)
	case CodeCFCharacter:
		pos := "?"
		var e *cf.Error
		if errors.As(err, &e) && e.Pos > 0 {
			pos = strconv.Itoa(e.Pos)
		}
		c.add(path, CodeCFCharacter, "value", shown, "position", pos)
	default:
		detail := cf.MessageIT(err)
		if c.opts.Lang == "en" {
			detail = cf.MessageEN(err)
		}
		c.add(path, CodeCFFormat, "value", shown, "detail", detail)
	}
}

// codiciFiscali compares the codici fiscali of the applicant and of each
// family member with their personal data, and the parent's or guardian's
// with his names. Each disagreeing part (surname,
// name, sex, birth date, birthplace) is a cf_mismatch warning on the
// CodiceFiscale path: the code issued by the tax agency is authoritative
// even when it disagrees. A dissolved state's Z-code agrees with any of its
// successors (cf.Check); provisional codes hold no data.
func (c *checker) codiciFiscali(p *Pratica) {
	r := &p.Richiedente
	c.cfMismatch("Richiedente.CodiceFiscale", r.CodiceFiscale, r.Cognome, r.Nome, r.Sesso, r.DataNascita, r.LuogoNascita)
	for i := range p.Familiari {
		f := &p.Familiari[i]
		c.cfMismatch(index("Familiari", i)+".CodiceFiscale", f.CodiceFiscale, f.Cognome, f.Nome, f.Sesso,
			f.DataNascita, f.LuogoNascita)
	}
	if g := p.GenitoreTutore; g != nil {
		// Only names are known of a parent or guardian.
		c.cfMismatch("GenitoreTutore.CodiceFiscale", g.CodiceFiscale, g.Cognome, g.Nome, "", PartialDate{}, LuogoNascita{})
	}
}

func (c *checker) cfMismatch(path, s, cognome, nome string, sesso Sesso, d PartialDate, l LuogoNascita) {
	if s == "" {
		return
	}
	code, err := cf.Parse(s)
	if err != nil {
		return // reported by the cf tag
	}
	pd := cf.PersonData{
		Surname: cognome, Name: nome,
		BirthYear: d.Year, BirthMonth: d.Month, BirthDay: d.Day,
	}
	if sesso.Valid() {
		pd.Sex = sesso[0]
	}
	if l.Comune == "" || l.StatoEstero == "" { // with both set the place is ambiguous: not compared
		pd.BirthComune, pd.BirthState = l.Comune, l.StatoEstero
	}
	for _, m := range cf.Check(code, pd, c.t) {
		expected, actual := m.Expected, m.Actual
		if !c.opts.ShowPersonalData {
			expected, actual = maskValue(expected), maskValue(actual)
		}
		c.add(path, CodeCFMismatch, "value", c.cf(code.String()), "part", c.phrase("part_"+m.Field),
			"detail", c.phrase(phraseCFDetail, "expected", expected, "actual", actual))
	}
}

// phraseCFDetail is the catalogue key of a cf_mismatch's detail.
const phraseCFDetail = "cf_detail"

// maskValue keeps the first character of s and hides the rest.
func maskValue(s string) string {
	if s == "" {
		return "?"
	}
	r := []rune(s)
	return string(r[0]) + strings.Repeat("*", len(r)-1)
}
