package vendormap

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

// ErrUnknownPermit is wrapped by PermitTable.Kit's errors when a permit
// text maps to no kit code in force on the date asked: the text is not in
// the table, or its code is not in the kit edition in force. Register the
// permit with Kit 0 ("unknown"): the help desk chooses.
var ErrUnknownPermit = errors.New("vendormap: unknown permit type")

//go:embed permit_texts.csv
var defaultPermitCSV string

// PermitText is one row of a permit-text table.
type PermitText struct {
	Text   string // the text as a register writes it (MOTIVI FAMILIARI)
	Kit    int    // kit code (13)
	Source string // why: the kit table description the mapping relies on
}

// PermitTable maps the free-text permit types of a register ("MOTIVI
// FAMILIARI", "Lavoro subordinato") to kit codes (13, 16). Texts compare
// after codes.NormalizeName (case, accents, apostrophes and punctuation
// ignored), whole text only. It is immutable and safe for concurrent use.
type PermitTable struct {
	rows   map[string]PermitText // normalized text → row
	tables *codes.Tables
}

var defaultPermits = func() *PermitTable {
	p, err := ReadPermitTable(strings.NewReader(defaultPermitCSV), nil)
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return p
}()

// DefaultPermitTable returns the table embedded in the package
// (permit_texts.csv): the common texts, each row citing the description of
// the kit table (2006 and 2024 editions, shared/data/kit) it follows.
func DefaultPermitTable() *PermitTable { return defaultPermits }

// ReadPermitTable reads a permit-text table from CSV with header
// TESTO,KIT,FONTE (text, kit code, source of the mapping), judged against
// the kit tables of t (codes.Default() when nil). A row with an empty text,
// a code that is not a number or no kit edition knows, an empty source or a
// text already present is an error naming its line.
func ReadPermitTable(r io.Reader, t *codes.Tables) (*PermitTable, error) {
	if t == nil {
		t = codes.Default()
	}
	p := &PermitTable{rows: map[string]PermitText{}, tables: t}
	if err := p.read(r, false); err != nil {
		return nil, err
	}
	return p, nil
}

// Extend returns a copy of p with the rows of a CSV table in ReadPermitTable's
// format added; a text already in p takes the new row (the vendor's own
// mapping wins).
func (p *PermitTable) Extend(r io.Reader) (*PermitTable, error) {
	c := &PermitTable{rows: make(map[string]PermitText, len(p.rows)), tables: p.tables}
	for k, v := range p.rows {
		c.rows[k] = v
	}
	if err := c.read(r, true); err != nil {
		return nil, err
	}
	return c, nil
}

func (p *PermitTable) read(r io.Reader, override bool) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 3
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("vendormap: permit table: %w", err)
	}
	if !equalFold(header, "TESTO", "KIT", "FONTE") {
		return fmt.Errorf("vendormap: permit table: header %q, want TESTO,KIT,FONTE", strings.Join(header, ","))
	}
	seen := map[string]bool{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("vendormap: permit table: %w", err)
		}
		line, _ := cr.FieldPos(0)
		key := codes.NormalizeName(rec[0])
		code, cerr := strconv.Atoi(strings.TrimSpace(rec[1]))
		switch {
		case key == "":
			return fmt.Errorf("vendormap: permit table line %d: TESTO is empty", line)
		case cerr != nil:
			return fmt.Errorf("vendormap: permit table line %d: KIT %q is not a number", line, clip(rec[1]))
		case !kitKnown(p.tables, code):
			return fmt.Errorf("vendormap: permit table line %d: KIT %d is in no kit edition", line, code)
		case strings.TrimSpace(rec[2]) == "":
			return fmt.Errorf("vendormap: permit table line %d: FONTE is empty: say which kit description the row follows", line)
		case seen[key] || (!override && p.rows[key] != PermitText{}):
			return fmt.Errorf("vendormap: permit table line %d: TESTO %q repeated", line, clip(rec[0]))
		}
		seen[key] = true
		p.rows[key] = PermitText{Text: strings.TrimSpace(rec[0]), Kit: code, Source: strings.TrimSpace(rec[2])}
	}
}

// Kit returns the kit code of the permit text text in the kit edition in
// force on on. It returns 0 and an error wrapping ErrUnknownPermit when the
// text is not in the table, or when its code is not in force on on (code 8
// after 2007-04-10; codes the 2024 edition dropped, such as 26 Turismo,
// once it is in force): never a code the post office would refuse. The
// error names the successor the kit tables give (22 → 27), without using it:
// whether the person's permit fits the new code is the vendor's call.
func (p *PermitTable) Kit(text string, on codes.Date) (int, error) {
	row, ok := p.rows[codes.NormalizeName(text)]
	if !ok {
		return 0, fmt.Errorf("%w: no kit code for %q", ErrUnknownPermit, clip(text))
	}
	if _, ok := kitOn(p.tables, row.Kit, on); !ok {
		hint := ""
		switch next, prev, ok := p.tables.KitSuccessor(row.Kit, on); {
		case ok:
			hint = fmt.Sprintf(" (the kit tables name %d %s as its successor: add a row for it if it fits)", next.Code, next.Description)
		case prev.SuccessorSource != "":
			hint = " (no code replaced it)"
		}
		return 0, fmt.Errorf("%w: %q maps to kit code %d, not in force on %s%s", ErrUnknownPermit, clip(text), row.Kit, on, hint)
	}
	return row.Kit, nil
}

// Rows returns every row of p, in no particular order.
func (p *PermitTable) Rows() []PermitText {
	out := make([]PermitText, 0, len(p.rows))
	for _, r := range p.rows {
		out = append(out, r)
	}
	return out
}

func equalFold(got []string, want ...string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(got[i], "\ufeff")), want[i]) {
			return false
		}
	}
	return true
}
