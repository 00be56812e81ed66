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

// V1 is the built-in layout, "ELI2 import format v1", implemented by Encoder
// and Decoder and described by the XSD that SchemaV1 returns.
//
// A file is XML 1.0 in UTF-8 without DTD. The root <ELI2Import versione="1">
// declares the default namespace urn:eli2sdk:import:1. It holds one
// <Intestazione> (ComuneBelfiore, ComuneIstat, Sportello?, Operatore?,
// DataCreazione, Software?, VersioneSoftware?, NumeroPratiche) and any number
// of <Pratica id="…"> with unique ids. Inside a Pratica the elements are named
// exactly as the record fields and appear in the order of the record model
// (Questura, Richiesta, TitoloPosseduto?, Richiedente, Domicilio, Recapiti?,
// Documento?, Visto?, Familiari?, GenitoreTutore?, Istanza,
// DatiSocioProfessionali?), with two exceptions: Familiari holds one
// <Familiare> per member and Istanza one <Modulo> per form. Optional elements
// are omitted when empty; required ones are always written. Dates are
// YYYY-MM-DD, birth dates YYYY, YYYY-MM or YYYY-MM-DD, DataCreazione RFC 3339
// with the offset, booleans true/false.
//
// Character encoding: files are written in UTF-8. The Decoder accepts a
// UTF-8 BOM; when the XML declaration says ISO-8859-1, Latin-1,
// Windows-1252 or ISO-8859-15 (files saved by Windows tools at help desks)
// the input is transcoded with golang.org/x/text/encoding/charmap,
// ISO-8859-1 being read as its superset Windows-1252 as browsers do. Any
// other declared encoding, and UTF-16, is ErrEncoding. Undeclared non-UTF-8
// bytes are ErrInvalidUTF8, whose message suggests the file is Latin-1.
//
// Count: see Encoder for how NumeroPratiche is patched on Close when it is
// not known in advance (the only case where decode → encode is not
// byte-identical: the patched count is padded with spaces).
//
// The Decoder checks syntax and accepts a superset of what the XSD accepts:
// lengths, patterns, enumerations, ranges, unique ids and the header count
// are content, the job of Validate and the FileValidator, so that a file
// with a wrong value is read and reported with every problem rather than
// rejected at the first. Validate enforces every constraint of the XSD
// (from the table xsd_gen.go, generated from the XSD): a file it accepts
// without errors, the XSD accepts too.
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
