package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

func init() {
	register("inspect", "riassume il contenuto di un file di importazione ELI2", runInspect)
}

// runInspect implements eli2 inspect FILE [--show-personal-data]: the
// header (comune with its name, creation time, count), one line per
// application (id, request, kit, codice fiscale and name masked unless
// asked) and the counts per request type and per kit code. It reads the
// file one application at a time. Exit status 2 when the file cannot be
// read.
func runInspect(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	show := fs.Bool("show-personal-data", false, "mostra per intero codici fiscali e nomi")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "uso: eli2 inspect FILE [--show-personal-data]")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitCannotRun
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitCannotRun
	}
	f, err := openImportFile(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "eli2 inspect: %v\n", err)
		return exitCannotRun
	}
	defer f.Close()

	t := codes.Default()
	dec := eli2.NewDecoder(f)
	h, err := dec.Header()
	if err != nil {
		fmt.Fprintf(stderr, "eli2 inspect: %s: %v\n", pos[0], err)
		return exitCannotRun
	}
	on := codes.DateOf(h.DataCreazione)
	name := "comune sconosciuto"
	if c, ok := t.ComuneByBelfiore(h.ComuneBelfiore, on); ok {
		name = c.Name + " (" + c.Province + ")"
	} else if c, ok := t.ComuneByBelfiore(h.ComuneBelfiore, 0); ok {
		name = c.Name + " (" + c.Province + ", cessato)"
	}
	fmt.Fprintf(stdout, "Comune:      %s — codice catastale %s, ISTAT %s\n", name, h.ComuneBelfiore, h.ComuneIstat)
	fmt.Fprintf(stdout, "Creato il:   %s\n", h.DataCreazione.Format("02/01/2006 15:04 (-07:00)"))
	fmt.Fprintf(stdout, "Sportello:   %s, operatore %s\n", dash(h.Sportello), dash(h.Operatore))
	fmt.Fprintf(stdout, "Software:    %s %s\n", dash(h.Software), h.VersioneSoftware)
	fmt.Fprintf(stdout, "Dichiarate:  %d pratiche\n\n", h.NumeroPratiche)

	byTipo := map[eli2.TipoRichiesta]int{}
	byKit := map[int]int{}
	n := 0
	fmt.Fprintf(stdout, "%-16s %-14s %4s  %-16s %s\n", "PRATICA", "RICHIESTA", "KIT", "CODICE FISCALE", "NOMINATIVO")
	for {
		p, err := dec.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Fprintf(stderr, "eli2 inspect: %s: %v\n", pos[0], err)
			return exitCannotRun
		}
		n++
		byTipo[p.Richiesta.TipoRichiesta]++
		byKit[p.Richiesta.Tipologia]++
		r := &p.Richiedente
		cf, who := r.CodiceFiscale, strings.TrimSpace(r.Cognome+" "+r.Nome)
		if !*show {
			cf, who = eli2.MaskCodiceFiscale(cf), eli2.MaskName(who)
		}
		fmt.Fprintf(stdout, "%-16s %-14s %4d  %-16s %s\n", p.ID, p.Richiesta.TipoRichiesta, p.Richiesta.Tipologia, dash(cf), who)
	}

	fmt.Fprintf(stdout, "\nPratiche:    %d\n", n)
	fmt.Fprintln(stdout, "\nPer tipo di richiesta:")
	for _, tr := range eli2.TipiRichiesta {
		if c := byTipo[tr]; c > 0 {
			fmt.Fprintf(stdout, "  %-14s %5d\n", tr, c)
		}
	}
	var other []string
	for tr := range byTipo {
		if !tr.Valid() {
			other = append(other, string(tr))
		}
	}
	sort.Strings(other)
	for _, tr := range other {
		fmt.Fprintf(stdout, "  %-14s %5d  (non valido)\n", dash(tr), byTipo[eli2.TipoRichiesta(tr)])
	}
	fmt.Fprintln(stdout, "\nPer tipologia (codice kit):")
	kits := make([]int, 0, len(byKit))
	for k := range byKit {
		kits = append(kits, k)
	}
	sort.Ints(kits)
	for _, k := range kits {
		desc := "sconosciuta"
		if kt, ok := t.Kit(k); ok {
			desc = kt.Description
		}
		fmt.Fprintf(stdout, "  %4d %-58s %5d\n", k, desc, byKit[k])
	}
	return exitOK
}

// dash returns s, or "-" when s is empty.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
