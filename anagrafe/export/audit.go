package export

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// Abort reasons recorded in the audit log (AuditEvent.Reason of an
// ActionAbort event): stable codes, never personal data.
const (
	AbortCancelled = "cancelled"        // the context was cancelled (a signal, Ctrl-C) or timed out
	AbortStrict    = "strict"           // Strict stopped at an invalid record
	AbortNothing   = "nothing_exported" // no application could be exported
	AbortSource    = "source"           // the register could not be read
	AbortOutput    = "output"           // the output could not be written (full disk…)
	AbortCommit    = "commit"           // the output could not be put in place after the audit log was written
	AbortAudit     = "audit"            // the audit log could not be written
	AbortHeader    = "header"           // the file header is invalid
	AbortOther     = "error"            // anything else
)

// runAudit keeps the audit events of one run until they are recorded.
// Memory grows with the number of exported applications (one register ID
// and a time each), like the list of files of a split export.
type runAudit struct {
	log      anagrafe.AuditLog
	runID    string
	operator string
	purpose  string
	now      func() time.Time
	pending  []anagrafe.AuditEvent
	written  bool // some events reached the log
}

func newRunAudit(opts Options) runAudit {
	id := opts.RunID
	if id == "" {
		id = NewRunID()
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return runAudit{log: opts.AuditLog, runID: id, operator: opts.operator(), purpose: opts.Purpose, now: now}
}

// operator is the operator recorded in the audit log: Options.Operator,
// else Header.Operatore.
func (o Options) operator() string {
	if op := strings.TrimSpace(o.Operator); op != "" {
		return op
	}
	return strings.TrimSpace(o.Header.Operatore)
}

// NewRunID returns 16 random hexadecimal digits, the default
// Options.RunID.
func NewRunID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// add keeps the event of one application written to the output, stamped
// now.
func (a *runAudit) add(personID string) {
	a.pending = append(a.pending, anagrafe.AuditEvent{
		Time: a.now(), Operator: a.operator, PersonID: personID, Purpose: a.purpose,
		Action: anagrafe.ActionExport, RunID: a.runID,
	})
}

// flushAudit records the pending events; an error wraps ErrAudit.
func (r *runner) flushAudit() error {
	if len(r.audit.pending) == 0 {
		return nil
	}
	if err := anagrafe.RecordAll(r.ctx, r.audit.log, r.audit.pending); err != nil {
		return fmt.Errorf("%w: %w", ErrAudit, err)
	}
	r.audit.written = true
	r.audit.pending = r.audit.pending[:0]
	return nil
}

// abort drops the pending events and records one abort event with the
// reason of err (even when ctx is cancelled). It returns err, joined with
// the audit error if the abort event cannot be recorded either.
func (r *runner) abort(err error) error {
	r.audit.pending = nil
	reason := abortReason(err)
	if r.audit.written && errors.Is(err, ErrOutput) {
		reason = AbortCommit
	}
	ev := anagrafe.AuditEvent{
		Time: r.audit.now(), Operator: r.audit.operator, Purpose: r.audit.purpose,
		Action: anagrafe.ActionAbort, RunID: r.audit.runID, Reason: reason,
	}
	if aerr := r.audit.log.Record(context.WithoutCancel(r.ctx), ev); aerr != nil {
		if !errors.Is(err, ErrAudit) {
			return errors.Join(err, fmt.Errorf("%w: %w", ErrAudit, aerr))
		}
		return err
	}
	if s, ok := r.audit.log.(interface{ Sync() error }); ok {
		_ = s.Sync()
	}
	return err
}

// abortReason maps a Run error to its Abort… code.
func abortReason(err error) string {
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return AbortCancelled
	case errors.Is(err, ErrStrict):
		return AbortStrict
	case errors.Is(err, ErrNothingExported):
		return AbortNothing
	case errors.Is(err, ErrAudit):
		return AbortAudit
	case errors.Is(err, ErrHeader):
		return AbortHeader
	case errors.Is(err, ErrSource):
		return AbortSource
	case errors.Is(err, ErrOutput):
		return AbortOutput
	}
	return AbortOther
}
