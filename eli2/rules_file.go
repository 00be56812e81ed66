package eli2

import (
	"errors"
	"io"
	"strconv"

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
// (ValidateOptions.Today). Paths start with "Intestazione.".
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
	} else if d := codes.DateOf(h.DataCreazione); d > c.opts.Today {
		// A file dated after the run date would vouch for itself: every
		// window is measured from the file date.
		c.add("Intestazione.DataCreazione", CodeFileDateInFuture, "value", c.date(d), "today", c.date(c.opts.Today))
	}
	if h.NumeroPratiche < 0 {
		c.add("Intestazione.NumeroPratiche", CodeOutOfRange, "value", strconv.Itoa(h.NumeroPratiche), "min", "0")
	}
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
// err is the Decoder's *ParseError when the file cannot be read as a format
// v1 import file. Two conditions the Decoder reports as errors are content
// problems and are returned as problems instead: a header count that
// differs from the applications read (count_mismatch, err nil), and a
// repeated id (duplicate_id, given to fn for that application; since the
// Decoder stops there, err is also returned and wraps ErrDuplicateID).
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
		switch {
		case err == io.EOF:
			return append(file, v.Finish()...), v.Count(), nil
		case errors.Is(err, ErrCountMismatch):
			return append(file, v.Finish()...), v.Count(), nil
		case errors.Is(err, ErrDuplicateID):
			var pe *ParseError
			id := ""
			if errors.As(err, &pe) {
				id = pe.Pratica
			}
			c := newChecker(v.c.opts)
			c.add("ID", CodeDuplicateID, "value", id)
			if fn != nil {
				fn(PraticaProblems{Index: v.Count(), ID: id, Problems: c.probs})
			}
			return file, v.Count() + 1, err
		case err != nil:
			return file, v.Count(), err
		}
		ps := v.Pratica(p)
		if fn != nil {
			fn(PraticaProblems{Index: v.Count() - 1, ID: p.ID, Problems: ps})
		}
	}
}
