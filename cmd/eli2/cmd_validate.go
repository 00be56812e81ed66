package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

func init() {
	register("validate", "controlla un file di importazione ELI2 e ne elenca i problemi", runValidate)
}

// validateArgs are the options of eli2 validate.
type validateArgs struct {
	json, showPersonal, rules bool
	lang, on                  string
	policy                    eli2.Policy
}

// runValidate implements eli2 validate FILE [--json] [--lang it|en]
// [--show-personal-data] [--riferimento DATE] [policy flags], and eli2 validate
// --rules [--json] [--lang it|en], which prints the rule catalogue. Exit
// status: 0 no errors (warnings allowed), 1 some application or the file has
// errors, 2 the file cannot be read as a format v1 import file (or bad
// usage).
func runValidate(args []string, stdout, stderr io.Writer) int {
	var a validateArgs
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&a.json, "json", false, "stampa il risultato in JSON")
	fs.StringVar(&a.lang, "lang", "it", "lingua dei messaggi: it o en")
	fs.BoolVar(&a.showPersonal, "show-personal-data", false, "mostra per intero codici fiscali e nomi nei messaggi")
	fs.BoolVar(&a.rules, "rules", false, "stampa il catalogo delle regole (codice, gravità, fonte, messaggio) ed esce")
	fs.StringVar(&a.on, "riferimento", "", "data di esecuzione AAAA-MM-GG (predefinita: oggi); un file con data successiva è un errore")
	policyFlags(fs, &a.policy)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "uso: eli2 validate FILE [--json] [--lang it|en] [--show-personal-data] [--riferimento AAAA-MM-GG] [regole di tempo]")
		fmt.Fprintln(stderr, "     eli2 validate --rules [--json] [--lang it|en]")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitCannotRun
	}
	if a.lang != "it" && a.lang != "en" {
		fs.Usage()
		return exitCannotRun
	}
	if a.rules {
		if len(pos) != 0 {
			fs.Usage()
			return exitCannotRun
		}
		if err := printRules(stdout, a.lang, a.json); err != nil {
			fmt.Fprintf(stderr, "eli2 validate: %v\n", err)
			return exitCannotRun
		}
		return exitOK
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitCannotRun
	}
	var today codes.Date
	if a.on != "" {
		if today, err = codes.ParseDate(a.on); err != nil || today == 0 {
			fmt.Fprintf(stderr, "eli2 validate: --riferimento %q: data AAAA-MM-GG attesa\n", a.on)
			return exitCannotRun
		}
	}
	// cannotRun reports a file that cannot be checked: in JSON on stdout
	// with --json (with a code: file_vuoto, file_non_xml…), else on stderr.
	cannotRun := func(err error) int {
		if a.json {
			writeJSONError(stdout, pos[0], err)
		} else {
			fmt.Fprintf(stderr, "eli2 validate: %v\n", err)
		}
		return exitCannotRun
	}
	f, err := openImportFile(pos[0])
	if err != nil {
		return cannotRun(err)
	}
	defer f.Close()

	opts := eli2.ValidateOptions{Lang: a.lang, ShowPersonalData: a.showPersonal, Today: today, Policy: a.policy}
	var out validateOutput
	if a.json {
		out = &validateJSON{}
	} else {
		h, err := eli2.NewDecoder(f).Header()
		if err != nil {
			return cannotRun(fmt.Errorf("%s: %w", pos[0], err))
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return cannotRun(&inputError{Code: inputUnreadable, Path: pos[0], Err: err})
		}
		text := &validateText{w: stdout, lang: a.lang}
		text.header(h)
		out = text
	}
	file, n, err := eli2.ValidateStream(f, opts, out.pratica)
	stopped := errors.Is(err, eli2.ErrDuplicateID)
	if err != nil && !stopped {
		return cannotRun(fmt.Errorf("%s: %w", pos[0], err))
	}
	errs := out.file(file, n, stopped)
	if a.json {
		if err := out.(*validateJSON).write(stdout, n); err != nil {
			fmt.Fprintf(stderr, "eli2 validate: %v\n", err)
			return exitCannotRun
		}
	}
	if errs {
		return exitProblems
	}
	return exitOK
}

// validateOutput receives the results of a streaming validation.
type validateOutput interface {
	pratica(pp eli2.PraticaProblems)
	// file gets the file-level problems at the end and reports whether any
	// error was found in the whole file.
	file(ps eli2.Problems, n int, stopped bool) bool
}

// validateText prints the problems for an operator, one application at a
// time, then a summary.
type validateText struct {
	w                        io.Writer
	lang                     string
	errs, warns              int // totals
	withErrors, warningsOnly int // applications
}

// validateLabels are the words of the human output.
var validateLabels = map[string]map[string]string{
	"it": {
		"header":  "File del comune di %s, creato il %s, %d pratiche dichiarate",
		"pratica": "Pratica", "number": "n.", "file": "File", "error1": "errore", "errorN": "errori", "warn1": "avviso", "warnN": "avvisi",
		"read1": "pratica letta", "readN": "pratiche lette", "withErrors": "con errori", "warningsOnly": "con soli avvisi",
		"ok": "senza problemi", "summary": "Riepilogo", "total": "in totale",
		"stopped": "lettura interrotta: id di pratica ripetuto, le pratiche successive non sono state controllate",
		"valid":   "Il file è valido.", "invalid": "Il file contiene errori: correggerli prima dell'importazione in ELI2.",
		"validWarn": "Il file è valido; controllare gli avvisi.",
	},
	"en": {
		"header":  "File of the comune of %s, created on %s, %d applications declared",
		"pratica": "Application", "number": "no.", "file": "File", "error1": "error", "errorN": "errors", "warn1": "warning", "warnN": "warnings",
		"read1": "application read", "readN": "applications read", "withErrors": "with errors", "warningsOnly": "with warnings only",
		"ok": "without problems", "summary": "Summary", "total": "in total",
		"stopped": "reading stopped: repeated application id, the following applications were not checked",
		"valid":   "The file is valid.", "invalid": "The file has errors: fix them before importing it into ELI2.",
		"validWarn": "The file is valid; check the warnings.",
	},
}

// header prints the sending comune, the creation time and the declared
// count of the file.
func (v *validateText) header(h eli2.Intestazione) {
	name := h.ComuneBelfiore
	if c, ok := codes.Default().ComuneByBelfiore(h.ComuneBelfiore, codes.DateOf(h.DataCreazione)); ok {
		name = c.Name + " (" + h.ComuneBelfiore + ")"
	}
	fmt.Fprintf(v.w, v.label("header")+"\n\n", name, h.DataCreazione.Format("02/01/2006 15:04"), h.NumeroPratiche)
}

func (v *validateText) label(k string) string { return validateLabels[v.lang][k] }

// counts formats "2 errori, 1 avviso".
func (v *validateText) counts(errs, warns int) string {
	s := ""
	if errs > 0 {
		s = strconv.Itoa(errs) + " " + v.plural(errs, "error1", "errorN")
	}
	if warns > 0 {
		if s != "" {
			s += ", "
		}
		s += strconv.Itoa(warns) + " " + v.plural(warns, "warn1", "warnN")
	}
	return s
}

func (v *validateText) plural(n int, one, many string) string {
	if n == 1 {
		return v.label(one)
	}
	return v.label(many)
}

func (v *validateText) block(title string, ps eli2.Problems) {
	errs, warns := countSeverities(ps)
	v.errs += errs
	v.warns += warns
	fmt.Fprintf(v.w, "%s — %s\n", title, v.counts(errs, warns))
	for _, p := range ps {
		sev := v.label("error1")
		if p.Severity == eli2.SeverityWarning {
			sev = v.label("warn1")
		}
		path := p.Path
		if path == "" {
			path = "-"
		}
		fmt.Fprintf(v.w, "  %-7s %s: %s [%s]\n", sev, path, p.Message, p.Code)
	}
}

func (v *validateText) pratica(pp eli2.PraticaProblems) {
	if len(pp.Problems) == 0 {
		return
	}
	if pp.Problems.HasErrors() {
		v.withErrors++
	} else {
		v.warningsOnly++
	}
	v.block(fmt.Sprintf("%s %s (%s %d)", v.label("pratica"), pp.ID, v.label("number"), pp.Index+1), pp.Problems)
}

func (v *validateText) file(ps eli2.Problems, n int, stopped bool) bool {
	if len(ps) > 0 {
		v.block(v.label("file"), ps)
	}
	if stopped {
		fmt.Fprintln(v.w, v.label("stopped"))
	}
	if v.withErrors+v.warningsOnly+len(ps) > 0 || stopped {
		fmt.Fprintln(v.w)
	}
	ok := n - v.withErrors - v.warningsOnly
	fmt.Fprintf(v.w, "%s: %d %s: %d %s, %d %s, %d %s", v.label("summary"), n, v.plural(n, "read1", "readN"),
		v.withErrors, v.label("withErrors"), v.warningsOnly, v.label("warningsOnly"), ok, v.label("ok"))
	if c := v.counts(v.errs, v.warns); c != "" {
		fmt.Fprintf(v.w, "; %s %s", c, v.label("total"))
	}
	fmt.Fprintln(v.w, ".")
	switch {
	case v.errs > 0:
		fmt.Fprintln(v.w, v.label("invalid"))
	case v.warns > 0:
		fmt.Fprintln(v.w, v.label("validWarn"))
	default:
		fmt.Fprintln(v.w, v.label("valid"))
	}
	return v.errs > 0
}

// countSeverities returns the number of errors and warnings in ps.
func countSeverities(ps eli2.Problems) (errs, warns int) {
	for _, p := range ps {
		if p.Severity == eli2.SeverityWarning {
			warns++
		} else {
			errs++
		}
	}
	return errs, warns
}

// validateJSON collects the problems (not the applications) and writes
// {"pratiche":N,"errori":[…]} at the end.
type validateJSON struct {
	problems []jsonProblem
	errs     bool
}

// jsonProblem is one entry of "errori".
type jsonProblem struct {
	Pratica   string `json:"pratica"`
	Campo     string `json:"campo"`
	Codice    string `json:"codice"`
	Gravita   string `json:"gravita"`
	Messaggio string `json:"messaggio"`
}

func (v *validateJSON) add(id string, ps eli2.Problems) {
	for _, p := range ps {
		g := "errore"
		if p.Severity == eli2.SeverityWarning {
			g = "avviso"
		} else {
			v.errs = true
		}
		v.problems = append(v.problems, jsonProblem{Pratica: id, Campo: p.Path, Codice: p.Code, Gravita: g, Messaggio: p.Message})
	}
}

func (v *validateJSON) pratica(pp eli2.PraticaProblems) { v.add(pp.ID, pp.Problems) }

func (v *validateJSON) file(ps eli2.Problems, _ int, _ bool) bool {
	v.add("", ps)
	return v.errs
}

func (v *validateJSON) write(w io.Writer, n int) error {
	out := struct {
		Pratiche int           `json:"pratiche"`
		Errori   []jsonProblem `json:"errori"`
	}{n, v.problems}
	if out.Errori == nil {
		out.Errori = []jsonProblem{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// policyFlags declares one flag per value of eli2.Policy; an unset flag
// keeps the default (eli2.DefaultPolicy), which the help shows.
func policyFlags(fs *flag.FlagSet, p *eli2.Policy) {
	d := eli2.DefaultPolicy()
	fs.Var(periodFlag{&p.RenewalNotice}, "rinnovo-anticipo",
		"anticipo minimo del rinnovo sulla scadenza, art. 5 c.4 d.lgs. 286/1998 (predefinito "+d.RenewalNotice.String()+"; g/d giorni, m mesi, a/y anni)")
	fs.Var(periodFlag{&p.ExpiryGrace}, "scaduto-da",
		"permesso scaduto da più di questo senza rinnovo, art. 13 c.2 lett. b d.lgs. 286/1998 (predefinito "+d.ExpiryGrace.String()+")")
	fs.Var(periodFlag{&p.RegisterReview}, "revisione-anagrafica",
		"titolo scaduto da più di questo: procedimento DPR 223/1989 art. 11 (predefinito "+d.RegisterReview.String()+")")
	fs.Var(periodFlag{&p.MaxValidity}, "validita-massima",
		"validità massima di un titolo di soggiorno (predefinito "+d.MaxValidity.String()+")")
	fs.IntVar(&p.ChildMaxAge, "eta-figli", 0, "età sotto la quale un figlio si indica nella pratica del genitore (predefinito "+strconv.Itoa(d.ChildMaxAge)+")")
	fs.IntVar(&p.SpouseMinAge, "eta-coniuge", 0, "età minima del coniuge, art. 84 c.c. (predefinito "+strconv.Itoa(d.SpouseMinAge)+")")
	fs.IntVar(&p.ParentMinAge, "eta-genitore", 0, "età minima del genitore alla nascita del figlio (predefinito "+strconv.Itoa(d.ParentMinAge)+")")
}

// periodFlag is an eli2.Period as a flag.Value ("60d", "6m", "10a").
type periodFlag struct{ p *eli2.Period }

func (f periodFlag) String() string {
	if f.p == nil || f.p.IsZero() {
		return ""
	}
	return f.p.String()
}

func (f periodFlag) Set(s string) error { return f.p.Set(s) }

// rulesLabels are the words of the catalogue's human output.
var rulesLabels = map[string]map[string]string{
	"it": {"title": "Regole di validazione: %d codici (errore: blocca l'esportazione; avviso: da verificare)",
		"error": "errore", "warning": "avviso", "source": "fonte", "message": "messaggio"},
	"en": {"title": "Validation rules: %d codes (error: blocks the export; warning: to check)",
		"error": "error", "warning": "warning", "source": "source", "message": "message"},
}

// printRules prints eli2.Rules: for each code its severity, source and
// message template in lang, or the whole catalogue in JSON.
func printRules(w io.Writer, lang string, asJSON bool) error {
	rules := eli2.Rules()
	if asJSON {
		type jsonRule struct {
			Codice      string `json:"codice"`
			Gravita     string `json:"gravita"`
			Fonte       string `json:"fonte"`
			MessaggioIT string `json:"messaggio_it"`
			MessaggioEN string `json:"messaggio_en"`
		}
		out := make([]jsonRule, len(rules))
		for i, r := range rules {
			g := "errore"
			if r.Severity == eli2.SeverityWarning {
				g = "avviso"
			}
			out[i] = jsonRule{r.Code, g, r.Source, r.MessageIT, r.MessageEN}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	l := rulesLabels[lang]
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, l["title"]+"\n", len(rules))
	for _, r := range rules {
		sev, msg := l["error"], r.MessageIT
		if r.Severity == eli2.SeverityWarning {
			sev = l["warning"]
		}
		if lang == "en" {
			msg = r.MessageEN
		}
		fmt.Fprintf(bw, "\n%s (%s)\n  %s: %s\n  %s: %s\n", r.Code, sev, l["source"], r.Source, l["message"], msg)
	}
	return bw.Flush()
}
