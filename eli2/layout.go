package eli2

import (
	"io"
	"time"

	"github.com/retecomuni/eli2sdk/eli2/schema"
)

// Format v1 identifiers.
const (
	// Namespace is the XML namespace of format v1, the default namespace of
	// the root element.
	Namespace = "urn:eli2sdk:import:1"
	// FormatVersion is the value of the root's versione attribute.
	FormatVersion = "1"
)

// timeLayout is the format of Intestazione.DataCreazione: RFC 3339 with the
// offset, fractional seconds only when not zero.
const timeLayout = time.RFC3339Nano

// PraticaEncoder writes an import file in some layout: the header, then one
// application at a time, then Close. *Encoder implements it for format v1.
type PraticaEncoder interface {
	WriteHeader(Intestazione) error
	Encode(*Pratica) error
	Close() error
}

// PraticaDecoder reads an import file in some layout: Header, then Next until
// io.EOF. *Decoder implements it for format v1.
type PraticaDecoder interface {
	Header() (Intestazione, error)
	Next() (*Pratica, error)
}

// Layout is a file layout for the import file. Every decision about element
// names, order and value formats lives in a Layout, so that a vendor holding
// the official ANCI/Ancitel layout can add a second implementation without
// touching the records, the validation or the adapters.
type Layout interface {
	// Name identifies the layout ("eli2-import-v1").
	Name() string
	// NewEncoder returns an encoder writing to w.
	NewEncoder(w io.Writer) PraticaEncoder
	// NewDecoder returns a decoder reading from r.
	NewDecoder(r io.Reader) PraticaDecoder
}

// SchemaProvider is an optional interface of a Layout that ships an XML
// Schema describing its files.
type SchemaProvider interface {
	Schema() []byte
}

// V1 is the built-in layout: format v1 as documented in the package and in
// the XSD returned by its Schema method.
var V1 Layout = v1Layout{}

type v1Layout struct{}

func (v1Layout) Name() string                          { return "eli2-import-v1" }
func (v1Layout) NewEncoder(w io.Writer) PraticaEncoder { return NewEncoder(w) }
func (v1Layout) NewDecoder(r io.Reader) PraticaDecoder { return NewDecoder(r) }
func (v1Layout) Schema() []byte                        { return SchemaV1() }

var (
	_ PraticaEncoder = (*Encoder)(nil)
	_ PraticaDecoder = (*Decoder)(nil)
)

// SchemaV1 returns a copy of the embedded XML Schema of format v1
// (eli2/schema/eli2-import-v1.xsd).
func SchemaV1() []byte { return append([]byte(nil), schema.V1XSD...) }
