package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe/desk"
)

func init() {
	register("art11", "avvisi di avvio del procedimento art. 11 DPR 223/1989 (permesso scaduto da oltre sei mesi) e CSV di controllo", runArt11)
}

const art11Usage = `uso:
  eli2 art11 --db URL --out CARTELLA --operatore ID [--on AAAA-MM-GG] [--firmatario "…"] [opzioni]

Scrive nella CARTELLA un avviso HTML stampabile (A4) per ogni residente il
cui permesso di soggiorno è scaduto da più di sei mesi alla data --on
(predefinita oggi), escluse le ricevute e i rinnovi in corso (DPR 223/1989
art. 11 c.1 lett. c), con l'invito a provvedere entro 30 giorni, e art11.csv
per seguire il procedimento (data dell'avviso, termine = avviso + 30 giorni,
colonna ESITO vuota per l'ufficio). Audit, scrittura atomica e permessi come
eli2 promemoria.

opzioni:
`

func runArt11(args []string, stdout, stderr io.Writer) int {
	var a deskArgs
	fs := flag.NewFlagSet("eli2 art11", flag.ContinueOnError)
	fs.SetOutput(stderr)
	a.flags(fs)
	fs.Usage = func() { fmt.Fprint(stderr, art11Usage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	usageErr := func(msg string) int {
		fmt.Fprintf(stderr, "eli2 art11: %s\n\n", msg)
		fs.Usage()
		return 2
	}
	if fs.NArg() > 0 {
		return usageErr("argomenti non previsti: " + strings.Join(fs.Args(), " "))
	}
	on, err := a.check()
	if err != nil {
		return usageErr(err.Error())
	}
	ctx, stop := deskSignalContext()
	defer stop()
	src, audit, err := a.open(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 art11: %v\n", err)
		return 2
	}
	defer src.Close()
	defer audit.Close()
	ns, err := desk.Art11Notices(ctx, src, desk.Art11Options{On: on, OnRecordError: deskUnreadable(stderr, "art11")})
	if err != nil {
		fmt.Fprintf(stderr, "eli2 art11: %v\n", err)
		return 2
	}
	written, err := desk.WriteArt11(ctx, a.out, ns, a.writeOptions(audit))
	return deskReport(stderr, "art11", a.out, written, err)
}
