package eli2

import (
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
)

// famiglia checks every family member: birth date and place like the
// applicant's, citizenship, and that a FIGLIO is under
// ValidateOptions.ChildMaxAge on the file date (Modulo 1's children
// section). A child's age is judged on the latest day of a partial birth
// date, so that only children certainly too old are reported.
func (c *checker) famiglia(p *Pratica) {
	for i := range p.Familiari {
		f := &p.Familiari[i]
		prefix := index("Familiari", i)
		c.birth(prefix, f.DataNascita, f.LuogoNascita)
		c.citizenship(prefix+".Cittadinanza", f.Cittadinanza)
		if f.Relazione != Figlio || f.DataNascita.IsZero() || f.DataNascita.Latest() > c.on {
			continue
		}
		if age := codes.YearsBetween(f.DataNascita.Latest(), c.on); age >= c.opts.ChildMaxAge {
			c.add(prefix+".DataNascita", CodeChildTooOld, "max", strconv.Itoa(c.opts.ChildMaxAge),
				"date", c.date(c.on), "age", strconv.Itoa(age))
		}
	}
}
