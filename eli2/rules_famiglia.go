package eli2

import (
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
)

// famiglia checks every family member and the family as a whole:
//
//   - birth date and place like the applicant's, citizenship;
//   - a FIGLIO is under Policy.ChildMaxAge on the file date (Modulo 1's
//     children section; from 14 a minor applies himself), is not born
//     before the applicant (child_older_than_parent) nor before the
//     applicant was Policy.ParentMinAge (parent_too_young), and is not a
//     citizen free to move (Italy, EU, EEA, Switzerland: not listed);
//   - at most one CONIUGE (art. 29 c.1-ter d.lgs. 286/1998), who is at
//     least Policy.SpouseMinAge (warning; art. 84 codice civile).
//
// Ages are judged so that only certain problems are reported: a child's
// age on the latest day of a partial birth date, a spouse's on the
// earliest, and parent and child are compared on the dates that favour
// plausibility (the parent's earliest day, the child's latest).
func (c *checker) famiglia(p *Pratica) {
	pol := &c.opts.Policy
	parent := p.Richiedente.DataNascita
	spouses := 0
	for i := range p.Familiari {
		f := &p.Familiari[i]
		prefix := index("Familiari", i)
		c.birth(prefix, f.DataNascita, f.LuogoNascita)
		c.citizenship(prefix+".Cittadinanza", f.Cittadinanza)
		born := !f.DataNascita.IsZero() && f.DataNascita.Latest() <= c.on
		switch f.Relazione {
		case Coniuge:
			spouses++
			if spouses == 2 {
				c.add(prefix+".Relazione", CodeSpouseMultiple, "count", strconv.Itoa(countSpouses(p.Familiari)))
			}
			if age := codes.YearsBetween(f.DataNascita.Earliest(), c.on); born && age < pol.SpouseMinAge {
				c.add(prefix+".DataNascita", CodeSpouseTooYoung, "age", strconv.Itoa(age), "date", c.date(c.on),
					"min", strconv.Itoa(pol.SpouseMinAge))
			}
		case Figlio:
			c.freeMovement(prefix, f.Cittadinanza, true)
			if !born {
				continue
			}
			if age := codes.YearsBetween(f.DataNascita.Latest(), c.on); age >= pol.ChildMaxAge {
				c.add(prefix+".DataNascita", CodeChildTooOld, "max", strconv.Itoa(pol.ChildMaxAge),
					"date", c.date(c.on), "age", strconv.Itoa(age))
			}
			c.childOfApplicant(prefix, f.DataNascita, parent)
		}
	}
}

// childOfApplicant reports a child born before the applicant, or before
// the applicant was Policy.ParentMinAge. A parent born after the file date
// is birth_in_future alone.
func (c *checker) childOfApplicant(prefix string, child, parent PartialDate) {
	if parent.IsZero() || child.IsZero() || parent.Earliest() > c.on {
		return
	}
	switch {
	case child.Latest() < parent.Earliest():
		c.add(prefix+".DataNascita", CodeChildOlderThanParent, "birth", c.birthDate(child), "parent", c.birthDate(parent))
	case codes.YearsBetween(parent.Earliest(), child.Latest()) < c.opts.Policy.ParentMinAge:
		c.add(prefix+".DataNascita", CodeParentTooYoung, "birth", c.birthDate(child), "parent", c.birthDate(parent),
			"min", strconv.Itoa(c.opts.Policy.ParentMinAge))
	}
}

// countSpouses counts the CONIUGE members.
func countSpouses(fs []Familiare) int {
	n := 0
	for i := range fs {
		if fs[i].Relazione == Coniuge {
			n++
		}
	}
	return n
}

// phraseChildNotListed is the note of not_subject_to_permit on a child.
const phraseChildNotListed = "child_not_listed"
