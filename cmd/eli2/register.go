package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/csvadapter"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// csvScheme prefixes the --db URL of a CSV extract (csv:PERCORSO); the
// other schemes (sqlite:, postgres://) are sqlreg's.
const csvScheme = "csv:"

// registerURLHelp describes the --db URLs every command accepts.
const registerURLHelp = "anagrafe: sqlite:PERCORSO, postgres://… o csv:FILE (estratto CSV)"

// registerSource is an opened population register: a SQL database (sqlreg) or
// a CSV extract (csvadapter), read only. It is the one place where the
// command line turns a --db URL into an anagrafe.Source. The source is a
// field, not embedded: embedding the interface would hide the optional
// interfaces (Querier, Counter, ResidenceDeclarationTracker) of the
// adapter.
type registerSource struct {
	src   anagrafe.Source
	csv   *csvadapter.Source // the extract, for a csv: URL
	close func() error
}

// source returns the adapter itself.
func (r *registerSource) source() anagrafe.Source { return r.src }

// Close releases the register.
func (r *registerSource) Close() error { return r.close() }

// openRegister opens the register at url read only: sqlite:PERCORSO,
// postgres://… (sqlreg.Open: no file is created) or csv:FILE (loaded whole
// by csvadapter.Open; encoding, separator and dates detected).
func openRegister(ctx context.Context, url string) (*registerSource, error) {
	if path, ok := strings.CutPrefix(url, csvScheme); ok {
		if path == "" {
			return nil, fmt.Errorf("csv: manca il percorso del file (csv:FILE)")
		}
		src, err := csvadapter.Open(path, csvadapter.Options{})
		if err != nil {
			return nil, err
		}
		return &registerSource{src: src, csv: src, close: func() error { return nil }}, nil
	}
	src, err := sqlreg.Open(ctx, url, sqlreg.Options{})
	if err != nil {
		return nil, err
	}
	return &registerSource{src: src, close: src.Close}, nil
}

// csvWarningLabels are the Italian labels of csvadapter's warning codes.
var csvWarningLabels = map[string]string{
	csvadapter.WarnLostLetter:    "lettere perse: '?' nel nome (Windows-1252 non contiene la lettera: salvare l'estratto in UTF-8)",
	csvadapter.WarnUndefinedByte: "lettere perse: byte non definito in Windows-1252 (salvare l'estratto in UTF-8)",
}

// maxPrintedWarnings is how many CSV warnings are listed one by one.
const maxPrintedWarnings = 20

// report prints, for a CSV extract, what was detected and the warnings:
// counted by code, then listed by line, person id and column (never the
// value). It prints nothing for a SQL register.
func (r *registerSource) report(w io.Writer, cmd string) {
	if r.csv == nil {
		return
	}
	fmt.Fprintf(w, "%s: estratto CSV %s, separatore %q, %d persone, %d righe illeggibili\n",
		cmd, r.csv.Encoding(), r.csv.Comma(), r.csv.Len(), len(r.csv.Errors()))
	count := r.csv.WarningCount()
	if len(count) == 0 {
		return
	}
	total := 0
	for _, n := range count {
		total += n
	}
	fmt.Fprintf(w, "%s: avvisi sull'estratto CSV: %d\n", cmd, total)
	for _, code := range []string{csvadapter.WarnLostLetter, csvadapter.WarnUndefinedByte} {
		if count[code] > 0 {
			fmt.Fprintf(w, "  %-28s %6d  %s\n", code, count[code], csvWarningLabels[code])
		}
	}
	ws := r.csv.Warnings()
	for i, wn := range ws {
		if i == maxPrintedWarnings {
			fmt.Fprintf(w, "  … altri %d non elencati\n", total-maxPrintedWarnings)
			break
		}
		fmt.Fprintf(w, "  riga %d, persona %s, colonna %s: %s\n", wn.Line, anagrafe.MaskPersonID(wn.PersonID), wn.Field, wn.Code)
	}
}
