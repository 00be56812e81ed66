package preview

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// ErrWriterState is returned by Writer methods called out of order: the
// header after an application, anything after Close.
var ErrWriterState = errors.New("preview: writer used out of order")

// Writer renders a page one application at a time, so that a batch of any
// size is previewed in constant memory (use it with eli2.Decoder and
// eli2.FileValidator). The page starts at the first call and ends with
// Close. A Writer is not safe for concurrent use.
type Writer struct {
	w       *bufio.Writer
	opts    Options
	names   namer
	on      codes.Date // the file date, for places of residence
	started bool
	items   int
	closed  bool
	err     error // sticky
}

// NewWriter returns a Writer that writes the page to w with opts. It
// checks the options; nothing is written until the first call.
func NewWriter(w io.Writer, opts Options) (*Writer, error) {
	if !opts.Lang.valid() {
		return nil, fmt.Errorf("%w: %q", ErrLang, opts.Lang)
	}
	if opts.Lang == "" {
		opts.Lang = Italian
	}
	tables := opts.Tables
	if tables == nil {
		tables = codes.Default()
	}
	return &Writer{w: bufio.NewWriter(w), opts: opts, names: tableNames{tables}}, nil
}

// WriteHeader writes the file header box: the header fields (h may be nil)
// with the file's problems beside them. It must come before the first
// application; the header's creation date becomes the date on which
// comuni of residence are named.
func (pw *Writer) WriteHeader(h *eli2.Intestazione, problems eli2.Problems) error {
	if pw.items > 0 || pw.closed {
		return pw.fail(fmt.Errorf("%w: header after an application", ErrWriterState))
	}
	if h != nil && !h.DataCreazione.IsZero() {
		pw.on = codes.DateOf(h.DataCreazione)
	}
	return pw.exec("section", headerView(h, problems, pw.opts, pw.names, pw.on))
}

// Write writes one application with its problems.
func (pw *Writer) Write(it Item) error {
	if it.Pratica == nil {
		return fmt.Errorf("%w (item %d)", ErrNoPratica, pw.items)
	}
	v := appOf(pw.items, it, pw.opts, pw.names, pw.on)
	pw.items++
	return pw.exec("app", v)
}

// WriteFileProblems writes a box listing problems of the file found after
// its applications were read, such as a count that does not match the
// header. It does nothing for an empty list.
func (pw *Writer) WriteFileProblems(problems eli2.Problems) error {
	if len(problems) == 0 {
		return pw.err
	}
	return pw.exec("section", fileProblemsView(problems, pw.opts, pw.names))
}

// Close ends the page and flushes it to the underlying writer, which it
// does not close. A page with no application is still a complete page.
func (pw *Writer) Close() error {
	if pw.closed {
		return pw.err
	}
	foot := "foot"
	if pw.opts.Fragment {
		foot = "nothing"
	}
	if err := pw.exec(foot, nil); err != nil {
		return err
	}
	pw.closed = true
	if err := pw.w.Flush(); err != nil {
		return pw.fail(fmt.Errorf("preview: %w", err))
	}
	return nil
}

// exec starts the page if needed and executes one part of the template.
func (pw *Writer) exec(name string, data any) error {
	if pw.err != nil {
		return pw.err
	}
	if pw.closed {
		return pw.fail(fmt.Errorf("%w: write after Close", ErrWriterState))
	}
	if !pw.started && pw.opts.Fragment {
		pw.started = true
	}
	if !pw.started {
		pw.started = true
		title := pw.opts.Title
		if title == "" {
			title = lTitle.in(pw.opts.Lang)
		}
		if err := page.ExecuteTemplate(pw.w, "head", headView{Lang: string(pw.opts.Lang), Title: title}); err != nil {
			return pw.fail(fmt.Errorf("preview: %w", err))
		}
	}
	if err := page.ExecuteTemplate(pw.w, name, data); err != nil {
		return pw.fail(fmt.Errorf("preview: %w", err))
	}
	return nil
}

func (pw *Writer) fail(err error) error {
	if pw.err == nil {
		pw.err = err
	}
	return err
}
