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
	"github.com/retecomuni/eli2sdk/internal/csvsafe"
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
// with an invalid sequence after it yields RecordErrors wrapping
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
	// MaxLineBytes is the longest row accepted, in bytes of UTF-8 after
	// decoding, line breaks inside quoted values included; 0 means
	// DefaultMaxLineBytes. A longer row is skipped in constant memory and
	// reported as a RecordError with reason line_too_long; reading goes on
	// with the next row. A longer header line is a HeaderError.
	MaxLineBytes int
	// MaxFieldBytes is the longest value accepted; 0 means
	// DefaultMaxFieldBytes. A row with a longer value is a RecordError with
	// reason field_too_long naming the column.
	MaxFieldBytes int
}

// HeaderError reports an unusable header line: the file cannot be read.
type HeaderError struct {
	Column string // the column's name as written in the header
	Index  int    // the column's position, from 1; 0 for the whole line
	Err    error
}

// Error describes the problem with the header line. It quotes the column
// name only when it looks like one (lowercase ASCII letters, digits and
// underscores, with an underscore, or a name of the layout): a file
// without a header has a row of personal data in its place, identified by
// position instead.
func (e *HeaderError) Error() string {
	switch {
	case e.Column != "" && looksLikeColumn(e.Column):
		return fmt.Sprintf("csvadapter: header: column %q: %v", e.Column, e.Err)
	case e.Index > 0:
		return fmt.Sprintf("csvadapter: header: column %d: %v", e.Index, e.Err)
	}
	return fmt.Sprintf("csvadapter: header: %v", e.Err)
}

// columnByName indexes personColumns by name.
var columnByName = func() map[string]column {
	m := make(map[string]column, len(personColumns))
	for _, c := range personColumns {
		m[c.name] = c
	}
	return m
}()

// maxQuotedID is the longest id value a RecordError reports as PersonID;
// a longer one is no id (a shifted column, a stray text).
const maxQuotedID = 64

// looksLikeColumn reports whether a header name may be quoted in a message.
func looksLikeColumn(name string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	if _, ok := columnByName[name]; ok {
		return true
	}
	if len(name) > 40 || !strings.Contains(name, "_") {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Unwrap returns the underlying error.
func (e *HeaderError) Unwrap() error { return e.Err }

// Reader reads persons from a CSV extract in the documented layout, one row
// at a time, in constant memory.
type Reader struct {
	opts      Options
	src       io.Reader
	cr        *csv.Reader
	lim       *recordLimiter
	line      int // Line's result
	maxField  int
	idIndex   int // field index of the id column
	started   bool
	headerErr error
	cols      []func(p *anagrafe.Person, v string) error // per field index; nil = ignored
	names     []string
	docCols   [][2]int // per field index: document group (from 1) and field index, or 0
	docGroups int
	hasDecl   bool
	enc       Encoding
	comma     rune
	warn      warnings
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
	maxLine := r.opts.MaxLineBytes
	if maxLine <= 0 {
		maxLine = DefaultMaxLineBytes
	}
	r.maxField = r.opts.MaxFieldBytes
	if r.maxField <= 0 {
		r.maxField = DefaultMaxFieldBytes
	}
	r.lim = newRecordLimiter(in, maxLine, r.comma)
	r.cr = csv.NewReader(r.lim)
	r.cr.Comma = r.comma
	r.cr.ReuseRecord = true
	r.cr.FieldsPerRecord = -1
	header, err := r.cr.Read()
	var tl *lineTooLongError
	switch {
	case errors.Is(err, io.EOF):
		return &HeaderError{Err: ErrEmptyInput}
	case errors.As(err, &tl):
		return &HeaderError{Err: fmt.Errorf("%w: %w", anagrafe.ErrLineTooLong, tl)}
	case err != nil:
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
	r.cols = make([]func(*anagrafe.Person, string) error, len(header))
	r.names = make([]string, len(header))
	r.docCols = make([][2]int, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		r.names[i] = name
		if seen[name] && name != "" {
			return &HeaderError{Column: h, Index: i + 1, Err: ErrDuplicateCol}
		}
		if name == "id" {
			r.idIndex = i
		}
		seen[name] = true
		if c, ok := columnByName[name]; ok {
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
			return &HeaderError{Column: h, Index: i + 1, Err: ErrUnknownColumn}
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

// Read returns the next person. At the end it returns io.EOF. An
// *anagrafe.RecordError concerns one row only (its Line, Field and
// Reason say which and why; its PersonID is the row's id when it could be
// read): call Read again for the next. Any other error (*HeaderError,
// I/O) is final.
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
		var tl *lineTooLongError
		switch {
		case errors.As(err, &tl):
			r.line = tl.line
			return nil, &anagrafe.RecordError{Line: tl.line, Reason: anagrafe.ReasonLineTooLong, Err: tl}
		case errors.As(err, &pe):
			r.line = pe.StartLine + r.lim.adjust
			return nil, &anagrafe.RecordError{Line: r.line, Reason: anagrafe.ReasonMalformedRow, Err: pe.Err}
		}
		return nil, err
	}
	line, _ := r.cr.FieldPos(0)
	line += r.lim.adjust
	r.line = line
	if len(fields) != len(r.cols) {
		return nil, &anagrafe.RecordError{Line: line, Reason: anagrafe.ReasonMalformedRow,
			Err: fmt.Errorf("%w: %d, header has %d", ErrFieldCount, len(fields), len(r.cols))}
	}
	return r.parseRow(line, fields)
}

// Line returns the line where the row last read (or the row of the
// RecordError last returned) starts, from 1: the header is line 1.
func (r *Reader) Line() int { return r.line }

// parseRow decodes one row's fields (as many as header columns).
func (r *Reader) parseRow(line int, fields []string) (*anagrafe.Person, error) {
	id := ""
	if v := strings.TrimSpace(fields[r.idIndex]); len(v) <= maxQuotedID && utf8.ValidString(v) {
		id = v
	}
	rowErr := func(i int, err error) error {
		col := ""
		if i >= 0 {
			col = r.names[i]
		}
		reason := anagrafe.ReasonOf(err)
		if reason == "" {
			reason = anagrafe.ReasonBadValue
		}
		return &anagrafe.RecordError{Line: line, PersonID: id, Field: col, Reason: reason, Err: err}
	}
	for i, raw := range fields {
		if len(raw) > r.maxField {
			return nil, rowErr(i, fmt.Errorf("%w: over %d bytes", anagrafe.ErrFieldTooLong, r.maxField))
		}
	}
	p := &anagrafe.Person{}
	var docs []anagrafe.IdentityDocument
	var docSet []bool
	for i, raw := range fields {
		v := csvsafe.Unquote(strings.TrimSpace(raw))
		if !utf8.ValidString(v) {
			return nil, rowErr(i, ErrInvalidUTF8)
		}
		if set := r.cols[i]; set != nil {
			if err := set(p, v); err != nil {
				return nil, rowErr(i, err)
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
				return nil, rowErr(i, err)
			}
		}
	}
	named := func(col string, err error) error {
		e := rowErr(-1, err).(*anagrafe.RecordError)
		e.Field = col
		return e
	}
	if p.ID == "" {
		return nil, named("id", ErrMissingValue)
	}
	if p.Surname == "" && p.Name == "" {
		return nil, named("cognome", ErrMissingValue)
	}
	if p.Permit != nil && p.Permit.Type == "" {
		return nil, named("permesso_tipo", errNoPermitType)
	}
	for g, set := range docSet {
		if !set {
			continue
		}
		if docs[g].Kind == "" {
			return nil, named(docPrefix(g+1)+"tipo", errNoDocumentKind)
		}
		p.Documents = append(p.Documents, docs[g])
	}
	r.warn.scan(line, p.ID, r.names, fields)
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
			if err != nil && !anagrafe.IsRecordError(err) {
				yield(nil, err)
				return
			}
			if !yield(p, err) {
				return
			}
		}
	}
}
