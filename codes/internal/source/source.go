// Package source reads the official code-table files (ANPR, ISTAT, kit) into
// plain row structs and builds the sorted look-up indexes used by package
// codes. Irregular rows are kept and reported, never silently dropped.
//
// Both the table generator (codes/gen.go) and codes.Load use this package, so
// the embedded tables and the tables loaded at run time come from one code path.
package source

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/retecomuni/eli2sdk/codes/internal/isodate"
)

// Date is a calendar date as the integer YYYYMMDD, the same encoding as
// codes.Date. Zero means unknown; OpenEnd means "still valid".
type Date = int32

// OpenEnd is ANPR's 9999-12-31.
const OpenEnd Date = 99991231

// ErrMissingColumn is wrapped by the readers when a required column is absent
// from a file's header.
var ErrMissingColumn = errors.New("source: missing column")

// ErrEmpty is returned for a file without a header line.
var ErrEmpty = errors.New("source: empty file")

// Issue reports an irregular row: kept (or skipped, as Msg says) but worth a
// human's attention.
type Issue struct {
	File string // base name of the file, e.g. "stati_esteri.csv"
	Line int    // 1-based line of the record (header is line 1)
	Key  string // identifying value of the row (ID, code), if any
	Msg  string // what is irregular and what was done
}

// String formats the issue as "file:line [key]: msg".
func (i Issue) String() string {
	if i.Key != "" {
		return fmt.Sprintf("%s:%d [%s]: %s", i.File, i.Line, i.Key, i.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", i.File, i.Line, i.Msg)
}

// table is a CSV file read whole, with its header mapped to column indexes.
type table struct {
	file   string
	header []string // column names as found, upper-cased, in file order
	cols   map[string]int
	rows   [][]string
	line   []int // line of each row
}

// readTable reads a CSV file with a header line. A UTF-8 BOM is skipped,
// rows may have a varying number of fields (a missing trailing field reads as
// empty).
func readTable(file string, r io.Reader, required ...string) (*table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("source: %s: %w", file, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("source: %s: %w", file, ErrEmpty)
	}
	if err != nil {
		return nil, fmt.Errorf("source: %s: %w", file, err)
	}
	t := &table{file: file, cols: make(map[string]int, len(header))}
	for i, h := range header {
		h = strings.ToUpper(strings.TrimSpace(h))
		t.header = append(t.header, h)
		t.cols[h] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return nil, fmt.Errorf("source: %s: %w %s", file, ErrMissingColumn, c)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("source: %s: %w", file, err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		line, _ := cr.FieldPos(0)
		t.rows = append(t.rows, rec)
		t.line = append(t.line, line)
	}
	return t, nil
}

// errMissing is the error for a file lacking column col.
func errMissing(file, col string) error {
	return fmt.Errorf("source: %s: %w %s", file, ErrMissingColumn, col)
}

// get returns column col of row i, or "" when the row is short or the column
// does not exist.
func (t *table) get(i int, col string) string {
	c, ok := t.cols[col]
	if !ok || c >= len(t.rows[i]) {
		return ""
	}
	return t.rows[i][c]
}

// field is get without surrounding white space.
func (t *table) field(i int, col string) string { return strings.TrimSpace(t.get(i, col)) }

// parseAnyDate accepts both ISO and dd/mm/yyyy dates.
func parseAnyDate(s string) (Date, bool) {
	if d, ok := isodate.ISO(s); ok {
		return d, true
	}
	return isodate.DMY(s)
}

// FormatDate formats d as YYYY-MM-DD ("" for zero) for messages.
func FormatDate(d Date) string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// MaxUpdate returns the most recent DATAULTIMOAGG (ISO or dd/mm/yyyy) of a
// file, or 0 when it has no such column or no valid date.
func MaxUpdate(r io.Reader, file string) Date {
	t, err := readTable(file, r, "DATAULTIMOAGG")
	if err != nil {
		return 0
	}
	var m Date
	for i := range t.rows {
		if d, ok := parseAnyDate(t.field(i, "DATAULTIMOAGG")); ok {
			m = max(m, d)
		}
	}
	return m
}
