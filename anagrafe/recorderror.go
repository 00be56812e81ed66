package anagrafe

import (
	"errors"
	"strconv"
	"strings"
)

// Reason codes of a RecordError: stable strings for reports and logs. Each
// has a sentinel error (ErrBadValue…) that errors.Is matches against any
// RecordError of that reason.
const (
	ReasonBadValue       = "bad_value"       // a value the adapter cannot decode (a letter in a number column, an unknown enumeration)
	ReasonImpossibleDate = "impossible_date" // a date in the right format that does not exist (1964-06-31)
	ReasonMissingValue   = "missing_value"   // a required value is empty
	ReasonFieldTooLong   = "field_too_long"  // a field longer than the adapter's limit
	ReasonLineTooLong    = "line_too_long"   // a row longer than the adapter's limit (the row is skipped)
	ReasonMalformedRow   = "malformed_row"   // a row the file format cannot split into fields (quotes, field count, encoding)
	ReasonDuplicateID    = "duplicate_id"    // a second row with a person id already read
	ReasonHousehold      = "household"       // another member of the person's household cannot be read
)

// Sentinel errors matched by errors.Is against a RecordError of the
// corresponding reason.
var (
	ErrBadValue       = newReason(ReasonBadValue, "anagrafe: invalid value")
	ErrImpossibleDate = newReason(ReasonImpossibleDate, "anagrafe: impossible date")
	ErrMissingValue   = newReason(ReasonMissingValue, "anagrafe: required value missing")
	ErrFieldTooLong   = newReason(ReasonFieldTooLong, "anagrafe: field too long")
	ErrLineTooLong    = newReason(ReasonLineTooLong, "anagrafe: line too long")
	ErrMalformedRow   = newReason(ReasonMalformedRow, "anagrafe: malformed row")
	ErrDuplicateID    = newReason(ReasonDuplicateID, "anagrafe: duplicate person id")
	ErrHousehold      = newReason(ReasonHousehold, "anagrafe: a member of the household cannot be read")
)

// reasons are the sentinels of the Reason… codes.
var reasons []*reasonError

func newReason(reason, msg string) error {
	e := &reasonError{reason, msg}
	reasons = append(reasons, e)
	return e
}

// reasonError is the type of the reason sentinels.
type reasonError struct{ reason, msg string }

func (e *reasonError) Error() string { return e.msg }

// RecordError reports one record of a register that cannot be read: a
// mistyped cell, an impossible date, a malformed or oversized CSV row. It
// concerns that record only: a Source yields it in place of the record and
// goes on with the next, and the export skips the record and reports it.
// Every other error of a stream (I/O, lost connection, a violated Source
// contract) means the source is broken and ends the stream.
//
// Its message names the record (line, person id masked when it is a
// codice fiscale, see MaskPersonID), the field and the rule, never the
// value: registers hold personal data and error messages end up in logs.
type RecordError struct {
	// PersonID is the register id of the person; "" when the adapter
	// could not read it.
	PersonID string
	// Field names the column or field as the source calls it
	// ("permessi.tipologia_kit", "data_nascita"); "" for the whole record.
	Field string
	// Line is the line where the record starts in a file source, from 1;
	// 0 when the source has no lines.
	Line int
	// Reason is one of the Reason… codes.
	Reason string
	// Err is the cause (an adapter's sentinel, a rule). Its text must not
	// quote the value either.
	Err error
}

// Error describes the record, the field and the problem in English, with
// the person id masked when it is a codice fiscale.
func (e *RecordError) Error() string {
	var b strings.Builder
	b.WriteString("anagrafe: record")
	sep := " "
	if e.Line > 0 {
		b.WriteString(" at line ")
		b.WriteString(strconv.Itoa(e.Line))
		sep = ", "
	}
	if e.PersonID != "" {
		b.WriteString(sep)
		b.WriteString("person ")
		b.WriteString(MaskPersonID(e.PersonID))
		sep = ", "
	}
	if e.Field != "" {
		b.WriteString(sep)
		b.WriteString("field ")
		b.WriteString(e.Field)
	}
	b.WriteString(": ")
	switch {
	case e.Err != nil:
		b.WriteString(e.Err.Error())
	case reasonSentinel(e.Reason) != nil:
		b.WriteString(reasonSentinel(e.Reason).msg)
	default:
		b.WriteString(e.Reason)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// Is reports whether target is the sentinel of e's reason (ErrBadValue for
// ReasonBadValue…).
func (e *RecordError) Is(target error) bool {
	s, ok := target.(*reasonError)
	return ok && s.reason == e.Reason
}

func reasonSentinel(reason string) *reasonError {
	for _, s := range reasons {
		if s.reason == reason {
			return s
		}
	}
	return nil
}

// IsRecordError reports whether err (or an error it wraps) is a
// *RecordError, that is whether it concerns one record only.
func IsRecordError(err error) bool {
	var re *RecordError
	return errors.As(err, &re)
}

// DateReason returns the reason of a date that does not parse:
// ReasonImpossibleDate when s has the shape of an ISO date (YYYY-MM-DD,
// YYYY-MM) but names no day of the calendar, ReasonBadValue otherwise.
func DateReason(s string) string {
	if len(s) != 10 && len(s) != 7 {
		return ReasonBadValue
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return ReasonBadValue
			}
		} else if c < '0' || c > '9' {
			return ReasonBadValue
		}
	}
	return ReasonImpossibleDate
}

// ReasonOf returns the reason code of err: the Reason of a RecordError in
// its chain, else that of the first reason sentinel it wraps (ErrBadValue
// gives ReasonBadValue), else "". Adapters use it to build a RecordError
// from the error of a field decoder.
func ReasonOf(err error) string {
	var re *RecordError
	if errors.As(err, &re) && re.Reason != "" {
		return re.Reason
	}
	var s *reasonError
	if errors.As(err, &s) {
		return s.reason
	}
	return ""
}
