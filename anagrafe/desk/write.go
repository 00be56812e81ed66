package desk

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

// Audit purposes and actions recorded for the letters.
const (
	PurposeReminder = "promemoria rinnovo permesso di soggiorno"
	PurposeArt11    = "avvio procedimento art. 11 DPR 223/1989"
	ActionLetter    = "lettera"
)

// File names of the CSV files written next to the letters.
const (
	ReminderCSVName = "promemoria.csv"
	Art11CSVName    = "art11.csv"
)

// ErrNoOperator is returned when WriteOptions has no audit hook or no
// operator: letters carry personal data and every access is recorded.
var ErrNoOperator = errors.New("desk: an audit hook and an operator are required to write letters")

// WriteOptions configures WriteReminders and WriteArt11.
type WriteOptions struct {
	Office   Office
	Audit    anagrafe.AuditHook // required: called for every person before the letter is written
	Operator string             // required: recorded on every audit line
	Purpose  string             // recorded on every audit line; "" = PurposeReminder / PurposeArt11
}

// Written reports what WriteReminders or WriteArt11 wrote.
type Written struct {
	Letters []string // file names of the letters, in input order
	CSV     string   // file name of the CSV file
	// Skipped holds one error per person left out (audit refused, letter
	// not written); the others are written.
	Skipped []error
}

// WriteReminders writes into dir (created 0700 if missing) one letter per
// reminder (promemoria-NNNN-ID.html) and promemoria.csv, each file mode
// 0600 and atomic. Every person is recorded through opts.Audit first; a
// person whose audit or letter fails is skipped (Written.Skipped) and left
// out of the CSV. When ctx is cancelled the letters written so far are
// removed and ctx's error is returned.
func WriteReminders(ctx context.Context, dir string, rs []Reminder, opts WriteOptions) (Written, error) {
	return writeLetters(ctx, dir, "promemoria", ReminderCSVName, PurposeReminder, opts, rs,
		func(r Reminder) string { return r.To.PersonID },
		func(b *bytes.Buffer, r Reminder) error { return RenderReminder(b, r, opts.Office) },
		WriteReminderCSV)
}

// WriteArt11 writes into dir one notice per resident (art11-NNNN-ID.html)
// and the tracking file art11.csv, like WriteReminders.
func WriteArt11(ctx context.Context, dir string, ns []Art11Notice, opts WriteOptions) (Written, error) {
	return writeLetters(ctx, dir, "art11", Art11CSVName, PurposeArt11, opts, ns,
		func(n Art11Notice) string { return n.To.PersonID },
		func(b *bytes.Buffer, n Art11Notice) error { return RenderArt11Notice(b, n, opts.Office) },
		WriteArt11CSV)
}

func writeLetters[T any](ctx context.Context, dir, prefix, csvName, purpose string, opts WriteOptions, items []T,
	id func(T) string, render func(*bytes.Buffer, T) error, writeCSV func(io.Writer, []T) error,
) (Written, error) {
	var out Written
	if opts.Audit == nil || strings.TrimSpace(opts.Operator) == "" {
		return out, ErrNoOperator
	}
	if opts.Purpose != "" {
		purpose = opts.Purpose
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return out, fmt.Errorf("desk: %w", err)
	}
	var done []T
	var buf bytes.Buffer
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			// interrupted: remove this run's letters, so that no batch is
			// left without its CSV file
			for _, name := range out.Letters {
				os.Remove(filepath.Join(dir, name))
			}
			return Written{}, err
		}
		pid := id(it)
		ev := anagrafe.AuditEvent{Operator: opts.Operator, PersonID: pid, Purpose: purpose, Action: ActionLetter}
		if err := anagrafe.RecordAll(ctx, opts.Audit, []anagrafe.AuditEvent{ev}); err != nil {
			out.Skipped = append(out.Skipped, fmt.Errorf("desk: person %s: audit: %w", pid, err))
			continue
		}
		buf.Reset()
		name := fmt.Sprintf("%s-%04d-%s.html", prefix, i+1, safeName(pid))
		if err := render(&buf, it); err != nil {
			out.Skipped = append(out.Skipped, fmt.Errorf("desk: person %s: %w", pid, err))
			continue
		}
		if err := atomicfile.WriteFile(filepath.Join(dir, name), buf.Bytes()); err != nil {
			out.Skipped = append(out.Skipped, fmt.Errorf("desk: person %s: %w", pid, err))
			continue
		}
		out.Letters = append(out.Letters, name)
		done = append(done, it)
	}
	buf.Reset()
	if err := writeCSV(&buf, done); err != nil {
		return out, fmt.Errorf("desk: %s: %w", csvName, err)
	}
	if err := atomicfile.WriteFile(filepath.Join(dir, csvName), buf.Bytes()); err != nil {
		return out, fmt.Errorf("desk: %w", err)
	}
	out.CSV = csvName
	return out, nil
}

// safeName keeps letters, digits, '-' and '_' of a register ID for a file
// name, replacing anything else with '_'.
func safeName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}
