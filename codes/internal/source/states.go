package source

import (
	"io"
	"strconv"
	"strings"
)

// File names of the state tables.
const (
	StatesFile          = "stati_esteri.csv"
	DissolvedStatesFile = "stati_esteri_cessati.csv"
	ExtraStatesFile     = "extra" // name used in issues for a caller's extra table
)

// Origin tells which table a state row comes from.
const (
	OriginANPR      uint8 = iota // stati_esteri.csv
	OriginDissolved              // stati_esteri_cessati.csv
	OriginExtra                  // an extra table given to codes.Load
)

// State is one row of a state table: ANPR's stati_esteri.csv, or a row in
// the cessati format (dissolved states, Hong Kong, extra Z-codes).
type State struct {
	Istat                         string // CODISTAT, 3 digits (999 apolide…); empty for most cessati rows
	Belfiore                      string // CODAT, the Z-code; empty on ~30 ANPR rows
	ISO3                          string // CODISO3166_1_ALPHA3
	Name                          string // DENOMINAZIONE
	NameIT                        string // DENOMINAZIONEISTAT
	NameEN                        string // DENOMINAZIONEISTAT_EN
	From, To                      Date   // validity; To is OpenEnd when still valid
	Citizenship, Birth, Residence bool
	Kind                          string   // TIPO: STATO, TERRITORIO, ALTRO (ANPR rows only)
	Dissolved                     bool     // a cessati row with an end date
	Successors                    []string // ISTAT codes of successor states (cessati rows)
	Note                          string   // NOTE (cessati rows)
	Origin                        uint8    // OriginANPR, OriginDissolved or OriginExtra
}

var statesColumns = []string{"DENOMINAZIONE", "DATAINIZIOVALIDITA", "DATAFINEVALIDITA",
	"CODISO3166_1_ALPHA3", "CODAT", "CODISTAT", "CITTADINANZA", "NASCITA", "RESIDENZA", "TIPO"}

// ReadStates reads ANPR's table of foreign states (dates dd/mm/yyyy, flags
// S/N). Every row is returned; irregular ones are also reported.
func ReadStates(r io.Reader) ([]State, []Issue, error) {
	t, err := readTable(StatesFile, r, statesColumns...)
	if err != nil {
		return nil, nil, err
	}
	rows := make([]State, 0, len(t.rows))
	var issues []Issue
	for i := range t.rows {
		s := State{
			Istat:    t.field(i, "CODISTAT"),
			Belfiore: t.field(i, "CODAT"),
			ISO3:     t.field(i, "CODISO3166_1_ALPHA3"),
			NameIT:   t.field(i, "DENOMINAZIONEISTAT"),
			NameEN:   t.field(i, "DENOMINAZIONEISTAT_EN"),
			Kind:     t.field(i, "TIPO"),
			Origin:   OriginANPR,
		}
		key := strings.TrimSpace(s.Istat + " " + s.Belfiore)
		add := func(msg string) {
			issues = append(issues, Issue{File: StatesFile, Line: t.line[i], Key: key, Msg: msg})
		}
		raw := t.get(i, "DENOMINAZIONE")
		s.Name = strings.TrimSpace(raw)
		switch {
		case s.Name == "":
			add("DENOMINAZIONE vuota")
		case s.Name != raw:
			add("DENOMINAZIONE con spazi iniziali o finali: rimossi")
		}
		if s.Istat == "" {
			add("CODISTAT vuoto: riga esclusa dalle ricerche per codice ISTAT")
		}
		if s.Belfiore == "" {
			add("CODAT (codice Z) vuoto: riga esclusa dalle ricerche per codice catastale")
		}
		switch s.Kind {
		case "STATO", "TERRITORIO", "ALTRO":
		default:
			add("TIPO " + strconv.Quote(s.Kind) + " inatteso")
		}
		var ok bool
		if s.From, ok = parseAnyDate(t.field(i, "DATAINIZIOVALIDITA")); !ok {
			add("DATAINIZIOVALIDITA mancante o non valida: inizio sconosciuto")
		}
		if s.To, ok = parseAnyDate(t.field(i, "DATAFINEVALIDITA")); !ok {
			s.To = OpenEnd
			add("DATAFINEVALIDITA mancante o non valida: trattata come aperta")
		}
		flags := [...]struct {
			col string
			dst *bool
		}{{"CITTADINANZA", &s.Citizenship}, {"NASCITA", &s.Birth}, {"RESIDENZA", &s.Residence}}
		for _, f := range flags {
			switch v := t.field(i, f.col); v {
			case "S":
				*f.dst = true
			case "N":
			default:
				add(f.col + " " + strconv.Quote(v) + " diverso da S/N: trattato come N")
			}
		}
		rows = append(rows, s)
	}
	return rows, issues, nil
}

var cessatiColumns = []string{"CODAT", "DENOMINAZIONE", "DATAINIZIOVALIDITA", "DATAFINEVALIDITA", "SUCCESSORI_CODISTAT"}

// ReadDissolvedStates reads a table in the stati_esteri_cessati.csv format
// (CODAT, DENOMINAZIONE, DATAINIZIOVALIDITA, DATAFINEVALIDITA,
// SUCCESSORI_CODISTAT space-separated, NOTE; optional CODISTAT and
// CODISO3166_1_ALPHA3). A row with an end date is a dissolved state; a row
// without one (Hong Kong) is a territory code still in use. origin is
// OriginDissolved or OriginExtra, file the name used in issues.
func ReadDissolvedStates(r io.Reader, origin uint8, file string) ([]State, []Issue, error) {
	t, err := readTable(file, r, cessatiColumns...)
	if err != nil {
		return nil, nil, err
	}
	rows := make([]State, 0, len(t.rows))
	var issues []Issue
	for i := range t.rows {
		s := State{
			Belfiore: t.field(i, "CODAT"),
			Istat:    t.field(i, "CODISTAT"),
			ISO3:     t.field(i, "CODISO3166_1_ALPHA3"),
			Name:     t.field(i, "DENOMINAZIONE"),
			Note:     t.field(i, "NOTE"),
			Origin:   origin,
		}
		s.NameIT = s.Name
		add := func(msg string) {
			issues = append(issues, Issue{File: file, Line: t.line[i], Key: s.Belfiore, Msg: msg})
		}
		if s.Belfiore == "" {
			add("CODAT vuoto")
		}
		if s.Name == "" {
			add("DENOMINAZIONE vuota")
		}
		var ok bool
		if s.From, ok = parseAnyDate(t.field(i, "DATAINIZIOVALIDITA")); !ok {
			add("DATAINIZIOVALIDITA mancante o non valida: inizio sconosciuto")
		}
		end := t.field(i, "DATAFINEVALIDITA")
		if end == "" {
			s.To = OpenEnd
		} else if s.To, ok = parseAnyDate(end); !ok {
			s.To = OpenEnd
			add("DATAFINEVALIDITA non valida: trattata come aperta")
		}
		s.Dissolved = s.To != OpenEnd
		if f := strings.Fields(t.get(i, "SUCCESSORI_CODISTAT")); len(f) > 0 {
			s.Successors = f
		} else if s.Dissolved {
			add("stato cessato senza SUCCESSORI_CODISTAT")
		}
		rows = append(rows, s)
	}
	return rows, issues, nil
}
