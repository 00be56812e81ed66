package anagrafe

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/retecomuni/eli2sdk/eli2"
)

// ErrNoAudit is returned by every export path (Exporter, export.Run) that
// was given no audit hook or log: no person's data may be exported without
// an audit record. export.ErrNoAudit is the same value.
var ErrNoAudit = errors.New("anagrafe: exporter has no audit hook")

// Exporter reads persons from a Source, records every access through the
// audit hook (an access audit: one ActionExport event per person read,
// before mapping, whether or not an application is then delivered) and
// maps them to applications. To deliver an import file use export.Run (a
// selection) or export.RunIDs (one person), which record only the
// applications of the delivered output, before it is put in place, or one
// abort event.
type Exporter struct {
	Source   Source
	Audit    AuditHook  // required; called once per person before mapping
	Operator string     // recorded in every AuditEvent
	Purpose  string     // recorded in every AuditEvent
	Options  MapOptions // passed to Map
	// Now stamps audit events; nil means time.Now.
	Now func() time.Time
}

// Export is one person's application.
type Export struct {
	Record   *Record
	Pratica  *eli2.Pratica
	Problems eli2.Problems // validation findings (errors block the export)
}

// ExportError reports a person whose application could not be built (no
// permit, a name that cannot be transliterated). It carries the register
// ID only, never names.
type ExportError struct {
	PersonID string
	Err      error
}

// Error names the person (masked) and the problem.
func (e *ExportError) Error() string {
	return fmt.Sprintf("anagrafe: person %q: %v", e.PersonID, e.Err)
}

// Unwrap returns the underlying error.
func (e *ExportError) Unwrap() error { return e.Err }

func (e *Exporter) audit(ctx context.Context, id string) error {
	if e.Audit == nil {
		return ErrNoAudit
	}
	now := time.Now
	if e.Now != nil {
		now = e.Now
	}
	if err := e.Audit(ctx, AuditEvent{Time: now(), Operator: e.Operator, PersonID: id, Purpose: e.Purpose, Action: "export"}); err != nil {
		return fmt.Errorf("anagrafe: audit: %w", err)
	}
	return nil
}

// One exports the person with the given ID. Errors from the source
// (ErrNotFound…) and the audit hook are returned as they are; mapping
// errors as *ExportError.
func (e *Exporter) One(ctx context.Context, id string, req Request) (*Export, error) {
	if e.Audit == nil {
		return nil, ErrNoAudit
	}
	rec, err := e.Source.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	return e.export(ctx, rec, req)
}

func (e *Exporter) export(ctx context.Context, rec *Record, req Request) (*Export, error) {
	if err := e.audit(ctx, rec.Person.ID); err != nil {
		return nil, err
	}
	p, probs, err := Map(rec, req, e.Options)
	if err != nil {
		return nil, &ExportError{PersonID: rec.Person.ID, Err: err}
	}
	return &Export{Record: rec, Pratica: p, Problems: probs}, nil
}

// Each exports every person matching q (see Search). A person that cannot
// be mapped yields an *ExportError and the stream goes on, as it does after
// the source's per-row errors; an audit failure ends the stream.
func (e *Exporter) Each(ctx context.Context, q Query, req Request) iter.Seq2[*Export, error] {
	return func(yield func(*Export, error) bool) {
		if e.Audit == nil {
			yield(nil, ErrNoAudit)
			return
		}
		for rec, err := range Search(ctx, e.Source, q) {
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			ex, err := e.export(ctx, rec, req)
			var xe *ExportError
			if err != nil && !errors.As(err, &xe) {
				yield(nil, err)
				return
			}
			if !yield(ex, err) {
				return
			}
		}
	}
}
