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
	ErrSyntax         = errors.New("XML non ben formato")
	ErrDTD            = errors.New("DTD e dichiarazioni di entità non sono ammesse")
	ErrNamespace      = errors.New("namespace errato o mancante")
	ErrUnknownElement = errors.New("elemento sconosciuto")
	ErrUnknownAttr    = errors.New("attributo sconosciuto")
	ErrElementOrder   = errors.New("elemento fuori ordine o ripetuto")
	ErrMissingElement = errors.New("elemento obbligatorio mancante")
	ErrUnexpectedText = errors.New("testo non ammesso in questa posizione")
	ErrInvalidValue   = errors.New("valore non valido")
	ErrInvalidUTF8    = errors.New("testo non in UTF-8")
	ErrInvalidChar    = errors.New("carattere non ammesso in XML")
	ErrEncoding       = errors.New("codifica dei caratteri non supportata")
	ErrTooDeep        = errors.New("annidamento troppo profondo")
	ErrTooLarge       = errors.New("contenuto troppo grande")
	ErrUnexpectedEOF  = errors.New("file troncato")
	ErrVersion        = errors.New("versione del formato non supportata")
	ErrDuplicateID    = errors.New("id di pratica ripetuto")
	ErrCountMismatch  = errors.New("il numero di pratiche non corrisponde all'intestazione")
	ErrNotSeekable    = errors.New("numero di pratiche sconosciuto e destinazione non riposizionabile")
	ErrEncoderState   = errors.New("uso dell'encoder fuori sequenza")
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
