package eli2

import (
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/retecomuni/eli2sdk/codes"
)

// countWidth is the width reserved for NumeroPratiche when the count is
// patched on Close: digits followed by spaces, which xs:integer collapses.
const countWidth = 10

const flushSize = 32 << 10

// Encoder writes an import file in format v1, one Pratica at a time, in
// constant memory, plus the set of ids written, used to reject duplicates
// (about 80 bytes per application with a short id) unless the caller
// guarantees unique ids and sets SkipDuplicateIDCheck.
//
// The output is deterministic (same records, same bytes), UTF-8, indented
// with two spaces, one element per line. Required elements are always
// written, optional ones are omitted when empty. The Encoder checks what XML
// needs, not the content: a field holding invalid UTF-8 or a control
// character is an *EncodeError naming the field, and nothing of that
// application is written; the rules of the format are checked by Validate,
// which callers run first (a record that fails validation may give a file
// the XSD rejects).
//
// The number of applications in the header must be right. When
// Intestazione.NumeroPratiche is non-zero, Close returns an error wrapping
// ErrCountMismatch if a different number was encoded. When it is 0 (unknown
// in advance, for example because invalid records are skipped), the writer
// must be an io.WriteSeeker positioned where the file starts (an *os.File
// not opened with O_APPEND): a fixed-width field is reserved and patched on
// Close; with any other writer WriteHeader returns ErrNotSeekable.
//
// Close does not close the underlying writer.
type Encoder struct {
	// SkipDuplicateIDCheck, set before the first Encode, tells the Encoder
	// that the caller guarantees unique Pratica ids (the export pipeline
	// does: register IDs are unique and streamed in ascending order). The
	// Encoder then keeps no set of ids and its memory is constant whatever
	// the number of applications.
	SkipDuplicateIDCheck bool

	w       io.Writer
	out     []byte
	state   int // 0 new, 1 header written, 2 closed
	err     error
	ids     map[string]struct{}
	written int
	decl    int
	patchAt int64 // absolute offset of the count placeholder, -1 if none
	start   int64 // offset of the writer at WriteHeader
	flushed int64 // bytes written to w
	cur     string
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, patchAt: -1, ids: make(map[string]struct{})}
}

// WriteHeader writes the XML prolog, the root element and the Intestazione.
// It must be called once, before Encode.
func (e *Encoder) WriteHeader(h Intestazione) error {
	if e.err != nil {
		return e.err
	}
	if e.state != 0 {
		return withDetail(ErrEncoderState, "intestazione già scritta")
	}
	return e.writeHeader(h, false)
}

func (e *Encoder) writeHeader(h Intestazione, known bool) error {
	if h.NumeroPratiche < 0 || h.NumeroPratiche > maxInt {
		return &EncodeError{Path: "Intestazione.NumeroPratiche", Err: withDetail(ErrInvalidValue, "numero fuori intervallo")}
	}
	if h.DataCreazione.IsZero() || h.DataCreazione.Year() < 1 || h.DataCreazione.Year() > 9999 {
		return &EncodeError{Path: "Intestazione.DataCreazione", Err: withDetail(ErrInvalidValue, "data di creazione mancante o fuori intervallo")}
	}
	patch := h.NumeroPratiche == 0 && !known
	if patch {
		ws, ok := e.w.(io.WriteSeeker)
		if !ok {
			return ErrNotSeekable
		}
		off, err := ws.Seek(0, io.SeekCurrent)
		if err != nil {
			return withDetail(ErrNotSeekable, err.Error())
		}
		e.start = off
	}
	e.out = append(e.out, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<ELI2Import xmlns="`+Namespace+`" versione="`+FormatVersion+`">`+"\n"...)
	e.open(1, "Intestazione")
	fields := []struct {
		name, val string
		opt       bool
	}{
		{"ComuneBelfiore", h.ComuneBelfiore, false},
		{"ComuneIstat", h.ComuneIstat, false},
		{"Sportello", h.Sportello, true},
		{"Operatore", h.Operatore, true},
	}
	for _, f := range fields {
		if err := e.leaf(2, f.name, f.val, "Intestazione", f.opt); err != nil {
			e.out = e.out[:0]
			return err
		}
	}
	e.startTag(2, "DataCreazione")
	e.out = h.DataCreazione.AppendFormat(e.out, timeLayout)
	e.endTag("DataCreazione")
	if err := e.leaf(2, "Software", h.Software, "Intestazione", true); err == nil {
		err = e.leaf(2, "VersioneSoftware", h.VersioneSoftware, "Intestazione", true)
		if err != nil {
			e.out = e.out[:0]
			return err
		}
	} else {
		e.out = e.out[:0]
		return err
	}
	e.startTag(2, "NumeroPratiche")
	if patch {
		e.patchAt = e.start + int64(len(e.out))
		e.out = append(e.out, "0         "[:countWidth]...)
	} else {
		e.out = strconv.AppendInt(e.out, int64(h.NumeroPratiche), 10)
	}
	e.endTag("NumeroPratiche")
	e.close(1, "Intestazione")
	e.decl = h.NumeroPratiche
	e.state = 1
	return nil
}

// Encode writes one application. Its ID must be non-empty and not used
// before in the file (ErrDuplicateID). On a field error nothing of p is
// written and the Encoder stays usable.
func (e *Encoder) Encode(p *Pratica) error {
	if e.err != nil {
		return e.err
	}
	if e.state != 1 {
		return withDetail(ErrEncoderState, "scrivere l'intestazione prima delle pratiche")
	}
	e.cur = p.ID
	if p.ID == "" {
		return &EncodeError{Path: "ID", Err: withDetail(ErrInvalidValue, "id mancante")}
	}
	if !e.SkipDuplicateIDCheck {
		if _, dup := e.ids[p.ID]; dup {
			return &EncodeError{Pratica: p.ID, Path: "ID", Err: ErrDuplicateID}
		}
	}
	mark := len(e.out)
	if err := e.pratica(p); err != nil {
		e.out = e.out[:mark]
		return err
	}
	if !e.SkipDuplicateIDCheck {
		e.ids[p.ID] = struct{}{}
	}
	e.written++
	if len(e.out) >= flushSize {
		return e.flush()
	}
	return nil
}

// Close writes the end of the file, flushes it and, when the count was
// unknown at WriteHeader, patches it. It returns an error wrapping
// ErrCountMismatch when a declared count differs from the number encoded
// (the file is written anyway, and the Decoder will reject it).
func (e *Encoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.state != 1 {
		return withDetail(ErrEncoderState, "intestazione mai scritta o encoder già chiuso")
	}
	e.state = 2
	e.out = append(e.out, "</ELI2Import>\n"...)
	if err := e.flush(); err != nil {
		return err
	}
	if e.patchAt >= 0 {
		if e.written > maxInt {
			return &EncodeError{Path: "Intestazione.NumeroPratiche", Err: withDetail(ErrInvalidValue, "troppe pratiche")}
		}
		ws := e.w.(io.WriteSeeker)
		var num [countWidth]byte
		b := strconv.AppendInt(num[:0], int64(e.written), 10)
		for len(b) < countWidth {
			b = append(b, ' ')
		}
		if _, err := ws.Seek(e.patchAt, io.SeekStart); err != nil {
			e.err = err
			return err
		}
		if _, err := ws.Write(b); err != nil {
			e.err = err
			return err
		}
		if _, err := ws.Seek(e.start+e.flushed, io.SeekStart); err != nil {
			e.err = err
			return err
		}
		return nil
	}
	if e.written != e.decl {
		return &EncodeError{Path: "Intestazione.NumeroPratiche", Err: withDetail(ErrCountMismatch,
			"dichiarate "+strconv.Itoa(e.decl)+", scritte "+strconv.Itoa(e.written))}
	}
	return nil
}

func (e *Encoder) flush() error {
	if len(e.out) == 0 {
		return nil
	}
	n, err := e.w.Write(e.out)
	e.flushed += int64(n)
	if err == nil && n < len(e.out) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
		return err
	}
	e.out = e.out[:0]
	return nil
}

// EncodeFile writes a whole ImportFile to w. The header count may be 0, in
// which case the number of Pratiche is written; otherwise it must equal
// len(f.Pratiche) (ErrCountMismatch). w needs not be seekable.
func EncodeFile(w io.Writer, f *ImportFile) error {
	h := f.Intestazione
	if h.NumeroPratiche != 0 && h.NumeroPratiche != len(f.Pratiche) {
		return &EncodeError{Path: "Intestazione.NumeroPratiche", Err: withDetail(ErrCountMismatch,
			"dichiarate "+strconv.Itoa(h.NumeroPratiche)+", presenti "+strconv.Itoa(len(f.Pratiche)))}
	}
	h.NumeroPratiche = len(f.Pratiche)
	e := NewEncoder(w)
	e.ids = make(map[string]struct{}, len(f.Pratiche))
	if err := e.writeHeader(h, true); err != nil {
		return err
	}
	e.state = 1
	for i := range f.Pratiche {
		if err := e.Encode(&f.Pratiche[i]); err != nil {
			return err
		}
	}
	return e.Close()
}

const spaces = "                                                                "

func (e *Encoder) indent(d int) { e.out = append(e.out, spaces[:2*d]...) }

// startTag writes the indentation and <name>.
func (e *Encoder) startTag(d int, name string) {
	e.indent(d)
	e.out = append(e.out, '<')
	e.out = append(e.out, name...)
	e.out = append(e.out, '>')
}

// endTag writes </name> and ends the line.
func (e *Encoder) endTag(name string) {
	e.out = append(e.out, '<', '/')
	e.out = append(e.out, name...)
	e.out = append(e.out, '>', '\n')
}

// open writes the start tag of a container on a line of its own.
func (e *Encoder) open(d int, name string) {
	e.indent(d)
	e.out = append(e.out, '<')
	e.out = append(e.out, name...)
	e.out = append(e.out, '>', '\n')
}

// close writes the end tag of a container on a line of its own.
func (e *Encoder) close(d int, name string) {
	e.indent(d)
	e.endTag(name)
}

func (e *Encoder) fieldErr(prefix, name string, err error) error {
	path := name
	if prefix != "" {
		path = prefix + "." + name
	}
	return &EncodeError{Pratica: e.cur, Path: path, Err: err}
}

// leaf writes <name>val</name>; an optional leaf is omitted when val is empty.
func (e *Encoder) leaf(d int, name, val, prefix string, optional bool) error {
	if optional && val == "" {
		return nil
	}
	e.startTag(d, name)
	var err error
	e.out, err = appendEscaped(e.out, val, false)
	if err != nil {
		return e.fieldErr(prefix, name, err)
	}
	e.endTag(name)
	return nil
}

// maxInt is the largest magnitude of a number in the file (nine digits).
const maxInt = 999999999

func (e *Encoder) intLeaf(d int, name string, v int, optional bool, prefix string) error {
	if optional && v == 0 {
		return nil
	}
	if v > maxInt || v < -maxInt {
		return e.fieldErr(prefix, name, withDetail(ErrInvalidValue, "numero troppo grande"))
	}
	e.startTag(d, name)
	e.out = strconv.AppendInt(e.out, int64(v), 10)
	e.endTag(name)
	return nil
}

func (e *Encoder) dateLeaf(d int, name string, v codes.Date, prefix string) error {
	if v == 0 {
		return nil
	}
	if !v.Valid() {
		return e.fieldErr(prefix, name, withDetail(ErrInvalidValue, "data inesistente"))
	}
	e.startTag(d, name)
	e.out = v.AppendISO(e.out)
	e.endTag(name)
	return nil
}

// partialLeaf writes a required partial date (empty element when unknown).
func (e *Encoder) partialLeaf(d int, name string, v PartialDate, prefix string) error {
	ok := v.IsZero() || (v.Year >= 1 && v.Year <= 9999 && v.Month >= 0 && v.Month <= 12 &&
		v.Day >= 0 && (v.Day == 0 || v.Month != 0 && v.Day <= codes.DaysIn(v.Year, v.Month)))
	if !ok {
		return e.fieldErr(prefix, name, withDetail(ErrInvalidValue, "data inesistente"))
	}
	e.startTag(d, name)
	e.out = appendPartialDate(e.out, v)
	e.endTag(name)
	return nil
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10%10), byte('0'+v%10)) }

func appendPartialDate(b []byte, p PartialDate) []byte {
	if p.IsZero() {
		return b
	}
	y := p.Year
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	if p.Month == 0 {
		return b
	}
	b = append2(append(b, '-'), p.Month)
	if p.Day == 0 {
		return b
	}
	return append2(append(b, '-'), p.Day)
}

var (
	errCtl  = withDetail(ErrInvalidChar, "carattere di controllo non ammesso")
	errNUL  = withDetail(ErrInvalidChar, "carattere NUL non ammesso")
	errUTF8 = withDetail(ErrInvalidUTF8, "sequenza UTF-8 non valida")
)

// appendEscaped appends s escaped for XML character data (or an attribute
// value when attr is true). Carriage returns, and in attributes tabs and
// newlines, are written as character references so that they survive the
// normalization of a conforming reader.
func appendEscaped(dst []byte, s string, attr bool) ([]byte, error) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' {
			i++
			continue
		}
		var esc string
		switch c {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			if attr {
				esc = "&quot;"
			}
		case '\r':
			esc = "&#13;"
		case '\n':
			if attr {
				esc = "&#10;"
			}
		case '\t':
			if attr {
				esc = "&#9;"
			}
		case 0:
			return dst, errNUL
		default:
			if c < 0x20 {
				return dst, errCtl
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return dst, errUTF8
			}
			if r == 0xFFFE || r == 0xFFFF {
				return dst, withDetail(ErrInvalidChar, "carattere non ammesso in XML")
			}
			i += n
			continue
		}
		if esc == "" {
			i++
			continue
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, esc...)
		i++
		last = i
	}
	return append(dst, s[last:]...), nil
}

var famPrefix = func() []string {
	p := make([]string, 32)
	for i := range p {
		p[i] = "Familiari[" + strconv.Itoa(i) + "]"
	}
	return p
}()

func familiarePrefix(i int) string {
	if i < len(famPrefix) {
		return famPrefix[i]
	}
	return "Familiari[" + strconv.Itoa(i) + "]"
}

// pratica appends one application; the caller truncates on error.
func (e *Encoder) pratica(p *Pratica) error {
	e.indent(1)
	e.out = append(e.out, `<Pratica id="`...)
	var err error
	if e.out, err = appendEscaped(e.out, p.ID, true); err != nil {
		return e.fieldErr("", "ID", err)
	}
	e.out = append(e.out, '"', '>', '\n')
	if err := e.leaf(2, "Questura", p.Questura, "", false); err != nil {
		return err
	}
	// Richiesta
	r := &p.Richiesta
	e.open(2, "Richiesta")
	if err := e.leaf(3, "TipoRichiesta", string(r.TipoRichiesta), "Richiesta", false); err != nil {
		return err
	}
	if err := e.leaf(3, "TipoTitolo", string(r.TipoTitolo), "Richiesta", false); err != nil {
		return err
	}
	if err := firstErr(
		e.intLeaf(3, "Tipologia", r.Tipologia, true, "Richiesta"), // 0: the desk chooses it
		e.intLeaf(3, "TipologiaRichiesta", r.TipologiaRichiesta, true, "Richiesta"),
		e.intLeaf(3, "DurataMesi", r.DurataMesi, true, "Richiesta"),
	); err != nil {
		return err
	}
	if r.AggiornamentoFoto != nil {
		if *r.AggiornamentoFoto {
			e.out = append(e.out, spaces[:6]+"<AggiornamentoFoto>true</AggiornamentoFoto>\n"...)
		} else {
			e.out = append(e.out, spaces[:6]+"<AggiornamentoFoto>false</AggiornamentoFoto>\n"...)
		}
	}
	e.close(2, "Richiesta")
	if t := p.TitoloPosseduto; t != nil && *t != (TitoloPosseduto{}) {
		const pre = "TitoloPosseduto"
		e.open(2, pre)
		if err := firstErr(
			e.leaf(3, "Tipo", t.Tipo, pre, false),
			e.leaf(3, "Numero", t.Numero, pre, true),
			e.leaf(3, "Motivo", t.Motivo, pre, true),
			e.dateLeaf(3, "DataRilascio", t.DataRilascio, pre),
			e.dateLeaf(3, "DataScadenza", t.DataScadenza, pre),
			e.leaf(3, "QuesturaRilascio", t.QuesturaRilascio, pre, true),
		); err != nil {
			return err
		}
		e.close(2, pre)
	}
	if err := e.richiedente(&p.Richiedente); err != nil {
		return err
	}
	if err := e.domicilio(&p.Domicilio); err != nil {
		return err
	}
	if c := p.Recapiti; c != nil && *c != (Recapiti{}) {
		const pre = "Recapiti"
		e.open(2, pre)
		if err := firstErr(
			e.leaf(3, "Telefono", c.Telefono, pre, true),
			e.leaf(3, "Email", c.Email, pre, true),
		); err != nil {
			return err
		}
		e.close(2, pre)
	}
	if doc := p.Documento; doc != nil && *doc != (Documento{}) {
		const pre = "Documento"
		e.open(2, pre)
		if err := firstErr(
			e.leaf(3, "Tipo", string(doc.Tipo), pre, false),
			e.leaf(3, "Numero", doc.Numero, pre, false),
			e.dateLeaf(3, "DataRilascio", doc.DataRilascio, pre),
			e.dateLeaf(3, "DataScadenza", doc.DataScadenza, pre),
			e.leaf(3, "AutoritaRilascio", doc.AutoritaRilascio, pre, true),
			e.leaf(3, "StatoRilascio", doc.StatoRilascio, pre, true),
		); err != nil {
			return err
		}
		e.close(2, pre)
	}
	if v := p.Visto; v != nil && *v != (Visto{}) {
		const pre = "Visto"
		e.open(2, pre)
		if err := firstErr(
			e.leaf(3, "Tipo", v.Tipo, pre, false),
			e.leaf(3, "Numero", v.Numero, pre, true),
			e.dateLeaf(3, "DataRilascio", v.DataRilascio, pre),
		); err != nil {
			return err
		}
		e.close(2, pre)
	}
	if len(p.Familiari) > 0 {
		e.open(2, "Familiari")
		for i := range p.Familiari {
			if err := e.familiare(&p.Familiari[i], familiarePrefix(i)); err != nil {
				return err
			}
		}
		e.close(2, "Familiari")
	}
	if g := p.GenitoreTutore; g != nil && *g != (GenitoreTutore{}) {
		const pre = "GenitoreTutore"
		e.open(2, pre)
		if err := firstErr(
			e.leaf(3, "Ruolo", string(g.Ruolo), pre, false),
			e.leaf(3, "CodiceFiscale", g.CodiceFiscale, pre, true),
			e.leaf(3, "Cognome", g.Cognome, pre, false),
			e.leaf(3, "Nome", g.Nome, pre, false),
		); err != nil {
			return err
		}
		e.close(2, pre)
	}
	e.open(2, "Istanza")
	for _, m := range p.Istanza.Moduli {
		if err := e.intLeaf(3, "Modulo", m, false, "Istanza"); err != nil {
			return err
		}
	}
	if err := e.intLeaf(3, "FogliTotali", p.Istanza.FogliTotali, false, "Istanza"); err != nil {
		return err
	}
	e.close(2, "Istanza")
	if s := p.DatiSocioProfessionali; s != nil && *s != (DatiSocioProfessionali{}) {
		const pre = "DatiSocioProfessionali"
		e.open(2, pre)
		if err := firstErr(
			e.leaf(3, "TitoloStudio", s.TitoloStudio, pre, true),
			e.leaf(3, "PosizioneProfessione", s.PosizioneProfessione, pre, true),
			e.leaf(3, "CondizioneNonProfessionale", s.CondizioneNonProfessionale, pre, true),
		); err != nil {
			return err
		}
		e.close(2, pre)
	}
	e.close(1, "Pratica")
	return nil
}

// firstErr returns the first non-nil error. The leaves are written in
// order; once one fails the output is discarded by the caller anyway.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (e *Encoder) luogo(d int, l *LuogoNascita, prefix string) error {
	e.open(d, "LuogoNascita")
	if err := firstErr(
		e.leaf(d+1, "Comune", l.Comune, prefix, true),
		e.leaf(d+1, "StatoEstero", l.StatoEstero, prefix, true),
		e.leaf(d+1, "Localita", l.Localita, prefix, true),
	); err != nil {
		return err
	}
	e.close(d, "LuogoNascita")
	return nil
}

func (e *Encoder) richiedente(r *Richiedente) error {
	const pre = "Richiedente"
	e.open(2, pre)
	if err := firstErr(
		e.leaf(3, "CodiceFiscale", r.CodiceFiscale, pre, true),
		e.leaf(3, "Cognome", r.Cognome, pre, false),
		e.leaf(3, "Nome", r.Nome, pre, false),
		e.leaf(3, "Sesso", string(r.Sesso), pre, false),
		e.partialLeaf(3, "DataNascita", r.DataNascita, pre),
	); err != nil {
		return err
	}
	if err := e.luogo(3, &r.LuogoNascita, "Richiedente.LuogoNascita"); err != nil {
		return err
	}
	if err := firstErr(
		e.leaf(3, "Cittadinanza", r.Cittadinanza, pre, false),
		e.leaf(3, "StatoCivile", r.StatoCivile, pre, true),
	); err != nil {
		return err
	}
	e.close(2, pre)
	return nil
}

func (e *Encoder) domicilio(d *Domicilio) error {
	const pre = "Domicilio"
	e.open(2, pre)
	if err := firstErr(
		e.leaf(3, "Comune", d.Comune, pre, false),
		e.leaf(3, "Provincia", d.Provincia, pre, false),
	); err != nil {
		return err
	}
	e.open(3, "Toponimo")
	if err := firstErr(
		e.leaf(4, "Specie", d.Toponimo.Specie, "Domicilio.Toponimo", false),
		e.leaf(4, "Denominazione", d.Toponimo.Denominazione, "Domicilio.Toponimo", false),
	); err != nil {
		return err
	}
	e.close(3, "Toponimo")
	if err := firstErr(
		e.leaf(3, "NumeroCivico", d.NumeroCivico, pre, true),
		e.leaf(3, "Esponente", d.Esponente, pre, true),
		e.leaf(3, "Scala", d.Scala, pre, true),
		e.leaf(3, "Interno", d.Interno, pre, true),
		e.leaf(3, "CAP", d.CAP, pre, false),
		e.leaf(3, "Presso", d.Presso, pre, true),
	); err != nil {
		return err
	}
	e.close(2, pre)
	return nil
}

func (e *Encoder) familiare(f *Familiare, pre string) error {
	e.open(3, "Familiare")
	if err := firstErr(
		e.leaf(4, "Relazione", string(f.Relazione), pre, false),
		e.leaf(4, "CodiceFiscale", f.CodiceFiscale, pre, true),
		e.leaf(4, "Cognome", f.Cognome, pre, false),
		e.leaf(4, "Nome", f.Nome, pre, false),
		e.leaf(4, "Sesso", string(f.Sesso), pre, false),
		e.partialLeaf(4, "DataNascita", f.DataNascita, pre),
	); err != nil {
		return err
	}
	if err := e.luogo(4, &f.LuogoNascita, pre+".LuogoNascita"); err != nil {
		return err
	}
	if err := firstErr(
		e.leaf(4, "Cittadinanza", f.Cittadinanza, pre, false),
		e.leaf(4, "NumeroPassaporto", f.NumeroPassaporto, pre, true),
		e.leaf(4, "NumeroPermesso", f.NumeroPermesso, pre, true),
	); err != nil {
		return err
	}
	e.close(3, "Familiare")
	return nil
}
