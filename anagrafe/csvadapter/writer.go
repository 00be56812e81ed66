package csvadapter

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/encoding/charmap"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/internal/csvsafe"
)

// WriterOptions configure a Writer.
type WriterOptions struct {
	Comma       rune // field separator; 0 means ','
	Documents   int  // number of document column groups; 0 means 1
	Windows1252 bool // encode as Windows-1252 instead of UTF-8
	UseCRLF     bool // end lines with \r\n (what Excel on Windows expects)
}

// ErrTooManyDocuments is returned by Writer.Write for a person with more
// documents than the Writer has column groups.
var ErrTooManyDocuments = errors.New("csvadapter: more documents than document column groups")

// ErrNotWindows1252 is returned by Writer.Write when a value has a
// character Windows-1252 cannot represent (č, ő, Cyrillic…).
var ErrNotWindows1252 = errors.New("csvadapter: character not representable in Windows-1252")

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Writer writes persons in the documented layout, header first. A value a
// spreadsheet could run as a formula (starting with =, +, -, @, a tab or a
// carriage return) is written with a single quote in front, as OWASP
// recommends against CSV injection (internal/csvsafe); Reader removes it.
type Writer struct {
	opts  WriterOptions
	cw    *csv.Writer
	row   []string
	wrote bool
}

// NewWriter returns a Writer on w. Call Flush (or check Error) at the end.
func NewWriter(w io.Writer, opts WriterOptions) *Writer {
	if opts.Documents <= 0 {
		opts.Documents = 1
	}
	if opts.Windows1252 {
		w = charmap.Windows1252.NewEncoder().Writer(w)
	}
	cw := csv.NewWriter(w)
	if opts.Comma != 0 {
		cw.Comma = opts.Comma
	}
	cw.UseCRLF = opts.UseCRLF
	return &Writer{opts: opts, cw: cw}
}

// Write writes one person (and the header before the first).
func (w *Writer) Write(p *anagrafe.Person) error {
	if !w.wrote {
		w.wrote = true
		if err := w.cw.Write(Columns(w.opts.Documents)); err != nil {
			return fmt.Errorf("csvadapter: write header: %w", err)
		}
	}
	if len(p.Documents) > w.opts.Documents {
		return fmt.Errorf("%w: person %s has %d", ErrTooManyDocuments, anagrafe.MaskPersonID(p.ID), len(p.Documents))
	}
	w.row = w.row[:0]
	for _, c := range personColumns {
		w.row = append(w.row, c.get(p))
	}
	for n := 0; n < w.opts.Documents; n++ {
		for _, f := range docFields {
			v := ""
			if n < len(p.Documents) {
				v = getDocField(&p.Documents[n], f)
			}
			w.row = append(w.row, v)
		}
	}
	if w.opts.Windows1252 {
		names := Columns(w.opts.Documents)
		for i, v := range w.row {
			if !ascii(v) {
				if _, err := charmap.Windows1252.NewEncoder().String(v); err != nil {
					return fmt.Errorf("%w: person %s, column %s", ErrNotWindows1252, anagrafe.MaskPersonID(p.ID), names[i])
				}
			}
		}
	}
	if err := w.cw.Write(csvsafe.Record(w.row)); err != nil {
		return fmt.Errorf("csvadapter: write person %s: %w", anagrafe.MaskPersonID(p.ID), err)
	}
	return nil
}

// Flush writes buffered data and returns any write error.
func (w *Writer) Flush() error {
	if !w.wrote {
		w.wrote = true
		if err := w.cw.Write(Columns(w.opts.Documents)); err != nil {
			return err
		}
	}
	w.cw.Flush()
	return w.cw.Error()
}

// WriteRecords writes the Person of each record, with as many document
// groups as the records need (at least opts.Documents), and flushes.
func WriteRecords(w io.Writer, records []*anagrafe.Record, opts WriterOptions) error {
	for _, r := range records {
		opts.Documents = max(opts.Documents, len(r.Person.Documents))
	}
	cw := NewWriter(w, opts)
	for _, r := range records {
		if err := cw.Write(&r.Person); err != nil {
			return err
		}
	}
	return cw.Flush()
}
