package eli2

// documento checks the passport's dates: issue not after the file date,
// expiry after issue, and (warning) not expired on the file date. The
// issuing state must be known (istat_stato tag). The visa's issue date must
// not be after the file date either.
func (c *checker) documento(p *Pratica) {
	if d := p.Documento; d != nil {
		c.issueExpiry("Documento", d.DataRilascio, d.DataScadenza)
		if !d.DataScadenza.IsZero() && d.DataScadenza < c.on {
			c.add("Documento.DataScadenza", CodeDocumentExpired, "value", c.date(d.DataScadenza),
				"date", c.date(c.on))
		}
	}
	if v := p.Visto; v != nil && !v.DataRilascio.IsZero() && v.DataRilascio > c.on {
		c.add("Visto.DataRilascio", CodeDateInFuture, "value", c.date(v.DataRilascio), "date", c.date(c.on))
	}
}
