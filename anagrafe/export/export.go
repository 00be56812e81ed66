// Package export is the pipeline from a population register to ELI2 import
// files: it streams the persons a query selects from any anagrafe.Source,
// maps and validates each one, records every access in the audit log and
// writes the valid applications with the eli2 Encoder, skipping (or, when
// strict, stopping at) the invalid ones with their reasons.
//
// Output is all or nothing: files are written under temporary names with
// owner-only permissions and renamed into place only when the whole export
// succeeded, so that a failure (register error, full disk, cancelled
// context) leaves no partial file and the earlier output untouched; a
// split set is built aside and swapped in whole (SplitWith). The audit log
// is told the truth: one export event per application in the delivered
// output, recorded (and synced, for an anagrafe.AuditBatcher) before the
// output is renamed into place, or one abort event with a reason code.
// Memory does not depend on the register's size, but for the audit events
// kept until the commit and, for a split export, the list of file names
// (tens of bytes per exported application).
//
// A single-file export is a pipeline (pipeline.go): one goroutine reads the
// register in batches, Options.Workers goroutines map, validate and encode
// each batch into a reused buffer, and the calling goroutine writes the
// batches in input order, auditing and counting as it goes; a fixed number
// of batches is in flight, and the first error stops every stage. The file,
// the Summary and the audit events are byte for byte those of the
// sequential loop (Options.Sequential), which split exports use.
package export

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Sentinel errors of Run.
var (
	// ErrNoAudit is returned when neither Options.Audit nor
	// Options.AuditLog is set: every export must be recorded. It is
	// anagrafe.ErrNoAudit, the one sentinel of every export path.
	ErrNoAudit = anagrafe.ErrNoAudit
	// ErrNoOperator is returned when Options.Operator (and
	// Header.Operatore) is empty: every audit event names who exported.
	ErrNoOperator = errors.New("export: nessun operatore (Options.Operator): il registro di audit deve dire chi ha esportato")
	// ErrNothingExported is returned when no application could be
	// exported; no file is written.
	ErrNothingExported = errors.New("export: nessuna pratica esportabile")
	// ErrStrict is wrapped by the error of a strict export that stopped at
	// an invalid record.
	ErrStrict = errors.New("export: record non valido in modalità rigorosa")
	// ErrSource is wrapped by errors reading the register.
	ErrSource = errors.New("export: errore di lettura dell'anagrafe")
	// ErrOutput is wrapped by errors writing the output.
	ErrOutput = errors.New("export: errore di scrittura")
	// ErrAudit is wrapped by errors of the audit hook: an access that cannot
	// be recorded stops the export.
	ErrAudit = errors.New("export: registrazione di audit non riuscita")
	// ErrHeader is wrapped when the file header is invalid (unknown
	// sending comune).
	ErrHeader = errors.New("export: intestazione non valida")
)

// Reason codes of skipped records that are not validation problems (those
// use the eli2 problem codes, such as cf_checksum).
const (
	ReasonNoPermit    = "no_permit"    // a foreigner with no permit and no request type that allows it
	ReasonSourceRow   = "source_row"   // the adapter could not read the record; an *anagrafe.RecordError reports "source_" + its reason instead
	ReasonEncode      = "encode"       // a field the encoder refuses (control characters, invalid UTF-8)
	ReasonDuplicateID = "duplicate_id" // the application id was already used in the file
	ReasonMapping     = "mapping"      // any other error building the application
	ReasonNotFound    = "not_found"    // a requested person ID is not in the register
)

// Progress is passed to Options.Progress.
type Progress struct {
	Done     int // records read so far
	Total    int // records the query selects; -1 when unknown
	Exported int
	Skipped  int
}

// Options configure Run. Audit is required.
type Options struct {
	// Request is the operator's choice applied to every application
	// (zero: renew the permit held). PraticaID is set by Run.
	Request anagrafe.Request
	// Map tunes the mapper; Map.On is also the reference date of the query
	// when the query has none. Zero means today.
	Map anagrafe.MapOptions
	// Header is the file header. DataCreazione defaults to now (on Map.On
	// when set), Software to "eli2sdk", NumeroPratiche is counted;
	// ComuneBelfiore defaults to the first exported applicant's domicile
	// comune and ComuneIstat to the ISTAT code of ComuneBelfiore.
	Header eli2.Intestazione
	// Strict stops at the first record that cannot be exported: nothing is
	// written and the error wraps ErrStrict.
	Strict bool
	// Audit receives one ActionExport event per application that reaches
	// the delivered output, or one ActionAbort event when the run
	// delivers nothing. The events are kept until the output is complete,
	// then recorded (anagrafe.RecordAll: in one durable batch when the log
	// is an anagrafe.AuditBatcher) before the output is put in place; a
	// failure to record them aborts the run. Audit or AuditLog is
	// required.
	Audit anagrafe.AuditHook
	// AuditLog is used instead of Audit when set (a *anagrafe.FileAuditLog
	// records a run's events in one synced batch).
	AuditLog anagrafe.AuditLog
	// RunID is recorded in every audit event of the run (default: 16 random
	// hexadecimal digits). Summary.RunID reports it.
	RunID string
	// Operator identifies who runs the export (the help-desk operator's
	// user name); it is recorded in every audit event. Required, as the
	// command line requires --operatore: when empty, Header.Operatore is
	// used, and a run with neither fails with ErrNoOperator.
	Operator string
	// Purpose is recorded in the audit log ("rinnovo permesso di soggiorno"
	// when empty).
	Purpose string
	// Progress, when set, is called every ProgressEvery records and at the
	// end. Run then counts the selection first (anagrafe.Count).
	Progress func(Progress)
	// ProgressEvery is the number of records between Progress calls
	// (default 256).
	ProgressEvery int
	// MaxReported is how many skipped records Summary.Skips keeps in
	// detail (0: 1000; negative: all); counts are always complete.
	MaxReported int
	// Recoverable reports whether an error yielded by the source's stream
	// that is not an *anagrafe.RecordError concerns one record only (the
	// stream goes on, the record is skipped with reason source_row). A
	// RecordError is always recoverable: the record is skipped with its
	// person id and reason "source_" + RecordError.Reason. Any other error
	// means the register is broken and aborts the export. nil: none.
	Recoverable func(error) bool
	// Now returns the current time for the header and the audit events
	// (nil: time.Now); the SDK stamps every event, so that a custom hook
	// never receives a zero Time.
	Now func() time.Time
	// Workers is the number of goroutines that map, validate and encode
	// records in the pipelined export of a single file (0:
	// runtime.GOMAXPROCS minus one for the reader, at least 1). The file, the Summary and the audit events are
	// the same whatever the number.
	Workers int
	// Sequential exports one record at a time in the calling goroutine
	// (reading a few records ahead): the reference the pipelined export is
	// tested against. A split export is always sequential.
	Sequential bool
}

// Skipped is a record that was not exported.
type Skipped struct {
	// PersonID is the register ID (masked when it looks like a codice
	// fiscale); "" when the adapter could not tell.
	PersonID string
	// Codes are the reasons: eli2 problem codes of SeverityError, or one of
	// the Reason… codes.
	Codes []string
	// Problems are the validation errors (messages masked unless
	// Map.ShowPersonalData).
	Problems eli2.Problems
	// Err is the error, for Reason… codes.
	Err error
}

// Reason is one reason of skipped records with its count.
type Reason struct {
	Code    string // problem or Reason… code
	Count   int    // records skipped for it (a record may count for several)
	Message string // message of its first occurrence (masked)
}

// Summary is the outcome of Run.
type Summary struct {
	Selected    int // records read from the register
	Exported    int // applications written
	Skipped     int // records not exported because of an error
	NotEligible int // records not exported because they need no application of their own (see NotEligibleReasons); not errors
	Warnings    int // exported applications with warnings
	Files       int // files written (1, or one per application when split)
	// Reasons counts skipped records by reason, in order of first
	// occurrence.
	Reasons []Reason
	// NotEligibleReasons counts the NotEligible records by reason
	// (ReasonNotSubject, ReasonListedWithParent), in order of first
	// occurrence.
	NotEligibleReasons []Reason
	// Skips details the first MaxReported skipped records.
	Skips []Skipped
	// Destination describes where the files are.
	Destination string
	// RunID identifies the run in the audit log.
	RunID string
}

// Run exports the persons of src selected by q to dst. It streams the
// register (anagrafe.Search) through anagrafe.Map and eli2 validation into
// the eli2 Encoder: records with validation errors or that cannot be
// mapped are skipped and reported in the Summary (or stop the run when
// Strict); persons without a permit who need none (Italian citizens,
// children under the child age, listed in a parent's application) are
// counted as NotEligible. Every exported person is recorded in the audit
// log before the output is put in place; a run that fails records one
// abort event instead.
//
// On any error — register failure, write failure, audit failure, ctx
// cancelled, strict stop, nothing to export — no output file is left and
// the Summary says how far the run got.
func Run(ctx context.Context, src anagrafe.Source, q anagrafe.Query, dst Destination, opts Options) (Summary, error) {
	on := opts.Map.On
	if q.On == 0 {
		q.On = on
	}
	q = q.Resolve()
	if opts.Map.On == 0 {
		opts.Map.On = q.On
	}
	if err := q.Validate(); err != nil {
		return Summary{}, err
	}
	total := -1
	if opts.Progress != nil {
		if n, err := anagrafe.Count(ctx, src, q); err == nil {
			total = n
		}
	}
	return run(ctx, ascendingIDs(anagrafe.Search(ctx, src, q)), total, dst, opts)
}

// ascendingIDs enforces the Source contract that persons come in strictly
// ascending ID order. That contract is what lets the export keep no set of
// the ids written (the Encoder's SkipDuplicateIDCheck), so that memory stays
// constant: a person out of order or repeated ends the export with an error
// wrapping ErrSource.
func ascendingIDs(seq iter.Seq2[*anagrafe.Record, error]) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		last, have := "", false
		for rec, err := range seq {
			if err == nil && rec != nil {
				if have && rec.Person.ID <= last {
					rec, err = nil, &orderError{id: rec.Person.ID, prev: last}
				} else {
					last, have = rec.Person.ID, true
				}
			}
			if !yield(rec, err) {
				return
			}
		}
	}
}

// orderError is a person the register yielded out of ID order or twice.
type orderError struct{ id, prev string }

func (e *orderError) Error() string {
	return "il registro ha restituito la persona " + maskID(e.id) + " dopo " + maskID(e.prev) +
		": le persone devono arrivare una sola volta, in ordine crescente di ID"
}

// RunIDs is Run for the persons with the given register IDs, in that order
// (one help-desk applicant: one ID). An ID given more than once is exported
// once; an ID not in the register is skipped with reason not_found.
func RunIDs(ctx context.Context, src anagrafe.Source, ids []string, dst Destination, opts Options) (Summary, error) {
	seen := make(map[string]bool, len(ids))
	unique := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			unique = append(unique, id)
		}
	}
	ids = unique
	seq := func(yield func(*anagrafe.Record, error) bool) {
		for _, id := range ids {
			rec, err := src.Person(ctx, id)
			if errors.Is(err, anagrafe.ErrNotFound) {
				err = &notFoundError{id: id, err: err}
			}
			if !yield(rec, err) {
				return
			}
		}
	}
	return run(ctx, seq, len(ids), dst, opts)
}

type notFoundError struct {
	id  string
	err error
}

func (e *notFoundError) Error() string {
	return "persona " + maskID(e.id) + " non trovata nell'anagrafe"
}
func (e *notFoundError) Unwrap() error { return e.err }

// maskID masks register IDs that look like a codice fiscale.
func maskID(id string) string { return anagrafe.MaskPersonID(id) }

type runner struct {
	ctx     context.Context
	dst     Destination
	opts    Options
	sum     Summary
	reasons map[string]int // code → index in sum.Reasons
	out     Output         // current output
	audit   runAudit       // events of the delivered applications, until commit
	tx      Transaction    // dst as a Transaction, or nil
	enc     *eli2.Encoder
	header  eli2.Intestazione
	started bool     // header written (single file)
	names   []string // split: committed files of this run
	seq     int
	tables  *codes.Tables
}

func run(ctx context.Context, seq iter.Seq2[*anagrafe.Record, error], total int, dst Destination, opts Options) (sum Summary, err error) {
	if opts.AuditLog == nil && opts.Audit != nil {
		opts.AuditLog = opts.Audit
	}
	if opts.AuditLog == nil {
		return Summary{}, ErrNoAudit
	}
	if opts.operator() == "" {
		return Summary{}, ErrNoOperator
	}
	if dst == nil {
		return Summary{}, fmt.Errorf("%w: nessuna destinazione", ErrOutput)
	}
	if opts.Map.On == 0 {
		opts.Map.On = codes.Today()
	}
	if opts.Map.Tables == nil {
		opts.Map.Tables = codes.Default()
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 256
	}
	if opts.MaxReported == 0 {
		opts.MaxReported = 1000
	}
	if opts.Purpose == "" {
		opts.Purpose = "rinnovo permesso di soggiorno"
	}
	r := &runner{ctx: ctx, dst: dst, opts: opts, reasons: map[string]int{}, tables: opts.Map.Tables}
	r.sum.Destination = dst.String()
	r.header = r.initialHeader()
	r.audit = newRunAudit(opts)
	r.sum.RunID = r.audit.runID
	defer func() {
		if err != nil {
			r.cleanup()
			err = r.abort(err)
			sum = r.sum
			sum.Files = 0
		}
	}()
	if tx, ok := dst.(Transaction); ok {
		if berr := tx.Begin(); berr != nil {
			return r.sum, fmt.Errorf("%w: %s: %w", ErrOutput, dst, berr)
		}
		r.tx = tx
	}
	if !dst.Split() {
		// Create the file first: an unwritable destination fails before
		// the register is read.
		out, cerr := dst.Create("")
		if cerr != nil {
			return r.sum, fmt.Errorf("%w: %s: %w", ErrOutput, dst, cerr)
		}
		r.out = out
	}
	progress := func() {
		if opts.Progress != nil {
			opts.Progress(Progress{Done: r.sum.Selected, Total: total, Exported: r.sum.Exported, Skipped: r.sum.Skipped})
		}
	}
	var lerr error
	if dst.Split() || opts.Sequential {
		lerr = r.sequential(seq, progress)
	} else {
		lerr = r.pipelined(seq, progress)
	}
	if lerr != nil {
		return r.sum, lerr
	}
	if err := ctx.Err(); err != nil {
		return r.sum, err
	}
	if r.sum.Exported == 0 {
		return r.sum, ErrNothingExported
	}
	if !dst.Split() {
		if err := r.finishFile(""); err != nil {
			return r.sum, err
		}
	}
	if r.tx != nil {
		if err := r.flushAudit(); err != nil {
			return r.sum, err
		}
		if err := r.tx.Commit(); err != nil {
			return r.sum, fmt.Errorf("%w: %s: %w", ErrOutput, dst, err)
		}
		r.tx = nil
	}
	r.sum.Files = len(r.names)
	if !dst.Split() {
		r.sum.Files = 1
	}
	progress()
	return r.sum, nil
}

// prefetchDepth is the number of records read ahead of the mapper.
const prefetchDepth = 64

// prefetch reads seq in its own goroutine, up to prefetchDepth records
// ahead, so that reading the register overlaps with mapping, validating
// and encoding (the two costs are of the same order). Order is kept. When
// the consumer stops early, the reader is stopped and waited for before
// the returned iterator returns, so that no goroutine outlives Run.
func prefetch(ctx context.Context, seq iter.Seq2[*anagrafe.Record, error]) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		type item struct {
			rec *anagrafe.Record
			err error
		}
		ch := make(chan item, prefetchDepth)
		stop := make(chan struct{})
		go func() {
			defer close(ch)
			for rec, err := range seq {
				select {
				case ch <- item{rec, err}:
				case <-stop:
					return
				case <-ctx.Done():
					// Let the consumer see the cancellation.
					select {
					case ch <- item{nil, ctx.Err()}:
					case <-stop:
					}
					return
				}
			}
		}()
		defer func() {
			close(stop)
			for range ch {
			}
		}()
		for it := range ch {
			if !yield(it.rec, it.err) {
				return
			}
		}
	}
}

// recordError returns the *anagrafe.RecordError in err's chain: the error
// concerns one record, which is skipped; nil otherwise.
func recordError(err error) *anagrafe.RecordError {
	var re *anagrafe.RecordError
	if errors.As(err, &re) {
		return re
	}
	return nil
}

// recordReason is the skip reason of a record error: "source_" and its
// reason (source_bad_value, source_impossible_date…), source_row when the
// adapter gave none.
func recordReason(re *anagrafe.RecordError) string {
	if re.Reason == "" {
		return ReasonSourceRow
	}
	return "source_" + re.Reason
}

func (r *runner) initialHeader() eli2.Intestazione {
	h := r.opts.Header
	if h.DataCreazione.IsZero() {
		now := time.Now
		if r.opts.Now != nil {
			now = r.opts.Now
		}
		t := now()
		if d := r.opts.Map.On; d != 0 && d != codes.DateOf(t) {
			y, m, dd := d.Year(), time.Month(d.Month()), d.Day()
			t = time.Date(y, m, dd, t.Hour(), t.Minute(), t.Second(), 0, t.Location())
		}
		h.DataCreazione = t.Truncate(time.Second)
	}
	if h.Software == "" {
		h.Software = "eli2sdk"
	}
	h.NumeroPratiche = 0
	return h
}

// completeHeader fills the sending comune from the first application and
// checks the header.
func (r *runner) completeHeader(p *eli2.Pratica) (eli2.Intestazione, error) {
	h := r.header
	if h.ComuneBelfiore == "" {
		h.ComuneBelfiore = p.Domicilio.Comune
	}
	if h.ComuneIstat == "" {
		if c, ok := r.tables.ComuneByBelfiore(h.ComuneBelfiore, codes.DateOf(h.DataCreazione)); ok {
			h.ComuneIstat = c.Istat
		}
	}
	v := eli2.NewFileValidator(h, eli2.ValidateOptions{Tables: r.tables, On: r.opts.Map.On, Lang: r.opts.Map.Lang})
	if ps := v.Header(); ps.HasErrors() {
		var b strings.Builder
		for _, p := range ps {
			if p.Severity == eli2.SeverityError {
				if b.Len() > 0 {
					b.WriteString("; ")
				}
				b.WriteString(p.Path + ": " + p.Message)
			}
		}
		return h, fmt.Errorf("%w: %s", ErrHeader, b.String())
	}
	r.header = h
	return h, nil
}

// sequential is the reference export loop: one record at a time, read
// a few records ahead (prefetch), mapped, validated, audited and encoded
// in this goroutine. Split exports take it; the pipelined loop gives the
// same bytes and Summary.
func (r *runner) sequential(seq iter.Seq2[*anagrafe.Record, error], progress func()) error {
	for rec, serr := range prefetch(r.ctx, seq) {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		r.sum.Selected++
		it := built{rec: rec, serr: serr}
		if serr == nil {
			id := ""
			if rec != nil {
				id = r.praticaID(rec.Person.ID)
			}
			r.build(&it, id)
		}
		if err := r.apply(&it, nil, false); err != nil {
			return err
		}
		if r.sum.Selected%r.opts.ProgressEvery == 0 {
			progress()
		}
	}
	return nil
}

// built is what the map step made of one record, decided without touching
// the run's state, so that workers may build records in parallel; the
// writer applies it (apply) in input order.
type built struct {
	rec         *anagrafe.Record
	serr        error         // the source's error instead of a record
	id          string        // the application id (pipelined: given by the reader)
	notEligible string        // a Reason… code of a record that needs no application
	skip        Skipped       // why the record is skipped, when p is nil
	p           *eli2.Pratica // the valid application
	warn        bool          // p has warnings
	encErr      error         // pipelined: the error of eli2.AppendPratica
	end         int           // pipelined: end of p's bytes in the batch buffer
}

// build maps and validates it.rec into the application with the given id.
// It reads only the run's options: it is safe for concurrent use.
func (r *runner) build(it *built, id string) {
	rec := it.rec
	if rec == nil {
		it.skip = Skipped{Codes: []string{ReasonMapping}, Err: anagrafe.ErrNilRecord}
		return
	}
	pid := maskID(rec.Person.ID)
	req := r.opts.Request
	req.PraticaID = id
	p, probs, err := anagrafe.Map(rec, req, r.opts.Map)
	if err != nil {
		if code, ok := r.notEligible(rec, err); ok {
			it.notEligible = code
			return
		}
		code := ReasonMapping
		var ne *eli2.NameError
		switch {
		case errors.Is(err, anagrafe.ErrNoPermit):
			code = ReasonNoPermit
		case errors.As(err, &ne):
			code = eli2.CodeNameUntransliterable
		}
		it.skip = Skipped{PersonID: pid, Codes: []string{code}, Err: maskErr(err, rec.Person.ID)}
		return
	}
	if probs.HasErrors() {
		var errs eli2.Problems
		var codesSeen []string
		for _, pr := range probs {
			if pr.Severity != eli2.SeverityError {
				continue
			}
			errs = append(errs, pr)
			if !contains(codesSeen, pr.Code) {
				codesSeen = append(codesSeen, pr.Code)
			}
		}
		it.skip = Skipped{PersonID: pid, Codes: codesSeen, Problems: errs}
		return
	}
	it.p, it.warn = p, len(probs) > 0
}

// apply applies one built record to the run, in input order: a source
// error, a record that needs no application, a skip, or an application to
// audit and write — with the Encoder (sequential) or, when encoded, as the
// bytes the worker encoded.
func (r *runner) apply(it *built, b []byte, encoded bool) error {
	switch {
	case it.serr != nil:
		return r.sourceErr(it.serr)
	case it.notEligible != "":
		r.countNotEligible(it.notEligible)
		return nil
	case it.p == nil:
		return r.skip(it.skip)
	}
	before := r.sum.Exported
	var err error
	if encoded {
		err = r.writeEncoded(it, b)
	} else {
		err = r.write(it.rec, it.p)
	}
	if err != nil {
		return err
	}
	if it.warn && r.sum.Exported > before {
		r.sum.Warnings++
	}
	return nil
}

// sourceErr handles an error the source yielded instead of a record: a
// skip for one record's error (not found, an *anagrafe.RecordError,
// Options.Recoverable), else the end of the run.
func (r *runner) sourceErr(serr error) error {
	if errors.Is(serr, context.Canceled) || errors.Is(serr, context.DeadlineExceeded) {
		return serr
	}
	var nf *notFoundError
	switch {
	case errors.As(serr, &nf):
		return r.skip(Skipped{PersonID: maskID(nf.id), Codes: []string{ReasonNotFound}, Err: serr})
	case recordError(serr) != nil:
		re := recordError(serr)
		return r.skip(Skipped{PersonID: maskID(re.PersonID), Codes: []string{recordReason(re)}, Err: serr})
	case r.opts.Recoverable != nil && r.opts.Recoverable(serr):
		return r.skip(Skipped{Codes: []string{ReasonSourceRow}, Err: serr})
	}
	return fmt.Errorf("%w: %w", ErrSource, serr)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// maskErr replaces a register ID that looks like a codice fiscale in an
// error message.
func maskErr(err error, id string) error {
	if m := maskID(id); m != id && strings.Contains(err.Error(), id) {
		return &maskedError{msg: strings.ReplaceAll(err.Error(), id, m), err: err}
	}
	return err
}

type maskedError struct {
	msg string
	err error
}

func (e *maskedError) Error() string { return e.msg }
func (e *maskedError) Unwrap() error { return e.err }

// praticaID returns the application id: the register ID when it is safe in
// a file name and is not a codice fiscale, else a sequence number.
func (r *runner) praticaID(personID string) string {
	r.seq++
	return praticaIDFor(personID, r.seq)
}

// praticaIDFor is the application id of the seq-th record read (counting
// from 1 the records that reached the mapper).
func praticaIDFor(personID string, seq int) string {
	if personID != "" && len(personID) <= 64 && maskID(personID) == personID && fileSafe(personID) &&
		!strings.HasPrefix(personID, generatedIDPrefix) {
		return personID
	}
	return generatedIDPrefix + strconv.Itoa(seq)
}

// generatedIDPrefix starts the ids praticaID makes up; a register ID with
// this prefix is replaced too, so that the two kinds can never collide.
const generatedIDPrefix = "PRATICA-"

func fileSafe(s string) bool {
	if s[0] == '.' || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func (r *runner) skip(s Skipped) error {
	r.sum.Skipped++
	for _, c := range s.Codes {
		msg := ""
		if s.Err != nil {
			msg = s.Err.Error()
		}
		for _, p := range s.Problems {
			if p.Code == c {
				msg = p.Path + ": " + p.Message
				break
			}
		}
		if i, ok := r.reasons[c]; ok {
			r.sum.Reasons[i].Count++
		} else {
			r.reasons[c] = len(r.sum.Reasons)
			r.sum.Reasons = append(r.sum.Reasons, Reason{Code: c, Count: 1, Message: msg})
		}
	}
	if r.opts.MaxReported < 0 || len(r.sum.Skips) < r.opts.MaxReported {
		r.sum.Skips = append(r.sum.Skips, s)
	}
	if r.opts.Strict {
		who := s.PersonID
		if who == "" {
			who = "?"
		}
		detail := strings.Join(s.Codes, ", ")
		if s.Err != nil {
			detail += ": " + s.Err.Error()
		}
		return fmt.Errorf("%w: persona %s: %s", ErrStrict, who, detail)
	}
	return nil
}

// write audits and encodes one valid application.
func (r *runner) write(rec *anagrafe.Record, p *eli2.Pratica) error {
	if !r.started || r.dst.Split() {
		if _, err := r.completeHeader(p); err != nil {
			return err
		}
	}
	if r.dst.Split() {
		out, err := r.dst.Create(p.ID)
		if err != nil {
			return fmt.Errorf("%w: %s: %w", ErrOutput, r.dst, err)
		}
		r.out = out
		r.enc = nil
	}
	if r.enc == nil {
		if err := r.openEncoder(); err != nil {
			return err
		}
	}
	if err := r.enc.Encode(p); err != nil {
		var ee *eli2.EncodeError
		if errors.As(err, &ee) {
			if r.dst.Split() {
				r.out.Abort()
				r.out, r.enc = nil, nil
			}
			return r.skip(encodeSkip(rec, err))
		}
		return fmt.Errorf("%w: %w", ErrOutput, err)
	}
	r.sum.Exported++
	r.audit.add(rec.Person.ID)
	if r.dst.Split() {
		return r.finishFile(p.ID)
	}
	return nil
}

// openEncoder starts the encoder of the current output with its header.
func (r *runner) openEncoder() error {
	r.enc = eli2.NewEncoder(r.out)
	// Ids are unique by construction: register IDs arrive once each
	// (ascendingIDs, RunIDs) and generated ids cannot look like them.
	r.enc.SkipDuplicateIDCheck = true
	if err := r.enc.WriteHeader(r.header); err != nil {
		return fmt.Errorf("%w: %w", ErrOutput, err)
	}
	r.started = true
	return nil
}

// encodeSkip is the skip of an application the Encoder refused.
func encodeSkip(rec *anagrafe.Record, err error) Skipped {
	code := ReasonEncode
	if errors.Is(err, eli2.ErrDuplicateID) {
		code = ReasonDuplicateID
	}
	return Skipped{PersonID: maskID(rec.Person.ID), Codes: []string{code}, Err: err}
}

// finishFile closes the encoder and commits the current output.
func (r *runner) finishFile(name string) error {
	out := r.out
	if err := r.enc.Close(); err != nil {
		return fmt.Errorf("%w: %w", ErrOutput, err)
	}
	// The audit log goes to disk before the output is put in place: an
	// application is never delivered unrecorded. A Transaction
	// destination shows nothing before its own Commit, audited then.
	if r.tx == nil {
		if err := r.flushAudit(); err != nil {
			return err
		}
	}
	if err := out.Commit(); err != nil {
		r.out = nil
		return fmt.Errorf("%w: %w", ErrOutput, err)
	}
	r.out, r.enc = nil, nil
	if r.dst.Split() {
		r.names = append(r.names, name)
	}
	return nil
}

// cleanup discards the current output and, for a split export, the files
// committed by this run.
func (r *runner) cleanup() {
	if r.out != nil {
		r.out.Abort()
		r.out = nil
	}
	if r.tx != nil {
		r.tx.Abort()
		r.tx = nil
	} else {
		for _, n := range r.names {
			r.dst.Remove(n)
		}
	}
	r.names = nil
}
