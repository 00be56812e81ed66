package source

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// KitEdition is one row of kit_edizioni.csv: an edition of the kit table,
// the file holding its rows and the first day it is in force.
type KitEdition struct {
	Name   string // EDIZIONE ("2006", "2024")
	File   string // FILE, base name of the table under kit/
	From   Date   // IN_VIGORE_DAL; 0 for the first edition
	Source string // FONTE
}

// ReadKitEditions reads the list of kit editions. Unlike the code tables, a
// wrong row here changes which table judges a file, so it is an error: a
// duplicate or empty name, a bad date, or more than one edition without a
// start date.
func ReadKitEditions(r io.Reader) ([]KitEdition, error) {
	t, err := readTable(KitEditionsFile, r, "EDIZIONE", "FILE", "IN_VIGORE_DAL", "FONTE")
	if err != nil {
		return nil, err
	}
	var eds []KitEdition
	for i := range t.rows {
		e := KitEdition{Name: t.field(i, "EDIZIONE"), File: t.field(i, "FILE"), Source: t.field(i, "FONTE")}
		if e.Name == "" || e.File == "" {
			return nil, fmt.Errorf("source: %s:%d: EDIZIONE e FILE sono obbligatori", KitEditionsFile, t.line[i])
		}
		if v := t.field(i, "IN_VIGORE_DAL"); v != "" {
			var ok bool
			if e.From, ok = parseAnyDate(v); !ok {
				return nil, fmt.Errorf("source: %s:%d: IN_VIGORE_DAL %q non valida", KitEditionsFile, t.line[i], v)
			}
		}
		eds = append(eds, e)
	}
	if err := CheckKitEditions(eds); err != nil {
		return nil, err
	}
	return eds, nil
}

// CheckKitEditions sorts eds by start date and requires distinct names,
// distinct start dates and exactly one edition without a start date (the
// first).
func CheckKitEditions(eds []KitEdition) error {
	if len(eds) == 0 {
		return fmt.Errorf("source: %s: nessuna edizione", KitEditionsFile)
	}
	slices.SortStableFunc(eds, func(a, b KitEdition) int { return cmp.Compare(a.From, b.From) })
	for i, e := range eds {
		if e.Name == "" {
			return fmt.Errorf("source: %s: edizione senza nome", KitEditionsFile)
		}
		if i > 0 && e.From == eds[i-1].From {
			if e.From == 0 {
				return fmt.Errorf("source: %s: edizioni %s e %s senza data di entrata in vigore: solo la prima può non averla", KitEditionsFile, eds[i-1].Name, e.Name)
			}
			return fmt.Errorf("source: %s: edizioni %s e %s con la stessa data %s", KitEditionsFile, eds[i-1].Name, e.Name, FormatDate(e.From))
		}
		for _, p := range eds[:i] {
			if p.Name == e.Name {
				return fmt.Errorf("source: %s: edizione %s ripetuta", KitEditionsFile, e.Name)
			}
		}
	}
	return nil
}

// KitDuration is one row of kit_durate.csv: the maximum duration of the
// permits of a kit code, or the fact that it has none.
type KitDuration struct {
	Code       int
	Edition    string // EDIZIONE; "" = every edition that has the code
	Months     int    // MESI; 0 with NoDuration
	NoDuration bool   // MESI is NESSUNA: the permit has no duration
	Ops        uint8  // OPERAZIONI the maximum applies to
	Source     string // FONTE
	Line       int
}

// ReadKitDurations reads kit_durate.csv (CODICE, EDIZIONE, MESI,
// OPERAZIONI, FONTE). MESI is a whole number of months or NESSUNA.
func ReadKitDurations(r io.Reader) ([]KitDuration, []Issue, error) {
	t, err := readTable(KitDurationsFile, r, "CODICE", "MESI", "OPERAZIONI", "FONTE")
	if err != nil {
		return nil, nil, err
	}
	var rows []KitDuration
	var issues []Issue
	for i := range t.rows {
		code := t.field(i, "CODICE")
		add := func(msg string) {
			issues = append(issues, Issue{File: KitDurationsFile, Line: t.line[i], Key: code, Msg: msg})
		}
		d := KitDuration{Edition: t.field(i, "EDIZIONE"), Source: t.field(i, "FONTE"), Line: t.line[i]}
		var err error
		if d.Code, err = strconv.Atoi(code); err != nil || d.Code <= 0 {
			add("CODICE non numerico: riga scartata")
			continue
		}
		switch m := strings.ToUpper(t.field(i, "MESI")); {
		case m == "NESSUNA":
			d.NoDuration = true
		default:
			if d.Months, err = strconv.Atoi(m); err != nil || d.Months <= 0 {
				add("MESI " + strconv.Quote(m) + " né un numero di mesi né NESSUNA: riga scartata")
				continue
			}
		}
		var ok bool
		if d.Ops, ok = ParseOps(t.field(i, "OPERAZIONI")); !ok {
			add("OPERAZIONI non riconosciute: riga scartata")
			continue
		}
		if d.Ops == 0 && !d.NoDuration {
			add("OPERAZIONI vuote: riga scartata")
			continue
		}
		if d.Source == "" {
			add("FONTE mancante: riga scartata (ogni durata deve citare la sua fonte)")
			continue
		}
		rows = append(rows, d)
	}
	return rows, issues, nil
}

// KitSuccessor is one row of the successor table: a code of an older
// edition and the code of the next edition to use instead (0 = none, the
// row records that there is none).
type KitSuccessor struct {
	FromEdition, ToEdition string // from the header: CODICE_2006, CODICE_2024
	Code, Successor        int
	Source                 string
	Line                   int
}

// ReadKitSuccessors reads kit_successori.csv. The first two columns named
// CODICE_<edition> give the editions (CODICE_2006,CODICE_2024,FONTE); an
// empty successor records that the code has none.
func ReadKitSuccessors(r io.Reader) ([]KitSuccessor, []Issue, error) {
	t, err := readTable(KitSuccessorFile, r, "FONTE")
	if err != nil {
		return nil, nil, err
	}
	var eds []string
	for _, h := range t.header {
		if ed, ok := strings.CutPrefix(h, "CODICE_"); ok && ed != "" {
			eds = append(eds, ed)
		}
	}
	if len(eds) != 2 {
		return nil, nil, errMissing(KitSuccessorFile, "CODICE_<edizione> (servono due colonne, vecchia e nuova edizione)")
	}
	var rows []KitSuccessor
	var issues []Issue
	for i := range t.rows {
		code := t.field(i, "CODICE_"+eds[0])
		add := func(msg string) {
			issues = append(issues, Issue{File: KitSuccessorFile, Line: t.line[i], Key: code, Msg: msg})
		}
		s := KitSuccessor{FromEdition: eds[0], ToEdition: eds[1], Source: t.field(i, "FONTE"), Line: t.line[i]}
		var err error
		if s.Code, err = strconv.Atoi(code); err != nil || s.Code <= 0 {
			add("codice non numerico: riga scartata")
			continue
		}
		if v := t.field(i, "CODICE_"+eds[1]); v != "" {
			if s.Successor, err = strconv.Atoi(v); err != nil || s.Successor <= 0 {
				add("codice successore " + strconv.Quote(v) + " non numerico: riga scartata")
				continue
			}
		}
		if s.Source == "" {
			add("FONTE mancante: riga scartata")
			continue
		}
		rows = append(rows, s)
	}
	return rows, issues, nil
}

// ApplyKitFacts copies durations and successors onto the kit rows (all
// editions) and reports the facts that match no row.
func ApplyKitFacts(rows []Kit, durations []KitDuration, successors []KitSuccessor) []Issue {
	var issues []Issue
	for _, d := range durations {
		n := 0
		for i := range rows {
			k := &rows[i]
			if k.Code == d.Code && (d.Edition == "" || d.Edition == k.Edition) {
				k.MaxMonths, k.MaxMonthsOps, k.NoDuration, k.DurationSource = d.Months, d.Ops, d.NoDuration, d.Source
				n++
			}
		}
		if n == 0 {
			issues = append(issues, Issue{File: KitDurationsFile, Line: d.Line, Key: strconv.Itoa(d.Code),
				Msg: "codice assente dalle tabelle del kit: durata ignorata"})
		}
	}
	has := func(ed string, code int) *Kit {
		for i := range rows {
			if rows[i].Edition == ed && rows[i].Code == code {
				return &rows[i]
			}
		}
		return nil
	}
	for _, s := range successors {
		k := has(s.FromEdition, s.Code)
		if k == nil {
			issues = append(issues, Issue{File: KitSuccessorFile, Line: s.Line, Key: strconv.Itoa(s.Code),
				Msg: "codice assente dall'edizione " + s.FromEdition + ": riga ignorata"})
			continue
		}
		if s.Successor != 0 && has(s.ToEdition, s.Successor) == nil {
			issues = append(issues, Issue{File: KitSuccessorFile, Line: s.Line, Key: strconv.Itoa(s.Code),
				Msg: "successore " + strconv.Itoa(s.Successor) + " assente dall'edizione " + s.ToEdition + ": riga ignorata"})
			continue
		}
		k.Successor, k.SuccessorSource = s.Successor, s.Source
	}
	return issues
}

// SortKit sorts rows by edition (in the order of eds) and code, and reports
// rows of an edition eds does not list.
func SortKit(rows []Kit, eds []KitEdition) {
	pos := func(name string) int {
		for i, e := range eds {
			if e.Name == name {
				return i
			}
		}
		return len(eds)
	}
	slices.SortStableFunc(rows, func(a, b Kit) int {
		return cmp.Or(cmp.Compare(pos(a.Edition), pos(b.Edition)), cmp.Compare(a.Code, b.Code))
	})
}
