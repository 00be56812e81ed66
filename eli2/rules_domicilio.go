package eli2

// domicilio checks that the domicile's comune is active on the file date,
// that Provincia is the comune's sigla, and that the questura is the one
// serving the domicile's province (art. 5 c.4 d.lgs. 286/1998: the
// application goes to the questore of the province where the applicant
// lives). Questure do not map one to one onto provinces: Sud Sardegna has
// none and is served by Cagliari (codes.Province.Questura), so SU → CA is
// the expected questura, and a mismatch is an error.
func (c *checker) domicilio(p *Pratica) {
	d := &p.Domicilio
	if d.Comune != "" {
		if com, ok := c.t.ComuneByBelfiore(d.Comune, c.on); ok {
			if _, known := c.t.Province(d.Provincia); known && d.Provincia != com.Province {
				c.add("Domicilio.Provincia", CodeProvinceMismatch, "value", d.Provincia,
					"comune", com.Name, "expected", com.Province)
			}
		} else if _, known := c.t.ComuneByBelfiore(d.Comune, 0); known {
			c.add("Domicilio.Comune", CodeComuneNotActive, "value", d.Comune, "date", c.date(c.on))
		}
	}
	if p.Questura == "" || d.Provincia == "" {
		return
	}
	q, ok := c.t.Province(p.Questura)
	dom, domOK := c.t.Province(d.Provincia)
	// The questura expected is the one serving the domicile's province:
	// itself, or Cagliari for Sud Sardegna (codes.Province.Questura).
	if ok && q.HasQuestura && domOK && p.Questura != dom.Questura {
		c.add("Questura", CodeQuesturaMismatch, "value", p.Questura, "expected", dom.Questura)
	}
}
