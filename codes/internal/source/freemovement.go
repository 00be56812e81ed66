package source

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// FreeMovementFile is the base name of the free-movement table
// (codes/data).
const FreeMovementFile = "libera_circolazione.csv"

// FreeMovement is one row of libera_circolazione.csv: over [From, To] the
// citizens of the state are Italian or enjoy free movement (EU, EEA,
// Switzerland) and need no residence permit.
type FreeMovement struct {
	Istat  string // ANPR CODISTAT, from ISO3 through the states table
	ISO3   string // ISO 3166-1 alpha-3
	Name   string // NOME
	Scope  string // AMBITO: IT, UE, SEE or CH
	From   Date   // DAL; 0 = always
	To     Date   // AL; OpenEnd while in force
	Source string // FONTE: treaty or agreement
	Line   int
}

// ReadFreeMovement reads libera_circolazione.csv (ISO3, NOME, AMBITO, DAL,
// AL, FONTE). Rows with an unknown scope, a bad date or no source are
// reported and dropped. Istat is left empty: see MapFreeMovement.
func ReadFreeMovement(r io.Reader) ([]FreeMovement, []Issue, error) {
	t, err := readTable(FreeMovementFile, r, "ISO3", "NOME", "AMBITO", "DAL", "AL", "FONTE")
	if err != nil {
		return nil, nil, err
	}
	var rows []FreeMovement
	var issues []Issue
	for i := range t.rows {
		f := FreeMovement{ISO3: strings.ToUpper(t.field(i, "ISO3")), Name: t.field(i, "NOME"),
			Scope: strings.ToUpper(t.field(i, "AMBITO")), Source: t.field(i, "FONTE"), To: OpenEnd, Line: t.line[i]}
		add := func(msg string) {
			issues = append(issues, Issue{File: FreeMovementFile, Line: t.line[i], Key: f.ISO3, Msg: msg})
		}
		switch f.Scope {
		case "IT", "UE", "SEE", "CH":
		default:
			add("AMBITO " + fmt.Sprintf("%q", f.Scope) + " diverso da IT/UE/SEE/CH: riga scartata")
			continue
		}
		if len(f.ISO3) != 3 {
			add("ISO3 non valido: riga scartata")
			continue
		}
		ok := true
		if v := t.field(i, "DAL"); v != "" {
			f.From, ok = parseAnyDate(v)
		}
		if v := t.field(i, "AL"); ok && v != "" {
			f.To, ok = parseAnyDate(v)
		}
		if !ok || f.From > f.To {
			add("DAL/AL non validi: riga scartata")
			continue
		}
		if f.Source == "" {
			add("FONTE mancante: riga scartata")
			continue
		}
		rows = append(rows, f)
	}
	return rows, issues, nil
}

// MapFreeMovement sets Istat on every row from the ANPR state with the
// same ISO3 code and sorts the rows by (Istat, From). A row whose ISO3 no
// ANPR state has is dropped and returned in missing.
func MapFreeMovement(rows []FreeMovement, states []State) (out []FreeMovement, missing []Issue) {
	for _, f := range rows {
		istat := ""
		for _, s := range states {
			if s.Origin == OriginANPR && s.ISO3 == f.ISO3 && s.Istat != "" && s.To == OpenEnd {
				istat = s.Istat
				break
			}
		}
		if istat == "" {
			missing = append(missing, Issue{File: FreeMovementFile, Line: f.Line, Key: f.ISO3,
				Msg: "ISO3 assente dalla tabella degli stati ANPR: riga scartata"})
			continue
		}
		f.Istat = istat
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b FreeMovement) int {
		return cmp.Or(strings.Compare(a.Istat, b.Istat), cmp.Compare(a.From, b.From))
	})
	return out, missing
}
