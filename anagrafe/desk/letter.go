package desk

import (
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Addressee is the personal data a letter needs: register ID (for the
// audit and the tracking file), name and postal address. Nothing else of
// the register record is copied.
type Addressee struct {
	PersonID string
	Surname  string
	Name     string
	Street   string // "VIA DEI NERI 12 int. 3", with c/o on its own line in CareOf
	CareOf   string
	CAP      string
	Comune   string // comune name (upper case, from the code tables), else the Belfiore code
	Province string
	// Minor is set when the resident may be under 18 on the letter date:
	// the letter is addressed to whoever exercises parental responsibility.
	Minor bool
}

// FullName returns name and surname as recorded.
func (a Addressee) FullName() string { return strings.TrimSpace(a.Name + " " + a.Surname) }

// Locality returns "50122 FIRENZE (FI)".
func (a Addressee) Locality() string {
	s := strings.TrimSpace(a.CAP + " " + a.Comune)
	if a.Province != "" {
		s += " (" + a.Province + ")"
	}
	return s
}

// addressee copies the letter's fields out of p.
func addressee(p *anagrafe.Person, t *codes.Tables, on codes.Date) Addressee {
	a := p.Address
	street := strings.Join(nonEmpty(a.Specie, a.Street, a.Number+a.Exponent), " ")
	if a.Staircase != "" {
		street += " scala " + a.Staircase
	}
	if a.Interior != "" {
		street += " int. " + a.Interior
	}
	comune := a.Comune
	if c, ok := t.ComuneByBelfiore(a.Comune, on); ok {
		comune = c.Name
	}
	return Addressee{
		PersonID: p.ID, Surname: p.Surname, Name: p.Name,
		Street: street, CareOf: a.CareOf, CAP: a.CAP, Comune: comune, Province: a.Province,
		Minor: !p.BirthDate.IsZero() && codes.YearsBetween(p.BirthDate.Latest(), on) < eli2.AdultAge,
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
