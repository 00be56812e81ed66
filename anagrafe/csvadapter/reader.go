package csvadapter

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// Encoding is the character encoding of a CSV file.
type Encoding int

// Encodings. EncodingAuto sniffs the first SniffBytes bytes: valid UTF-8
// (a leading BOM is stripped) means UTF-8, anything else Windows-1252.
const (
	EncodingAuto Encoding = iota
	EncodingUTF8
	EncodingWindows1252
)

// String returns the encoding's name.
func (e Encoding) String() string {
	switch e {
	case EncodingUTF8:
		return "UTF-8"
	case EncodingWindows1252:
		return "Windows-1252"
	}
	return "auto"
}

// SniffBytes is how much of the input EncodingAuto looks at. A UTF-8 file
// with an invalid sequence after it yields RowErrors wrapping
// ErrInvalidUTF8 for the rows concerned.
const SniffBytes = 64 << 10

// Options configure Reader, Load and Open.
type Options struct {
	// Comma is the field separator; 0 detects ',' or ';' from the header
	// line (the more frequent of the two outside quotes; ',' on a tie).
	Comma rune
	// Encoding of the input; EncodingAuto by default.
	Encoding Encoding
	// IgnoreUnknownColumns accepts header names the layout does not define
	// (they are skipped) instead of failing with ErrUnknownColumn.
	IgnoreUnknownColumns bool
}

// RowError reports a row that could not be read. The stream goes on with
// the next row.
type RowError struct {
	Line   int    // line where the row starts, from 1 (the header is line 1)
	Column string // column name; empty for errors of the whole row
	Err    error
}

// Error returns the line, the column and the problem, in Italian.
func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("csvadapter: line %d: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("csvadapter: line %d, column %s: %v", e.Line, e.Column, e.Err)
}

// Unwrap returns the underlying error.
func (e *RowError) Unwrap() error { return e.Err }

// HeaderError reports an unusable header line: the file cannot be read.
type HeaderError struct {
	Column string
	Err    error
}

// Error describes the problem with the header line, in Italian.
func (e *HeaderError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("csvadapter: header: %v", e.Err)
	}
	return fmt.Sprintf("csvadapter: header: column %q: %v", clip(e.Column), e.Err)
}

// Unwrap returns the underlying error.
func (e *HeaderError) Unwrap() error { return e.Err }

// Reader reads persons from a CSV extract in the documented layout, one row
// at a time, in constant memory.
type Reader struct {
	opts      Options
	src       io.Reader
	cr        *csv.Reader
	started   bool
	headerErr error
	cols      []func(p *anagrafe.Person, v string) error // per field index; nil = ignored
	names     []string
	docCols   [][2]int // per field index: document group (from 1) and field index, or 0
	docGroups int
	hasDecl   bool
	enc       Encoding
	comma     rune
}

// NewReader returns a Reader on r.
func NewReader(r io.Reader, opts Options) *Reader {
	return &Reader{opts: opts, src: r}
}

// Encoding returns the encoding in use (detected or forced), after the
// first Read.
func (r *Reader) Encoding() Encoding { return r.enc }

// Comma returns the separator in use, after the first Read.
func (r *Reader) Comma() rune { return r.comma }

// HasResidenceDeclaration reports whether the header has the
// dichiarazione_dimora column, after the first Read.
func (r *Reader) HasResidenceDeclaration() bool { return r.hasDecl }

func (r *Reader) start() error {
	r.started = true
	br := bufio.NewReaderSize(r.src, SniffBytes)
	peek, err := br.Peek(SniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("csvadapter: %w", err)
	}
	var in io.Reader = br
	r.enc = r.opts.Encoding
	if r.enc == EncodingAuto {
		r.enc = EncodingWindows1252
		if validUTF8Prefix(peek, len(peek) < SniffBytes) {
			r.enc = EncodingUTF8
		}
	}
	if r.enc == EncodingUTF8 {
		if bytes.HasPrefix(peek, []byte("\xEF\xBB\xBF")) {
			br.Discard(3)
			peek = peek[3:]
		}
	} else {
		in = charmap.Windows1252.NewDecoder().Reader(br)
		dec, _ := charmap.Windows1252.NewDecoder().Bytes(peek)
		peek = dec
	}
	r.comma = r.opts.Comma
	if r.comma == 0 {
		r.comma = detectComma(peek)
	}
	r.cr = csv.NewReader(in)
	r.cr.Comma = r.comma
	r.cr.ReuseRecord = true
	r.cr.FieldsPerRecord = -1
	header, err := r.cr.Read()
	if errors.Is(err, io.EOF) {
		return &HeaderError{Err: ErrEmptyInput}
	}
	if err != nil {
		return &HeaderError{Err: err}
	}
	return r.parseHeader(header)
}

// validUTF8Prefix reports whether b is valid UTF-8, allowing a rune cut at
// the end of a partial buffer.
func validUTF8Prefix(b []byte, complete bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if complete {
		return false
	}
	for cut := 1; cut <= 3 && cut < len(b); cut++ {
		if utf8.Valid(b[:len(b)-cut]) {
			return true
		}
	}
	return false
}

// detectComma picks ',' or ';' from the first line of b.
func detectComma(b []byte) rune {
	commas, semis, quoted := 0, 0, false
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			if semis > commas {
				return ';'
			}
			return ','
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

func (r *Reader) parseHeader(header []string) error {
	byName := map[string]column{}
	for _, c := range personColumns {
		byName[c.name] = c
	}
	r.cols = make([]func(*anagrafe.Person, string) error, len(header))
	r.names = make([]string, len(header))
	r.docCols = make([][2]int, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		r.names[i] = name
		if seen[name] && name != "" {
			return &HeaderError{Column: h, Err: ErrDuplicateCol}
		}
		seen[name] = true
		if c, ok := byName[name]; ok {
			r.cols[i] = c.set
			if name == "dichiarazione_dimora" {
				r.hasDecl = true
			}
			continue
		}
		if g, f, ok := parseDocColumn(name); ok {
			r.docCols[i] = [2]int{g, f + 1}
			r.docGroups = max(r.docGroups, g)
			continue
		}
		if !r.opts.IgnoreUnknownColumns {
			return &HeaderError{Column: h, Err: ErrUnknownColumn}
		}
	}
	for _, req := range []string{"id", "cognome", "nome"} {
		if !seen[req] {
			return &HeaderError{Column: req, Err: ErrMissingColumn}
		}
	}
	return nil
}

// parseDocColumn recognises documento_<field> and documentoN_<field>.
func parseDocColumn(name string) (group, field int, ok bool) {
	rest, ok := strings.CutPrefix(name, "documento")
	if !ok {
		return 0, 0, false
	}
	num, fname, ok := strings.Cut(rest, "_")
	if !ok {
		return 0, 0, false
	}
	group = 1
	if num != "" {
		n, err := strconv.Atoi(num)
		if err != nil || n < 2 || n > 99 || num[0] == '0' {
			return 0, 0, false
		}
		group = n
	}
	for i, f := range docFields {
		if f == fname {
			return group, i, true
		}
	}
	return 0, 0, false
}

// Read returns the next person. At the end it returns io.EOF. A *RowError
// concerns one row only: call Read again for the next. Any other error
// (*HeaderError, I/O) is final.
func (r *Reader) Read() (*anagrafe.Person, error) {
	if !r.started {
		r.headerErr = r.start()
	}
	if r.headerErr != nil {
		return nil, r.headerErr
	}
	fields, err := r.cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &RowError{Line: pe.StartLine, Err: pe.Err}
		}
		return nil, err
	}
	line, _ := r.cr.FieldPos(0)
	if len(fields) != len(r.cols) {
		return nil, &RowError{Line: line, Err: fmt.Errorf("%w: %d, header has %d", ErrFieldCount, len(fields), len(r.cols))}
	}
	return r.parseRow(line, fields)
}

// parseRow decodes one row's fields (as many as header columns).
func (r *Reader) parseRow(line int, fields []string) (*anagrafe.Person, error) {
	p := &anagrafe.Person{}
	var docs []anagrafe.IdentityDocument
	var docSet []bool
	for i, raw := range fields {
		v := strings.TrimSpace(raw)
		if !utf8.ValidString(v) {
			return nil, &RowError{Line: line, Column: r.names[i], Err: ErrInvalidUTF8}
		}
		if set := r.cols[i]; set != nil {
			if err := set(p, v); err != nil {
				return nil, &RowError{Line: line, Column: r.names[i], Err: err}
			}
			continue
		}
		if g := r.docCols[i]; g[0] > 0 {
			if docs == nil {
				docs = make([]anagrafe.IdentityDocument, r.docGroups)
				docSet = make([]bool, r.docGroups)
			}
			if v == "" {
				continue
			}
			docSet[g[0]-1] = true
			if err := setDocField(&docs[g[0]-1], docFields[g[1]-1], v); err != nil {
				return nil, &RowError{Line: line, Column: r.names[i], Err: err}
			}
		}
	}
	if p.ID == "" {
		return nil, &RowError{Line: line, Column: "id", Err: ErrMissingValue}
	}
	if p.Surname == "" && p.Name == "" {
		return nil, &RowError{Line: line, Column: "cognome", Err: ErrMissingValue}
	}
	if p.Permit != nil && p.Permit.Type == "" {
		return nil, &RowError{Line: line, Column: "permesso_tipo", Err: errNoPermitType}
	}
	for g, set := range docSet {
		if !set {
			continue
		}
		if docs[g].Kind == "" {
			return nil, &RowError{Line: line, Column: docPrefix(g+1) + "tipo", Err: errNoDocumentKind}
		}
		p.Documents = append(p.Documents, docs[g])
	}
	return p, nil
}

// All streams every row as Read returns them, per-row errors included, and
// stops at the first final error (yielded) or at the end.
func (r *Reader) All() iter.Seq2[*anagrafe.Person, error] {
	return func(yield func(*anagrafe.Person, error) bool) {
		for {
			p, err := r.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			var re *RowError
			if err != nil && !errors.As(err, &re) {
				yield(nil, err)
				return
			}
			if !yield(p, err) {
				return
			}
		}
	}
}
