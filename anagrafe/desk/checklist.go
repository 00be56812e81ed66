package desk

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/retecomuni/eli2sdk/eli2"
)

// checklistCSV is the default checklist. It holds only what a public source
// supports: the kit's Modulo 1 and the copy of the passport, for every
// request type. Photos, the copy of the permit held, proof of income or
// housing and the other documents each permit type asks for are NOT
// included: they vary by permit type and by questura, and no table with a
// source was at hand. A comune adds them with LoadChecklist.
//
//go:embed checklist.csv
var checklistCSV string

// AllRequests is the TIPO_RICHIESTA value of a checklist row that applies
// to every request type.
const AllRequests = "*"

// ErrChecklist is wrapped by the errors of LoadChecklist.
var ErrChecklist = errors.New("desk: checklist")

// ChecklistItem is one document the applicant brings.
type ChecklistItem struct {
	Request  string // request type (RILASCIO, RINNOVO…) or AllRequests
	Document string // what to bring, as the letter prints it (Italian)
	Source   string // public source that names the document
}

// Checklist is the list of documents to bring per request type, data a
// comune can edit (a CSV with header TIPO_RICHIESTA;DOCUMENTO;FONTE, UTF-8,
// separator ';').
type Checklist struct {
	items []ChecklistItem
}

// DefaultChecklist returns the embedded checklist (see checklist.csv: only
// Modulo 1 and the passport copy).
func DefaultChecklist() *Checklist {
	c, err := LoadChecklist(strings.NewReader(checklistCSV))
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return c
}

// LoadChecklist reads a checklist CSV. Every row needs a known request
// type (or *), a document and a source; an error names the line.
func LoadChecklist(r io.Reader) (*Checklist, error) {
	cr := csv.NewReader(r)
	cr.Comma = ';'
	cr.FieldsPerRecord = 3
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%w: header: %w", ErrChecklist, err)
	}
	if len(head) > 0 {
		head[0] = strings.TrimPrefix(head[0], "\ufeff")
	}
	if !slices.Equal(head, []string{"TIPO_RICHIESTA", "DOCUMENTO", "FONTE"}) {
		return nil, fmt.Errorf("%w: line 1: header must be TIPO_RICHIESTA;DOCUMENTO;FONTE", ErrChecklist)
	}
	c := &Checklist{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return c, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrChecklist, err)
		}
		line, _ := cr.FieldPos(0)
		it := ChecklistItem{
			Request:  strings.ToUpper(strings.TrimSpace(rec[0])),
			Document: strings.TrimSpace(rec[1]),
			Source:   strings.TrimSpace(rec[2]),
		}
		switch {
		case it.Request != AllRequests && !eli2.TipoRichiesta(it.Request).Valid():
			return nil, fmt.Errorf("%w: line %d: TIPO_RICHIESTA %q is not a request type or *", ErrChecklist, line, it.Request)
		case it.Document == "":
			return nil, fmt.Errorf("%w: line %d: DOCUMENTO is empty", ErrChecklist, line)
		case it.Source == "":
			return nil, fmt.Errorf("%w: line %d: FONTE is empty (name the public source)", ErrChecklist, line)
		}
		c.items = append(c.items, it)
	}
}

// LoadChecklistFile reads a checklist CSV from path.
func LoadChecklistFile(path string) (*Checklist, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrChecklist, err)
	}
	defer f.Close()
	return LoadChecklist(f)
}

// For returns the documents for request type t, in file order (rows for *
// included).
func (c *Checklist) For(t eli2.TipoRichiesta) []ChecklistItem {
	var out []ChecklistItem
	for _, it := range c.items {
		if it.Request == AllRequests || it.Request == string(t) {
			out = append(out, it)
		}
	}
	return out
}

// Items returns every row, in file order.
func (c *Checklist) Items() []ChecklistItem { return slices.Clone(c.items) }
