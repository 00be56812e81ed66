package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/codes"
)

func init() {
	register("demo", "crea un'anagrafe dimostrativa (SQLite) con residenti fittizi", runDemo)
}

const demoUsage = `uso:
  eli2 demo --out DEMO.db [--persons N] [--seed S] [--riferimento AAAA-MM-GG] [--contiguous] [--force]

Crea un'anagrafe SQLite (schema di anagrafe/sqlreg) con N residenti
inventati: famiglie di molti paesi con permessi di soggiorno in scadenza,
scaduti e validi, codici fiscali calcolati, e circa un record su cento
volutamente errato. Ci sono alcuni casi di ogni regola di validazione
(permessi in scadenza e scaduti, cittadini italiani e UE, apolidi, coniugi
minorenni, codici sconosciuti, persone senza passaporto o senza codice
kit...). Le persone sono numerate in ordine di iscrizione, con i componenti
di una famiglia sparsi nell'anagrafe come in un'anagrafe reale; con
--contiguous i componenti di una famiglia hanno numeri consecutivi.
Lo stesso seme produce sempre la stessa anagrafe.
Il file è creato in modo atomico e leggibile solo dal proprietario.

opzioni:
`

func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eli2 demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "file SQLite da creare (obbligatorio)")
	persons := fs.Int("persons", 2000, "numero di residenti")
	seed := fs.Int64("seed", 1, "seme del generatore")
	on := fs.String("riferimento", "", "data di riferimento AAAA-MM-GG (predefinita: oggi)")
	force := fs.Bool("force", false, "sostituisce il file se esiste già")
	contiguous := fs.Bool("contiguous", false, "numeri consecutivi per i componenti di ogni famiglia (anziché sparsi)")
	fs.Usage = func() {
		fmt.Fprint(stderr, demoUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *out == "" || *persons < 1 {
		fmt.Fprintln(stderr, "eli2 demo: servono --out FILE e --persons ≥ 1")
		fs.Usage()
		return 2
	}
	ref := codes.Date(0)
	if *on != "" {
		d, err := codes.ParseDate(*on)
		if err != nil {
			fmt.Fprintf(stderr, "eli2 demo: --riferimento: data non valida %q\n", *on)
			return 2
		}
		ref = d
	}
	if _, err := os.Stat(*out); err == nil && !*force {
		fmt.Fprintf(stderr, "eli2 demo: %s esiste già (usare --force per sostituirlo)\n", *out)
		return 2
	}
	ctx, sigs := catchSignals(context.Background(), stderr)
	defer sigs.stop()
	start := time.Now()
	st, err := demo.CreateSQLite(ctx, *out, demo.Options{Persons: *persons, Seed: *seed, On: ref, Contiguous: *contiguous})
	if err != nil {
		if s := sigs.caught(); s != nil {
			fmt.Fprintf(stderr, "eli2 demo: interrotto (%v), nessun file creato\n", s)
			return exitSignal(s)
		}
		fmt.Fprintf(stderr, "eli2 demo: %v\n", err)
		return 2
	}
	defects := 0
	for _, n := range st.Defects {
		defects += n
	}
	fmt.Fprintf(stderr, "anagrafe dimostrativa %s: %d residenti in %d famiglie, %d con permesso, %d minorenni, %d record volutamente errati (%.1f s)\n",
		*out, st.Persons, st.Households, st.PermitHolders, st.Minors, defects, time.Since(start).Seconds())
	fmt.Fprintln(stderr, "persone per caso delle regole di validazione:")
	for _, k := range demo.CaseKinds {
		fmt.Fprintf(stderr, "  %-20s %6d\n", k, st.Cases[k])
	}
	return 0
}
