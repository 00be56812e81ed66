package eli2

import (
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
)

// kitOps maps a request type to the kit operation it asks for.
var kitOps = map[TipoRichiesta]codes.KitOp{
	Rilascio:      codes.KitRilascio,
	Rinnovo:       codes.KitRinnovo,
	Conversione:   codes.KitConversione,
	Aggiornamento: codes.KitAggiornamento,
	Duplicato:     codes.KitDuplicato,
}

// richiesta checks the request against the kit code and the sections whose
// presence depends on the request type. The kit code is judged by the
// edition of the kit table in force on the file date (codes.KitOn: 2006
// up to 2024-05-29, Poste Italiane's 2024 table from 2024-05-30, dates
// that are data): it must be in force (else kit_not_valid_on_date, naming
// the edition and the code that replaced it, if any), allow the request
// type (kit_operation_mismatch) and agree with TipoTitolo (TITOLO). An
// empty Tipologia (0) is allowed with the warning kit_to_choose: ANPR's
// permit record holds no motive, the desk chooses the code.
// TipologiaRichiesta is given only and always for CONVERSIONE and must be a
// code in force that allows RILASCIO (a conversion issues a new permit of
// that type). DurataMesi above the code's maximum is duration_too_long,
// and any duration for a permit without one (9, UE long-term) is
// duration_not_applicable (codes/data/kit_durate.csv, source per row).
// TitoloPosseduto is required unless RILASCIO, with expiry after issue;
// Visto only on RILASCIO; AggiornamentoFoto only for AGGIORNAMENTO of a
// CARTA.
func (c *checker) richiesta(p *Pratica) {
	r := &p.Richiesta
	tipo := r.TipoRichiesta
	kit, kitOK := c.kitInForce("Richiesta.Tipologia", r.Tipologia)
	if kitOK {
		code := strconv.Itoa(kit.Code)
		if op, ok := kitOps[tipo]; ok && !kit.Allows(op) {
			c.add("Richiesta.TipoRichiesta", CodeKitOperationMismatch, "value", string(tipo),
				"kit", code+" "+kit.Description, "edition", kit.Edition, "operazione", kit.Ops.String())
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
		if target, ok := c.conversionTarget(r.TipologiaRichiesta); ok {
			c.duration(r.DurataMesi, target, codes.KitRilascio)
		}
	case r.TipologiaRichiesta != 0 && tipo.Valid():
		c.add("Richiesta.TipologiaRichiesta", CodeConversionTargetNotAllowed, "tipo", string(tipo))
	}
	if op, ok := kitOps[tipo]; ok && kitOK && tipo != Conversione {
		c.duration(r.DurataMesi, kit, op)
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

// kitInForce returns the row of kit code code in the edition in force on
// the file date. Zero is kit_to_choose (warning); a code of no edition is
// unknown_kit (reported by the kit tag); a code known but not in force is
// kit_not_valid_on_date, naming the edition in force and the successor.
func (c *checker) kitInForce(path string, code int) (codes.KitType, bool) {
	if code == 0 {
		if path == "Richiesta.Tipologia" {
			c.add(path, CodeKitToChoose)
		}
		return codes.KitType{}, false
	}
	if k, ok := c.t.KitOn(code, c.on); ok {
		return k, true
	}
	// codes.KitSuccessor: the row of an earlier edition and what replaced
	// it; a code only of a later edition (27 before 2024-05-30) has none.
	next, old, replaced := c.t.KitSuccessor(code, c.on)
	if old.Code == 0 {
		var known bool
		if old, known = c.kitOfAnyEdition(code); !known {
			return codes.KitType{}, false // unknown_kit from the kit tag
		}
	}
	succ := c.phrase(phraseNoSuccessor)
	if replaced {
		succ = c.phrase(phraseSuccessor, "code", strconv.Itoa(next.Code), "name", next.Description)
	}
	c.add(path, CodeKitNotValidOnDate, "value", strconv.Itoa(code), "kit", old.Description,
		"date", c.date(c.on), "edition", c.t.KitEditionOn(c.on).Name, "successor", succ)
	return codes.KitType{}, false
}

// kitOfAnyEdition returns the row of code in the first edition that has it.
func (c *checker) kitOfAnyEdition(code int) (codes.KitType, bool) {
	for _, e := range c.t.KitEditions() {
		if k, ok := c.t.KitIn(e.Name, code); ok {
			return k, true
		}
	}
	return codes.KitType{}, false
}

// Catalogue keys of the phrases that say what replaces a kit code.
const (
	phraseSuccessor   = "kit_successor"
	phraseNoSuccessor = "kit_no_successor"
)

// conversionTarget checks the kit code of the permit wanted by a
// conversion: in force on the file date and allowing RILASCIO.
func (c *checker) conversionTarget(code int) (codes.KitType, bool) {
	const path = "Richiesta.TipologiaRichiesta"
	kit, ok := c.kitInForce(path, code)
	if !ok {
		return kit, false
	}
	if !kit.Allows(codes.KitRilascio) {
		c.add(path, CodeConversionTargetInvalid, "value", strconv.Itoa(code), "reason", kit.Ops.String())
		return kit, false
	}
	return kit, true
}

// duration checks the requested duration against the kit code's maximum
// for operation op (codes/data/kit_durate.csv).
func (c *checker) duration(months int, kit codes.KitType, op codes.KitOp) {
	if months <= 0 {
		return
	}
	const path = "Richiesta.DurataMesi"
	code := strconv.Itoa(kit.Code) + " " + kit.Description
	switch max := kit.MaxMonthsFor(op); {
	case kit.NoDuration:
		c.add(path, CodeDurationNotApplicable, "kit", code, "source", kit.DurationSource)
	case max > 0 && months > max:
		c.add(path, CodeDurationTooLong, "value", strconv.Itoa(months), "max", strconv.Itoa(max),
			"kit", code, "source", kit.DurationSource)
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
