package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/preview"
	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

func init() {
	register("preview", "anteprima HTML stampabile del Modulo 1, con i problemi accanto ai campi", runPreview)
}

const previewUsage = `uso:
  eli2 preview FILE --out ANTEPRIMA.html [--pratica ID | --limit N] [--mask-cf] [--lang it|en] [--title TITOLO]
  eli2 preview --db URL --persona ID --out ANTEPRIMA.html [--richiesta TIPO] [--tipologia N]
               [--questura SIGLA] [--audit-log FILE] [--operatore OP] [--finalita MOTIVO] [--mask-cf] [--lang it|en]

Scrive una pagina HTML stampabile (A4) con ogni pratica del file di
importazione, impaginata come il Modulo 1, con gli errori (in rosso) e gli
avvisi (in giallo) della validazione accanto ai campi. Con --db la pratica è
costruita dai dati dell'anagrafe (SQL: sqlite:PERCORSO o postgres://…) per la
persona indicata, e l'accesso è sempre registrato nel registro di audit come
per eli2 export (stesse opzioni: --audit-log, predefinito %s accanto
al file di uscita; --operatore, predefinito l'utente del sistema; --finalita;
i vecchi nomi --audit, --operator e --purpose restano validi fino alla prossima versione): la riga
"preview" è scritta e sincronizzata prima che la pagina sia consegnata; se
la lettura fallisce è scritta una riga "abort".
Il file è scritto in modo atomico e leggibile solo dal proprietario; --out -
scrive su stdout. --out non sostituisce collegamenti simbolici, cartelle,
dispositivi o FIFO.

Codici di uscita: 0 anteprima scritta, 2 impossibile (uso, file illeggibile,
anagrafe, uscita, audit).

opzioni:
`

// previewArgs are the parsed arguments of eli2 preview.
type previewArgs struct {
	file    string
	out     string
	pratica string
	limit   int
	db      string
	person  string
	maskCF  bool
	lang    string
	title   string

	// With --db: what the operator asks for, and the audit trail.
	richiesta string
	tipologia int
	questura  string
	audit     string
	operator  string
	purpose   string
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
	if msg := checkOutFile("--out", a.out); msg != "" {
		fmt.Fprintf(stderr, "eli2 preview: %s\n", msg)
		return exitCannotRun
	}
	if a.db != "" {
		return a.runFromRegister(stdout, stderr)
	}

	opts := preview.Options{Title: a.title, Lang: preview.Lang(a.lang), MaskTaxCode: a.maskCF}
	var sum previewSummary
	f, err := openImportFile(a.file)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 preview: %v\n", err)
		return exitCannotRun
	}
	defer f.Close()
	if msg := a.checkSize(f); msg != "" {
		fmt.Fprintf(stderr, "eli2 preview: %s\n", msg)
		return exitCannotRun
	}
	render := func(w io.Writer) error { return streamPreview(w, f, a.pratica, a.lang, a.limit, opts, &sum) }
	if a.out == stdoutName {
		err = render(stdout)
	} else {
		cleanStale(stderr, "eli2 preview", filepath.Dir(a.out))
		stop := removeTempsOnSignal(stderr)
		err = atomicfile.Write(a.out, render)
		stop()
	}
	if err != nil {
		fmt.Fprintf(stderr, "eli2 preview: %v\n", err)
		return exitCannotRun
	}
	if a.out != "-" {
		fmt.Fprintf(stdout, "anteprima scritta in %s: %d pratiche, %d errori, %d avvisi\n",
			a.out, sum.pratiche, sum.errors, sum.warnings)
		if sum.omitted > 0 {
			fmt.Fprintf(stdout, "altre %d pratiche non mostrate (--limit %d)\n", sum.omitted, a.limit)
		}
	}
	return 0
}

// previewSummary counts what the page shows.
type previewSummary struct{ pratiche, omitted, errors, warnings int }

func (s *previewSummary) add(ps eli2.Problems) {
	for _, p := range ps {
		if p.Severity == eli2.SeverityWarning {
			s.warnings++
		} else {
			s.errors++
		}
	}
}

// newPreviewFlags declares the options of eli2 preview into a.
func newPreviewFlags(a *previewArgs, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&a.out, "out", "", "file HTML da scrivere (- per stdout)")
	fs.StringVar(&a.pratica, "pratica", "", "mostra solo la pratica con questo id")
	fs.IntVar(&a.limit, "limit", 0, "mostra al più N pratiche (le altre sono comunque validate)")
	fs.StringVar(&a.db, "db", "", "URL dell'anagrafe (sqlite:PERCORSO, postgres://…, csv:FILE) invece di un file")
	fs.StringVar(&a.person, "persona", "", "id della persona nell'anagrafe (con --db)")
	fs.BoolVar(&a.maskCF, "mask-cf", false, "maschera i codici fiscali (RSSMRA*********S)")
	fs.StringVar(&a.lang, "lang", "it", "lingua delle etichette e dei messaggi: it o en")
	fs.StringVar(&a.title, "title", "", "titolo della pagina")
	fs.StringVar(&a.richiesta, "richiesta", "", "con --db: tipo di richiesta (RILASCIO, RINNOVO, AGGIORNAMENTO, CONVERSIONE, DUPLICATO); vuoto = RINNOVO")
	fs.IntVar(&a.tipologia, "tipologia", 0, "con --db: codice kit della tipologia; 0 = dedotto dal permesso")
	fs.StringVar(&a.questura, "questura", "", "con --db: sigla della questura; vuoto = quella del domicilio")
	// The audit flags carry export's names; the older preview names
	// (--audit, --operator, --purpose) are deprecated aliases (flags.go).
	fs.StringVar(&a.audit, "audit-log", "", "con --db: registro di audit JSON lines, 0600 (predefinito: "+exportAuditFile+" accanto all'uscita)")
	fs.StringVar(&a.operator, "operatore", "", "con --db: identificativo dell'operatore (predefinito: utente del sistema)")
	fs.StringVar(&a.purpose, "finalita", previewDefaultPurpose, "con --db: finalità registrata nell'audit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, previewUsage, exportAuditFile)
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
		return "indicare il file di importazione oppure --db URL --persona ID"
	case a.db != "" && a.person == "":
		return "--db richiede --persona ID"
	case a.db == "" && a.person != "":
		return "--persona si usa solo con --db"
	case a.db != "" && (a.pratica != "" || a.limit != 0):
		return "--pratica e --limit si usano solo con un file"
	case a.limit < 0:
		return "--limit: numero di pratiche non valido"
	case a.db == "" && (a.richiesta != "" || a.tipologia != 0 || a.questura != "" || a.audit != "" || a.operator != ""):
		return "--richiesta, --tipologia, --questura, --audit-log e --operatore si usano solo con --db"
	case a.richiesta != "" && !eli2.TipoRichiesta(strings.ToUpper(a.richiesta)).Valid():
		return fmt.Sprintf("tipo di richiesta %q sconosciuto", a.richiesta)
	case a.db != "" && strings.TrimSpace(a.purpose) == "":
		return "--finalita non può essere vuota: è registrata nell'audit"
	case a.out == "":
		return "indicare il file da scrivere con --out"
	case a.lang != "it" && a.lang != "en":
		return fmt.Sprintf("lingua %q non supportata (it, en)", a.lang)
	}
	if len(pos) == 1 {
		a.file = pos[0]
		if sameFile(a.file, a.out) {
			return "il file da scrivere (--out) è il file di importazione"
		}
	}
	return ""
}

// sameFile reports whether paths a and b name the same existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// previewMaxBytes is the size of an import file past which preview asks
// for --pratica or --limit: a page of thousands of applications is neither
// printable nor readable in a browser (about 2 MiB is some 400
// applications).
const previewMaxBytes = 2 << 20

// checkSize returns the message refusing a file past previewMaxBytes
// without --pratica or --limit, or "".
func (a *previewArgs) checkSize(f *os.File) string {
	if a.pratica != "" || a.limit > 0 {
		return ""
	}
	fi, err := f.Stat()
	if err != nil || fi.Size() <= previewMaxBytes {
		return ""
	}
	return fmt.Sprintf("il file è grande (%d MiB): indicare --pratica ID per una pratica, o --limit N per le prime N", fi.Size()>>20)
}

// streamPreview decodes an import file one application at a time,
// validates each with the file's rules (date of the header, unique ids,
// declared count) and renders it at once, so that a batch of any size is
// previewed in constant memory. With only != "" it shows just that
// application, and fails when the file has none with that id; with
// limit > 0 it shows the first limit applications and counts the others
// (every application is still validated, so file-level problems stand).
func streamPreview(w io.Writer, r io.Reader, only, lang string, limit int, opts preview.Options, sum *previewSummary) error {
	dec := eli2.NewDecoder(r)
	h, err := dec.Header()
	if err != nil {
		return err
	}
	pw, err := preview.NewWriter(w, opts)
	if err != nil {
		return err
	}
	v := eli2.NewFileValidator(h, eli2.ValidateOptions{Lang: lang})
	hp := v.Header()
	sum.add(hp)
	if err := pw.WriteHeader(&h, hp); err != nil {
		return err
	}
	for {
		p, err := dec.Next()
		var re *eli2.RecordError
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil && !errors.As(err, &re) {
			return err
		}
		// a value that cannot be read is a problem of its application
		probs := v.PraticaDecoded(p, err)
		if only != "" && p.ID != only {
			continue
		}
		if limit > 0 && sum.pratiche >= limit {
			sum.omitted++
			continue
		}
		sum.pratiche++
		sum.add(probs)
		if err := pw.Write(preview.Item{Pratica: p, Problems: probs}); err != nil {
			return err
		}
	}
	if only != "" && sum.pratiche == 0 {
		return fmt.Errorf("nessuna pratica con id %q nel file", only)
	}
	fp := v.Finish()
	sum.add(fp)
	if err := pw.WriteFileProblems(fp); err != nil {
		return err
	}
	return pw.Close()
}

// fromRegister builds the application of one person of a SQL register
// with anagrafe.Map (which also validates it). runFromRegister records the
// access.
func (a *previewArgs) fromRegister(ctx context.Context) (doc preview.Document, err error) {
	src, err := openRegister(ctx, a.db)
	if err != nil {
		return doc, err
	}
	defer func() {
		if cerr := src.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	rec, err := src.source().Person(ctx, a.person)
	if err != nil {
		return doc, err
	}
	req := anagrafe.Request{
		TipoRichiesta: eli2.TipoRichiesta(strings.ToUpper(a.richiesta)),
		Tipologia:     a.tipologia,
		Questura:      strings.ToUpper(a.questura),
	}
	mo := anagrafe.MapOptions{Lang: a.lang}
	p, probs, err := anagrafe.Map(rec, req, mo)
	if err != nil {
		return doc, err
	}
	reg, err := anagrafe.RegisterSpellings(rec, req, mo) // the register's spelling beside the passport's
	if err != nil {
		return doc, err
	}
	item := preview.Item{Pratica: p, Problems: probs, Register: reg}
	// what the applicant will pay, as indicative amounts from the SDK's
	// fee tables (issue 14); an application the tables cannot price
	// still shows its unknown lines
	if est, err := desk.Fees(p, codes.Today(), desk.FeeOptions{}); err == nil {
		item.Fees = desk.PreviewFees(est, nil)
	}
	doc.Items = []preview.Item{item}
	return doc, nil
}
