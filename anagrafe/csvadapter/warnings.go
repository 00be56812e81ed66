package csvadapter

import "strings"

// Warning codes: a row was read, but some of its letters were probably
// lost before the file reached the SDK. They are stable identifiers.
const (
	// WarnLostLetter: a name column (cognome, nome, localita_nascita)
	// holds a '?'. A spreadsheet saving as Windows-1252 (ANSI) writes '?'
	// for every letter that encoding cannot hold (Ț, Đ, ć, ł, ş…): the
	// name is no longer the one in the register. Save the extract as
	// UTF-8 instead.
	WarnLostLetter = "csv_lost_letter"
	// WarnUndefinedByte: a Windows-1252 file holds a byte that encoding
	// does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D), read as U+FFFD; or a
	// UTF-8 file holds U+FFFD itself. The letter is lost.
	WarnUndefinedByte = "csv_undefined_byte"
)

// MaxKeptWarnings is how many warnings a Reader keeps in detail; the count
// (WarningCount) is always complete.
const MaxKeptWarnings = 1000

// Warning is a row that was read but whose letters were probably lost
// (see WarnLostLetter, WarnUndefinedByte). It names the line, the person
// id and the column, never the value.
type Warning struct {
	Line     int    // line where the row starts, from 1 (the header is line 1)
	PersonID string // the row's id
	Field    string // the column
	Code     string // WarnLostLetter or WarnUndefinedByte
}

// nameColumns are the name columns, where '?' cannot be a legitimate
// character (a town abroad such as Târgu Mureș loses its letters too).
var nameColumns = map[string]bool{"cognome": true, "nome": true, "localita_nascita": true}

// warnings collects a reader's warnings.
type warnings struct {
	kept  []Warning
	count map[string]int
}

func (w *warnings) add(wn Warning) {
	if w.count == nil {
		w.count = map[string]int{}
	}
	w.count[wn.Code]++
	if len(w.kept) < MaxKeptWarnings {
		w.kept = append(w.kept, wn)
	}
}

// scan records the warnings of one row that was read.
func (w *warnings) scan(line int, id string, names, fields []string) {
	for i, v := range fields {
		switch {
		case strings.ContainsRune(v, '\uFFFD'):
			w.add(Warning{Line: line, PersonID: id, Field: names[i], Code: WarnUndefinedByte})
		case nameColumns[names[i]] && strings.ContainsRune(v, '?'):
			w.add(Warning{Line: line, PersonID: id, Field: names[i], Code: WarnLostLetter})
		}
	}
}

// Warnings returns the first MaxKeptWarnings warnings of the rows read so
// far, in line order.
func (r *Reader) Warnings() []Warning { return append([]Warning(nil), r.warn.kept...) }

// WarningCount returns how many warnings of each code the rows read so far
// raised.
func (r *Reader) WarningCount() map[string]int {
	out := make(map[string]int, len(r.warn.count))
	for k, v := range r.warn.count {
		out[k] = v
	}
	return out
}

// Warnings returns the first MaxKeptWarnings warnings of the file, in
// line order (see Warning).
func (s *Source) Warnings() []Warning { return append([]Warning(nil), s.warn.kept...) }

// WarningCount returns how many warnings of each code the file raised.
func (s *Source) WarningCount() map[string]int {
	out := make(map[string]int, len(s.warn.count))
	for k, v := range s.warn.count {
		out[k] = v
	}
	return out
}
