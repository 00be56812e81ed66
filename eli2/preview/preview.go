package preview

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Document is what one page shows: an optional file header and the
// applications with the problems found in each.
type Document struct {
	Header *eli2.Intestazione // nil when the applications do not come from a file
	// Problems are those of the file itself (eli2.FileProblems.File): each
	// is shown beside the header field its Path names (Intestazione.…), the
	// others in the header box.
	Problems eli2.Problems
	Items    []Item
}

// Item is one application and its problems. Problems are usually the result
// of eli2.Validate, but any list works: each problem is shown beside the
// field its Path names, or at the top of the application when no field shown
// has that path.
type Item struct {
	Pratica  *eli2.Pratica
	Problems eli2.Problems
	// Register holds, by field path (Richiedente.Cognome,
	// Familiari[0].Nome…), how the register spells a value the application
	// writes otherwise (names as in the passport: José María → JOSE MARIA);
	// each is shown beside its field. anagrafe.RegisterSpellings builds it.
	Register map[string]string
	// Fees, when not nil, adds the "importi indicativi" box after the
	// sections of Modulo 1.
	Fees *Fees
}

// Options change how the page is rendered. The zero value renders in
// Italian, shows tax codes in full and resolves codes with the embedded
// tables.
type Options struct {
	// Title is the page title; "" gives "Anteprima Modulo 1".
	Title string
	// Lang is the language of the labels: Italian (default) or English.
	Lang Lang
	// MaskTaxCode hides the middle of every codice fiscale with
	// eli2.MaskCodiceFiscale (RSSMRA*********S),
	// in the fields and in problem messages.
	MaskTaxCode bool
	// Tables resolve codes (comuni, states, provinces, kit codes, ANPR
	// tables) to the names printed beside them; nil means codes.Default().
	Tables *codes.Tables
	// Fragment leaves out the page around the applications (doctype, head
	// with its inline style sheet, body): the caller embeds the output in
	// its own page and serves Stylesheet itself, for example under a
	// Content-Security-Policy that forbids inline styles.
	Fragment bool
}

// Stylesheet returns the CSS of the page, the one Render inlines, for
// callers that render with Options.Fragment.
func Stylesheet() string {
	var b strings.Builder
	if err := page.ExecuteTemplate(&b, "style.css", nil); err != nil {
		panic(err) // the embedded template is checked by the tests
	}
	return b.String()
}

// ErrNoPratica is returned by Render for an Item whose Pratica is nil.
var ErrNoPratica = errors.New("preview: item without a Pratica")

// ErrLang is returned by Render for a language other than it and en.
var ErrLang = errors.New("preview: unsupported language")

//go:embed templates
var templateFS embed.FS

var page = template.Must(template.New("page.html.tmpl").ParseFS(templateFS, "templates/page.html.tmpl", "templates/style.css"))

// Render writes doc as one HTML page to w. Nothing in the data can inject
// markup: every value goes through html/template's contextual escaping.
// Render holds nothing but doc in memory; for batches of any size use Writer.
func Render(w io.Writer, doc Document, opts Options) error {
	for i, it := range doc.Items {
		if it.Pratica == nil {
			return fmt.Errorf("%w (item %d)", ErrNoPratica, i)
		}
	}
	pw, err := NewWriter(w, opts)
	if err != nil {
		return err
	}
	if doc.Header != nil || len(doc.Problems) > 0 {
		if err := pw.WriteHeader(doc.Header, doc.Problems); err != nil {
			return err
		}
	}
	for _, it := range doc.Items {
		if err := pw.Write(it); err != nil {
			return err
		}
	}
	return pw.Close()
}

// RenderPratica writes the page of one application with its problems.
func RenderPratica(w io.Writer, p *eli2.Pratica, problems eli2.Problems, opts Options) error {
	return Render(w, Document{Items: []Item{{Pratica: p, Problems: problems}}}, opts)
}
