package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/retecomuni/eli2sdk/codes"
)

func init() {
	register("codes", "cerca comuni, stati esteri, province, questure e tipologie del kit; esporta le tabelle dei codici", runCodes)
}

const codesUsage = `uso:
  eli2 codes comune QUERY [--riferimento AAAA-MM-GG] [--provincia XX] [--json]
  eli2 codes stato  QUERY [--riferimento AAAA-MM-GG] [--json]
  eli2 codes provincia|questura|kit …     (eli2 codes kit --help)
  eli2 codes dump --format sql|csv …      tutte le tabelle, per un database

QUERY è un nome (senza distinzione di maiuscole, accenti e apostrofi), un
codice catastale (A089, Z118) o un codice ISTAT (084001, 250); per gli stati
anche un codice ISO a tre lettere (HRV). Sono mostrate tutte le righe che
corrispondono, le più recenti per prime. Con --riferimento solo quelle valide in quella
data. Esce con 1 se nulla corrisponde.
Dati: ANPR, aggiornamento ` + codes.DataVersion + `.

opzioni:
`

// codesComuneJSON is one comune in the --json output.
type codesComuneJSON struct {
	CodiceCatastale string `json:"codice_catastale"`
	CodiceIstat     string `json:"codice_istat"`
	Denominazione   string `json:"denominazione"`
	Provincia       string `json:"provincia"`
	ValidoDal       string `json:"valido_dal"`
	ValidoAl        string `json:"valido_al"`
}

// codesStatoJSON is one state in the --json output.
type codesStatoJSON struct {
	CodiceCatastale string `json:"codice_catastale"`
	CodiceIstat     string `json:"codice_istat"`
	Denominazione   string `json:"denominazione"`
	ISO3            string `json:"iso3"`
	ValidoDal       string `json:"valido_dal"`
	ValidoAl        string `json:"valido_al"`
}

func runCodes(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, codesUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	kind := args[0]
	switch kind {
	case "dump":
		return runCodesDump(args[1:], stdout, stderr)
	case "provincia", "questura", "kit":
		return runCodesTable(kind, args[1:], stdout, stderr)
	}
	if kind != "comune" && kind != "stato" {
		fmt.Fprintf(stderr, "eli2 codes: tipo di ricerca sconosciuto %q: usare comune, stato, provincia, questura, kit o dump\n\n", kind)
		fmt.Fprint(stderr, codesUsage)
		return 2
	}

	fs := flag.NewFlagSet("codes "+kind, flag.ContinueOnError)
	fs.SetOutput(stderr)
	onText := fs.String("riferimento", "", "solo le righe valide in questa data (AAAA-MM-GG)")
	asJSON := fs.Bool("json", false, "stampa un array JSON")
	var provincia *string
	if kind == "comune" {
		provincia = fs.String("provincia", "", "solo i comuni di questa provincia (sigla, es. MO)")
	}
	fs.Usage = func() {
		fmt.Fprint(stderr, codesUsage)
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args[1:])
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		fmt.Fprintf(stderr, "eli2 codes %s: manca la QUERY (nome o codice)\n", kind)
		return 2
	}
	on, err := codes.ParseDate(*onText)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 codes %s: data --riferimento non valida %q: usare AAAA-MM-GG\n", kind, *onText)
		return 2
	}

	t := codes.Default()
	if kind == "comune" {
		prov := strings.ToUpper(strings.TrimSpace(*provincia))
		found := codesFindComuni(t, query, codes.Query{Province: prov, On: on})
		if len(found) == 0 {
			fmt.Fprintf(stderr, "eli2 codes comune: nessun comune trovato per %q%s\n", query, codesFilterText(prov, on))
			return 1
		}
		if *asJSON {
			out := make([]codesComuneJSON, len(found))
			for i, c := range found {
				out[i] = codesComuneJSON{c.Belfiore, c.Istat, c.Name, c.Province, c.From.String(), codesEnd(c.To)}
			}
			return codesWriteJSON(stdout, stderr, out)
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CODICE CATASTALE\tCODICE ISTAT\tDENOMINAZIONE\tPROVINCIA\tVALIDO DAL\tVALIDO AL")
		for _, c := range found {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.Belfiore, c.Istat, c.Name, c.Province, codesDash(c.From.String()), codesEndHuman(c.To))
		}
		tw.Flush()
		return 0
	}

	found := codesFindStates(t, query, on)
	if len(found) == 0 {
		fmt.Fprintf(stderr, "eli2 codes stato: nessuno stato trovato per %q%s\n", query, codesFilterText("", on))
		return 1
	}
	if *asJSON {
		out := make([]codesStatoJSON, len(found))
		for i, s := range found {
			out[i] = codesStatoJSON{s.Belfiore, s.Istat, s.Name, s.ISO3, s.From.String(), codesEnd(s.To)}
		}
		return codesWriteJSON(stdout, stderr, out)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODICE CATASTALE\tCODICE ISTAT\tDENOMINAZIONE\tISO3\tVALIDO DAL\tVALIDO AL\tNOTE")
	for _, s := range found {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", codesDash(s.Belfiore), codesDash(s.Istat), codesDash(s.Name),
			codesDash(s.ISO3), codesDash(s.From.String()), codesEndHuman(s.To), codesStateNote(s))
	}
	tw.Flush()
	return 0
}

// codesFindComuni resolves QUERY as a Belfiore code, an ISTAT code or a name.
func codesFindComuni(t *codes.Tables, query string, q codes.Query) []codes.Comune {
	var rows []codes.Comune
	switch {
	case codesIsBelfiore(query):
		rows = t.ComuneHistory(query)
	case codesIsDigits(query):
		rows = t.ComuniByIstat(query)
	default:
		return t.FindComuni(query, q)
	}
	rows = slices.DeleteFunc(rows, func(c codes.Comune) bool {
		return (q.Province != "" && !strings.EqualFold(c.Province, q.Province)) || (q.On != 0 && !c.ValidOn(q.On))
	})
	slices.SortStableFunc(rows, func(a, b codes.Comune) int {
		return cmp.Or(cmp.Compare(b.To, a.To), cmp.Compare(b.From, a.From))
	})
	return rows
}

// codesFindStates resolves QUERY as a Z-code, an ISTAT code, an ISO alpha-3
// code or a name (a three-letter query is tried both as ISO code and name).
func codesFindStates(t *codes.Tables, query string, on codes.Date) []codes.State {
	valid := func(s codes.State) bool { return on == 0 || s.ValidOn(on) }
	switch {
	case codesIsBelfiore(query):
		s, err := t.StateByBelfiore(query)
		if err != nil || !valid(s) {
			return nil
		}
		return []codes.State{s}
	case codesIsDigits(query):
		s, ok := t.StateByIstat(query, on)
		if !ok {
			return nil
		}
		return []codes.State{s}
	}
	found := t.FindStates(query, on)
	if len(query) == 3 {
		if s, ok := t.StateByISO3(query); ok && valid(s) {
			dup := slices.ContainsFunc(found, func(f codes.State) bool {
				return f.Istat == s.Istat && f.Belfiore == s.Belfiore && f.Name == s.Name
			})
			if !dup {
				found = append([]codes.State{s}, found...)
			}
		}
	}
	return found
}

func codesIsBelfiore(s string) bool {
	if len(s) != 4 {
		return false
	}
	c := s[0] | 0x20
	return c >= 'a' && c <= 'z' && codesIsDigits(s[1:])
}

func codesIsDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// codesEnd is the JSON end of validity: "" while still valid.
func codesEnd(d codes.Date) string {
	if d == codes.MaxDate {
		return ""
	}
	return d.String()
}

func codesEndHuman(d codes.Date) string {
	if d == codes.MaxDate {
		return "in vigore"
	}
	return codesDash(d.String())
}

func codesDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func codesStateNote(s codes.State) string {
	var parts []string
	if s.Dissolved {
		parts = append(parts, "stato cessato")
	}
	if len(s.Successors) > 0 {
		parts = append(parts, "successori ISTAT: "+strings.Join(s.Successors, " "))
	}
	if s.Belfiore == "" {
		parts = append(parts, "senza codice catastale")
	}
	return strings.Join(parts, "; ")
}

func codesFilterText(prov string, on codes.Date) string {
	var s string
	if prov != "" {
		s += " in provincia " + prov
	}
	if on != 0 {
		s += " valido il " + on.String()
	}
	return s
}

func codesWriteJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "eli2 codes: scrittura JSON: %v\n", err)
		return 1
	}
	return 0
}
