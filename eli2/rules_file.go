package eli2

import (
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

// FileValidator validates an import file one Pratica at a time, so that a
// batch of any size is checked in constant memory (only the ids seen are
// kept, to report duplicates). Use it with the Decoder:
//
//	v := eli2.NewFileValidator(dec.Header(), opts)
//	headerProblems := v.Header()
//	for each p from dec.Next(): problems := v.Pratica(p)
//	countProblems := v.Finish()
//
// A FileValidator is not safe for concurrent use.
type FileValidator struct {
	c      *checker
	header Intestazione
	ids    map[string]struct{}
	count  int
}

// NewFileValidator returns a validator for the file with header h. When
// opts.On is zero the file date is the header's DataCreazione (today if that
// is missing too).
func NewFileValidator(h Intestazione, opts ValidateOptions) *FileValidator {
	if opts.On.IsZero() && !h.DataCreazione.IsZero() {
		opts.On = codes.DateOf(h.DataCreazione)
	}
	return &FileValidator{c: newChecker(opts.withDefaults()), header: h, ids: map[string]struct{}{}}
}

// Options returns the options in use, defaults filled in (On is the file
// date).
func (v *FileValidator) Options() ValidateOptions { return v.c.opts }

// Header checks the header: the sending comune's Belfiore and ISTAT codes
// are present, name the same comune, and that comune is active on the file
// date; the creation time is present and not after the run date
// (ValidateOptions.Today); every field meets the XSD (lengths, patterns,
// ranges). Paths start with "Intestazione.".
func (v *FileValidator) Header() Problems {
	c := newChecker(v.c.opts)
	h := &v.header
	const b, i = "Intestazione.ComuneBelfiore", "Intestazione.ComuneIstat"
	switch com, ok := c.t.ComuneByBelfiore(h.ComuneBelfiore, c.on); {
	case h.ComuneBelfiore == "":
		c.add(b, CodeRequired)
	case ok:
		if h.ComuneIstat != "" && com.Istat != h.ComuneIstat {
			c.add(i, CodeComuneIstatMismatch, "value", h.ComuneBelfiore, "istat", h.ComuneIstat)
		}
	default:
		if _, known := c.t.ComuneByBelfiore(h.ComuneBelfiore, 0); known {
			c.add(b, CodeComuneNotActive, "value", h.ComuneBelfiore, "date", c.date(c.on))
		} else {
			c.add(b, CodeUnknownComune, "value", h.ComuneBelfiore)
		}
	}
	if h.ComuneIstat == "" {
		c.add(i, CodeRequired)
	}
	if h.DataCreazione.IsZero() {
		c.add("Intestazione.DataCreazione", CodeRequired)
	} else if d := codes.DateOf(h.DataCreazione.Local()); d > c.opts.Today {
		// A file dated after the run date would vouch for itself: every
		// window is measured from the file date. The creation time is read
		// in the local zone, like the run date, so that a file written at
		// 00:30+01:00 is not "tomorrow" on a machine running on UTC.
		c.add("Intestazione.DataCreazione", CodeFileDateInFuture, "value", c.date(d), "today", c.date(c.opts.Today))
	}
	if h.NumeroPratiche < 0 {
		c.add("Intestazione.NumeroPratiche", CodeOutOfRange, "value", strconv.Itoa(h.NumeroPratiche), "min", "0")
	}
	c.schemaCheck("Intestazione", "Intestazione", reflect.ValueOf(h).Elem())
	return c.probs
}

// Pratica validates the next application of the file: every rule of
// Validate, plus "duplicate_id" (Path "ID") when its id was seen before.
func (v *FileValidator) Pratica(p *Pratica) Problems {
	v.count++
	c := newChecker(v.c.opts)
	c.pratica(p)
	if p != nil && p.ID != "" {
		if _, dup := v.ids[p.ID]; dup {
			c.add("ID", CodeDuplicateID, "value", p.ID)
		} else {
			v.ids[p.ID] = struct{}{}
		}
	}
	return c.problems()
}

// Count returns the number of applications passed to Pratica so far.
func (v *FileValidator) Count() int { return v.count }

// Finish checks, after the last application, that the header's
// NumeroPratiche equals the number of applications read ("count_mismatch",
// Path "Intestazione.NumeroPratiche").
func (v *FileValidator) Finish() Problems {
	if v.header.NumeroPratiche == v.count {
		return nil
	}
	c := newChecker(v.c.opts)
	c.add("Intestazione.NumeroPratiche", CodeCountMismatch,
		"declared", strconv.Itoa(v.header.NumeroPratiche), "count", strconv.Itoa(v.count))
	return c.probs
}

// PraticaProblems are the problems of one application of a file.
type PraticaProblems struct {
	Index    int    // position in the file, from 0
	ID       string // the Pratica's id
	Problems Problems
}

// FileProblems is the result of ValidateFile: problems of the file itself
// (header, count) and of each application that has any.
type FileProblems struct {
	File     Problems          // header and count problems
	Pratiche []PraticaProblems // only applications with problems, in file order
}

// HasErrors reports whether any problem of the file has SeverityError.
func (fp FileProblems) HasErrors() bool {
	if fp.File.HasErrors() {
		return true
	}
	for _, p := range fp.Pratiche {
		if p.Problems.HasErrors() {
			return true
		}
	}
	return false
}

// ValidateFile validates a whole file held in memory: header, every
// application, unique ids and the declared count. The file date is
// opts.On, else the header's DataCreazione.
func ValidateFile(f *ImportFile, opts ValidateOptions) FileProblems {
	var fp FileProblems
	if f == nil {
		c := newChecker(opts.withDefaults())
		c.add("", CodeRequired)
		fp.File = c.probs
		return fp
	}
	v := NewFileValidator(f.Intestazione, opts)
	fp.File = v.Header()
	for i := range f.Pratiche {
		if ps := v.Pratica(&f.Pratiche[i]); len(ps) > 0 {
			fp.Pratiche = append(fp.Pratiche, PraticaProblems{Index: i, ID: f.Pratiche[i].ID, Problems: ps})
		}
	}
	fp.File = append(fp.File, v.Finish()...)
	return fp
}

// ValidateStream reads an import file from r with a Decoder and validates it
// one application at a time, in constant memory. fn, when not nil, gets
// every application in file order with its problems (possibly none).
// ValidateStream returns the file-level problems (header, count) and the
// number of applications read.
//
// Every content problem is reported, none stops the reading: repeated ids
// (duplicate_id), a header count that differs from the applications read
// (count_mismatch), values the Decoder could not read (unreadable,
// field_too_large, for their application). err is the Decoder's
// *ParseError when the file cannot be read as a format v1 import file
// (malformed XML, unknown element, empty file…); file and n then hold what
// was found before.
func ValidateStream(r io.Reader, opts ValidateOptions, fn func(PraticaProblems)) (file Problems, n int, err error) {
	dec := NewDecoder(r)
	h, err := dec.Header()
	if err != nil {
		return nil, 0, err
	}
	v := NewFileValidator(h, opts)
	file = v.Header()
	for {
		p, err := dec.Next()
		var re *RecordError
		switch {
		case err == io.EOF:
			return append(file, v.Finish()...), v.Count(), nil
		case err != nil && !errors.As(err, &re):
			return file, v.Count(), err
		}
		ps := v.PraticaDecoded(p, err)
		if fn != nil {
			fn(PraticaProblems{Index: v.Count() - 1, ID: p.ID, Problems: ps})
		}
	}
}

// PraticaDecoded is Pratica for an application the Decoder returned with
// err: when err is a *RecordError, each value that could not be read is a
// problem of the application ("unreadable", "field_too_large", with line
// and column), in place of the problems of the field left empty.
func (v *FileValidator) PraticaDecoded(p *Pratica, err error) Problems {
	ps := v.Pratica(p)
	var re *RecordError
	if !errors.As(err, &re) || len(re.Fields) == 0 {
		return ps
	}
	c := newChecker(v.c.opts)
	for _, f := range re.Fields {
		line, col := strconv.Itoa(f.Line), strconv.Itoa(f.Column)
		var fs *fieldSizeError
		if errors.As(f.Err, &fs) {
			c.add(f.Path, CodeFieldTooLarge, "size", strconv.FormatInt(fs.size, 10), "max", strconv.Itoa(fs.max), "line", line, "column", col)
		} else {
			c.add(f.Path, CodeUnreadable, "line", line, "column", col, "detail", f.Err.Error())
		}
	}
	read := len(c.probs)
	for _, p := range ps {
		if !under(p.Path, c.probs[:read]) {
			c.probs = append(c.probs, p)
		}
	}
	return c.problems()
}

// under reports whether path is the path of one of ps, or a field of it.
func under(path string, ps Problems) bool {
	for _, p := range ps {
		if path == p.Path || strings.HasPrefix(path, p.Path) && len(path) > len(p.Path) &&
			(path[len(p.Path)] == '.' || path[len(p.Path)] == '[') {
			return true
		}
	}
	return false
}
