package source

import (
	"io"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes/internal/isodate"
)

// ComuniFile is the base name of ANPR's comuni archive.
const ComuniFile = "ANPR_archivio_comuni.csv"

// Comune is one row of ANPR_archivio_comuni.csv: one comune over one
// validity interval. A comune renamed or moved to another province has
// several rows with the same Belfiore code.
type Comune struct {
	ID            int
	Istat         string // CODISTAT, 6 digits, valid in [From, To]
	Belfiore      string // CODCATASTALE; "ND" or "" on a few old rows
	Name          string // DENOMINAZIONE_IT
	NameTranslit  string // DENOMTRASLITTERATA
	AltName       string // ALTRADENOMINAZIONE (second official language)
	Province      string // SIGLAPROVINCIA
	ProvinceIstat string // IDPROVINCIAISTAT
	Region        string // IDREGIONE ("EX" suppressed region, "00" not available)
	From, To      Date   // DATAISTITUZIONE, DATACESSAZIONE (inclusive)
	Status        byte   // STATO: 'A' active, 'C' ceased, 'D' to be established, others kept
	Updated       Date   // DATAULTIMOAGG
}

// HasBelfiore reports whether the row carries a usable Belfiore code (not
// "ND", not empty): rows without one are kept but not indexed by code.
func (c *Comune) HasBelfiore() bool {
	return c.Belfiore != "" && c.Belfiore != "ND"
}

var comuniColumns = []string{"ID", "DATAISTITUZIONE", "DATACESSAZIONE", "CODISTAT", "CODCATASTALE",
	"DENOMINAZIONE_IT", "SIGLAPROVINCIA", "STATO"}

// ReadComuni reads the ANPR comuni archive (UTF-8, optional BOM, quoted
// fields, ISO dates). Every row is returned; irregular ones are also
// described in the issues.
func ReadComuni(r io.Reader) ([]Comune, []Issue, error) {
	t, err := readTable(ComuniFile, r, comuniColumns...)
	if err != nil {
		return nil, nil, err
	}
	rows := make([]Comune, 0, len(t.rows))
	var issues []Issue
	for i := range t.rows {
		add := func(key, msg string) {
			issues = append(issues, Issue{File: ComuniFile, Line: t.line[i], Key: key, Msg: msg})
		}
		c := Comune{
			Istat:         t.field(i, "CODISTAT"),
			Belfiore:      t.field(i, "CODCATASTALE"),
			Name:          t.field(i, "DENOMINAZIONE_IT"),
			NameTranslit:  t.field(i, "DENOMTRASLITTERATA"),
			AltName:       t.field(i, "ALTRADENOMINAZIONE"),
			Province:      t.field(i, "SIGLAPROVINCIA"),
			ProvinceIstat: t.field(i, "IDPROVINCIAISTAT"),
			Region:        t.field(i, "IDREGIONE"),
		}
		idText := t.field(i, "ID")
		key := strings.TrimSpace(idText + " " + c.Belfiore + " " + c.Name)
		if id, err := strconv.Atoi(idText); err == nil {
			c.ID = id
		} else {
			add(key, "ID non numerico: riga tenuta con ID 0")
		}
		var ok bool
		if c.From, ok = isodate.ISO(t.get(i, "DATAISTITUZIONE")); !ok {
			add(key, "DATAISTITUZIONE mancante o non valida: inizio sconosciuto")
		}
		end := t.field(i, "DATACESSAZIONE")
		if c.To, ok = isodate.ISO(end); !ok {
			c.To = OpenEnd
			add(key, "DATACESSAZIONE mancante o non valida: trattata come 9999-12-31")
		}
		if c.From > c.To {
			add(key, "DATAISTITUZIONE successiva a DATACESSAZIONE")
		}
		if !c.HasBelfiore() {
			add(key, "codice catastale "+strconv.Quote(c.Belfiore)+": riga tenuta, esclusa dalle ricerche per codice")
		}
		if c.Name == "" {
			add(key, "DENOMINAZIONE_IT vuota")
		}
		status := t.field(i, "STATO")
		if status != "" {
			c.Status = status[0]
		}
		if status != "A" && status != "C" {
			add(key, "STATO "+strconv.Quote(status)+" diverso da A/C: riga tenuta")
		}
		if u := t.field(i, "DATAULTIMOAGG"); u != "" {
			if c.Updated, ok = parseAnyDate(u); !ok {
				add(key, "DATAULTIMOAGG non valida")
			}
		}
		rows = append(rows, c)
	}
	return rows, issues, nil
}
