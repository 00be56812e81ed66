package eli2

import (
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
)

// AdultAge is the age of majority: an applicant younger than this on the
// file date needs a GenitoreTutore.
const AdultAge = 18

// kitMinor is the kit code of a minor applicant (Famiglia minore 14-18
// anni), which always needs a GenitoreTutore.
const kitMinor = 14

// richiedente checks the applicant's birth (not after the file date; the
// place exists on the birth date), citizenship, and the guardian of a minor.
func (c *checker) richiedente(p *Pratica) {
	r := &p.Richiedente
	c.birth("Richiedente", r.DataNascita, r.LuogoNascita)
	c.citizenship("Richiedente.Cittadinanza", r.Cittadinanza)

	if p.GenitoreTutore != nil {
		return
	}
	switch {
	case p.Richiesta.Tipologia == kitMinor:
		c.add("GenitoreTutore", CodeGuardianRequired, "reason", c.phrase(reasonKit14))
	case !r.DataNascita.IsZero() && r.DataNascita.Latest() <= c.on &&
		codes.YearsBetween(r.DataNascita.Earliest(), c.on) < AdultAge:
		// Minor whatever day of the known period the birth was.
		age := codes.YearsBetween(r.DataNascita.Earliest(), c.on)
		c.add("GenitoreTutore", CodeGuardianRequired, "reason",
			c.phrase(reasonMinor, "age", strconv.Itoa(age)))
	}
}

// Reasons quoted in guardian_required messages (phrases of the catalogue).
const (
	reasonKit14 = "reason_kit14"
	reasonMinor = "reason_minor"
)

// birth checks a birth date (required, not after the file date) and place of
// a person whose section is prefix.
func (c *checker) birth(prefix string, d PartialDate, l LuogoNascita) {
	if d.IsZero() {
		c.add(prefix+".DataNascita", CodeRequired)
	} else if d.Earliest() > c.on {
		c.add(prefix+".DataNascita", CodeBirthInFuture, "value", c.birthDate(d), "date", c.date(c.on))
	}
	path := prefix + ".LuogoNascita"
	switch {
	case l.Comune == "" && l.StatoEstero == "":
		c.add(path, CodeBirthPlaceMissing)
	case l.Comune != "" && l.StatoEstero != "":
		c.add(path, CodeBirthPlaceConflict)
	case l.Comune != "":
		c.birthComune(path+".Comune", l.Comune, d)
	default:
		c.birthState(path+".StatoEstero", l.StatoEstero, d)
	}
}

// birthComune checks that the comune existed on some day of the (possibly
// partial) birth date.
func (c *checker) birthComune(path, belfiore string, d PartialDate) {
	rows := c.t.ComuneHistory(belfiore)
	if len(rows) == 0 || d.IsZero() {
		return // unknown_comune reported by the belfiore tag; no date, nothing to compare
	}
	from, to := d.Earliest(), d.Latest()
	for _, r := range rows {
		if overlaps(r.From, r.To, from, to) {
			return
		}
	}
	c.add(path, CodePlaceNotValidOnDate, "place", c.phrase(placeComune), "value", belfiore,
		"date", c.birthDate(d))
}

// birthState checks that a foreign state may be a birth place and existed
// on some day of the birth date.
func (c *checker) birthState(path, istat string, d PartialDate) {
	s, ok := c.t.StateByIstat(istat, 0)
	if !ok {
		return // unknown_state reported by the istat_stato tag
	}
	if !s.Birth {
		c.add(path, CodeStateNotBirthPlace, "value", istat, "name", stateName(s))
		return
	}
	if d.IsZero() || d.Earliest() < stateTableStart {
		return // ANPR states start in 1900: earlier births are recorded under today's state
	}
	if !overlaps(s.From, s.To, d.Earliest(), d.Latest()) {
		c.add(path, CodePlaceNotValidOnDate, "place", c.phrase(placeState), "value", istat,
			"date", c.birthDate(d))
	}
}

// stateTableStart is the first validity date of ANPR's states table.
const stateTableStart codes.Date = 19000101

// Place words quoted in place_not_valid_on_date messages.
const (
	placeComune = "place_comune"
	placeState  = "place_state"
)

// citizenship checks that a state code may be used as a citizenship (999
// apolide included when the table allows it).
func (c *checker) citizenship(path, istat string) {
	if istat == "" {
		return
	}
	s, ok := c.t.StateByIstat(istat, 0)
	if ok && !s.Citizenship {
		c.add(path, CodeStateNotCitizenship, "value", istat, "name", stateName(s))
	}
}

// stateName is the Italian name of a state, whatever column holds it.
func stateName(s codes.State) string {
	if s.NameIT != "" {
		return s.NameIT
	}
	return s.Name
}

// overlaps reports whether [from1, to1] and [from2, to2] share a day; a zero
// end means open.
func overlaps(from1, to1, from2, to2 codes.Date) bool {
	if to1.IsZero() {
		to1 = codes.MaxDate
	}
	if to2.IsZero() {
		to2 = codes.MaxDate
	}
	return from1 <= to2 && from2 <= to1
}
