package anagrafe

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/retecomuni/eli2sdk/eli2"
)

// AuditEvent records one access to a person's data for an export.
type AuditEvent struct {
	Time     time.Time // when; the hook's caller sets it (zero = now, filled by FileAuditLog)
	Operator string    // help-desk operator identifier
	PersonID string    // register ID of the person exported (not the codice fiscale)
	Purpose  string    // why (rinnovo permesso, verifica art. 11…)
	Action   string    // what was done (export, preview…); optional
}

// AuditHook is called by every export path before a person's data leave
// the register. An error aborts the export of that person: an access that
// cannot be recorded must not happen.
type AuditHook func(ctx context.Context, ev AuditEvent) error

// ErrAuditClosed is returned by FileAuditLog.Record after Close.
var ErrAuditClosed = errors.New("anagrafe: audit log closed")

// FileAuditLog appends audit events as JSON lines to a file created with
// owner-only permissions (0600). Each line holds time (RFC 3339, UTC),
// operator, person ID, purpose and action: never a codice fiscale or a name
// (a PersonID that looks like a codice fiscale is masked). It is safe for
// concurrent use; every line is written with a single write call.
type FileAuditLog struct {
	mu sync.Mutex
	f  *os.File
	// Now returns the time stamped on events whose Time is zero; nil means time.Now.
	Now func() time.Time
}

// OpenAuditLog opens (creating it if needed, mode 0600) the audit file at
// path for appending.
func OpenAuditLog(path string) (*FileAuditLog, error) {
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
}

// Record appends ev as one JSON line. Its method value l.Record is an
// AuditHook.
func (l *FileAuditLog) Record(ctx context.Context, ev AuditEvent) error {
	if err := ctx.Err(); err != nil {
		return err
	}
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
	})
	if err != nil {
		return fmt.Errorf("anagrafe: audit log: %w", err)
	}
	b = append(b, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return ErrAuditClosed
	}
	if _, err := l.f.Write(b); err != nil {
		return fmt.Errorf("anagrafe: audit log: %w", err)
	}
	return nil
}

// Hook returns l.Record as an AuditHook.
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
