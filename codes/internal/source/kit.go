package source

import (
	"io"
	"strconv"
	"strings"
)

// File names of the kit tables.
const (
	KitFile          = "tipologie_permesso.csv"      // 2006–2009 edition (OPERAZIONE column)
	KitEditionsFile  = "kit_edizioni.csv"            // editions and the day each came into force
	KitDurationsFile = "kit_durate.csv"              // maximum durations per code, with sources
	KitSuccessorFile = "kit_successori.csv"          // 2006 codes gone in 2024 and what replaces them
	Kit2024File      = "tipologie_permesso_2024.csv" // the 2024 edition (one column per operation)
)

// Kit operations as bits of Kit.Ops, in the order of codes.KitOp (1 <<
// (op-1)).
const (
	OpRilascio uint8 = 1 << iota
	OpRinnovo
	OpConversione
	OpAggiornamento
	OpDuplicato
)

// OpNames are the operation names in bit order, as the 2024 table heads its
// columns.
var OpNames = [...]string{"RILASCIO", "RINNOVO", "CONVERSIONE", "AGGIORNAMENTO", "DUPLICATO"}

// Kit is one row of a kit table: a code written on Modulo 1 in one edition.
type Kit struct {
	Edition     string // edition name ("2006", "2024")
	Code        int
	Description string
	Titolo      string // PERMESSO or CARTA
	Operazione  string // 2006 format only: RILASCIO_RINNOVO, RINNOVO, AGGIORNAMENTO, CONVERSIONE, DUPLICATO
	Ops         uint8  // operations the code allows (Op… bits)
	ValidTo     Date   // VALIDO_AL; 0 = no end
	Note        string

	MaxMonths      int    // maximum duration in months; 0 = none known
	MaxMonthsOps   uint8  // operations the maximum applies to
	NoDuration     bool   // the permit has no duration at all
	DurationSource string // source of MaxMonths / NoDuration

	Successor       int    // code to use instead in the next edition; 0 = none
	SuccessorSource string // source of Successor, or of the fact that there is none
}

// ReadKit reads a kit table of edition edition. Both layouts are accepted:
// the 2006 one (OPERAZIONE column; RILASCIO_RINNOVO allows rilascio and
// rinnovo) and the 2024 one (one column per operation, SI or empty). file
// names the file in issues.
func ReadKit(r io.Reader, edition, file string) ([]Kit, []Issue, error) {
	t, err := readTable(file, r, "CODICE", "DESCRIZIONE", "TITOLO")
	if err != nil {
		return nil, nil, err
	}
	_, layout2006 := t.cols["OPERAZIONE"]
	if !layout2006 {
		for _, op := range OpNames {
			if _, ok := t.cols[op]; !ok {
				return nil, nil, errMissing(file, "OPERAZIONE (o "+op+")")
			}
		}
	}
	var issues []Issue
	rows := make([]Kit, 0, len(t.rows))
	for i := range t.rows {
		k := Kit{
			Edition:     edition,
			Description: t.field(i, "DESCRIZIONE"),
			Titolo:      t.field(i, "TITOLO"),
			Note:        t.field(i, "NOTE"),
		}
		code := t.field(i, "CODICE")
		add := func(msg string) {
			issues = append(issues, Issue{File: file, Line: t.line[i], Key: code, Msg: msg})
		}
		n, err := strconv.Atoi(code)
		if err != nil || n <= 0 {
			add("CODICE non numerico: riga scartata")
			continue
		}
		k.Code = n
		switch k.Titolo {
		case "PERMESSO", "CARTA":
		default:
			add("TITOLO " + strconv.Quote(k.Titolo) + " inatteso")
		}
		if layout2006 {
			k.Operazione = t.field(i, "OPERAZIONE")
			switch k.Operazione {
			case "RILASCIO_RINNOVO":
				k.Ops = OpRilascio | OpRinnovo
			case "RINNOVO":
				k.Ops = OpRinnovo
			case "AGGIORNAMENTO":
				k.Ops = OpAggiornamento
			case "CONVERSIONE":
				k.Ops = OpConversione
			case "DUPLICATO":
				k.Ops = OpDuplicato
			default:
				add("OPERAZIONE " + strconv.Quote(k.Operazione) + " inattesa")
			}
		} else {
			for b, op := range OpNames {
				switch v := strings.ToUpper(t.field(i, op)); v {
				case "SI":
					k.Ops |= 1 << b
				case "", "NO":
				default:
					add(op + " " + strconv.Quote(v) + " diverso da SI/vuoto: trattato come non ammesso")
				}
			}
			if k.Ops == 0 {
				add("nessuna operazione ammessa")
			}
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

// ParseOps reads a list of operation names separated by spaces, commas,
// semicolons or "|" (RINNOVO; RILASCIO RINNOVO). An unknown name gives ok
// false.
func ParseOps(s string) (uint8, bool) {
	var ops uint8
	for _, f := range strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == '|'
	}) {
		found := false
		for b, op := range OpNames {
			if f == op {
				ops |= 1 << b
				found = true
			}
		}
		if !found {
			return 0, false
		}
	}
	return ops, true
}
