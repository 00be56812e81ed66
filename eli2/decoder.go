package eli2

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2/internal/xmlscan"
)

// Decoder reads an import file in format v1, one Pratica at a time, in
// constant memory.
//
// Set the limits before the first call to Header or Next; zero means the
// default. The Decoder checks syntax: well-formed XML, no DTD, namespace,
// element names and order, required elements, and the syntax of numbers,
// dates and booleans. Content is the validator's (FileValidator,
// ValidateStream): codes, lengths and patterns, unique ids, the header
// count.
//
// A value of an application that cannot be read (an impossible date such as
// 1964-06-31, a number that is not one, a text beyond MaxFieldSize) is a
// problem of that application, not of the file: Next returns the
// application, with that field left zero, and a *RecordError listing such
// fields; reading goes on with the next call. Every other error is a
// *ParseError wrapping one of the sentinel errors, and is sticky: the file
// cannot be read further. An empty input is ErrEmpty, one that does not
// start with markup ErrNotXML.
//
// Input must be UTF-8 (a BOM is accepted); a file whose XML declaration
// says ISO-8859-1, Windows-1252 or ISO-8859-15 is transcoded, any other
// declared encoding is rejected with ErrEncoding (see V1). Root attributes
// in foreign namespaces (xsi:schemaLocation) are ignored; comments,
// processing instructions, CDATA sections and character references are
// understood; a DOCTYPE or entity declaration is ErrDTD.
type Decoder struct {
	// MaxDepth is the maximum element nesting (default 64).
	MaxDepth int
	// MaxTextSize is the maximum size in bytes of the text of one element
	// (default 8 MiB), a guard against hostile input: reading stops as soon
	// as it is exceeded (ErrTooLarge, fatal).
	MaxTextSize int
	// MaxFieldSize is the maximum size in bytes of one value (default
	// 4 KiB, ten times the longest value the XSD allows in UTF-8). A longer
	// value is read on, in constant memory, but not kept: it is a
	// *RecordError wrapping ErrFieldTooLarge for its application.
	MaxFieldSize int
	// MaxTokenSize is the maximum size in bytes of a tag with its
	// attributes, of a comment or of a processing instruction (default 64 KiB).
	MaxTokenSize int
	// MaxRepeat is the maximum number of repeated elements (Familiare,
	// Modulo) in one application (default 256), which bounds the memory one
	// application can take.
	MaxRepeat int

	r       io.Reader
	s       *xmlscan.Scanner
	latin   bool // input transcoded from a single-byte charset
	started bool
	header  Intestazione
	err     error
	index   int           // applications read
	soft    bool          // reading an application: value errors go to fieldErrs
	fields  []*ParseError // values of the current application that could not be read
	rootPos int           // index of the last root child seen
	cur     string
	path    []string
	tok     *xmlscan.Token
	eof     bool
	child   string // name of the last child element started
	intern  [512]string
}

// NewDecoder returns a Decoder reading from r.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r, rootPos: -1}
}

// Default limits of the Decoder.
const (
	DefaultMaxTextSize  = 8 << 20
	DefaultMaxFieldSize = 4 << 10
)

// DecodeFile reads a whole import file into memory. It stops at the first
// error, a *RecordError included; use a Decoder to read on past the
// applications with unreadable values.
func DecodeFile(r io.Reader) (*ImportFile, error) {
	d := NewDecoder(r)
	h, err := d.Header()
	if err != nil {
		return nil, err
	}
	f := &ImportFile{Intestazione: h}
	if h.NumeroPratiche > 0 {
		// The header is not trusted for more than a small preallocation.
		f.Pratiche = make([]Pratica, 0, min(h.NumeroPratiche, 256))
	}
	for {
		p, err := d.Next()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			return nil, err
		}
		f.Pratiche = append(f.Pratiche, *p)
	}
}

// Header reads, if not yet done, and returns the file header.
func (d *Decoder) Header() (Intestazione, error) {
	if !d.started {
		d.started = true
		if err := d.start(); err != nil {
			d.err = err
		}
	}
	return d.header, d.err
}

// Next returns the next application. After the last one it checks the end
// of the file and returns io.EOF. When some values of the application could
// not be read, Next returns it with those fields zero and a *RecordError;
// the next call reads on.
func (d *Decoder) Next() (*Pratica, error) {
	if _, err := d.Header(); err != nil {
		return nil, err
	}
	if d.eof {
		return nil, io.EOF
	}
	idx, err := d.nextChild(rootChildren, &d.rootPos)
	if err != nil {
		d.err = err
		return nil, err
	}
	if idx < 0 {
		if err := d.finish(); err != nil {
			d.err = err
			return nil, err
		}
		d.eof = true
		return nil, io.EOF
	}
	p := new(Pratica)
	d.soft, d.fields = true, nil
	err = d.pratica(p)
	d.soft = false
	if err != nil {
		d.err = err
		return nil, err
	}
	d.index++
	d.cur = ""
	if len(d.fields) > 0 {
		re := &RecordError{Index: d.index - 1, Pratica: p.ID, Fields: d.fields}
		d.fields = nil
		return p, re
	}
	return p, nil
}

func (d *Decoder) finish() error {
	tok, err := d.scan()
	if err != nil {
		return err
	}
	if tok.Kind != xmlscan.EOF {
		return d.errAt(tok.Line, tok.Col, withDetail(ErrSyntax, "contenuto dopo la chiusura dell'elemento radice"))
	}
	return nil
}

// encodingOf maps a declared encoding to a charmap, or reports that it is
// UTF-8 (nil, true), or unsupported (nil, false).
func encodingOf(label string) (*charmap.Charmap, bool) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return nil, true
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
		"windows-1252", "cp1252", "x-cp1252":
		// As browsers do, ISO-8859-1 is read as its superset Windows-1252.
		return charmap.Windows1252, true
	case "iso-8859-15", "iso8859-15", "latin9", "latin-9":
		return charmap.ISO8859_15, true
	}
	return nil, false
}

func (d *Decoder) start() error {
	// Sniff the first bytes for a BOM and the declared encoding.
	head := make([]byte, 0, 512)
	for len(head) < cap(head) {
		n, err := d.r.Read(head[len(head):cap(head)])
		head = head[:len(head)+n]
		if err != nil {
			if err != io.EOF {
				return &ParseError{Line: 1, Column: 1, Err: err}
			}
			break
		}
		if bytes.Contains(head, []byte("?>")) {
			break
		}
		if h := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")); len(h) >= 5 && !bytes.HasPrefix(h, []byte("<?xml")) {
			break
		}
	}
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) ||
		bytes.HasPrefix(head, []byte{'<', 0}) || bytes.HasPrefix(head, []byte{0, '<'}) {
		return &ParseError{Line: 1, Column: 1, Err: withDetail(ErrEncoding, "il file è in UTF-16: salvarlo in UTF-8")}
	}
	switch body := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n"); {
	case len(body) == 0 && len(head) < cap(head):
		return &ParseError{Line: 1, Column: 1, Err: ErrEmpty}
	case len(body) > 0 && body[0] != '<':
		return &ParseError{Line: 1, Column: 1, Err: ErrNotXML}
	}
	r := io.MultiReader(bytes.NewReader(head), d.r)
	label := xmlscan.DeclaredEncoding(head)
	cm, ok := encodingOf(label)
	if !ok {
		return &ParseError{Line: 1, Column: 1, Err: withDetail(ErrEncoding,
			"codifica "+strconv.Quote(label)+" non supportata: usare UTF-8 (o windows-1252/ISO-8859-1/ISO-8859-15)")}
	}
	if cm != nil {
		if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
			return &ParseError{Line: 1, Column: 1, Err: withDetail(ErrEncoding,
				"il file inizia con il BOM UTF-8 ma dichiara la codifica "+strconv.Quote(label))}
		}
		r = cm.NewDecoder().Reader(r)
		d.latin = true
	}
	if d.MaxRepeat <= 0 {
		d.MaxRepeat = 256
	}
	if d.MaxTextSize <= 0 {
		d.MaxTextSize = DefaultMaxTextSize
	}
	if d.MaxFieldSize <= 0 {
		d.MaxFieldSize = DefaultMaxFieldSize
	}
	d.s = xmlscan.New(r)
	d.s.MaxDepth, d.s.MaxTextSize, d.s.MaxTokenSize = d.MaxDepth, d.MaxTextSize, d.MaxTokenSize
	d.s.MaxKeepSize = d.MaxFieldSize
	return d.readHeader()
}

func (d *Decoder) scan() (*xmlscan.Token, error) {
	tok, err := d.s.Next()
	if err != nil {
		return nil, d.convert(err)
	}
	d.tok = tok
	return tok, nil
}

var scanErrors = []struct{ from, to error }{
	{xmlscan.ErrSyntax, ErrSyntax},
	{xmlscan.ErrDTD, ErrDTD},
	{xmlscan.ErrNamespace, ErrNamespace},
	{xmlscan.ErrInvalidUTF8, ErrInvalidUTF8},
	{xmlscan.ErrInvalidChar, ErrInvalidChar},
	{xmlscan.ErrTooDeep, ErrTooDeep},
	{xmlscan.ErrTooLarge, ErrTooLarge},
	{xmlscan.ErrUnexpectedEOF, ErrUnexpectedEOF},
}

func (d *Decoder) convert(err error) error {
	var se *xmlscan.Error
	if !errors.As(err, &se) {
		// An error of the underlying reader.
		line, col := 0, 0
		if d.s != nil {
			line, col = d.s.Pos()
		}
		return d.errAt(line, col, err)
	}
	to := ErrSyntax
	for _, m := range scanErrors {
		if se.Err == m.from {
			to = m.to
		}
	}
	detail := se.Detail
	if to == ErrInvalidUTF8 && !d.latin {
		detail += ": il file è forse in Latin-1/Windows-1252? Convertirlo in UTF-8 o dichiarare " +
			`encoding="windows-1252" nel prologo <?xml …?>`
	}
	return d.errAt(se.Line, se.Column, withDetail(to, detail))
}

func (d *Decoder) errAt(line, col int, err error) error {
	return &ParseError{Line: line, Column: col, Pratica: d.cur, Path: strings.Join(d.path, "."), Err: err}
}

func (d *Decoder) errTok(err error) error {
	if d.tok == nil {
		return d.errAt(1, 1, err)
	}
	return d.errAt(d.tok.Line, d.tok.Col, err)
}

func (d *Decoder) push(s string) { d.path = append(d.path, s) }
func (d *Decoder) pop()          { d.path = d.path[:len(d.path)-1] }

// child is an element allowed in a container, in file order.
type child struct {
	name     string
	required bool
	repeat   bool
}

var rootChildren = []child{{"Intestazione", true, false}, {"Pratica", false, true}}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

func elemName(b []byte) string { return "<" + string(b) + ">" }

// nextChild reads up to the next child element of the current container
// and returns its index in children, or -1 at the container's end tag.
// *last is the index of the previous child (-1 at the start). Only elements
// of children, in order, are accepted; attributes are left to the caller,
// which must be willing to accept them (checkNoAttrs otherwise).
func (d *Decoder) nextChild(children []child, last *int) (int, error) {
	for {
		tok, err := d.s.NextNonBlank()
		if err != nil {
			return 0, d.convert(err)
		}
		switch tok.Kind {
		case xmlscan.Text:
			if !isBlank(tok.Text) {
				return 0, d.errTok(ErrUnexpectedText)
			}
			continue
		case xmlscan.EndElement:
			for i := *last + 1; i < len(children); i++ {
				if children[i].required {
					return 0, d.errTok(withDetail(ErrMissingElement, "<"+children[i].name+">"))
				}
			}
			return -1, nil
		case xmlscan.EOF:
			return 0, d.errTok(ErrUnexpectedEOF)
		}
		if tok.Space != Namespace {
			return 0, d.errTok(withDetail(ErrNamespace, elemName(tok.Local)+" non è nel namespace "+Namespace))
		}
		idx := -1
		for i := range children {
			if string(tok.Local) == children[i].name {
				idx = i
				break
			}
		}
		if idx < 0 {
			return 0, d.errTok(withDetail(ErrUnknownElement, elemName(tok.Local)))
		}
		if idx < *last || (idx == *last && !children[idx].repeat) {
			return 0, d.errTok(withDetail(ErrElementOrder, elemName(tok.Local)))
		}
		for i := *last + 1; i < idx; i++ {
			if children[i].required {
				return 0, d.errTok(withDetail(ErrMissingElement, "<"+children[i].name+"> prima di "+elemName(tok.Local)))
			}
		}
		*last = idx
		d.child = children[idx].name
		if children[idx].name != "Pratica" {
			if err := d.checkNoAttrs(); err != nil {
				return 0, err
			}
		}
		return idx, nil
	}
}

// attr returns the value of the attribute name (in no namespace) of the
// start tag just read; any other attribute in no namespace or in the
// format's namespace is ErrUnknownAttr, attributes in other namespaces
// (xsi:schemaLocation) are ignored. With name "" no attribute is allowed.
func (d *Decoder) attr(name string) (value string, seen bool, err error) {
	for _, a := range d.tok.Attrs {
		switch {
		case name != "" && a.Space == "" && string(a.Local) == name:
			value, seen = string(a.Value), true
		case a.Space == "" || a.Space == Namespace:
			return "", false, d.errTok(withDetail(ErrUnknownAttr, string(a.Local)+" in "+elemName(d.tok.Local)))
		}
	}
	return value, seen, nil
}

func (d *Decoder) checkNoAttrs() error {
	_, _, err := d.attr("")
	return err
}

// leaf reads the text of a leaf element whose start tag was just read, up to
// its end tag. The result aliases the scanner's buffer.
func (d *Decoder) leaf() ([]byte, error) {
	d.push(d.child)
	defer d.pop()
	tok, err := d.scan()
	if err != nil {
		return nil, err
	}
	var text []byte
	var size int64
	var line, col int
	if tok.Kind == xmlscan.Text {
		text = tok.Text
		if tok.Truncated {
			text, size, line, col = nil, tok.Size, tok.Line, tok.Col
		}
		if tok, err = d.scan(); err != nil {
			return nil, err
		}
	}
	if tok.Kind != xmlscan.EndElement {
		return nil, d.errTok(withDetail(ErrUnknownElement, elemName(tok.Local)+": elemento figlio non ammesso in un campo di testo"))
	}
	if size > 0 {
		// Not kept: reported where the value starts, the value left empty.
		if err := d.soften(d.errAt(line, col, &fieldSizeError{size: size, max: d.MaxFieldSize})); err != nil {
			return nil, err
		}
	}
	return text, nil
}

// soften records err as a value that could not be read when reading an
// application, and returns nil so that reading goes on; outside an
// application (the header) it returns err.
func (d *Decoder) soften(err error) error {
	if !d.soft {
		return err
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		d.fields = append(d.fields, pe)
	}
	return nil
}

func (d *Decoder) str(dst *string) error {
	b, err := d.leaf()
	if err != nil {
		return err
	}
	*dst = d.internString(b)
	return nil
}

// internString returns b as a string, reusing the strings of short values
// seen before (codes, enumerations, sigle repeat across applications) from a
// small fixed-size cache, to save allocations.
func (d *Decoder) internString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 16 {
		return string(b)
	}
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	slot := &d.intern[h%uint32(len(d.intern))]
	if *slot != string(b) {
		*slot = string(b)
	}
	return *slot
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// valueErr reports a value of field name that cannot be read: a problem of
// the application (see soften), or of the file in the header.
func (d *Decoder) valueErr(name, detail string) error {
	d.push(name)
	err := d.errTok(withDetail(ErrInvalidValue, detail))
	d.pop()
	return d.soften(err)
}

func atoiBytes(b []byte) (int, bool) {
	neg := false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

func (d *Decoder) integer(name string, dst *int) error {
	b, err := d.leaf()
	if err != nil {
		return err
	}
	n, ok := atoiBytes(trimSpace(b))
	if !ok {
		return d.valueErr(name, "numero intero atteso")
	}
	*dst = n
	return nil
}

func parseDateBytes(b []byte) (codes.Date, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	y, ok1 := atoiBytes(b[0:4])
	m, ok2 := atoiBytes(b[5:7])
	dd, ok3 := atoiBytes(b[8:10])
	if !ok1 || !ok2 || !ok3 || b[0] == '-' || b[0] == '+' || b[5] == '-' || b[5] == '+' || b[8] == '-' || b[8] == '+' {
		return 0, false
	}
	v := codes.NewDate(y, m, dd)
	return v, v.Valid()
}

func (d *Decoder) date(name string, dst *codes.Date) error {
	b, err := d.leaf()
	if err != nil {
		return err
	}
	b = trimSpace(b)
	if len(b) == 0 {
		*dst = 0
		return nil
	}
	v, ok := parseDateBytes(b)
	if !ok {
		return d.valueErr(name, "data AAAA-MM-GG attesa")
	}
	*dst = v
	return nil
}

func (d *Decoder) partial(name string, dst *PartialDate) error {
	b, err := d.leaf()
	if err != nil {
		return err
	}
	b = trimSpace(b)
	var p PartialDate
	ok := true
	switch len(b) {
	case 0:
	case 4:
		p.Year, ok = atoiBytes(b)
		ok = ok && b[0] >= '0' && b[0] <= '9' && p.Year > 0
	case 7:
		var v codes.Date
		v, ok = parseDateBytes(append(append(make([]byte, 0, 10), b...), "-01"...))
		p = PartialDate{Year: v.Year(), Month: v.Month()}
	case 10:
		var v codes.Date
		v, ok = parseDateBytes(b)
		p = DateFrom(v)
	default:
		ok = false
	}
	if !ok {
		return d.valueErr(name, "data AAAA, AAAA-MM o AAAA-MM-GG attesa")
	}
	*dst = p
	return nil
}

func (d *Decoder) readHeader() error {
	tok, err := d.scan()
	if err != nil {
		return err
	}
	for tok.Kind == xmlscan.Text {
		if tok, err = d.scan(); err != nil {
			return err
		}
	}
	if tok.Kind != xmlscan.StartElement {
		return d.errTok(withDetail(ErrSyntax, "elemento radice mancante"))
	}
	if string(tok.Local) != "ELI2Import" {
		return d.errTok(withDetail(ErrUnknownElement, elemName(tok.Local)+": elemento radice atteso <ELI2Import>"))
	}
	if tok.Space != Namespace {
		got := tok.Space
		if got == "" {
			got = "nessuno"
		}
		return d.errTok(withDetail(ErrNamespace, "namespace atteso "+Namespace+", trovato "+got))
	}
	version, seen, err := d.attr("versione")
	if err != nil {
		return err
	}
	if !seen {
		return d.errTok(withDetail(ErrVersion, "attributo versione mancante"))
	}
	if strings.TrimSpace(version) != FormatVersion {
		return d.errTok(withDetail(ErrVersion, "versione "+strconv.Quote(version)+", attesa "+FormatVersion))
	}
	idx, err := d.nextChild(rootChildren, &d.rootPos)
	if err != nil {
		return err
	}
	if idx != 0 {
		return d.errTok(withDetail(ErrMissingElement, "<Intestazione>"))
	}
	return d.intestazione(&d.header)
}

// element reads the content of the container element name, whose start tag
// was just read, up to its end tag, with name added to the error path: field
// is called with the index in children of each child element, in file
// order, and reads that child.
func (d *Decoder) element(name string, children []child, field func(idx int) error) error {
	d.push(name)
	defer d.pop()
	return d.elements(children, field)
}

// elements is element for a container whose error path the caller sets.
func (d *Decoder) elements(children []child, field func(idx int) error) error {
	last := -1
	for {
		idx, err := d.nextChild(children, &last)
		if err != nil || idx < 0 {
			return err
		}
		if err := field(idx); err != nil {
			return err
		}
	}
}

// enum reads a leaf into a string-typed enumeration, unchecked (its values
// are checked by Validate). On error *dst is set to "".
func enum[T ~string](d *Decoder, dst *T) error {
	var s string
	err := d.str(&s)
	*dst = T(s)
	return err
}

var intestazioneChildren = []child{
	{"ComuneBelfiore", true, false}, {"ComuneIstat", true, false}, {"Sportello", false, false},
	{"Operatore", false, false}, {"DataCreazione", true, false}, {"Software", false, false},
	{"VersioneSoftware", false, false}, {"NumeroPratiche", true, false},
}

func (d *Decoder) intestazione(h *Intestazione) error {
	return d.element("Intestazione", intestazioneChildren, func(idx int) error {
		switch idx {
		case 0:
			return d.str(&h.ComuneBelfiore)
		case 1:
			return d.str(&h.ComuneIstat)
		case 2:
			return d.str(&h.Sportello)
		case 3:
			return d.str(&h.Operatore)
		case 4:
			b, err := d.leaf()
			if err != nil {
				return err
			}
			t, perr := time.Parse(time.RFC3339Nano, string(trimSpace(b)))
			h.DataCreazione = t
			if perr != nil || t.Year() < 1 {
				return d.valueErr("DataCreazione", "data e ora RFC 3339 attese (2026-01-31T10:00:00+01:00)")
			}
		case 5:
			return d.str(&h.Software)
		case 6:
			return d.str(&h.VersioneSoftware)
		case 7:
			if err := d.integer("NumeroPratiche", &h.NumeroPratiche); err != nil {
				return err
			}
			if h.NumeroPratiche < 0 {
				return d.valueErr("NumeroPratiche", "numero negativo")
			}
		}
		return nil
	})
}

var praticaChildren = []child{
	{"Questura", true, false}, {"Richiesta", true, false}, {"TitoloPosseduto", false, false},
	{"Richiedente", true, false}, {"Domicilio", true, false}, {"Recapiti", false, false},
	{"Documento", false, false}, {"Visto", false, false}, {"Familiari", false, false},
	{"GenitoreTutore", false, false}, {"Istanza", true, false}, {"DatiSocioProfessionali", false, false},
}

func (d *Decoder) pratica(p *Pratica) error {
	id, seen, err := d.attr("id")
	if err != nil {
		return err
	}
	d.path = d.path[:0]
	if !seen || id == "" {
		if err := d.valueErr("ID", "attributo id mancante o vuoto"); err != nil {
			return err
		}
	}
	d.cur = id
	p.ID = id
	return d.elements(praticaChildren, func(idx int) error {
		switch idx {
		case 0:
			return d.str(&p.Questura)
		case 1:
			return d.richiesta(&p.Richiesta)
		case 2:
			p.TitoloPosseduto = new(TitoloPosseduto)
			return d.titolo(p.TitoloPosseduto)
		case 3:
			return d.richiedente(&p.Richiedente)
		case 4:
			return d.domicilio(&p.Domicilio)
		case 5:
			p.Recapiti = new(Recapiti)
			return d.recapiti(p.Recapiti)
		case 6:
			p.Documento = new(Documento)
			return d.documento(p.Documento)
		case 7:
			p.Visto = new(Visto)
			return d.visto(p.Visto)
		case 8:
			return d.familiari(&p.Familiari)
		case 9:
			p.GenitoreTutore = new(GenitoreTutore)
			return d.genitore(p.GenitoreTutore)
		case 10:
			return d.istanza(&p.Istanza)
		case 11:
			p.DatiSocioProfessionali = new(DatiSocioProfessionali)
			return d.socio(p.DatiSocioProfessionali)
		}
		return nil
	})
}

var richiestaChildren = []child{
	{"TipoRichiesta", true, false}, {"TipoTitolo", true, false}, {"Tipologia", false, false}, // absent: 0, the desk chooses it
	{"TipologiaRichiesta", false, false}, {"DurataMesi", false, false}, {"AggiornamentoFoto", false, false},
}

func (d *Decoder) richiesta(r *Richiesta) error {
	return d.element("Richiesta", richiestaChildren, func(idx int) error {
		switch idx {
		case 0:
			return enum(d, &r.TipoRichiesta)
		case 1:
			return enum(d, &r.TipoTitolo)
		case 2:
			return d.integer("Tipologia", &r.Tipologia)
		case 3:
			return d.integer("TipologiaRichiesta", &r.TipologiaRichiesta)
		case 4:
			return d.integer("DurataMesi", &r.DurataMesi)
		case 5:
			b, err := d.leaf()
			if err != nil {
				return err
			}
			var v bool
			switch string(trimSpace(b)) {
			case "true", "1":
				v = true
			case "false", "0":
			default:
				return d.valueErr("AggiornamentoFoto", "true o false attesi")
			}
			r.AggiornamentoFoto = &v
			return nil
		}
		return nil
	})
}

var titoloChildren = []child{
	{"Tipo", true, false}, {"Numero", false, false}, {"Motivo", false, false},
	{"DataRilascio", false, false}, {"DataScadenza", false, false}, {"QuesturaRilascio", false, false},
}

func (d *Decoder) titolo(t *TitoloPosseduto) error {
	return d.element("TitoloPosseduto", titoloChildren, func(idx int) error {
		switch idx {
		case 0:
			return d.str(&t.Tipo)
		case 1:
			return d.str(&t.Numero)
		case 2:
			return d.str(&t.Motivo)
		case 3:
			return d.date("DataRilascio", &t.DataRilascio)
		case 4:
			return d.date("DataScadenza", &t.DataScadenza)
		case 5:
			return d.str(&t.QuesturaRilascio)
		}
		return nil
	})
}

var luogoChildren = []child{{"Comune", false, false}, {"StatoEstero", false, false}, {"Localita", false, false}}

func (d *Decoder) luogo(l *LuogoNascita) error {
	return d.element("LuogoNascita", luogoChildren, func(idx int) error {
		switch idx {
		case 0:
			return d.str(&l.Comune)
		case 1:
			return d.str(&l.StatoEstero)
		case 2:
			return d.str(&l.Localita)
		}
		return nil
	})
}

var richiedenteChildren = []child{
	{"CodiceFiscale", false, false}, {"Cognome", true, false}, {"Nome", true, false}, {"Sesso", true, false},
	{"DataNascita", true, false}, {"LuogoNascita", true, false}, {"Cittadinanza", true, false},
	{"StatoCivile", false, false},
}

func (d *Decoder) richiedente(r *Richiedente) error {
	return d.element("Richiedente", richiedenteChildren, func(idx int) error {
		switch idx {
		case 0:
			return d.str(&r.CodiceFiscale)
		case 1:
			return d.str(&r.Cognome)
		case 2:
			return d.str(&r.Nome)
		case 3:
			return enum(d, &r.Sesso)
		case 4:
			return d.partial("DataNascita", &r.DataNascita)
		case 5:
			return d.luogo(&r.LuogoNascita)
		case 6:
			return d.str(&r.Cittadinanza)
		case 7:
			return d.str(&r.StatoCivile)
		}
		return nil
	})
}

var domicilioChildren = []child{
	{"Comune", true, false}, {"Provincia", true, false}, {"Toponimo", true, false},
	{"NumeroCivico", false, false}, {"Esponente", false, false}, {"Scala", false, false},
	{"Interno", false, false}, {"CAP", true, false}, {"Presso", false, false},
}

var toponimoChildren = []child{{"Specie", true, false}, {"Denominazione", true, false}}

func (d *Decoder) domicilio(m *Domicilio) error {
	return d.element("Domicilio", domicilioChildren, func(idx int) error {
		switch idx {
		case 0:
			return d.str(&m.Comune)
		case 1:
			return d.str(&m.Provincia)
		case 2:
			return d.element("Toponimo", toponimoChildren, func(idx int) error {
				if idx == 0 {
					return d.str(&m.Toponimo.Specie)
				}
				return d.str(&m.Toponimo.Denominazione)
			})
		case 3:
			return d.str(&m.NumeroCivico)
		case 4:
			return d.str(&m.Esponente)
		case 5:
			return d.str(&m.Scala)
		case 6:
			return d.str(&m.Interno)
		case 7:
			return d.str(&m.CAP)
		case 8:
			return d.str(&m.Presso)
		}
		return nil
	})
}

var recapitiChildren = []child{{"Telefono", false, false}, {"Email", false, false}}

func (d *Decoder) recapiti(r *Recapiti) error {
	return d.element("Recapiti", recapitiChildren, func(idx int) error {
		if idx == 0 {
			return d.str(&r.Telefono)
		}
		return d.str(&r.Email)
	})
}

var documentoChildren = []child{
	{"Tipo", true, false}, {"Numero", true, false}, {"DataRilascio", false, false},
	{"DataScadenza", false, false}, {"AutoritaRilascio", false, false}, {"StatoRilascio", false, false},
}

func (d *Decoder) documento(m *Documento) error {
	return d.element("Documento", documentoChildren, func(idx int) error {
		switch idx {
		case 0:
			return enum(d, &m.Tipo)
		case 1:
			return d.str(&m.Numero)
		case 2:
			return d.date("DataRilascio", &m.DataRilascio)
		case 3:
			return d.date("DataScadenza", &m.DataScadenza)
		case 4:
			return d.str(&m.AutoritaRilascio)
		case 5:
			return d.str(&m.StatoRilascio)
		}
		return nil
	})
}

var vistoChildren = []child{{"Tipo", true, false}, {"Numero", false, false}, {"DataRilascio", false, false}}

func (d *Decoder) visto(v *Visto) error {
	return d.element("Visto", vistoChildren, func(idx int) error {
		switch idx {
		case 0:
			return d.str(&v.Tipo)
		case 1:
			return d.str(&v.Numero)
		case 2:
			return d.date("DataRilascio", &v.DataRilascio)
		}
		return nil
	})
}

var familiariChildren = []child{{"Familiare", true, true}}

var familiareChildren = []child{
	{"Relazione", true, false}, {"CodiceFiscale", false, false}, {"Cognome", true, false},
	{"Nome", true, false}, {"Sesso", true, false}, {"DataNascita", true, false},
	{"LuogoNascita", true, false}, {"Cittadinanza", true, false},
	{"NumeroPassaporto", false, false}, {"NumeroPermesso", false, false},
}

func (d *Decoder) familiari(dst *[]Familiare) error {
	return d.element("Familiari", familiariChildren, func(int) error {
		if len(*dst) >= d.MaxRepeat {
			return d.errTok(withDetail(ErrTooLarge, "troppi elementi <Familiare>"))
		}
		*dst = append(*dst, Familiare{})
		i := len(*dst) - 1
		d.path[len(d.path)-1] = familiarePrefix(i)
		err := d.familiare(&(*dst)[i])
		d.path[len(d.path)-1] = "Familiari"
		return err
	})
}

// familiare reads one <Familiare>; familiari sets its path.
func (d *Decoder) familiare(f *Familiare) error {
	return d.elements(familiareChildren, func(idx int) error {
		switch idx {
		case 0:
			return enum(d, &f.Relazione)
		case 1:
			return d.str(&f.CodiceFiscale)
		case 2:
			return d.str(&f.Cognome)
		case 3:
			return d.str(&f.Nome)
		case 4:
			return enum(d, &f.Sesso)
		case 5:
			return d.partial("DataNascita", &f.DataNascita)
		case 6:
			return d.luogo(&f.LuogoNascita)
		case 7:
			return d.str(&f.Cittadinanza)
		case 8:
			return d.str(&f.NumeroPassaporto)
		case 9:
			return d.str(&f.NumeroPermesso)
		}
		return nil
	})
}

var genitoreChildren = []child{
	{"Ruolo", true, false}, {"CodiceFiscale", false, false}, {"Cognome", true, false}, {"Nome", true, false},
}

func (d *Decoder) genitore(g *GenitoreTutore) error {
	return d.element("GenitoreTutore", genitoreChildren, func(idx int) error {
		switch idx {
		case 0:
			return enum(d, &g.Ruolo)
		case 1:
			return d.str(&g.CodiceFiscale)
		case 2:
			return d.str(&g.Cognome)
		case 3:
			return d.str(&g.Nome)
		}
		return nil
	})
}

var istanzaChildren = []child{{"Modulo", false, true}, {"FogliTotali", true, false}}

func (d *Decoder) istanza(s *Istanza) error {
	return d.element("Istanza", istanzaChildren, func(idx int) error {
		if idx != 0 {
			return d.integer("FogliTotali", &s.FogliTotali)
		}
		if len(s.Moduli) >= d.MaxRepeat {
			return d.errTok(withDetail(ErrTooLarge, "troppi elementi <Modulo>"))
		}
		var m int
		if err := d.integer("Moduli", &m); err != nil {
			return err
		}
		s.Moduli = append(s.Moduli, m)
		return nil
	})
}

var socioChildren = []child{
	{"TitoloStudio", false, false}, {"PosizioneProfessione", false, false}, {"CondizioneNonProfessionale", false, false},
}

func (d *Decoder) socio(s *DatiSocioProfessionali) error {
	return d.element("DatiSocioProfessionali", socioChildren, func(idx int) error {
		switch idx {
		case 0:
			return d.str(&s.TitoloStudio)
		case 1:
			return d.str(&s.PosizioneProfessione)
		case 2:
			return d.str(&s.CondizioneNonProfessionale)
		}
		return nil
	})
}
