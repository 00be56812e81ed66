package eli2

// documento checks the passport: present (warning document_missing: Modulo
// 1 asks for a passport or equivalent document), issue not after the file
// date nor before the applicant's birth, expiry after issue, and (warning)
// not expired on the file date. The issuing state must be known
// (istat_stato tag). The visa's issue date must not be after the file date
// either.
func (c *checker) documento(p *Pratica) {
	if d := p.Documento; d != nil {
		c.issueExpiry("Documento", d.DataRilascio, d.DataScadenza)
		c.issuedBeforeBirth("Documento.DataRilascio", d.DataRilascio, p.Richiedente.DataNascita)
		if !d.DataScadenza.IsZero() && d.DataScadenza < c.on {
			c.add("Documento.DataScadenza", CodeDocumentExpired, "value", c.date(d.DataScadenza),
				"date", c.date(c.on))
		}
	} else {
		c.add("Documento", CodeDocumentMissing)
	}
	if v := p.Visto; v != nil && !v.DataRilascio.IsZero() && v.DataRilascio > c.on {
		c.add("Visto.DataRilascio", CodeDateInFuture, "value", c.date(v.DataRilascio), "date", c.date(c.on))
	}
}
