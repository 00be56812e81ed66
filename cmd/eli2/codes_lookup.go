package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/retecomuni/eli2sdk/anagrafe/vendormap"
	"github.com/retecomuni/eli2sdk/codes"
)

// codesProvinciaJSON is one province in the --json output.
type codesProvinciaJSON struct {
	CodiceIstat   string `json:"codice_istat"`
	Sigla         string `json:"sigla"`
	Denominazione string `json:"denominazione"`
	Regione       string `json:"regione"`
	Questura      string `json:"questura"`
}

// codesQuesturaJSON is one questura in the --json output.
type codesQuesturaJSON struct {
	Sigla    string   `json:"sigla"`
	Nome     string   `json:"nome"`
	Province []string `json:"province_servite"`
}

// codesKitJSON is one kit code in the --json output.
type codesKitJSON struct {
	Edizione      string `json:"edizione"`
	Codice        int    `json:"codice"`
	Descrizione   string `json:"descrizione"`
	Titolo        string `json:"titolo"`
	Operazioni    string `json:"operazioni"`
	DurataMaxMesi int    `json:"durata_max_mesi,omitempty"`
	DurataPer     string `json:"durata_max_operazioni,omitempty"` // the operations the maximum applies to
	SenzaDurata   bool   `json:"senza_durata,omitempty"`
	InVigore      bool   `json:"in_vigore"`
	Successore    int    `json:"successore,omitempty"`
	Nota          string `json:"nota,omitempty"`
}

const codesTablesUsage = `uso:
  eli2 codes provincia [QUERY] [--json]     sigla, codice ISTAT o nome; senza QUERY tutte
  eli2 codes questura QUERY [--json]        "QUESTURA DI REGGIO EMILIA", "Forlì", RE
  eli2 codes kit [CODICE] [--riferimento AAAA-MM-GG] [--json]
                                            tipologie del kit nell'edizione in vigore
                                            alla data (predefinita oggi); un codice non
                                            più in vigore mostra il successore
Dati: ISTAT (province), tabelle del kit postale (codes/data/kit_edizioni.csv).

opzioni:
`

// runCodesTable implements eli2 codes provincia|questura|kit.
func runCodesTable(kind string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("codes "+kind, flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "stampa un array JSON")
	var onText *string
	if kind == "kit" {
		onText = fs.String("riferimento", "", "data dell'edizione in vigore (AAAA-MM-GG, predefinita oggi)")
	}
	fs.Usage = func() {
		fmt.Fprint(stderr, codesTablesUsage)
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	t := codes.Default()
	switch kind {
	case "provincia":
		return codesProvince(t, query, *asJSON, stdout, stderr)
	case "questura":
		if query == "" {
			fmt.Fprintln(stderr, "eli2 codes questura: manca la QUERY (nome o sigla)")
			return 2
		}
		return codesQuestura(t, query, *asJSON, stdout, stderr)
	}
	on := codes.Today()
	if *onText != "" {
		if on, err = codes.ParseDate(*onText); err != nil || on == 0 {
			fmt.Fprintf(stderr, "eli2 codes kit: data --riferimento non valida %q: usare AAAA-MM-GG\n", *onText)
			return 2
		}
	}
	return codesKit(t, query, on, *asJSON, stdout, stderr)
}

func codesProvince(t *codes.Tables, query string, asJSON bool, stdout, stderr io.Writer) int {
	var found []codes.Province
	key := codes.NormalizeName(query)
	for _, p := range t.Provinces() {
		if query == "" || strings.EqualFold(p.Sigla, query) || p.Istat == query ||
			strings.Contains(codes.NormalizeName(p.Name), key) {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		fmt.Fprintf(stderr, "eli2 codes provincia: nessuna provincia trovata per %q\n", query)
		return 1
	}
	if asJSON {
		out := make([]codesProvinciaJSON, len(found))
		for i, p := range found {
			out[i] = codesProvinciaJSON{p.Istat, p.Sigla, p.Name, p.Region, p.Questura}
		}
		return codesWriteJSON(stdout, stderr, out)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SIGLA\tCODICE ISTAT\tDENOMINAZIONE\tREGIONE\tQUESTURA")
	for _, p := range found {
		q := p.Questura
		if !p.HasQuestura {
			q += " (nessuna questura propria)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.Sigla, p.Istat, p.Name, p.Region, q)
	}
	tw.Flush()
	return 0
}

func codesQuestura(t *codes.Tables, query string, asJSON bool, stdout, stderr io.Writer) int {
	sigla, err := vendormap.NewQuesturaFinder(t).Find(query)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 codes questura: %v\n", err)
		return 1
	}
	p, _ := t.Province(sigla)
	var served []string
	for _, o := range t.Provinces() {
		if o.Questura == sigla {
			served = append(served, o.Sigla)
		}
	}
	q := codesQuesturaJSON{Sigla: sigla, Nome: "Questura di " + p.Name, Province: served}
	if asJSON {
		return codesWriteJSON(stdout, stderr, []codesQuesturaJSON{q})
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SIGLA\tQUESTURA\tPROVINCE SERVITE")
	fmt.Fprintf(tw, "%s\t%s\t%s\n", q.Sigla, q.Nome, strings.Join(q.Province, " "))
	tw.Flush()
	return 0
}

func codesKit(t *codes.Tables, query string, on codes.Date, asJSON bool, stdout, stderr io.Writer) int {
	ed := t.KitEditionOn(on)
	var rows []codesKitJSON
	row := func(k codes.KitType, inForce bool) codesKitJSON {
		per := ""
		if k.MaxMonths > 0 {
			per = k.MaxMonthsOps.String()
		}
		return codesKitJSON{DurataPer: per, Edizione: k.Edition, Codice: k.Code, Descrizione: k.Description, Titolo: k.Titolo,
			Operazioni: k.Ops.String(), DurataMaxMesi: k.MaxMonths, SenzaDurata: k.NoDuration, InVigore: inForce, Successore: k.Successor, Nota: k.Note}
	}
	if query == "" {
		for _, k := range t.KitTypesOn(on) {
			rows = append(rows, row(k, true))
		}
	} else {
		code, err := strconv.Atoi(query)
		if err != nil || code <= 0 {
			fmt.Fprintf(stderr, "eli2 codes kit: codice non valido %q: un numero (16)\n", query)
			return 2
		}
		if k, ok := t.KitOn(code, on); ok {
			rows = append(rows, row(k, true))
		} else {
			next, prev, ok := t.KitSuccessor(code, on)
			if prev.Code == 0 {
				fmt.Fprintf(stderr, "eli2 codes kit: codice %d sconosciuto nelle edizioni fino al %s\n", code, on)
				return 1
			}
			rows = append(rows, row(prev, false))
			if ok {
				rows = append(rows, row(next, true))
			}
		}
	}
	if asJSON {
		return codesWriteJSON(stdout, stderr, rows)
	}
	fmt.Fprintf(stdout, "edizione in vigore il %s: %s\n", on, ed.Name)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODICE\tEDIZIONE\tTITOLO\tOPERAZIONI\tDURATA MAX\tIN VIGORE\tSUCCESSORE\tDESCRIZIONE")
	for _, k := range rows {
		dur, succ, vig := "-", "-", "no"
		switch {
		case k.DurataMaxMesi > 0:
			dur = strconv.Itoa(k.DurataMaxMesi) + " mesi (" + k.DurataPer + ")"
		case k.SenzaDurata:
			dur = "senza durata"
		}
		if k.Successore > 0 {
			succ = strconv.Itoa(k.Successore)
		}
		if k.InVigore {
			vig = "sì"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.Codice, k.Edizione, codesDash(k.Titolo), codesDash(k.Operazioni), dur, vig, succ, k.Descrizione)
	}
	tw.Flush()
	return 0
}
