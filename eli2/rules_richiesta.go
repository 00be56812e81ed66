package eli2

import (
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
)

// Kit operations (the OPERAZIONE column of the kit table).
const (
	opRilascioRinnovo = "RILASCIO_RINNOVO"
	opRinnovo         = "RINNOVO"
	opAggiornamento   = "AGGIORNAMENTO"
	opConversione     = "CONVERSIONE"
	opDuplicato       = "DUPLICATO"
)

// kitAllows reports whether a kit code of operation op may be used for a
// request of type t.
func kitAllows(op string, t TipoRichiesta) bool {
	switch op {
	case opRilascioRinnovo:
		return t == Rilascio || t == Rinnovo
	case opRinnovo:
		return t == Rinnovo
	case opAggiornamento:
		return t == Aggiornamento
	case opConversione:
		return t == Conversione
	case opDuplicato:
		return t == Duplicato
	}
	return false
}

// richiesta checks the request against the kit code and the sections whose
// presence depends on the request type: the kit code must be valid on the
// file date and agree with TipoRichiesta (OPERAZIONE) and TipoTitolo
// (TITOLO); TipologiaRichiesta only and always for CONVERSIONE, pointing to
// a RILASCIO_RINNOVO kit valid on the date; TitoloPosseduto required unless
// RILASCIO, with expiry after issue; Visto only on RILASCIO;
// AggiornamentoFoto only for AGGIORNAMENTO of a CARTA.
func (c *checker) richiesta(p *Pratica) {
	r := &p.Richiesta
	tipo := r.TipoRichiesta
	if kit, ok := c.t.Kit(r.Tipologia); ok {
		code := strconv.Itoa(kit.Code)
		if !kit.ValidOn(c.on) {
			c.add("Richiesta.Tipologia", CodeKitNotValidOnDate, "value", code, "kit", kit.Description,
				"date", c.date(c.on), "to", c.date(kit.ValidTo))
		}
		if tipo.Valid() && !kitAllows(kit.Operazione, tipo) {
			c.add("Richiesta.TipoRichiesta", CodeKitOperationMismatch, "value", string(tipo),
				"kit", code+" "+kit.Description, "operazione", kit.Operazione)
		}
		if r.TipoTitolo.Valid() && string(r.TipoTitolo) != kit.Titolo {
			c.add("Richiesta.TipoTitolo", CodeKitTitoloMismatch, "value", string(r.TipoTitolo),
				"kit", code, "expected", kit.Titolo)
		}
	}

	switch {
	case tipo == Conversione && r.TipologiaRichiesta == 0:
		c.add("Richiesta.TipologiaRichiesta", CodeConversionTargetRequired)
	case tipo == Conversione:
		c.conversionTarget(r.TipologiaRichiesta)
	case r.TipologiaRichiesta != 0 && tipo.Valid():
		c.add("Richiesta.TipologiaRichiesta", CodeConversionTargetNotAllowed, "tipo", string(tipo))
	}

	if r.AggiornamentoFoto != nil && (tipo != Aggiornamento || r.TipoTitolo != Carta) {
		c.add("Richiesta.AggiornamentoFoto", CodeFotoOnlyCartaUpdate)
	}
	if p.Visto != nil && tipo.Valid() && tipo != Rilascio {
		c.add("Visto", CodeVistoOnlyRilascio, "tipo", string(tipo))
	}
	if p.TitoloPosseduto == nil {
		if tipo.Valid() && tipo != Rilascio {
			c.add("TitoloPosseduto", CodeTitoloPossedutoRequired, "tipo", string(tipo))
		}
	} else {
		tp := p.TitoloPosseduto
		c.issueExpiry("TitoloPosseduto", tp.DataRilascio, tp.DataScadenza)
	}
}

// Catalogue keys of the phrases that say what replaces a kit code.
const (
	phraseSuccessor   = "kit_successor"
	phraseNoSuccessor = "kit_no_successor"
)

// conversionTarget checks the kit code of the permit wanted by a conversion.
func (c *checker) conversionTarget(code int) {
	kit, ok := c.t.Kit(code)
	if !ok {
		return // unknown_kit already reported by the kit tag
	}
	const path = "Richiesta.TipologiaRichiesta"
	switch {
	case kit.Operazione != opRilascioRinnovo:
		c.add(path, CodeConversionTargetInvalid, "value", strconv.Itoa(code), "reason", kit.Operazione)
	case !kit.ValidOn(c.on):
		c.add(path, CodeKitNotValidOnDate, "value", strconv.Itoa(code), "kit", kit.Description,
			"date", c.date(c.on), "to", c.date(kit.ValidTo))
	}
}

// issueExpiry checks that expiry follows issue and that issue is not after
// the file date; the dates are optional here (required fields are tags).
func (c *checker) issueExpiry(section string, issue, expiry codes.Date) {
	if !issue.IsZero() && issue > c.on {
		c.add(section+".DataRilascio", CodeDateInFuture, "value", c.date(issue), "date", c.date(c.on))
	}
	if !issue.IsZero() && !expiry.IsZero() && expiry <= issue {
		c.add(section+".DataScadenza", CodeExpiryBeforeIssue, "value", c.date(expiry), "issue", c.date(issue))
	}
}
