package csvadapter

import (
	"errors"
	"fmt"
	"io"
)

// Default limits of Options.MaxLineBytes and Options.MaxFieldBytes. A row
// of a register extract has about fifty values of tens of characters
// (names, street names, document numbers): a few kilobytes. The defaults
// leave two orders of magnitude of room and keep the memory of a reader
// to a few megabytes whatever the input.
const (
	DefaultMaxLineBytes  = 1 << 20  // 1 MiB
	DefaultMaxFieldBytes = 64 << 10 // 64 KiB
)

// lineTooLongError is returned by recordLimiter in place of a row longer
// than its limit, after the row has been discarded.
type lineTooLongError struct {
	line  int  // line where the row starts
	lines int  // physical lines the row spans
	max   int  // the limit
	eof   bool // the row ran to the end of the input
}

func (e *lineTooLongError) Error() string {
	msg := fmt.Sprintf("row longer than %d bytes", e.max)
	if e.eof && e.lines > 1 {
		msg += fmt.Sprintf(": a quoted value opened on line %d is never closed, lines %d to %d (the end of the file) were skipped",
			e.line, e.line, e.line+e.lines-1)
	}
	return msg
}

// recordLimiter sits between the decoded input and encoding/csv, which
// would otherwise buffer a row of any length. It scans the input for the
// end of each row as encoding/csv reads it — a line feed outside a quoted
// value; a quote opens a quoted value only at the start of a field — and
// hands the row over only once it is whole and at most max bytes long.
// A longer row is read to its end and dropped in constant memory, and the
// next Read returns a *lineTooLongError instead: encoding/csv reports that
// error for the row and reads on with the next one, so that the reader
// resynchronises at the next row and one oversized row costs one record.
//
// Detecting the end of a row only decides where an oversized row ends;
// rows within the limit reach encoding/csv byte for byte, which parses
// them as always.
type recordLimiter struct {
	in    io.Reader
	max   int
	comma byte // 0 when the separator is not a single byte

	chunk []byte // read buffer
	rest  []byte // chunk bytes not yet scanned
	rec   []byte // the current row, whole
	out   []byte // what is left of rec to hand over
	line  int    // physical line of the next byte scanned, from 1
	err   error  // input error, returned once the pending row is handed over

	// adjust is the number of physical lines encoding/csv did not see:
	// it counts one line for a dropped row, however many it spanned.
	adjust int
}

func newRecordLimiter(in io.Reader, max int, comma rune) *recordLimiter {
	l := &recordLimiter{in: in, max: max, line: 1, chunk: make([]byte, 32<<10)}
	if comma < 0x80 {
		l.comma = byte(comma)
	}
	return l
}

// Row scanner states.
const (
	fieldStart = iota // at the start of a field
	unquoted          // inside a field that does not start with a quote
	quoted            // inside a quoted value
	quoteSeen         // a quote inside a quoted value: its end, or the first of two
)

// Read implements io.Reader.
func (l *recordLimiter) Read(p []byte) (int, error) {
	if len(l.out) == 0 {
		if err := l.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}

// next scans the next row into rec (and out). It returns io.EOF at the
// end, the input's error, or a *lineTooLongError for a dropped row.
func (l *recordLimiter) next() error {
	l.rec = l.rec[:0]
	start, newlines, state, over, ended := l.line, 0, fieldStart, false, false
	tail := false // bytes after the last line feed
	for !ended {
		if len(l.rest) == 0 {
			if l.err != nil {
				break
			}
			n, err := l.in.Read(l.chunk)
			l.rest = l.chunk[:n]
			if err != nil {
				l.err = err
			}
			continue
		}
		i, end := 0, false
		for ; i < len(l.rest) && !end; i++ {
			c := l.rest[i]
			if c == '\n' {
				l.line++
				newlines++
				end = state != quoted
				if end {
					break
				}
				continue
			}
			switch state {
			case fieldStart:
				switch c {
				case '"':
					state = quoted
				case l.comma:
				default:
					state = unquoted
				}
			case unquoted:
				if c == l.comma {
					state = fieldStart
				}
			case quoted:
				if c == '"' {
					state = quoteSeen
				}
			case quoteSeen:
				switch c {
				case '"':
					state = quoted
				case l.comma:
					state = fieldStart
				default:
					// An error for encoding/csv; the row ends at the
					// line feed.
					state = unquoted
				}
			}
		}
		if end {
			i++ // the line feed
		}
		if !over {
			if len(l.rec)+i > l.max {
				over = true
				l.rec = l.rec[:0]
			} else {
				l.rec = append(l.rec, l.rest[:i]...)
			}
		}
		if i > 0 {
			tail = l.rest[i-1] != '\n'
		}
		l.rest = l.rest[i:]
		ended = end
	}
	if over {
		lines := newlines
		if ended {
			l.adjust += newlines - 1
		} else {
			l.adjust += newlines
			if tail {
				lines++
			}
		}
		return &lineTooLongError{line: start, lines: lines, max: l.max, eof: !ended && state == quoted}
	}
	if len(l.rec) == 0 {
		if errors.Is(l.err, io.EOF) || l.err == nil {
			return io.EOF
		}
		return l.err
	}
	l.out = l.rec
	return nil
}
