package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

func init() {
	register("export", "esporta dall'anagrafe le pratiche per ELI2 (file di importazione validato)", runExport)
}

// Exit codes of eli2 export (the common policy of exitcodes.go; a signal
// gives exitSignal).
const (
	exportExitOK      = exitOK        // exported (possibly with skipped records)
	exportExitNothing = exitProblems  // --strict stopped, or nothing exported
	exportExitUsage   = exitCannotRun // usage, database, output or audit errors
)

// exportDemoPersons is the size of the demo register --demo creates.
const exportDemoPersons = 2000

// exportDemoFile is the demo register's file name (the version changes when
// the generator changes).
const exportDemoFile = "demo-v2.db"

// exportAuditFile is the default audit log's file name.
const exportAuditFile = "eli2-export-audit.jsonl"

const exportUsage = `uso:
  eli2 export --db URL SELEZIONE (--out FILE | --split CARTELLA) [opzioni]
  eli2 export --csv ESTRATTO.csv SELEZIONE --out FILE [opzioni]
  eli2 export --demo --out pratiche.xml

URL: sqlite:PERCORSO oppure postgres://… (schema di anagrafe/sqlreg), oppure
csv:FILE, un estratto CSV (tracciato di anagrafe/csvadapter: UTF-8 o
Windows-1252, separatore , o ; e date AAAA-MM-GG o GG/MM/AAAA riconosciuti;
--csv FILE è la forma breve). Stessi resoconti e audit di ogni anagrafe; i
nomi con lettere perse nella codifica Windows-1252 sono segnalati come avvisi.
SELEZIONE (una sola):
  --persona ID              una persona (il richiedente allo sportello)
  --expiring 60d           permesso in scadenza entro N giorni
  --expired 6m             permesso scaduto da più di N mesi: scrive in --out
                           l'elenco CSV per il procedimento dell'art. 11 DPR
                           223/1989 (nessuna pratica; con --as-renewal esporta
                           invece le pratiche di rinnovo)
  --missing-declaration    rinnovo senza dichiarazione di dimora abituale entro 60 giorni
  --changed-since AAAA-MM-GG  modificati dalla data
  --all                    tutti

Esporta le persone selezionate come file di importazione ELI2 (formato v1):
ogni pratica è validata; i record con errori sono scartati e riepilogati
(con --strict il primo errore interrompe tutto). Ogni esportazione è
registrata nel registro di audit (JSON lines, 0600; predefinito: %s
accanto al file di uscita, o accanto alla cartella di --split) solo per le
pratiche consegnate, prima che il file sia messo al suo posto; un'esportazione
fallita o interrotta vi scrive una sola riga "abort" con il motivo. I file
sono scritti in modo atomico, leggibili solo dal proprietario: un'esportazione
fallita o interrotta non lascia file e non tocca quelli precedenti.
--out - scrive su standard output (solo a esportazione riuscita). --out non
sostituisce collegamenti simbolici, cartelle, dispositivi o FIFO.
--split costruisce il nuovo insieme in una cartella nascosta accanto e lo
sostituisce alla cartella solo a esportazione riuscita (restano solo i file
nuovi e l'elenco .eli2-export.json); una cartella con file non scritti da
eli2 è rifiutata, salvo --replace.

--demo usa un'anagrafe dimostrativa di %d residenti fittizi, creata al primo
uso nella cartella cache dell'utente (%s/eli2sdk/%s, per esempio
~/.cache su Linux, %%LocalAppData%% su Windows) o, se non disponibile,
accanto al file di uscita; senza SELEZIONE esporta tutti.

Codici di uscita: 0 esportazione riuscita (anche con record scartati),
1 --strict interrotto o nessuna pratica esportata, 2 errori di uso, di
lettura, di scrittura o di audit, 128+N interrotto dal segnale N (130
Ctrl-C, 143 SIGTERM, 129 SIGHUP).

opzioni:
`

type exportArgs struct {
	db, demoPath                     string
	demo                             bool
	person, expiring, expired, since string
	missing, all                     bool
	out, split                       string
	tipoRichiesta                    string
	tipologia                        int
	strict                           bool
	operatore, sportello, comune     string
	csvFile                          string
	auditLog, on, finalita           string
	details, quiet                   bool
	childAge                         int
	replace                          bool
	asRenewal                        bool
}

func newExportFlags(a *exportArgs, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("eli2 export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&a.db, "db", "", registerURLHelp)
	fs.StringVar(&a.csvFile, "csv", "", "estratto CSV dell'anagrafe (come --db csv:FILE)")
	fs.BoolVar(&a.demo, "demo", false, "usa l'anagrafe dimostrativa (creata al primo uso)")
	fs.StringVar(&a.demoPath, "demo-db", "", "percorso dell'anagrafe dimostrativa (predefinito: cartella cache)")
	fs.StringVar(&a.person, "persona", "", "ID anagrafico della persona da esportare")
	fs.StringVar(&a.expiring, "expiring", "", "permessi in scadenza entro N giorni (60d)")
	fs.StringVar(&a.expired, "expired", "", "permessi scaduti da più di N mesi (6m)")
	fs.BoolVar(&a.asRenewal, "as-renewal", false, "con --expired: esporta pratiche di rinnovo invece dell'elenco art. 11")
	fs.BoolVar(&a.missing, "missing-declaration", false, "rinnovi senza dichiarazione di dimora abituale")
	fs.StringVar(&a.since, "changed-since", "", "persone modificate dalla data AAAA-MM-GG")
	fs.BoolVar(&a.all, "all", false, "tutte le persone")
	fs.StringVar(&a.out, "out", "", "file di uscita")
	fs.StringVar(&a.split, "split", "", "cartella di uscita: un file per richiedente (ID.xml)")
	fs.BoolVar(&a.replace, "replace", false, "con --split: sostituisce anche una cartella che contiene file non scritti da eli2")
	fs.StringVar(&a.tipoRichiesta, "tipo-richiesta", "", "RILASCIO, RINNOVO (predefinito), AGGIORNAMENTO, CONVERSIONE, DUPLICATO")
	fs.IntVar(&a.tipologia, "tipologia", 0, "codice kit della tipologia di permesso (predefinito: dal permesso posseduto)")
	fs.BoolVar(&a.strict, "strict", false, "interrompe al primo record non valido, senza scrivere nulla")
	fs.StringVar(&a.operatore, "operatore", "", "identificativo dell'operatore (predefinito: utente del sistema)")
	fs.StringVar(&a.sportello, "sportello", "", "identificativo dello sportello")
	fs.StringVar(&a.comune, "comune", "", "codice Belfiore del comune mittente (predefinito: quello del domicilio)")
	fs.StringVar(&a.auditLog, "audit-log", "", "registro di audit JSON lines (predefinito: "+exportAuditFile+" accanto all'uscita)")
	fs.StringVar(&a.on, "riferimento", "", "data di riferimento AAAA-MM-GG (predefinita: oggi)")
	fs.StringVar(&a.finalita, "finalita", "", "finalità registrata nell'audit (predefinita secondo la selezione)")
	fs.IntVar(&a.childAge, "eta-figli", 0, "età sotto la quale i figli sono elencati (predefinita 14)")
	fs.BoolVar(&a.details, "dettagli", false, "elenca ogni record scartato (ID e codici)")
	fs.BoolVar(&a.quiet, "quiet", false, "nessuna barra di avanzamento")
	fs.Usage = func() {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = "CACHE"
		}
		fmt.Fprintf(stderr, exportUsage, exportAuditFile, exportDemoPersons, cache, exportDemoFile)
		fs.PrintDefaults()
	}
	return fs
}

// exportParseCount reads "60", "60d" (unit d) or "6", "6m" (unit m).
func exportParseCount(s string, unit byte) (int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	s = strings.TrimSuffix(s, string(unit))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("valore non valido %q", s)
	}
	return n, nil
}

// query builds the selection; ok is false for --persona.
func (a *exportArgs) query() (q anagrafe.Query, purpose string, err error) {
	n := 0
	for _, set := range []bool{a.person != "", a.expiring != "", a.expired != "", a.missing, a.since != "", a.all} {
		if set {
			n++
		}
	}
	if n == 0 && a.demo {
		a.all = true
		n = 1
	}
	if n != 1 {
		return q, "", errors.New("serve una e una sola selezione: --persona, --expiring, --expired, --missing-declaration, --changed-since o --all")
	}
	switch {
	case a.person != "":
		return q, "rinnovo permesso di soggiorno (sportello)", nil
	case a.expiring != "":
		d, err := exportParseCount(a.expiring, 'd')
		if err != nil {
			return q, "", fmt.Errorf("--expiring: %w", err)
		}
		return anagrafe.ExpiringWithin(d), "permessi in scadenza entro " + strconv.Itoa(d) + " giorni", nil
	case a.expired != "":
		m, err := exportParseCount(a.expired, 'm')
		if err != nil {
			return q, "", fmt.Errorf("--expired: %w", err)
		}
		return anagrafe.ExpiredMoreThan(m), "verifica permessi scaduti (DPR 223/1989 art. 11)", nil
	case a.missing:
		return anagrafe.MissingResidenceDeclaration(), "verifica dichiarazione di dimora abituale (DPR 223/1989 art. 7)", nil
	case a.since != "":
		d, err := codes.ParseDate(a.since)
		if err != nil || d == 0 {
			return q, "", fmt.Errorf("--changed-since: data non valida %q", a.since)
		}
		return anagrafe.ChangedSince(d.Time()), "aggiornamento dati modificati", nil
	}
	return anagrafe.All(), "esportazione completa", nil
}

func runExport(args []string, stdout, stderr io.Writer) int {
	var a exportArgs
	fs := newExportFlags(&a, stderr)
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exportExitOK
		}
		return exportExitUsage
	}
	usageErr := func(msg string) int {
		fmt.Fprintf(stderr, "eli2 export: %s\n\n", msg)
		fs.Usage()
		return exportExitUsage
	}
	if fs.NArg() > 0 {
		return usageErr("argomenti non previsti: " + strings.Join(fs.Args(), " "))
	}
	if a.csvFile != "" {
		if a.db != "" {
			return usageErr("indicare --db oppure --csv, non entrambi")
		}
		a.db = csvScheme + a.csvFile
	}
	if (a.db == "") == !a.demo {
		return usageErr("serve --db URL oppure --demo")
	}
	if (a.out == "") == (a.split == "") {
		return usageErr("serve --out FILE oppure --split CARTELLA")
	}
	if a.replace && a.split == "" {
		return usageErr("--replace si usa solo con --split")
	}
	if msg := checkOutFile("--out", a.out); a.out != "" && msg != "" {
		fmt.Fprintf(stderr, "eli2 export: %s\n", msg)
		return exportExitUsage
	}
	if msg := checkOutDir("--split", a.split); a.split != "" && msg != "" {
		fmt.Fprintf(stderr, "eli2 export: %s\n", msg)
		return exportExitUsage
	}
	q, purpose, err := a.query()
	if err != nil {
		return usageErr(err.Error())
	}
	if msg := a.art11Usage(); msg != "" {
		return usageErr(msg)
	}
	if a.finalita != "" {
		purpose = a.finalita
	}
	var on codes.Date
	if a.on != "" {
		if on, err = codes.ParseDate(a.on); err != nil || on == 0 {
			return usageErr("--riferimento: data non valida " + strconv.Quote(a.on))
		}
	}
	req := anagrafe.Request{Tipologia: a.tipologia}
	if a.tipoRichiesta != "" {
		req.TipoRichiesta = eli2.TipoRichiesta(strings.ToUpper(a.tipoRichiesta))
		if !req.TipoRichiesta.Valid() {
			return usageErr("--tipo-richiesta: valore non valido " + strconv.Quote(a.tipoRichiesta))
		}
	}
	if a.tipologia < 0 {
		return usageErr("--tipologia: valore non valido")
	}

	ctx, sigs := catchSignals(context.Background(), stderr)
	defer sigs.stop()
	interrupted := func() bool { return sigs.caught() != nil }
	interruptedExit := func() int {
		fmt.Fprintf(stderr, "eli2 export: interrotto (%v), nessun file scritto\n", sigs.caught())
		return exitSignal(sigs.caught())
	}

	dbURL := a.db
	if a.demo {
		path, created, err := exportDemoRegister(ctx, a.demoPath, a.out+a.split, on)
		if err != nil {
			if interrupted() {
				return interruptedExit()
			}
			fmt.Fprintf(stderr, "eli2 export: anagrafe dimostrativa: %v\n", err)
			return exportExitUsage
		}
		if created {
			fmt.Fprintf(stderr, "creata l'anagrafe dimostrativa %s (%d residenti fittizi)\n", path, exportDemoPersons)
		}
		dbURL = "sqlite:" + path
	}
	// openRegister only reads: it creates no file and leaves the journal
	// mode of a SQLite register as it is.
	src, err := openRegister(ctx, dbURL)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 export: apertura dell'anagrafe: %v\n", err)
		return exportExitUsage
	}
	defer src.Close()
	src.report(stderr, "eli2 export")

	auditPath := a.auditLog
	outDir := filepath.Dir(filepath.Clean(a.out + a.split))
	if a.out == stdoutName {
		outDir = "."
	}
	if auditPath == "" {
		auditPath = filepath.Join(outDir, exportAuditFile)
	}
	if a.split != "" && inside(auditPath, a.split) {
		fmt.Fprintln(stderr, "eli2 export: il registro di audit non può stare nella cartella di --split, che è sostituita a ogni esportazione")
		return exportExitUsage
	}
	if a.out == stdoutName {
		cleanStale(stderr, "eli2 export", outDir, os.TempDir())
	} else {
		cleanStale(stderr, "eli2 export", outDir)
	}
	audit, err := anagrafe.OpenAuditLog(auditPath)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 export: registro di audit: %v\n", err)
		return exportExitUsage
	}
	defer audit.Close()

	operatore := a.operatore
	if operatore == "" {
		operatore = exportSystemUser()
	}
	if a.art11List() {
		return exportRunArt11(ctx, src.source(), q, on, a.out, audit.Hook(), operatore, purpose, stderr, interruptedExit)
	}
	var dst export.Destination
	switch {
	case a.out == stdoutName:
		dst = export.Stream(stdout)
	case a.out != "":
		dst = export.File(a.out)
	default:
		dst = export.SplitWith(a.split, export.SplitOptions{Replace: a.replace})
	}
	opts := export.Options{
		Request:  req,
		Map:      anagrafe.MapOptions{On: on, ChildMaxAge: a.childAge},
		Header:   eli2.Intestazione{ComuneBelfiore: strings.ToUpper(a.comune), Sportello: a.sportello, Operatore: operatore, VersioneSoftware: exportVersion()},
		Strict:   a.strict,
		Operator: operatore,
		AuditLog: audit,
		Purpose:  purpose,
	}
	bar := exportProgressBar(stderr, a.quiet)
	if bar != nil {
		opts.Progress = bar.update
	}
	if at := testPauseAfter(); at > 0 {
		opts.ProgressEvery = 1
		show := opts.Progress
		opts.Progress = func(p export.Progress) {
			if show != nil {
				show(p)
			}
			testPause(ctx, stderr, at, p.Done)
		}
	}
	start := time.Now()
	var sum export.Summary
	if a.person != "" {
		sum, err = export.RunIDs(ctx, src.source(), []string{a.person}, dst, opts)
	} else {
		sum, err = export.Run(ctx, src.source(), q, dst, opts)
	}
	if bar != nil {
		bar.finish()
	}
	elapsed := time.Since(start)
	exportPrintSummary(stderr, sum, a.details, err != nil)
	switch {
	case err == nil:
		fmt.Fprintf(stderr, "scritto %s (%d file, %.1f s)\n", dst, sum.Files, elapsed.Seconds())
		return exportExitOK
	case interrupted():
		return interruptedExit()
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "eli2 export: interrotto, nessun file scritto")
		return exportExitUsage
	case errors.Is(err, export.ErrForeignFiles):
		fmt.Fprintf(stderr, "eli2 export: %v: la cartella di --split contiene file non scritti da eli2; indicare una cartella nuova o vuota, o --replace per sostituirla per intero; nessun file scritto\n", err)
		return exportExitUsage
	case errors.Is(err, anagrafe.ErrUnsupported):
		fmt.Fprintln(stderr, "eli2 export: questa anagrafe non registra la dichiarazione di dimora abituale (--missing-declaration non disponibile); nessun file scritto")
		return exportExitUsage
	case errors.Is(err, export.ErrStrict), errors.Is(err, export.ErrNothingExported):
		fmt.Fprintf(stderr, "eli2 export: %v; nessun file scritto\n", err)
		return exportExitNothing
	default:
		fmt.Fprintf(stderr, "eli2 export: %v; nessun file scritto\n", err)
		return exportExitUsage
	}
}

// exportDemoRegister returns the demo register's path, creating it if
// missing: in the user cache directory, else next to the output.
func exportDemoRegister(ctx context.Context, path, out string, on codes.Date) (string, bool, error) {
	if path == "" {
		if cache, err := os.UserCacheDir(); err == nil {
			dir := filepath.Join(cache, "eli2sdk")
			if err := os.MkdirAll(dir, 0o700); err == nil {
				path = filepath.Join(dir, exportDemoFile)
			}
		}
	}
	if path == "" {
		path = filepath.Join(filepath.Dir(filepath.Clean(out)), "eli2-"+exportDemoFile)
	}
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	}
	_, err := demo.CreateSQLite(ctx, path, demo.Options{Persons: exportDemoPersons, Seed: 1, On: on})
	return path, err == nil, err
}

func exportSystemUser() string {
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "operatore"
}

// exportVersion is the header's VersioneSoftware: the module version of a
// released build (go install …@vX.Y.Z), else "dev".
func exportVersion() string {
	if v := readBuildVersion(); v.released() {
		return v.Version
	}
	return "dev"
}

// exportBar is the progress bar shown on a terminal.
type exportBar struct {
	bar   *progressbar.ProgressBar
	total int
}

func exportProgressBar(stderr io.Writer, quiet bool) *exportBar {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &exportBar{}
}

func (b *exportBar) update(p export.Progress) {
	if b.bar == nil {
		b.total = p.Total
		b.bar = progressbar.NewOptions(p.Total,
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionSetDescription("esportazione"),
			progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(30),
		)
	}
	b.bar.Set(p.Done)
}

func (b *exportBar) finish() {
	if b.bar != nil {
		b.bar.Finish()
		fmt.Fprintln(os.Stderr)
	}
}

// exportReasonLabels are the Italian labels of the pipeline's own reason
// codes (validation codes print their first message).
var exportReasonLabels = map[string]string{
	export.ReasonNoPermit:    "nessun permesso di soggiorno registrato",
	export.ReasonSourceRow:   "record illeggibile nell'anagrafe",
	export.ReasonEncode:      "campo con caratteri non ammessi",
	export.ReasonDuplicateID: "id di pratica ripetuto",
	export.ReasonMapping:     "pratica non costruibile",
	export.ReasonNotFound:    "persona non trovata",
}

func exportPrintSummary(w io.Writer, s export.Summary, details, failed bool) {
	if failed {
		fmt.Fprintf(w, "esportazione annullata dopo %d record letti (validi %d, scartati %d): nessuna pratica esportata\n", s.Selected, s.Exported, s.Skipped)
	} else {
		fmt.Fprintf(w, "esportate %d, scartate %d (lette %d", s.Exported, s.Skipped, s.Selected)
	}
	if !failed {
		if s.NotEligible > 0 {
			fmt.Fprintf(w, ", %d senza pratica propria", s.NotEligible)
		}
		fmt.Fprintln(w, ")")
		exportPrintNotEligible(w, s)
	}
	if s.Warnings > 0 && !failed {
		fmt.Fprintf(w, "pratiche esportate con avvisi: %d\n", s.Warnings)
	}
	if len(s.Reasons) > 0 {
		fmt.Fprintln(w, "motivi dello scarto:")
		exportPrintReasons(w, s.Reasons)
	}
	if details {
		for _, sk := range s.Skips {
			exportPrintSkip(w, sk)
		}
		if s.Skipped > len(s.Skips) {
			fmt.Fprintf(w, "  … altri %d non elencati\n", s.Skipped-len(s.Skips))
		}
	}
}
