package source

import "io"

// DecodingFiles are the base names (without .csv) of the ANPR decoding
// tables, in the order of the codes.Table constants.
var DecodingFiles = [...]string{
	"stato_civile",
	"relazione_parentela",
	"tipo_soggiorno",
	"titolo_studio",
	"posizione_professione",
	"condizione_non_professionale",
	"tipi_cittadinanza",
	"tipo_indirizzo",
	"motivi_iscrizione",
	"specie_toponimo",
}

// Entry is one row of an ANPR decoding table (ID, DESCRIZIONE, NOTE).
type Entry struct {
	ID, Description, Note string
}

// ReadDecoding reads an ANPR decoding table, keeping the file's row order.
// Rows with an empty or duplicate ID are reported and dropped.
func ReadDecoding(r io.Reader, file string) ([]Entry, []Issue, error) {
	t, err := readTable(file, r, "ID", "DESCRIZIONE")
	if err != nil {
		return nil, nil, err
	}
	var issues []Issue
	seen := make(map[string]bool, len(t.rows))
	rows := make([]Entry, 0, len(t.rows))
	for i := range t.rows {
		e := Entry{
			ID:          t.field(i, "ID"),
			Description: t.field(i, "DESCRIZIONE"),
			Note:        t.field(i, "NOTE"),
		}
		switch {
		case e.ID == "":
			issues = append(issues, Issue{File: file, Line: t.line[i], Msg: "ID vuoto: riga scartata"})
			continue
		case seen[e.ID]:
			issues = append(issues, Issue{File: file, Line: t.line[i], Key: e.ID, Msg: "ID duplicato: riga scartata"})
			continue
		}
		seen[e.ID] = true
		rows = append(rows, e)
	}
	return rows, issues, nil
}
