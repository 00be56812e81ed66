package source

import (
	"io"
	"strconv"
)

// KitFile is the base name of the kit permit-type table.
const KitFile = "tipologie_permesso.csv"

// Kit is one row of tipologie_permesso.csv: a code written on Modulo 1.
type Kit struct {
	Code        int
	Description string
	Titolo      string // PERMESSO or CARTA
	Operazione  string // RILASCIO_RINNOVO, RINNOVO, AGGIORNAMENTO, CONVERSIONE, DUPLICATO
	ValidTo     Date   // VALIDO_AL; 0 = no end
	Note        string
}

// ReadKit reads the kit permit-type table.
func ReadKit(r io.Reader) ([]Kit, []Issue, error) {
	t, err := readTable(KitFile, r, "CODICE", "DESCRIZIONE", "TITOLO", "OPERAZIONE")
	if err != nil {
		return nil, nil, err
	}
	var issues []Issue
	rows := make([]Kit, 0, len(t.rows))
	for i := range t.rows {
		k := Kit{
			Description: t.field(i, "DESCRIZIONE"),
			Titolo:      t.field(i, "TITOLO"),
			Operazione:  t.field(i, "OPERAZIONE"),
			Note:        t.field(i, "NOTE"),
		}
		code := t.field(i, "CODICE")
		add := func(msg string) {
			issues = append(issues, Issue{File: KitFile, Line: t.line[i], Key: code, Msg: msg})
		}
		n, err := strconv.Atoi(code)
		if err != nil {
			add("CODICE non numerico: riga scartata")
			continue
		}
		k.Code = n
		switch k.Titolo {
		case "PERMESSO", "CARTA":
		default:
			add("TITOLO " + strconv.Quote(k.Titolo) + " inatteso")
		}
		switch k.Operazione {
		case "RILASCIO_RINNOVO", "RINNOVO", "AGGIORNAMENTO", "CONVERSIONE", "DUPLICATO":
		default:
			add("OPERAZIONE " + strconv.Quote(k.Operazione) + " inattesa")
		}
		if v := t.field(i, "VALIDO_AL"); v != "" {
			var ok bool
			if k.ValidTo, ok = parseAnyDate(v); !ok {
				add("VALIDO_AL non valida: ignorata")
			}
		}
		rows = append(rows, k)
	}
	return rows, issues, nil
}
