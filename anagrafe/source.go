package anagrafe

import (
	"context"
	"errors"
	"io"
	"iter"
)

// ErrNotFound is returned by Source.Person when no person has the given ID.
var ErrNotFound = errors.New("anagrafe: person not found")

// ErrUnsupported is returned (or yielded as the first and only element of a
// stream) by optional interfaces for a request they do not handle: the
// caller falls back to the generic path, as with database/sql/driver.ErrSkip.
// Search and Count return it to their callers only when no fallback exists
// (MissingResidenceDeclaration on a register that does not track it).
var ErrUnsupported = errors.New("anagrafe: operation not supported by this source")

// Source is the interface a register adapter implements. It is
// deliberately small; optional capabilities are separate interfaces
// (Querier, Counter, ResidenceDeclarationTracker, io.Closer).
//
// Implementations must be safe for concurrent use by several goroutines.
type Source interface {
	// Person returns the person with the given register ID, with permit,
	// documents and household. It returns an error wrapping ErrNotFound
	// when there is no such person, and one wrapping a *RecordError when
	// the person's record cannot be read.
	Person(ctx context.Context, id string) (*Record, error)

	// Persons streams every person in ascending ID order (byte order) in
	// constant memory. A record that cannot be read (a mistyped cell, an
	// impossible date, a malformed row) is yielded as an error wrapping a
	// *RecordError and the stream goes on with the next one; any other
	// yielded error means the source is broken (I/O, lost connection) and
	// ends the stream. The stream stops when ctx is cancelled, yielding
	// ctx.Err(). Records yielded belong to the caller.
	Persons(ctx context.Context) iter.Seq2[*Record, error]
}

// Querier is implemented by sources that evaluate queries themselves (for
// example with a SQL WHERE clause). Query streams the persons matching q in
// ascending ID order, with exactly the semantics of Match. For a query kind
// it does not handle, it yields (nil, ErrUnsupported) as its only element
// and the caller falls back to filtering Persons.
type Querier interface {
	Query(ctx context.Context, q Query) iter.Seq2[*Record, error]
}

// Counter is implemented by sources that count matches cheaply (for
// progress bars). Count returns ErrUnsupported for query kinds it does not
// handle.
type Counter interface {
	Count(ctx context.Context, q Query) (int, error)
}

// ResidenceDeclarationTracker is implemented by sources that can say
// whether the register records the declaration of habitual residence
// (Person.ResidenceDeclaredOn). Without it, or when it reports false, the
// MissingResidenceDeclaration query is unsupported.
type ResidenceDeclarationTracker interface {
	TracksResidenceDeclaration() bool
}

// TracksResidenceDeclaration reports whether src records declarations of
// habitual residence.
func TracksResidenceDeclaration(src Source) bool {
	t, ok := src.(ResidenceDeclarationTracker)
	return ok && t.TracksResidenceDeclaration()
}

// Search streams the persons of src matching q, in ascending ID order. It
// uses src's Querier when present and falls back to filtering
// src.Persons with Match when the Querier is absent or yields
// ErrUnsupported. The reference date q.On defaults to today.
// A MissingResidenceDeclaration query on a source that does not track the
// declaration yields a single error wrapping ErrUnsupported.
func Search(ctx context.Context, src Source, q Query) iter.Seq2[*Record, error] {
	q = q.Resolve()
	return func(yield func(*Record, error) bool) {
		if err := q.Validate(); err != nil {
			yield(nil, err)
			return
		}
		if qr, ok := src.(Querier); ok {
			first := true
			fallback := false
			for rec, err := range qr.Query(ctx, q) {
				if first && rec == nil && errors.Is(err, ErrUnsupported) {
					fallback = true
					break
				}
				first = false
				if !yield(rec, err) {
					return
				}
			}
			if !fallback {
				return
			}
		}
		if q.Kind == KindMissingResidenceDeclaration && !TracksResidenceDeclaration(src) {
			yield(nil, unsupportedDeclaration)
			return
		}
		for rec, err := range src.Persons(ctx) {
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			if !Match(rec, q) {
				continue
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
}

var unsupportedDeclaration = errorString("anagrafe: the register does not track the declaration of habitual residence", ErrUnsupported)

// Count returns how many persons of src match q. It uses src's Counter when
// present and otherwise counts Search's stream, where records that cannot
// be read (RecordError) are not counted; any other error stops the count
// and is returned.
func Count(ctx context.Context, src Source, q Query) (int, error) {
	q = q.Resolve()
	if err := q.Validate(); err != nil {
		return 0, err
	}
	if c, ok := src.(Counter); ok {
		n, err := c.Count(ctx, q)
		if !errors.Is(err, ErrUnsupported) {
			return n, err
		}
	}
	n := 0
	for _, err := range Search(ctx, src, q) {
		if IsRecordError(err) {
			continue
		}
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// Close closes src if it implements io.Closer, and does nothing otherwise.
func Close(src Source) error {
	if c, ok := src.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

type wrapped struct {
	msg string
	err error
}

func (e *wrapped) Error() string { return e.msg }
func (e *wrapped) Unwrap() error { return e.err }

func errorString(msg string, err error) error { return &wrapped{msg, err} }
