package source

import (
	"io"
	"strings"
)

// ProvincesFile is the base name of ISTAT's province table.
const ProvincesFile = "province.csv"

// NoQuestura lists the provinces that have no questura of their own, with the
// sigla of the province whose questura serves them. ISTAT's province table
// has no questura column, so this is the one documented exception (see
// shared/data/README.md, "Known limits"): Sud Sardegna, created in 2016, is
// served by the questura of Cagliari. Every other province has a questura.
var NoQuestura = map[string]string{
	"SU": "CA",
}

// Province is one row of ISTAT's province table.
type Province struct {
	Istat, Sigla, Name, Region string
	HasQuestura                bool   // false only for the provinces in NoQuestura
	Questura                   string // sigla of the province whose questura serves it
}

// ReadProvinces reads ISTAT's province table (CODICE_PROVINCIA, SIGLA,
// DENOMINAZIONE, DENOMINAZIONE_REGIONE) and applies NoQuestura.
func ReadProvinces(r io.Reader) ([]Province, []Issue, error) {
	t, err := readTable(ProvincesFile, r, "CODICE_PROVINCIA", "SIGLA", "DENOMINAZIONE", "DENOMINAZIONE_REGIONE")
	if err != nil {
		return nil, nil, err
	}
	var issues []Issue
	rows := make([]Province, 0, len(t.rows))
	for i := range t.rows {
		p := Province{
			Istat:  t.field(i, "CODICE_PROVINCIA"),
			Sigla:  strings.ToUpper(t.field(i, "SIGLA")),
			Name:   t.field(i, "DENOMINAZIONE"),
			Region: t.field(i, "DENOMINAZIONE_REGIONE"),
		}
		if len(p.Sigla) != 2 {
			issues = append(issues, Issue{File: ProvincesFile, Line: t.line[i], Key: p.Istat, Msg: "SIGLA non di due lettere"})
		}
		p.Questura, p.HasQuestura = p.Sigla, true
		if q, ok := NoQuestura[p.Sigla]; ok {
			p.Questura, p.HasQuestura = q, false
		}
		rows = append(rows, p)
	}
	return rows, issues, nil
}
