package eli2

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors of the codec. Decoder errors are *ParseError and encoder
// errors are *EncodeError; both wrap one of these, so callers branch with
// errors.Is and still get the position or the field.
var (
	ErrSyntax         = errors.New("XML non ben formato")                                               // malformed XML
	ErrDTD            = errors.New("DTD e dichiarazioni di entità non sono ammesse")                    // DOCTYPE, <!ENTITY …>
	ErrNamespace      = errors.New("namespace errato o mancante")                                       // root or element outside urn:eli2sdk:import:1, undeclared prefix
	ErrUnknownElement = errors.New("elemento sconosciuto")                                              // element not part of format v1 at that place
	ErrUnknownAttr    = errors.New("attributo sconosciuto")                                             // attribute not part of format v1
	ErrElementOrder   = errors.New("elemento fuori ordine o ripetuto")                                  // known element out of order, or repeated
	ErrMissingElement = errors.New("elemento obbligatorio mancante")                                    // required element absent
	ErrUnexpectedText = errors.New("testo non ammesso in questa posizione")                             // text between elements
	ErrInvalidValue   = errors.New("valore non valido")                                                 // number, date, boolean or id that cannot be read or written
	ErrInvalidUTF8    = errors.New("testo non in UTF-8")                                                // invalid UTF-8 (in the file or in a record field)
	ErrInvalidChar    = errors.New("carattere non ammesso in XML")                                      // NUL and other characters XML 1.0 forbids
	ErrEncoding       = errors.New("codifica dei caratteri non supportata")                             // UTF-16 or an unsupported declared encoding
	ErrTooDeep        = errors.New("annidamento troppo profondo")                                       // nesting beyond Decoder.MaxDepth
	ErrTooLarge       = errors.New("contenuto troppo grande")                                           // text, tag or repetition beyond a Decoder limit
	ErrUnexpectedEOF  = errors.New("file troncato")                                                     // input ends inside the document
	ErrVersion        = errors.New("versione del formato non supportata")                               // versione attribute missing or not 1
	ErrDuplicateID    = errors.New("id di pratica ripetuto")                                            // two applications with the same id
	ErrCountMismatch  = errors.New("il numero di pratiche non corrisponde all'intestazione")            // NumeroPratiche differs from the applications
	ErrNotSeekable    = errors.New("numero di pratiche sconosciuto e destinazione non riposizionabile") // count 0 and writer not an io.WriteSeeker
	ErrEncoderState   = errors.New("uso dell'encoder fuori sequenza")                                   // Encode before WriteHeader, after Close…
	ErrEmpty          = errors.New("file vuoto")                                                        // no content, or only white space
	ErrNotXML         = errors.New("non è un file XML")                                                 // content that does not start with markup (CSV, PDF, text…)
	ErrFieldTooLarge  = errors.New("valore troppo lungo")                                               // a value beyond Decoder.MaxFieldSize (in a *RecordError)
)

// ParseError is an error of the Decoder at a position of the input. Line and
// Column are 1-based; Column counts bytes. Pratica is the id of the
// application being read, when known; Path is the field in the record model
// (Richiedente.Cognome, Familiari[0].DataNascita; indexes are 0-based), when
// the error concerns one. Err wraps one of the sentinel errors.
type ParseError struct {
	Line    int
	Column  int
	Pratica string
	Path    string
	Err     error
}

// Error returns an Italian message such as
// "riga 12, colonna 5 (pratica P1, Richiedente.Cognome): elemento sconosciuto: <Foo>".
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("riga ")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(", colonna ")
	b.WriteString(strconv.Itoa(e.Column))
	if e.Pratica != "" || e.Path != "" {
		b.WriteString(" (")
		if e.Pratica != "" {
			b.WriteString("pratica ")
			b.WriteString(e.Pratica)
			if e.Path != "" {
				b.WriteString(", ")
			}
		}
		b.WriteString(e.Path)
		b.WriteString(")")
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the wrapped error.
func (e *ParseError) Unwrap() error { return e.Err }

// RecordError lists the values of one application that the Decoder could
// not read: impossible dates, numbers that are not numbers, values beyond
// Decoder.MaxFieldSize. They are problems of that application, not of the
// file: the Decoder returns the application, with those fields zero,
// alongside this error, and reads on. Each field is a *ParseError with its
// position and Path, wrapping ErrInvalidValue or ErrFieldTooLarge. The
// message never quotes the values.
type RecordError struct {
	Index   int    // position of the application in the file, from 0
	Pratica string // its id ("" when the id itself is missing)
	Fields  []*ParseError
}

// Error returns the fields' messages joined by "; ".
func (e *RecordError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the fields' errors, so that errors.Is finds their
// sentinels.
func (e *RecordError) Unwrap() []error {
	errs := make([]error, len(e.Fields))
	for i, f := range e.Fields {
		errs[i] = f
	}
	return errs
}

// fieldSizeError is a value beyond Decoder.MaxFieldSize.
type fieldSizeError struct {
	size int64
	max  int
}

func (e *fieldSizeError) Error() string {
	return ErrFieldTooLarge.Error() + ": " + strconv.FormatInt(e.size, 10) + " byte, limite " + strconv.Itoa(e.max)
}

func (e *fieldSizeError) Unwrap() error { return ErrFieldTooLarge }

// EncodeError is an error of the Encoder about one field of a record: Path is
// in the record model (Richiedente.Cognome, ID, Intestazione.Sportello) and
// Pratica the id of the application. Err wraps one of the sentinel errors.
// The message never contains the field's value.
type EncodeError struct {
	Pratica string
	Path    string
	Err     error
}

// Error returns an Italian message such as
// "pratica P1, campo Richiedente.Cognome: carattere non ammesso in XML".
func (e *EncodeError) Error() string {
	var b strings.Builder
	if e.Pratica != "" {
		b.WriteString("pratica ")
		b.WriteString(e.Pratica)
		b.WriteString(", ")
	}
	if e.Path != "" {
		b.WriteString("campo ")
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the wrapped error.
func (e *EncodeError) Unwrap() error { return e.Err }

// detail wraps a sentinel with a short explanation, keeping errors.Is.
type detailError struct {
	sentinel error
	detail   string
}

func (e *detailError) Error() string { return e.sentinel.Error() + ": " + e.detail }
func (e *detailError) Unwrap() error { return e.sentinel }

func withDetail(sentinel error, detail string) error {
	if detail == "" {
		return sentinel
	}
	return &detailError{sentinel: sentinel, detail: detail}
}
