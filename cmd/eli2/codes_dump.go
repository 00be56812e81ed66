package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

// dumpTable is one code table as rows of text, for eli2 codes dump.
type dumpTable struct {
	name  string    // SQL table and CSV file name (eli2_comuni)
	cols  []dumpCol // columns
	rows  [][]string
	about string // what it holds, written as a SQL comment
}

// dumpCol is a column: its name and whether it holds an integer.
type dumpCol struct {
	name string
	num  bool
}

// dumpPrefix prefixes every dumped table, so that they never clash with a
// vendor's own tables.
const dumpPrefix = "eli2_"

// dumpBool is a boolean cell: 1 or 0.
func dumpBool(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// dumpTables returns every code table of t: comuni, states, provinces,
// kit editions and codes (all editions), and the ANPR decoding tables.
// Empty cells are NULL in SQL; dates are YYYY-MM-DD, an open end
// 9999-12-31 as in ANPR.
func dumpTables(t *codes.Tables) []dumpTable {
	txt := func(names ...string) []dumpCol {
		out := make([]dumpCol, len(names))
		for i, n := range names {
			out[i] = dumpCol{name: n, num: strings.HasPrefix(n, "n_") || n == "codice_kit" || n == "successore" || n == "durata_max_mesi"}
			out[i].name = strings.TrimPrefix(n, "n_")
		}
		return out
	}
	var out []dumpTable

	com := dumpTable{name: dumpPrefix + "comuni", about: "comuni (ANPR archivio dei comuni, aggiornamento " + codes.DataVersion + "), con la storia",
		cols: txt("n_id", "codice_istat", "codice_catastale", "denominazione", "denominazione_translit", "denominazione_altra_lingua",
			"provincia", "provincia_istat", "regione", "valido_dal", "valido_al", "stato")}
	for _, c := range t.Comuni() {
		com.rows = append(com.rows, []string{strconv.Itoa(c.ID), c.Istat, c.Belfiore, c.Name, c.NameTranslit, c.AltName,
			c.Province, c.ProvinceIstat, c.Region, c.From.String(), c.To.String(), string(rune(c.Status))})
	}
	out = append(out, com)

	st := dumpTable{name: dumpPrefix + "stati", about: "stati esteri (ANPR, con i cessati)",
		cols: txt("codice_istat", "codice_catastale", "iso3", "denominazione", "denominazione_it", "denominazione_en",
			"valido_dal", "valido_al", "n_cittadinanza", "n_nascita", "n_residenza", "tipo", "n_cessato", "successori", "nota")}
	for _, s := range t.States() {
		st.rows = append(st.rows, []string{s.Istat, s.Belfiore, s.ISO3, s.Name, s.NameIT, s.NameEN, s.From.String(), s.To.String(),
			dumpBool(s.Citizenship), dumpBool(s.Birth), dumpBool(s.Residence), s.Kind, dumpBool(s.Dissolved),
			strings.Join(s.Successors, "|"), s.Note})
	}
	out = append(out, st)

	pr := dumpTable{name: dumpPrefix + "province", about: "province e città metropolitane (ISTAT) con la questura che le serve",
		cols: txt("codice_istat", "sigla", "denominazione", "regione", "n_ha_questura", "questura")}
	for _, p := range t.Provinces() {
		pr.rows = append(pr.rows, []string{p.Istat, p.Sigla, p.Name, p.Region, dumpBool(p.HasQuestura), p.Questura})
	}
	out = append(out, pr)

	ed := dumpTable{name: dumpPrefix + "kit_edizioni", about: "edizioni della tabella delle tipologie del kit postale",
		cols: txt("edizione", "dal", "fonte")}
	for _, e := range t.KitEditions() {
		ed.rows = append(ed.rows, []string{e.Name, e.From.String(), e.Source})
	}
	out = append(out, ed)

	kit := dumpTable{name: dumpPrefix + "kit", about: "tipologie del kit postale, tutte le edizioni",
		cols: txt("edizione", "codice_kit", "descrizione", "titolo", "operazione", "operazioni", "valido_al", "durata_max_mesi",
			"durata_max_operazioni", "n_senza_durata", "successore", "nota")}
	for _, e := range t.KitEditions() {
		// codes.Tables lists the rows of the first edition only (KitTypes);
		// KitIn reads any edition by code, and kit codes are below 1000.
		for code := 0; code <= 999; code++ {
			k, ok := t.KitIn(e.Name, code)
			if !ok {
				continue
			}
			months, per, succ := "", "", ""
			if k.MaxMonths > 0 {
				months, per = strconv.Itoa(k.MaxMonths), k.MaxMonthsOps.String()
			}
			if k.Successor > 0 {
				succ = strconv.Itoa(k.Successor)
			}
			kit.rows = append(kit.rows, []string{e.Name, strconv.Itoa(k.Code), k.Description, k.Titolo, k.Operazione,
				k.Ops.String(), k.ValidTo.String(), months, per, dumpBool(k.NoDuration), succ, k.Note})
		}
	}
	out = append(out, kit)

	for tab := codes.StatoCivile; tab.String() != ""; tab++ {
		dt := dumpTable{name: dumpPrefix + "anpr_" + tab.String(), about: "tabella di decodifica ANPR " + tab.String(),
			cols: txt("codice", "descrizione", "nota")}
		for _, e := range t.Entries(tab) {
			dt.rows = append(dt.rows, []string{e.ID, e.Description, e.Note})
		}
		out = append(out, dt)
	}
	return out
}

// sqlQuote quotes s as a SQL string literal, the same for PostgreSQL
// (standard_conforming_strings, the default since 9.1) and SQLite: single
// quotes doubled, nothing else special.
func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// dumpInsertRows is how many rows one INSERT holds (well below SQLite's
// limits on compound VALUES).
const dumpInsertRows = 100

// writeSQL writes tabs as SQL that both PostgreSQL and SQLite run: one
// transaction, DROP TABLE IF EXISTS, CREATE TABLE, INSERT.
func writeSQL(w io.Writer, tabs []dumpTable) error {
	bw := &errWriter{w: w}
	bw.printf("-- tabelle dei codici di eli2sdk (dati %s): eli2 codes dump --format sql\n", codes.DataVersion)
	bw.printf("-- compatibile con PostgreSQL e SQLite\nBEGIN;\n")
	for _, tab := range tabs {
		bw.printf("\n-- %s\nDROP TABLE IF EXISTS %s;\nCREATE TABLE %s (\n", tab.about, tab.name, tab.name)
		for i, c := range tab.cols {
			typ := "TEXT"
			if c.num {
				typ = "INTEGER"
			}
			sep := ","
			if i == len(tab.cols)-1 {
				sep = ""
			}
			bw.printf("  %s %s%s\n", c.name, typ, sep)
		}
		bw.printf(");\n")
		for start := 0; start < len(tab.rows); start += dumpInsertRows {
			end := min(start+dumpInsertRows, len(tab.rows))
			names := make([]string, len(tab.cols))
			for i, c := range tab.cols {
				names[i] = c.name
			}
			bw.printf("INSERT INTO %s (%s) VALUES\n", tab.name, strings.Join(names, ", "))
			for r, row := range tab.rows[start:end] {
				cells := make([]string, len(row))
				for i, v := range row {
					switch {
					case v == "":
						cells[i] = "NULL"
					case tab.cols[i].num:
						cells[i] = v
					default:
						cells[i] = sqlQuote(v)
					}
				}
				sep := ","
				if start+r == end-1 {
					sep = ";"
				}
				bw.printf("  (%s)%s\n", strings.Join(cells, ", "), sep)
			}
		}
	}
	bw.printf("\nCOMMIT;\n")
	return bw.err
}

// writeCSV writes one table as CSV (UTF-8, ',' separated, header line).
func writeCSV(w io.Writer, tab dumpTable) error {
	cw := csv.NewWriter(w)
	names := make([]string, len(tab.cols))
	for i, c := range tab.cols {
		names[i] = c.name
	}
	if err := cw.Write(names); err != nil {
		return err
	}
	for _, row := range tab.rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

const codesDumpUsage = `uso:
  eli2 codes dump --format sql [--out FILE] [--tabella NOME]
  eli2 codes dump --format csv (--out CARTELLA | --tabella NOME)

Scrive tutte le tabelle dei codici (comuni con la storia, stati esteri,
province con le questure, edizioni e tipologie del kit, tabelle di decodifica
ANPR), con nomi che iniziano per eli2_, per caricarle in un database e
scrivere viste sullo schema del proprio gestionale.
sql: una transazione con DROP TABLE IF EXISTS, CREATE TABLE e INSERT, valida
per PostgreSQL e SQLite (psql -f, sqlite3 .read); su stdout senza --out.
csv: un file NOME.csv per tabella nella CARTELLA (UTF-8, separatore ',');
con --tabella una sola tabella, su stdout senza --out.
Valori vuoti: NULL in SQL; date AAAA-MM-GG, 9999-12-31 per "in vigore".

opzioni:
`

// runCodesDump implements eli2 codes dump.
func runCodesDump(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("codes dump", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "", "sql o csv")
	out := fs.String("out", "", "file (sql) o cartella (csv) di uscita")
	only := fs.String("tabella", "", "una sola tabella (es. eli2_comuni)")
	fs.Usage = func() {
		fmt.Fprint(stderr, codesDumpUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	fail := func(msg string) int {
		fmt.Fprintf(stderr, "eli2 codes dump: %s\n", msg)
		return 2
	}
	if fs.NArg() > 0 {
		return fail("argomenti non previsti: " + strings.Join(fs.Args(), " "))
	}
	tabs := dumpTables(codes.Default())
	if *only != "" {
		name := *only
		if !strings.HasPrefix(name, dumpPrefix) {
			name = dumpPrefix + name
		}
		var keep []dumpTable
		for _, t := range tabs {
			if t.name == name {
				keep = append(keep, t)
			}
		}
		if keep == nil {
			names := make([]string, len(tabs))
			for i, t := range tabs {
				names[i] = t.name
			}
			return fail(fmt.Sprintf("tabella sconosciuta %q: %s", *only, strings.Join(names, ", ")))
		}
		tabs = keep
	}
	switch *format {
	case "sql":
		if *out == "" {
			if err := writeSQL(stdout, tabs); err != nil {
				fmt.Fprintf(stderr, "eli2 codes dump: %v\n", err)
				return 1
			}
			return 0
		}
		if err := atomicfile.Write(*out, func(w io.Writer) error { return writeSQL(w, tabs) }); err != nil {
			fmt.Fprintf(stderr, "eli2 codes dump: %v\n", err)
			return 1
		}
		return 0
	case "csv":
		if *out == "" {
			if len(tabs) != 1 {
				return fail("--format csv scrive un file per tabella: indicare --out CARTELLA, oppure --tabella NOME per stdout")
			}
			if err := writeCSV(stdout, tabs[0]); err != nil {
				fmt.Fprintf(stderr, "eli2 codes dump: %v\n", err)
				return 1
			}
			return 0
		}
		if err := os.MkdirAll(*out, 0o700); err != nil {
			fmt.Fprintf(stderr, "eli2 codes dump: %v\n", err)
			return 1
		}
		for _, tab := range tabs {
			path := filepath.Join(*out, tab.name+".csv")
			if err := atomicfile.Write(path, func(w io.Writer) error { return writeCSV(w, tab) }); err != nil {
				fmt.Fprintf(stderr, "eli2 codes dump: %v\n", err)
				return 1
			}
		}
		return 0
	}
	return fail("--format: usare sql o csv")
}
