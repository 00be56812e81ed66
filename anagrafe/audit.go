package anagrafe

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/retecomuni/eli2sdk/eli2"
)

// AuditEvent records one access to a person's data, or the end of a run
// that delivered nothing (Action "abort").
type AuditEvent struct {
	Time     time.Time // when; the export stamps it (zero = now, filled by FileAuditLog)
	Operator string    // help-desk operator identifier
	PersonID string    // register ID of the person exported (not the codice fiscale); "" for "abort"
	Purpose  string    // why (rinnovo permesso, verifica art. 11…)
	Action   string    // what was done: ActionExport, ActionPreview, ActionAbort…
	RunID    string    // the run the event belongs to: every line of one export shares it
	Reason   string    // for ActionAbort: why the run delivered nothing (a stable code)
}

// Actions recorded in AuditEvent.Action.
const (
	// ActionExport: the person's application is in an output that was
	// delivered (committed).
	ActionExport = "export"
	// ActionPreview: the person's data were read to show a preview.
	ActionPreview = "preview"
	// ActionAbort: the run ended without delivering any output; no
	// ActionExport line of the same RunID precedes it, except when the
	// final rename of the output failed after the log was written (the
	// abort line then says so, with reason "commit").
	ActionAbort = "abort"
)

// AuditHook is the simplest audit log: a function called with each event.
// An error aborts the export: an access that cannot be recorded must not
// happen. An event is taken as durable when the hook returns nil.
type AuditHook func(ctx context.Context, ev AuditEvent) error

// Record calls h, so that an AuditHook is an AuditLog.
func (h AuditHook) Record(ctx context.Context, ev AuditEvent) error { return h(ctx, ev) }

// AuditLog receives audit events. AuditHook and *FileAuditLog implement
// it; an implementation may also implement AuditBatcher.
type AuditLog interface {
	// Record stores ev durably or returns an error.
	Record(ctx context.Context, ev AuditEvent) error
}

// AuditBatcher is an optional interface of an AuditLog that stores many
// events at once, all or none: when RecordBatch returns nil they are all
// on stable storage; when it returns an error none of them is recorded.
// RecordAll uses it when present, as database/sql uses a driver's optional
// interfaces.
type AuditBatcher interface {
	RecordBatch(ctx context.Context, evs []AuditEvent) error
}

// RecordAll records evs in log, in order: in one batch when log is an
// AuditBatcher, else one Record call each (stopping at the first error,
// so that a plain hook may have recorded a prefix of evs). Events with a
// zero Time are stamped now (see Stamp): a log never receives a zero time.
func RecordAll(ctx context.Context, log AuditLog, evs []AuditEvent) error {
	if len(evs) == 0 {
		return nil
	}
	evs = Stamp(evs, time.Now)
	if b, ok := log.(AuditBatcher); ok {
		return b.RecordBatch(ctx, evs)
	}
	for _, ev := range evs {
		if err := log.Record(ctx, ev); err != nil {
			return err
		}
	}
	return nil
}

// Stamp returns evs with every zero Time set to now() (evs itself when
// none is zero; a copy otherwise, so that the caller's slice is left
// as it was). It is the one place where the SDK stamps audit events that
// a caller left unstamped.
func Stamp(evs []AuditEvent, now func() time.Time) []AuditEvent {
	var out []AuditEvent
	for i, ev := range evs {
		if !ev.Time.IsZero() {
			continue
		}
		if out == nil {
			out = append([]AuditEvent(nil), evs...)
		}
		out[i].Time = now()
	}
	if out == nil {
		return evs
	}
	return out
}

// Sentinel errors of FileAuditLog.
var (
	// ErrAuditClosed is returned by FileAuditLog.Record after Close.
	ErrAuditClosed = errors.New("anagrafe: audit log closed")
	// ErrAuditPermissions is returned by OpenAuditLog for an existing file
	// that others may read or write (mode wider than 0600), or that is not
	// a regular file (a symbolic link, a device): the log names who looked
	// at whose data, and must not be readable or forgeable by others.
	ErrAuditPermissions = errors.New("anagrafe: registro di audit con permessi più ampi di 0600 o non regolare")
)

// auditFile is what FileAuditLog needs of its file (an *os.File; tests
// inject failures through it).
type auditFile interface {
	io.Writer
	Sync() error
	Close() error
	Truncate(size int64) error
	Stat() (os.FileInfo, error)
}

// FileAuditLog appends audit events as JSON lines to a file created with
// owner-only permissions (0600). Each line holds time (RFC 3339, UTC),
// operator, person ID, purpose, action and, when set, run id and reason:
// never a codice fiscale or a name (a PersonID that looks like a codice
// fiscale is masked). It is safe for concurrent use within one process.
// A write that fails part-way (full disk) is cut back, so that the file
// never ends in a truncated line. It implements AuditLog and AuditBatcher.
type FileAuditLog struct {
	mu sync.Mutex
	f  auditFile
	// Now returns the time stamped on events whose Time is zero; nil means time.Now.
	Now func() time.Time
}

// OpenAuditLog opens (creating it if needed, mode 0600) the audit file at
// path for appending. An existing file with a mode wider than 0600, or
// that is not a regular file, is refused with ErrAuditPermissions (on
// Windows, where modes are not used, only the latter): fix it with
// chmod 600 after checking who could have changed it.
func OpenAuditLog(path string) (*FileAuditLog, error) {
	if fi, err := os.Lstat(path); err == nil {
		if !fi.Mode().IsRegular() || (runtime.GOOS != "windows" && fi.Mode().Perm()&^0o600 != 0) {
			return nil, fmt.Errorf("%w: %s (%v)", ErrAuditPermissions, path, fi.Mode())
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("anagrafe: audit log: %w", err)
	}
	return &FileAuditLog{f: f}, nil
}

type auditLine struct {
	Time     string `json:"time"`
	Operator string `json:"operator"`
	PersonID string `json:"person_id"`
	Purpose  string `json:"purpose"`
	Action   string `json:"action,omitempty"`
	RunID    string `json:"run_id,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// line encodes ev as one JSON line.
func (l *FileAuditLog) line(ev AuditEvent) ([]byte, error) {
	t := ev.Time
	if t.IsZero() {
		if l.Now != nil {
			t = l.Now()
		} else {
			t = time.Now()
		}
	}
	b, err := json.Marshal(auditLine{
		Time:     t.UTC().Format(time.RFC3339Nano),
		Operator: ev.Operator,
		PersonID: maskIfCF(ev.PersonID),
		Purpose:  ev.Purpose,
		Action:   ev.Action,
		RunID:    ev.RunID,
		Reason:   ev.Reason,
	})
	if err != nil {
		return nil, fmt.Errorf("anagrafe: audit log: %w", err)
	}
	return append(b, '\n'), nil
}

// Record appends ev as one JSON line. Its method value l.Record is an
// AuditHook. It does not sync: call Sync (or Close) before acting on the
// access, or use RecordBatch.
func (l *FileAuditLog) Record(ctx context.Context, ev AuditEvent) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b, err := l.line(ev)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.append(b, false)
}

// RecordBatch appends evs, then syncs the file: when it returns nil every
// line is on stable storage; on any error the file is cut back to where it
// was, so that none of them is recorded.
func (l *FileAuditLog) RecordBatch(ctx context.Context, evs []AuditEvent) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return ErrAuditClosed
	}
	fi, err := l.f.Stat()
	if err != nil {
		return fmt.Errorf("anagrafe: audit log: %w", err)
	}
	start := fi.Size()
	fail := func(err error) error {
		if terr := l.f.Truncate(start); terr != nil {
			err = errors.Join(err, terr)
		}
		return fmt.Errorf("anagrafe: audit log: %w", err)
	}
	// Lines go out in chunks of about 64 KiB: memory does not grow with
	// the batch beyond the events themselves.
	var buf []byte
	for i, ev := range evs {
		b, err := l.line(ev)
		if err != nil {
			return fail(err)
		}
		buf = append(buf, b...)
		if len(buf) >= 64<<10 || i == len(evs)-1 {
			if _, err := l.f.Write(buf); err != nil {
				return fail(err)
			}
			buf = buf[:0]
		}
	}
	if err := l.f.Sync(); err != nil {
		return fail(err)
	}
	return nil
}

// append writes b (whole lines) under l.mu; a failed write is cut back.
func (l *FileAuditLog) append(b []byte, sync bool) error {
	if l.f == nil {
		return ErrAuditClosed
	}
	fi, err := l.f.Stat()
	if err != nil {
		return fmt.Errorf("anagrafe: audit log: %w", err)
	}
	if _, err := l.f.Write(b); err != nil {
		if terr := l.f.Truncate(fi.Size()); terr != nil {
			err = errors.Join(err, terr)
		}
		return fmt.Errorf("anagrafe: audit log: %w", err)
	}
	if sync {
		if err := l.f.Sync(); err != nil {
			return fmt.Errorf("anagrafe: audit log: %w", err)
		}
	}
	return nil
}

// Hook returns l.Record as an AuditHook. Record does not sync: to have an
// export's events recorded in one synced batch, pass l itself as
// export.Options.AuditLog.
func (l *FileAuditLog) Hook() AuditHook { return l.Record }

// Sync flushes the file to stable storage.
func (l *FileAuditLog) Sync() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return ErrAuditClosed
	}
	return l.f.Sync()
}

// Close syncs and closes the file.
func (l *FileAuditLog) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Sync()
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

var (
	_ AuditLog     = (*FileAuditLog)(nil)
	_ AuditBatcher = (*FileAuditLog)(nil)
	_ AuditLog     = AuditHook(nil)
)

// maskIfCF masks s when it has the shape of a 16-character codice fiscale.
func maskIfCF(s string) string {
	if len(s) != 16 {
		return s
	}
	letters := 0
	for i := 0; i < 16; i++ {
		c := s[i] | 0x20
		if c >= 'a' && c <= 'z' {
			letters++
		} else if s[i] < '0' || s[i] > '9' {
			return s
		}
	}
	if letters < 6 {
		return s
	}
	return eli2.MaskCodiceFiscale(s)
}
