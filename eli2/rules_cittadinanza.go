package eli2

// ANPR special citizenship codes (stati_esteri.csv): 999 apolide is
// eligible (stateless persons are within the Testo Unico, art. 1 c.1 d.lgs.
// 286/1998); 997 "in corso di definizione" and 998 "non attribuibile" are
// not a citizenship the desk can write on Modulo 1.
const (
	citizenshipPending      = "997"
	citizenshipUnassignable = "998"
)

// eligibility checks that the applicant is subject to a residence permit:
// a citizen of Italy, of an EU or EEA state or of Switzerland on the file
// date is not (codes.Tables.FreeMovement, with the treaty of each state:
// art. 1 d.lgs. 286/1998, d.lgs. 30/2007): not_subject_to_permit, an
// error; the export skips them. Citizenship 997 or 998 is a warning.
func (c *checker) eligibility(p *Pratica) {
	r := &p.Richiedente
	c.freeMovement("Richiedente", r.Cittadinanza, false)
	if r.Cittadinanza == citizenshipPending || r.Cittadinanza == citizenshipUnassignable {
		name := r.Cittadinanza
		if s, ok := c.t.StateByIstat(r.Cittadinanza, 0); ok {
			name = stateName(s)
		}
		c.add("Richiedente.Cittadinanza", CodeCitizenshipUndetermined, "value", r.Cittadinanza, "name", name)
	}
}

// freeMovement reports a citizenship free to move on the file date, on
// section.Cittadinanza. For a child (listed among the children) the message
// adds that he must not be listed: he needs no permit.
func (c *checker) freeMovement(section, istat string, child bool) {
	if istat == "" {
		return
	}
	st, ok := c.t.FreeMovement(istat, c.on)
	if !ok {
		return
	}
	note := ""
	if child {
		note = c.phrase(phraseChildNotListed)
	}
	c.add(section+".Cittadinanza", CodeNotSubjectToPermit, "value", istat, "name", st.Name, "scope", c.phrase("scope_"+st.Scope),
		"date", c.date(c.on), "note", note)
}
