package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/preview"
	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

func init() {
	register("preview", "anteprima HTML stampabile del Modulo 1, con i problemi accanto ai campi", runPreview)
}

// errDBPreviewUnavailable is returned by the --db path until package
// anagrafe offers the mapper from a register record to an eli2.Pratica.
var errDBPreviewUnavailable = errors.New("anteprima dall'anagrafe (--db) non ancora disponibile: manca la conversione da record anagrafico a pratica nel pacchetto anagrafe")

const previewUsage = `uso:
  eli2 preview FILE --out ANTEPRIMA.html [--pratica ID] [--mask-cf] [--lang it|en] [--title TITOLO]
  eli2 preview --db URL --person ID --out ANTEPRIMA.html [--mask-cf] [--lang it|en]

Scrive una pagina HTML stampabile (A4) con ogni pratica del file di
importazione, impaginata come il Modulo 1, con gli errori (in rosso) e gli
avvisi (in giallo) della validazione accanto ai campi. Il file è scritto in
modo atomico e leggibile solo dal proprietario; --out - scrive su stdout.

opzioni:
`

// previewArgs are the parsed arguments of eli2 preview.
type previewArgs struct {
	file    string
	out     string
	pratica string
	db      string
	person  string
	maskCF  bool
	lang    string
	title   string
}

func runPreview(args []string, stdout, stderr io.Writer) int {
	var a previewArgs
	fs := newPreviewFlags(&a, stderr)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if msg := a.check(pos); msg != "" {
		fmt.Fprintf(stderr, "eli2 preview: %s\n\n", msg)
		fs.Usage()
		return 2
	}

	doc, err := a.document()
	if err != nil {
		fmt.Fprintf(stderr, "eli2 preview: %v\n", err)
		return 1
	}
	opts := preview.Options{Title: a.title, Lang: preview.Lang(a.lang), MaskTaxCode: a.maskCF}
	render := func(w io.Writer) error { return preview.Render(w, doc, opts) }
	if a.out == "-" {
		err = render(stdout)
	} else {
		err = atomicfile.Write(a.out, render)
	}
	if err != nil {
		fmt.Fprintf(stderr, "eli2 preview: %v\n", err)
		return 1
	}
	if a.out != "-" {
		nErr, nWarn := countProblems(doc)
		fmt.Fprintf(stdout, "anteprima scritta in %s: %d pratiche, %d errori, %d avvisi\n",
			a.out, len(doc.Items), nErr, nWarn)
	}
	return 0
}

// newPreviewFlags declares the options of eli2 preview into a.
func newPreviewFlags(a *previewArgs, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&a.out, "out", "", "file HTML da scrivere (- per stdout)")
	fs.StringVar(&a.pratica, "pratica", "", "mostra solo la pratica con questo id")
	fs.StringVar(&a.db, "db", "", "URL dell'anagrafe (sqlite:PERCORSO, postgres://…) invece di un file")
	fs.StringVar(&a.person, "person", "", "id della persona nell'anagrafe (con --db)")
	fs.BoolVar(&a.maskCF, "mask-cf", false, "maschera i codici fiscali (RSSMRA*******62S)")
	fs.StringVar(&a.lang, "lang", "it", "lingua delle etichette e dei messaggi: it o en")
	fs.StringVar(&a.title, "title", "", "titolo della pagina")
	fs.Usage = func() {
		fmt.Fprint(stderr, previewUsage)
		fs.PrintDefaults()
	}
	return fs
}

// check validates the combination of arguments; it returns a message for
// the operator, or "".
func (a *previewArgs) check(pos []string) string {
	switch {
	case len(pos) > 1:
		return "indicare un solo file"
	case len(pos) == 1 && a.db != "":
		return "indicare un file oppure --db, non entrambi"
	case len(pos) == 0 && a.db == "":
		return "indicare il file di importazione oppure --db URL --person ID"
	case a.db != "" && a.person == "":
		return "--db richiede --person ID"
	case a.db == "" && a.person != "":
		return "--person si usa solo con --db"
	case a.db != "" && a.pratica != "":
		return "--pratica si usa solo con un file"
	case a.out == "":
		return "indicare il file da scrivere con --out"
	case a.lang != "it" && a.lang != "en":
		return fmt.Sprintf("lingua %q non supportata (it, en)", a.lang)
	}
	if len(pos) == 1 {
		a.file = pos[0]
	}
	return ""
}

// document reads the applications to show and validates them.
func (a *previewArgs) document() (preview.Document, error) {
	if a.db != "" {
		return preview.Document{}, errDBPreviewUnavailable
	}
	f, err := os.Open(a.file)
	if err != nil {
		return preview.Document{}, err
	}
	defer f.Close()
	return readPreviewFile(f, a.pratica, a.lang)
}

// readPreviewFile decodes an import file one application at a time and
// validates each with the file's rules (date of the header, unique ids,
// declared count). With only != "" it keeps just that application.
func readPreviewFile(r io.Reader, only, lang string) (preview.Document, error) {
	dec := eli2.NewDecoder(r)
	h, err := dec.Header()
	if err != nil {
		return preview.Document{}, err
	}
	v := eli2.NewFileValidator(h, eli2.ValidateOptions{Lang: lang})
	doc := preview.Document{Header: &h, Problems: v.Header()}
	for {
		p, err := dec.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return preview.Document{}, err
		}
		probs := v.Pratica(p)
		if only == "" || p.ID == only {
			doc.Items = append(doc.Items, preview.Item{Pratica: p, Problems: probs})
		}
	}
	doc.Problems = append(doc.Problems, v.Finish()...)
	if only != "" && len(doc.Items) == 0 {
		return preview.Document{}, fmt.Errorf("nessuna pratica con id %q nel file", only)
	}
	return doc, nil
}

// countProblems totals the errors and warnings of doc.
func countProblems(doc preview.Document) (errs, warns int) {
	all := append(eli2.Problems(nil), doc.Problems...)
	for _, it := range doc.Items {
		all = append(all, it.Problems...)
	}
	for _, p := range all {
		if p.Severity == eli2.SeverityWarning {
			warns++
		} else {
			errs++
		}
	}
	return errs, warns
}

// parseInterspersed parses flags that may come before or after the
// positional arguments (eli2 preview FILE --out x.html) and returns the
// positional ones. "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
