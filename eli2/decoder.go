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
// constant memory (plus the set of ids read, used to reject duplicates:
// about 80 bytes per application with a short id, measured by
// TestDecoderConstantMemory).
//
// Set the limits before the first call to Header or Next; zero means the
// default. The Decoder checks the structure of the file (well-formed XML, no
// DTD, namespace, element names and order, required elements, value
// syntax of numbers, dates and booleans, unique ids, the header count); the
// content rules (codes, patterns, consistency) are checked by Validate.
// Every error is a *ParseError wrapping one of the sentinel errors; errors
// are sticky.
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
	// (default 64 KiB). Reading stops as soon as it is exceeded (ErrTooLarge).
	MaxTextSize int
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
	ids     map[string]struct{}
	count   int
	rootPos int // index of the last root child seen
	cur     string
	path    []string
	tok     *xmlscan.Token
	eof     bool
	child   string // name of the last child element started
	intern  [512]string
}

// NewDecoder returns a Decoder reading from r.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r, ids: make(map[string]struct{}), rootPos: -1}
}

// DecodeFile reads a whole import file into memory.
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
// of the file and the header count and returns io.EOF, or an error wrapping
// ErrCountMismatch.
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
	if err := d.pratica(p); err != nil {
		d.err = err
		return nil, err
	}
	d.count++
	d.cur = ""
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
	if d.count != d.header.NumeroPratiche {
		d.path = append(d.path[:0], "Intestazione", "NumeroPratiche")
		return d.errAt(tok.Line, tok.Col, withDetail(ErrCountMismatch,
			"dichiarate "+strconv.Itoa(d.header.NumeroPratiche)+", trovate "+strconv.Itoa(d.count)))
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
	d.s = xmlscan.New(r)
	d.s.MaxDepth, d.s.MaxTextSize, d.s.MaxTokenSize = d.MaxDepth, d.MaxTextSize, d.MaxTokenSize
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

func (d *Decoder) checkNoAttrs() error {
	for _, a := range d.tok.Attrs {
		if a.Space == "" || a.Space == Namespace {
			return d.errTok(withDetail(ErrUnknownAttr, string(a.Local)+" in "+elemName(d.tok.Local)))
		}
	}
	return nil
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
	if tok.Kind == xmlscan.Text {
		text = tok.Text
		if tok, err = d.scan(); err != nil {
			return nil, err
		}
	}
	if tok.Kind != xmlscan.EndElement {
		return nil, d.errTok(withDetail(ErrUnknownElement, elemName(tok.Local)+": elemento figlio non ammesso in un campo di testo"))
	}
	return text, nil
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

func (d *Decoder) valueErr(name, detail string) error {
	d.push(name)
	err := d.errTok(withDetail(ErrInvalidValue, detail))
	d.pop()
	return err
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
	version := ""
	seen := false
	for _, a := range tok.Attrs {
		switch {
		case a.Space == "" && string(a.Local) == "versione":
			version, seen = string(a.Value), true
		case a.Space == "" || a.Space == Namespace:
			return d.errTok(withDetail(ErrUnknownAttr, string(a.Local)+" in <ELI2Import>"))
		}
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

var intestazioneChildren = []child{
	{"ComuneBelfiore", true, false}, {"ComuneIstat", true, false}, {"Sportello", false, false},
	{"Operatore", false, false}, {"DataCreazione", true, false}, {"Software", false, false},
	{"VersioneSoftware", false, false}, {"NumeroPratiche", true, false},
}

func (d *Decoder) intestazione(h *Intestazione) error {
	d.push("Intestazione")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(intestazioneChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			err = d.str(&h.ComuneBelfiore)
		case 1:
			err = d.str(&h.ComuneIstat)
		case 2:
			err = d.str(&h.Sportello)
		case 3:
			err = d.str(&h.Operatore)
		case 4:
			var b []byte
			if b, err = d.leaf(); err == nil {
				t, perr := time.Parse(time.RFC3339Nano, string(trimSpace(b)))
				if perr != nil || t.Year() < 1 {
					err = d.valueErr("DataCreazione", "data e ora RFC 3339 attese (2026-01-31T10:00:00+01:00)")
				}
				h.DataCreazione = t
			}
		case 5:
			err = d.str(&h.Software)
		case 6:
			err = d.str(&h.VersioneSoftware)
		case 7:
			err = d.integer("NumeroPratiche", &h.NumeroPratiche)
			if err == nil && h.NumeroPratiche < 0 {
				err = d.valueErr("NumeroPratiche", "numero negativo")
			}
		}
		if err != nil {
			return err
		}
	}
}

var praticaChildren = []child{
	{"Questura", true, false}, {"Richiesta", true, false}, {"TitoloPosseduto", false, false},
	{"Richiedente", true, false}, {"Domicilio", true, false}, {"Recapiti", false, false},
	{"Documento", false, false}, {"Visto", false, false}, {"Familiari", false, false},
	{"GenitoreTutore", false, false}, {"Istanza", true, false}, {"DatiSocioProfessionali", false, false},
}

func (d *Decoder) pratica(p *Pratica) error {
	id, seen := "", false
	for _, a := range d.tok.Attrs {
		switch {
		case a.Space == "" && string(a.Local) == "id":
			id, seen = string(a.Value), true
		case a.Space == "" || a.Space == Namespace:
			return d.errTok(withDetail(ErrUnknownAttr, string(a.Local)+" in <Pratica>"))
		}
	}
	if !seen || id == "" {
		d.path = append(d.path[:0], "ID")
		err := d.errTok(withDetail(ErrInvalidValue, "attributo id mancante o vuoto"))
		d.path = d.path[:0]
		return err
	}
	d.cur = id
	if _, dup := d.ids[id]; dup {
		d.path = append(d.path[:0], "ID")
		err := d.errTok(ErrDuplicateID)
		d.path = d.path[:0]
		return err
	}
	d.ids[id] = struct{}{}
	p.ID = id
	d.path = d.path[:0]
	last := -1
	for {
		idx, err := d.nextChild(praticaChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			err = d.str(&p.Questura)
		case 1:
			err = d.richiesta(&p.Richiesta)
		case 2:
			p.TitoloPosseduto = new(TitoloPosseduto)
			err = d.titolo(p.TitoloPosseduto)
		case 3:
			err = d.richiedente(&p.Richiedente)
		case 4:
			err = d.domicilio(&p.Domicilio)
		case 5:
			p.Recapiti = new(Recapiti)
			err = d.recapiti(p.Recapiti)
		case 6:
			p.Documento = new(Documento)
			err = d.documento(p.Documento)
		case 7:
			p.Visto = new(Visto)
			err = d.visto(p.Visto)
		case 8:
			err = d.familiari(&p.Familiari)
		case 9:
			p.GenitoreTutore = new(GenitoreTutore)
			err = d.genitore(p.GenitoreTutore)
		case 10:
			err = d.istanza(&p.Istanza)
		case 11:
			p.DatiSocioProfessionali = new(DatiSocioProfessionali)
			err = d.socio(p.DatiSocioProfessionali)
		}
		if err != nil {
			return err
		}
	}
}

var richiestaChildren = []child{
	{"TipoRichiesta", true, false}, {"TipoTitolo", true, false}, {"Tipologia", true, false},
	{"TipologiaRichiesta", false, false}, {"DurataMesi", false, false}, {"AggiornamentoFoto", false, false},
}

func (d *Decoder) richiesta(r *Richiesta) error {
	d.push("Richiesta")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(richiestaChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			var s string
			err = d.str(&s)
			r.TipoRichiesta = TipoRichiesta(s)
		case 1:
			var s string
			err = d.str(&s)
			r.TipoTitolo = TipoTitolo(s)
		case 2:
			err = d.integer("Tipologia", &r.Tipologia)
		case 3:
			err = d.integer("TipologiaRichiesta", &r.TipologiaRichiesta)
		case 4:
			err = d.integer("DurataMesi", &r.DurataMesi)
		case 5:
			var b []byte
			if b, err = d.leaf(); err == nil {
				var v bool
				switch string(trimSpace(b)) {
				case "true", "1":
					v = true
				case "false", "0":
				default:
					err = d.valueErr("AggiornamentoFoto", "true o false attesi")
				}
				r.AggiornamentoFoto = &v
			}
		}
		if err != nil {
			return err
		}
	}
}

var titoloChildren = []child{
	{"Tipo", true, false}, {"Numero", false, false}, {"Motivo", false, false},
	{"DataRilascio", false, false}, {"DataScadenza", false, false}, {"QuesturaRilascio", false, false},
}

func (d *Decoder) titolo(t *TitoloPosseduto) error {
	d.push("TitoloPosseduto")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(titoloChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			err = d.str(&t.Tipo)
		case 1:
			err = d.str(&t.Numero)
		case 2:
			err = d.str(&t.Motivo)
		case 3:
			err = d.date("DataRilascio", &t.DataRilascio)
		case 4:
			err = d.date("DataScadenza", &t.DataScadenza)
		case 5:
			err = d.str(&t.QuesturaRilascio)
		}
		if err != nil {
			return err
		}
	}
}

var luogoChildren = []child{{"Comune", false, false}, {"StatoEstero", false, false}, {"Localita", false, false}}

func (d *Decoder) luogo(l *LuogoNascita) error {
	d.push("LuogoNascita")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(luogoChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			err = d.str(&l.Comune)
		case 1:
			err = d.str(&l.StatoEstero)
		case 2:
			err = d.str(&l.Localita)
		}
		if err != nil {
			return err
		}
	}
}

var richiedenteChildren = []child{
	{"CodiceFiscale", false, false}, {"Cognome", true, false}, {"Nome", true, false}, {"Sesso", true, false},
	{"DataNascita", true, false}, {"LuogoNascita", true, false}, {"Cittadinanza", true, false},
	{"StatoCivile", false, false},
}

func (d *Decoder) richiedente(r *Richiedente) error {
	d.push("Richiedente")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(richiedenteChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			err = d.str(&r.CodiceFiscale)
		case 1:
			err = d.str(&r.Cognome)
		case 2:
			err = d.str(&r.Nome)
		case 3:
			var s string
			err = d.str(&s)
			r.Sesso = Sesso(s)
		case 4:
			err = d.partial("DataNascita", &r.DataNascita)
		case 5:
			err = d.luogo(&r.LuogoNascita)
		case 6:
			err = d.str(&r.Cittadinanza)
		case 7:
			err = d.str(&r.StatoCivile)
		}
		if err != nil {
			return err
		}
	}
}

var domicilioChildren = []child{
	{"Comune", true, false}, {"Provincia", true, false}, {"Toponimo", true, false},
	{"NumeroCivico", false, false}, {"Esponente", false, false}, {"Scala", false, false},
	{"Interno", false, false}, {"CAP", true, false}, {"Presso", false, false},
}

var toponimoChildren = []child{{"Specie", true, false}, {"Denominazione", true, false}}

func (d *Decoder) domicilio(m *Domicilio) error {
	d.push("Domicilio")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(domicilioChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			err = d.str(&m.Comune)
		case 1:
			err = d.str(&m.Provincia)
		case 2:
			d.push("Toponimo")
			tl := -1
			for err == nil {
				var ti int
				ti, err = d.nextChild(toponimoChildren, &tl)
				if err != nil || ti < 0 {
					break
				}
				if ti == 0 {
					err = d.str(&m.Toponimo.Specie)
				} else {
					err = d.str(&m.Toponimo.Denominazione)
				}
			}
			d.pop()
		case 3:
			err = d.str(&m.NumeroCivico)
		case 4:
			err = d.str(&m.Esponente)
		case 5:
			err = d.str(&m.Scala)
		case 6:
			err = d.str(&m.Interno)
		case 7:
			err = d.str(&m.CAP)
		case 8:
			err = d.str(&m.Presso)
		}
		if err != nil {
			return err
		}
	}
}

var recapitiChildren = []child{{"Telefono", false, false}, {"Email", false, false}}

func (d *Decoder) recapiti(r *Recapiti) error {
	d.push("Recapiti")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(recapitiChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		if idx == 0 {
			err = d.str(&r.Telefono)
		} else {
			err = d.str(&r.Email)
		}
		if err != nil {
			return err
		}
	}
}

var documentoChildren = []child{
	{"Tipo", true, false}, {"Numero", true, false}, {"DataRilascio", false, false},
	{"DataScadenza", false, false}, {"AutoritaRilascio", false, false}, {"StatoRilascio", false, false},
}

func (d *Decoder) documento(m *Documento) error {
	d.push("Documento")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(documentoChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			var s string
			err = d.str(&s)
			m.Tipo = TipoDocumento(s)
		case 1:
			err = d.str(&m.Numero)
		case 2:
			err = d.date("DataRilascio", &m.DataRilascio)
		case 3:
			err = d.date("DataScadenza", &m.DataScadenza)
		case 4:
			err = d.str(&m.AutoritaRilascio)
		case 5:
			err = d.str(&m.StatoRilascio)
		}
		if err != nil {
			return err
		}
	}
}

var vistoChildren = []child{{"Tipo", true, false}, {"Numero", false, false}, {"DataRilascio", false, false}}

func (d *Decoder) visto(v *Visto) error {
	d.push("Visto")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(vistoChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			err = d.str(&v.Tipo)
		case 1:
			err = d.str(&v.Numero)
		case 2:
			err = d.date("DataRilascio", &v.DataRilascio)
		}
		if err != nil {
			return err
		}
	}
}

var familiariChildren = []child{{"Familiare", true, true}}

var familiareChildren = []child{
	{"Relazione", true, false}, {"CodiceFiscale", false, false}, {"Cognome", true, false},
	{"Nome", true, false}, {"Sesso", true, false}, {"DataNascita", true, false},
	{"LuogoNascita", true, false}, {"Cittadinanza", true, false},
}

func (d *Decoder) familiari(dst *[]Familiare) error {
	d.push("Familiari")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(familiariChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		if len(*dst) >= d.MaxRepeat {
			return d.errTok(withDetail(ErrTooLarge, "troppi elementi <Familiare>"))
		}
		*dst = append(*dst, Familiare{})
		i := len(*dst) - 1
		d.path[len(d.path)-1] = familiarePrefix(i)
		err = d.familiare(&(*dst)[i])
		d.path[len(d.path)-1] = "Familiari"
		if err != nil {
			return err
		}
	}
}

func (d *Decoder) familiare(f *Familiare) error {
	last := -1
	for {
		idx, err := d.nextChild(familiareChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			var s string
			err = d.str(&s)
			f.Relazione = Relazione(s)
		case 1:
			err = d.str(&f.CodiceFiscale)
		case 2:
			err = d.str(&f.Cognome)
		case 3:
			err = d.str(&f.Nome)
		case 4:
			var s string
			err = d.str(&s)
			f.Sesso = Sesso(s)
		case 5:
			err = d.partial("DataNascita", &f.DataNascita)
		case 6:
			err = d.luogo(&f.LuogoNascita)
		case 7:
			err = d.str(&f.Cittadinanza)
		}
		if err != nil {
			return err
		}
	}
}

var genitoreChildren = []child{
	{"Ruolo", true, false}, {"CodiceFiscale", false, false}, {"Cognome", true, false}, {"Nome", true, false},
}

func (d *Decoder) genitore(g *GenitoreTutore) error {
	d.push("GenitoreTutore")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(genitoreChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			var s string
			err = d.str(&s)
			g.Ruolo = RuoloTutela(s)
		case 1:
			err = d.str(&g.CodiceFiscale)
		case 2:
			err = d.str(&g.Cognome)
		case 3:
			err = d.str(&g.Nome)
		}
		if err != nil {
			return err
		}
	}
}

var istanzaChildren = []child{{"Modulo", false, true}, {"FogliTotali", true, false}}

func (d *Decoder) istanza(s *Istanza) error {
	d.push("Istanza")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(istanzaChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		if idx == 0 {
			if len(s.Moduli) >= d.MaxRepeat {
				return d.errTok(withDetail(ErrTooLarge, "troppi elementi <Modulo>"))
			}
			var m int
			err = d.integer("Moduli", &m)
			s.Moduli = append(s.Moduli, m)
		} else {
			err = d.integer("FogliTotali", &s.FogliTotali)
		}
		if err != nil {
			return err
		}
	}
}

var socioChildren = []child{
	{"TitoloStudio", false, false}, {"PosizioneProfessione", false, false}, {"CondizioneNonProfessionale", false, false},
}

func (d *Decoder) socio(s *DatiSocioProfessionali) error {
	d.push("DatiSocioProfessionali")
	defer d.pop()
	last := -1
	for {
		idx, err := d.nextChild(socioChildren, &last)
		if err != nil || idx < 0 {
			return err
		}
		switch idx {
		case 0:
			err = d.str(&s.TitoloStudio)
		case 1:
			err = d.str(&s.PosizioneProfessione)
		case 2:
			err = d.str(&s.CondizioneNonProfessionale)
		}
		if err != nil {
			return err
		}
	}
}
