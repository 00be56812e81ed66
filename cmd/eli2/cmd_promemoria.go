package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/codes"
)

func init() {
	register("promemoria", "lettere di promemoria per i permessi di soggiorno in scadenza (HTML A4 e CSV per stampa unione)", runPromemoria)
}

// deskAuditFile is the default audit log of promemoria and art11, next to
// the output folder.
const deskAuditFile = "eli2-lettere-audit.jsonl"

const promemoriaUsage = `uso:
  eli2 promemoria --db URL --out CARTELLA --operatore ID [--from 120d] [--to 60d] [--riferimento AAAA-MM-GG] [opzioni]

Scrive nella CARTELLA una lettera HTML stampabile (A4) per ogni residente il
cui permesso di soggiorno scade tra --to e --from giorni dalla data di
riferimento (--riferimento, predefinita oggi), e promemoria.csv per la stampa unione
(UTF-8 con BOM, separatore ';'). Ogni persona è registrata nel registro di
audit prima di scrivere la lettera; i file sono scritti in modo atomico,
leggibili solo dal proprietario. I permessi con rinnovo in corso (ricevuta)
sono esclusi.

opzioni:
`

// deskArgs are the options promemoria and art11 share.
type deskArgs struct {
	db, out, on, operatore, auditLog, finalita string
	office                                     desk.Office
}

func (a *deskArgs) flags(fs *flag.FlagSet) {
	fs.StringVar(&a.db, "db", "", registerURLHelp)
	fs.StringVar(&a.out, "out", "", "cartella di uscita (creata se manca)")
	fs.StringVar(&a.on, "riferimento", "", "data di riferimento e data delle lettere AAAA-MM-GG (predefinita: oggi)")
	fs.StringVar(&a.operatore, "operatore", "", "identificativo dell'operatore, registrato nell'audit (obbligatorio)")
	fs.StringVar(&a.auditLog, "audit-log", "", "registro di audit JSON lines (predefinito: "+deskAuditFile+" accanto alla cartella)")
	fs.StringVar(&a.finalita, "finalita", "", "finalità registrata nell'audit")
	fs.StringVar(&a.office.Comune, "comune-nome", "", "intestazione, es. \"Comune di Firenze\"")
	fs.StringVar(&a.office.Name, "ufficio", "", "nome dell'ufficio, es. \"Ufficio Anagrafe – Sportello immigrati\"")
	fs.StringVar(&a.office.Address, "ufficio-indirizzo", "", "indirizzo dell'ufficio")
	fs.StringVar(&a.office.Hours, "ufficio-orari", "", "orari di apertura")
	fs.StringVar(&a.office.Phone, "ufficio-telefono", "", "telefono dell'ufficio")
	fs.StringVar(&a.office.Email, "ufficio-email", "", "e-mail dell'ufficio")
	fs.StringVar(&a.office.Signatory, "firmatario", "", "chi firma (nome e qualifica)")
}

// check validates the shared options and returns the reference date.
func (a *deskArgs) check() (codes.Date, error) {
	switch {
	case a.db == "":
		return 0, errors.New("serve --db URL")
	case a.out == "":
		return 0, errors.New("serve --out CARTELLA")
	case strings.TrimSpace(a.operatore) == "":
		return 0, errors.New("serve --operatore ID (ogni lettera è registrata nell'audit)")
	}
	if a.on == "" {
		return codes.Today(), nil
	}
	on, err := codes.ParseDate(a.on)
	if err != nil || on == 0 {
		return 0, fmt.Errorf("--riferimento: data non valida %q", a.on)
	}
	return on, nil
}

// open opens the register (read only) and the audit log.
func (a *deskArgs) open(ctx context.Context) (*registerSource, *anagrafe.FileAuditLog, error) {
	src, err := openRegister(ctx, a.db)
	if err != nil {
		return nil, nil, fmt.Errorf("apertura dell'anagrafe: %w", err)
	}
	path := a.auditLog
	if path == "" {
		path = filepath.Join(filepath.Dir(filepath.Clean(a.out)), deskAuditFile)
	}
	audit, err := anagrafe.OpenAuditLog(path)
	if err != nil {
		src.Close()
		return nil, nil, fmt.Errorf("registro di audit: %w", err)
	}
	return src, audit, nil
}

func (a *deskArgs) writeOptions(audit *anagrafe.FileAuditLog) desk.WriteOptions {
	return desk.WriteOptions{Office: a.office, Audit: audit.Hook(), Operator: a.operatore, Purpose: a.finalita}
}

// deskReport prints what was written and the persons skipped (register ID
// and reason, no personal data), and returns the exit code.
func deskReport(stderr io.Writer, name, dir string, w desk.Written, err error) int {
	for _, s := range w.Skipped {
		fmt.Fprintf(stderr, "eli2 %s: escluso: %v\n", name, s)
	}
	if err != nil {
		fmt.Fprintf(stderr, "eli2 %s: %v\n", name, err)
		return exitCannotRun
	}
	fmt.Fprintf(stderr, "scritte %d lettere e %s in %s\n", len(w.Letters), w.CSV, dir)
	if len(w.Skipped) > 0 {
		return 1
	}
	return 0
}

// deskUnreadable reports a register record that cannot be read (named by
// id, field and rule, never by value): it is left out, the others go on.
func deskUnreadable(stderr io.Writer, name string) func(error) {
	return func(err error) { fmt.Fprintf(stderr, "eli2 %s: escluso, record illeggibile: %v\n", name, err) }
}

// parseDays reads "120" or "120d".
func parseDays(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "d"))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("numero di giorni non valido %q", s)
	}
	return n, nil
}

func runPromemoria(args []string, stdout, stderr io.Writer) int {
	var a deskArgs
	var from, to, documenti string
	opts := desk.ReminderOptions{OnRecordError: deskUnreadable(stderr, "promemoria")}
	extra := func(fs *flag.FlagSet) {
		fs.StringVar(&from, "from", "120d", "scadenza al più tra N giorni")
		fs.StringVar(&to, "to", "60d", "scadenza almeno tra N giorni")
		fs.StringVar(&documenti, "documenti", "", "CSV dei documenti da portare (TIPO_RICHIESTA;DOCUMENTO;FONTE; predefinito: quello incluso)")
	}
	prepare := func(on codes.Date) string {
		var err error
		opts.On = on
		if opts.Window.From, err = parseDays(from); err != nil {
			return "--from: " + err.Error()
		}
		if opts.Window.To, err = parseDays(to); err != nil {
			return "--to: " + err.Error()
		}
		if opts.Window.From < opts.Window.To {
			return "--from deve essere maggiore o uguale a --to (giorni prima della scadenza)"
		}
		if documenti != "" {
			if opts.Checklist, err = desk.LoadChecklistFile(documenti); err != nil {
				return "--documenti: " + err.Error()
			}
		}
		return ""
	}
	write := func(ctx context.Context, src anagrafe.Source, wo desk.WriteOptions) (desk.Written, error) {
		rs, err := desk.Reminders(ctx, src, opts)
		if err != nil {
			return desk.Written{}, err
		}
		return desk.WriteReminders(ctx, a.out, rs, wo)
	}
	return a.run("promemoria", promemoriaUsage, args, stderr, extra, prepare, write)
}

// run is the one shape of eli2 promemoria and eli2 art11: parse the flags
// (extra adds the command's own), check them (prepare returns a usage
// message or ""), open the register and the audit log, and write, under
// the signal and exit-code policy of every command (exitcodes.go).
func (a *deskArgs) run(name, usage string, args []string, stderr io.Writer, extra func(*flag.FlagSet),
	prepare func(on codes.Date) string, write func(context.Context, anagrafe.Source, desk.WriteOptions) (desk.Written, error)) int {
	fs := flag.NewFlagSet("eli2 "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	a.flags(fs)
	if extra != nil {
		extra(fs)
	}
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitCannotRun
	}
	usageErr := func(msg string) int {
		fmt.Fprintf(stderr, "eli2 %s: %s\n\n", name, msg)
		fs.Usage()
		return exitCannotRun
	}
	if fs.NArg() > 0 {
		return usageErr("argomenti non previsti: " + strings.Join(fs.Args(), " "))
	}
	on, err := a.check()
	if err != nil {
		return usageErr(err.Error())
	}
	if msg := prepare(on); msg != "" {
		return usageErr(msg)
	}
	ctx, sigs := catchSignals(context.Background(), stderr)
	defer sigs.stop()
	src, audit, err := a.open(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 %s: %v\n", name, err)
		return exitCannotRun
	}
	defer src.Close()
	defer audit.Close()
	written, err := write(ctx, src.source(), a.writeOptions(audit))
	if sig := sigs.caught(); sig != nil {
		fmt.Fprintf(stderr, "eli2 %s: interrotto (%v), nessuna lettera scritta\n", name, sig)
		return exitSignal(sig)
	}
	return deskReport(stderr, name, a.out, written, err)
}
