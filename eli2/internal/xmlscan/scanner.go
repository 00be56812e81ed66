// Package xmlscan is a small, fast, streaming XML 1.0 tokenizer for the
// subset of XML that data-exchange files use. It resolves namespaces, decodes
// the predefined entities, character references and CDATA sections, and
// rejects DTDs, invalid UTF-8, forbidden characters and oversized or too
// deeply nested input with bounded memory.
package xmlscan

import (
	"errors"
	"io"
	"unicode/utf8"
)

// Sentinel errors wrapped by *Error.
var (
	ErrSyntax        = errors.New("xmlscan: syntax error")
	ErrDTD           = errors.New("xmlscan: DTD or entity declaration")
	ErrNamespace     = errors.New("xmlscan: undeclared namespace prefix")
	ErrInvalidUTF8   = errors.New("xmlscan: invalid UTF-8")
	ErrInvalidChar   = errors.New("xmlscan: character not allowed in XML")
	ErrTooDeep       = errors.New("xmlscan: nesting too deep")
	ErrTooLarge      = errors.New("xmlscan: token too large")
	ErrUnexpectedEOF = errors.New("xmlscan: unexpected end of input")
)

// Error is a tokenizer error at a position (1-based line, 1-based byte
// column). Detail is a short Italian explanation for operators.
type Error struct {
	Line, Column int
	Err          error
	Detail       string
}

// Error returns the sentinel's text and the detail.
func (e *Error) Error() string { return e.Err.Error() + ": " + e.Detail }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Kind is the kind of a token.
type Kind uint8

// Token kinds. Comments, processing instructions and the XML declaration are
// consumed silently; character data between two tags (including CDATA
// sections) is returned as one Text token.
const (
	StartElement Kind = iota + 1
	EndElement
	Text
	EOF
)

// XMLNamespace is the namespace bound to the reserved prefix "xml".
const XMLNamespace = "http://www.w3.org/XML/1998/namespace"

// Attr is an attribute of a start tag. Local and Value alias the scanner's
// buffers and are valid until the next call to Next.
type Attr struct {
	Space string // resolved namespace; "" for unprefixed attributes
	Local []byte
	Value []byte
}

// Token is the current token. Its slices are valid until the next call to
// Next.
type Token struct {
	Kind  Kind
	Space string // resolved namespace of an element
	Local []byte // local name of an element
	Attrs []Attr // attributes of a start element, xmlns declarations excluded
	Text  []byte // character data of a Text token
	// Size is the size in bytes of the character data of a Text token,
	// including what was dropped beyond MaxKeepSize (then Truncated).
	Size      int64
	Truncated bool
	Line      int // position where the token starts
	Col       int
	// Depth is the element depth: 1 for the root's start and end tags.
	Depth int
}

// Defaults for the limits.
const (
	DefaultMaxDepth     = 64
	DefaultMaxTextSize  = 64 << 10
	DefaultMaxTokenSize = 64 << 10
)

type binding struct {
	prefix, uri string
	depth       int
}

type pendingAttr struct {
	prefix, local, value [2]int // offsets into attrBuf
}

// Scanner reads tokens from an io.Reader. Set the limits before the first
// call to Next; zero means the default.
type Scanner struct {
	MaxDepth     int // maximum element nesting
	MaxTextSize  int // maximum bytes of character data between two tags
	MaxTokenSize int // maximum bytes of a tag, comment or processing instruction
	// MaxKeepSize, when positive, is the number of bytes of character data
	// kept in a Text token: longer text is read on (up to MaxTextSize) but
	// dropped, and the token is marked Truncated, so that a caller can
	// report one over-long value and go on reading.
	MaxKeepSize int

	r    io.Reader
	buf  []byte
	pos  int
	end  int
	base int64 // absolute offset of buf[0]
	rerr error

	line      int
	lineStart int64

	started    bool // prolog checked
	rootSeen   bool
	rootClosed bool
	pendingEnd bool
	depth      int

	stack   []int    // offsets into names of each open element's qualified name
	spaces  []string // namespace of each open element
	names   []byte
	ns      []binding
	text    []byte
	dropped int64 // bytes of text dropped beyond MaxKeepSize
	attrBuf []byte
	pattrs  []pendingAttr
	tok     Token
	err     error
}

// New returns a Scanner reading from r.
func New(r io.Reader) *Scanner {
	return &Scanner{r: r, buf: make([]byte, 64<<10), line: 1}
}

func (s *Scanner) limits() {
	if s.MaxDepth <= 0 {
		s.MaxDepth = DefaultMaxDepth
	}
	if s.MaxTextSize <= 0 {
		s.MaxTextSize = DefaultMaxTextSize
	}
	if s.MaxTokenSize <= 0 {
		s.MaxTokenSize = DefaultMaxTokenSize
	}
}

// Offset returns the number of input bytes consumed so far.
func (s *Scanner) Offset() int64 { return s.base + int64(s.pos) }

// Pos returns the current line and byte column.
func (s *Scanner) Pos() (line, col int) {
	return s.line, int(s.base+int64(s.pos)-s.lineStart) + 1
}

func (s *Scanner) fail(sentinel error, detail string) error {
	l, c := s.Pos()
	s.err = &Error{Line: l, Column: c, Err: sentinel, Detail: detail}
	return s.err
}

func (s *Scanner) failAt(line, col int, sentinel error, detail string) error {
	s.err = &Error{Line: line, Column: col, Err: sentinel, Detail: detail}
	return s.err
}

// fill makes at least n bytes available from pos, unless the input ends.
// It returns the number of bytes available (possibly less than n at EOF).
func (s *Scanner) fill(n int) int {
	empty := 0
	for s.end-s.pos < n && s.rerr == nil {
		if s.pos > 0 {
			copy(s.buf, s.buf[s.pos:s.end])
			s.base += int64(s.pos)
			s.end -= s.pos
			s.pos = 0
		}
		m, err := s.r.Read(s.buf[s.end:])
		s.end += m
		switch {
		case err != nil:
			s.rerr = err
		case m == 0:
			// A reader returning 0, nil: retry a few times, as bufio does.
			empty++
			if empty >= 100 {
				s.rerr = io.ErrNoProgress
			}
		default:
			empty = 0
		}
	}
	return s.end - s.pos
}

func (s *Scanner) eofError(what string) error {
	if s.rerr != nil && s.rerr != io.EOF {
		return s.rerr
	}
	return s.fail(ErrUnexpectedEOF, "fine dei dati "+what)
}

// dtdDeclarations are the markup declarations of a DTD, all rejected.
var dtdDeclarations = []string{"<!DOCTYPE", "<!ENTITY", "<!ELEMENT", "<!ATTLIST", "<!NOTATION"}

// peekByte returns the next byte or false at end of input.
func (s *Scanner) peekByte() (byte, bool) {
	if s.pos >= s.end && s.fill(1) == 0 {
		return 0, false
	}
	return s.buf[s.pos], true
}

func (s *Scanner) hasPrefix(p string) bool {
	if s.fill(len(p)) < len(p) {
		return false
	}
	return string(s.buf[s.pos:s.pos+len(p)]) == p
}

func (s *Scanner) newline() {
	s.line++
	s.lineStart = s.base + int64(s.pos)
}

// crlf consumes the CR at s.pos and the LF after it, if any: a lone CR and
// CR LF are both one line break for XML.
func (s *Scanner) crlf() {
	s.pos++
	if s.fill(1) > 0 && s.buf[s.pos] == '\n' {
		s.pos++
	}
	s.newline()
}

// Next returns the next token. After the root element has been closed and
// only whitespace, comments and processing instructions follow, Next returns
// a token of kind EOF. Errors are sticky.
func (s *Scanner) Next() (*Token, error) {
	if s.err != nil {
		return nil, s.err
	}
	if !s.started {
		s.limits()
		s.started = true
		if err := s.prolog(); err != nil {
			return nil, err
		}
	}
	if s.pendingEnd {
		s.pendingEnd = false
		s.tok.Kind = EndElement
		s.tok.Attrs = s.tok.Attrs[:0]
		s.tok.Depth = s.depth
		s.popElement()
		return &s.tok, nil
	}
	s.text = s.text[:0]
	s.dropped = 0
	tl, tc := s.Pos()
	for {
		if s.pos >= s.end && s.fill(1) == 0 {
			if s.rerr != nil && s.rerr != io.EOF {
				s.err = s.rerr
				return nil, s.err
			}
			if !s.rootClosed {
				return nil, s.eofError("prima della chiusura dell'elemento radice")
			}
			if len(s.text) > 0 {
				return s.textToken(tl, tc)
			}
			s.tok = Token{Kind: EOF, Attrs: s.tok.Attrs[:0]}
			s.tok.Line, s.tok.Col = s.Pos()
			return &s.tok, nil
		}
		c := s.buf[s.pos]
		if c != '<' {
			if err := s.readText(); err != nil {
				return nil, err
			}
			continue
		}
		if s.fill(2) < 2 {
			return nil, s.eofError("dentro un tag")
		}
		switch s.buf[s.pos+1] {
		case '!':
			if s.hasPrefix("<!--") {
				if err := s.comment(); err != nil {
					return nil, err
				}
				continue
			}
			if s.hasPrefix("<![CDATA[") {
				if s.depth == 0 {
					return nil, s.fail(ErrSyntax, "sezione CDATA fuori dall'elemento radice")
				}
				if err := s.cdata(); err != nil {
					return nil, err
				}
				continue
			}
			for _, decl := range dtdDeclarations {
				if s.hasPrefix(decl) {
					return nil, s.fail(ErrDTD, "trovata la dichiarazione "+decl)
				}
			}
			return nil, s.fail(ErrSyntax, "dichiarazione <! non riconosciuta")
		case '?':
			if err := s.pi(false); err != nil {
				return nil, err
			}
			continue
		}
		// A tag: return pending text first.
		if len(s.text) > 0 {
			return s.textToken(tl, tc)
		}
		if s.buf[s.pos+1] == '/' {
			return s.endTag()
		}
		return s.startTag()
	}
}

func (s *Scanner) textToken(line, col int) (*Token, error) {
	if s.depth == 0 {
		for _, c := range s.text {
			if !isSpace(c) {
				return nil, s.failAt(line, col, ErrSyntax, "testo fuori dall'elemento radice")
			}
		}
		s.text = s.text[:0]
		return s.Next()
	}
	s.tok = Token{Kind: Text, Text: s.text, Line: line, Col: col, Depth: s.depth, Attrs: s.tok.Attrs[:0],
		Size: int64(len(s.text)) + s.dropped, Truncated: s.dropped > 0}
	return &s.tok, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// prolog skips a UTF-8 BOM and checks the XML declaration if present.
func (s *Scanner) prolog() error {
	if s.hasPrefix("\xEF\xBB\xBF") {
		s.pos += 3
		s.lineStart = 3
	}
	if s.hasPrefix("<?xml") && s.fill(6) >= 6 && isSpace(s.buf[s.pos+5]) {
		return s.pi(true)
	}
	return nil
}

// readText consumes character data up to the next '<' (or end of input),
// appending it to s.text.
func (s *Scanner) readText() error {
	for {
		if s.pos >= s.end && s.fill(1) == 0 {
			return nil
		}
		// Fast path over plain ASCII.
		i := s.pos
		buf := s.buf[:s.end]
		for i < len(buf) {
			c := buf[i]
			if c < 0x20 || c >= 0x80 || c == '<' || c == '&' || c == ']' {
				break
			}
			i++
		}
		if i > s.pos {
			s.text = append(s.text, buf[s.pos:i]...)
			s.pos = i
			if err := s.textLimit(); err != nil {
				return err
			}
		}
		if s.pos >= s.end {
			continue
		}
		c := s.buf[s.pos]
		switch {
		case c == '<':
			return nil
		case c == '&':
			if err := s.reference(&s.text); err != nil {
				return err
			}
		case c == ']':
			if s.hasPrefix("]]>") {
				return s.fail(ErrSyntax, "la sequenza ]]> non è ammessa nel testo")
			}
			s.text = append(s.text, c)
			s.pos++
		default:
			if err := s.char(&s.text); err != nil {
				return err
			}
		}
		if err := s.textLimit(); err != nil {
			return err
		}
	}
}

// textLimit drops the text beyond MaxKeepSize and fails beyond MaxTextSize.
// Appends are at most one buffer long, so the text held stays under
// MaxKeepSize plus the buffer.
func (s *Scanner) textLimit() error {
	if s.MaxKeepSize > 0 && len(s.text) > s.MaxKeepSize {
		s.dropped += int64(len(s.text) - s.MaxKeepSize)
		s.text = s.text[:s.MaxKeepSize]
	}
	if int64(len(s.text))+s.dropped > int64(s.MaxTextSize) {
		return s.fail(ErrTooLarge, "testo troppo lungo")
	}
	return nil
}

// char consumes one character that is not plain printable ASCII: a control
// character, a line break or a multi-byte UTF-8 sequence, and appends it to
// dst with line breaks normalized.
func (s *Scanner) char(dst *[]byte) error {
	c := s.buf[s.pos]
	switch {
	case c == '\n':
		s.pos++
		s.newline()
		*dst = append(*dst, '\n')
		return nil
	case c == '\r':
		s.crlf()
		*dst = append(*dst, '\n')
		return nil
	case c == '\t':
		s.pos++
		*dst = append(*dst, c)
		return nil
	case c < 0x20:
		if c == 0 {
			return s.fail(ErrInvalidChar, "carattere NUL non ammesso")
		}
		return s.fail(ErrInvalidChar, "carattere di controllo non ammesso")
	case c < 0x80:
		s.pos++
		*dst = append(*dst, c)
		return nil
	}
	s.fill(utf8.UTFMax)
	if !utf8.FullRune(s.buf[s.pos:s.end]) {
		// A valid start of a multi-byte character cut by the end of input:
		// a truncated file, not an encoding problem.
		return s.eofError("dentro un carattere UTF-8")
	}
	r, n := utf8.DecodeRune(s.buf[s.pos:s.end])
	if r == utf8.RuneError && n <= 1 {
		return s.fail(ErrInvalidUTF8, "sequenza UTF-8 non valida")
	}
	if r == 0xFFFE || r == 0xFFFF {
		return s.fail(ErrInvalidChar, "carattere non ammesso in XML")
	}
	*dst = append(*dst, s.buf[s.pos:s.pos+n]...)
	s.pos += n
	return nil
}

// IsChar reports whether r is allowed in an XML 1.0 document.
func IsChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// reference decodes an entity or character reference starting at '&'.
func (s *Scanner) reference(dst *[]byte) error {
	s.fill(12)
	end := s.pos + 1
	for end < s.end && end-s.pos < 12 && s.buf[end] != ';' && (s.buf[end] == '#' || isNameByte(s.buf[end])) {
		end++
	}
	if end >= s.end || s.buf[end] != ';' {
		if s.rerr != nil && end >= s.end && end-s.pos < 12 {
			return s.eofError("dentro un riferimento &…;")
		}
		return s.fail(ErrSyntax, "riferimento & non terminato da ';' (scrivere &amp; per la e commerciale)")
	}
	name := s.buf[s.pos+1 : end]
	switch string(name) {
	case "amp":
		*dst = append(*dst, '&')
	case "lt":
		*dst = append(*dst, '<')
	case "gt":
		*dst = append(*dst, '>')
	case "quot":
		*dst = append(*dst, '"')
	case "apos":
		*dst = append(*dst, '\'')
	default:
		if len(name) < 2 || name[0] != '#' {
			return s.fail(ErrSyntax, "riferimento a entità non definita &"+printable(name)+";")
		}
		var r rune
		digits := name[1:]
		base := rune(10)
		if digits[0] == 'x' {
			base = 16
			digits = digits[1:]
		}
		if len(digits) == 0 || len(digits) > 8 {
			return s.fail(ErrSyntax, "riferimento a carattere non valido")
		}
		for _, d := range digits {
			var v rune
			switch {
			case d >= '0' && d <= '9':
				v = rune(d - '0')
			case base == 16 && d >= 'a' && d <= 'f':
				v = rune(d-'a') + 10
			case base == 16 && d >= 'A' && d <= 'F':
				v = rune(d-'A') + 10
			default:
				return s.fail(ErrSyntax, "riferimento a carattere non valido")
			}
			r = r*base + v
		}
		if !IsChar(r) {
			return s.fail(ErrInvalidChar, "riferimento a un carattere non ammesso in XML")
		}
		*dst = utf8.AppendRune(*dst, r)
	}
	s.pos = end + 1
	return nil
}

func printable(b []byte) string {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c >= 0x20 && c < 0x7F {
			out = append(out, c)
		} else {
			out = append(out, '?')
		}
	}
	return string(out)
}

// skipUntil consumes input up to and including the terminator, checking
// characters and counting lines, without buffering. what names the construct
// for error messages.
func (s *Scanner) skipUntil(term string, what string) error {
	n := 0
	for {
		if s.fill(len(term)) < len(term) {
			return s.eofError("dentro " + what)
		}
		if string(s.buf[s.pos:s.pos+len(term)]) == term {
			s.pos += len(term)
			return nil
		}
		c := s.buf[s.pos]
		if c >= 0x20 && c < 0x80 {
			s.pos++
			n++
		} else {
			before := s.Offset() // char may move the buffer
			var scratch [4]byte
			d := scratch[:0]
			if err := s.char(&d); err != nil {
				return err
			}
			n += int(s.Offset() - before)
		}
		if n > s.MaxTokenSize {
			return s.fail(ErrTooLarge, what+" troppo lungo")
		}
	}
}

func (s *Scanner) comment() error {
	s.pos += 4
	if err := s.skipUntil("--", "un commento"); err != nil {
		return err
	}
	if c, ok := s.peekByte(); !ok || c != '>' {
		if !ok {
			return s.eofError("dentro un commento")
		}
		return s.fail(ErrSyntax, "la sequenza -- non è ammessa nei commenti")
	}
	s.pos++
	return nil
}

func (s *Scanner) cdata() error {
	s.pos += 9
	for {
		if s.fill(3) < 3 {
			return s.eofError("dentro una sezione CDATA")
		}
		if s.buf[s.pos] == ']' && s.buf[s.pos+1] == ']' && s.buf[s.pos+2] == '>' {
			s.pos += 3
			return nil
		}
		c := s.buf[s.pos]
		if c >= 0x20 && c < 0x80 {
			s.text = append(s.text, c)
			s.pos++
		} else if err := s.char(&s.text); err != nil {
			return err
		}
		if err := s.textLimit(); err != nil {
			return err
		}
	}
}

// pi skips a processing instruction; decl is true for the XML declaration
// at the very start of the input, whose version is checked.
func (s *Scanner) pi(decl bool) error {
	s.pos += 2
	start := s.Offset()
	// The name is copied as it is read: peekByte may move the buffer.
	var name [64]byte
	n := 0
	for {
		c, ok := s.peekByte()
		if !ok {
			return s.eofError("dentro un'istruzione di elaborazione")
		}
		if isSpace(c) || c == '?' {
			break
		}
		s.pos++
		if n == len(name) {
			return s.fail(ErrSyntax, "istruzione di elaborazione non valida")
		}
		name[n] = c
		n++
	}
	target := string(name[:n])
	if target == "" {
		return s.fail(ErrSyntax, "istruzione di elaborazione senza nome")
	}
	if !decl && (target == "xml" || target == "XML" || target == "Xml") {
		return s.fail(ErrSyntax, "la dichiarazione <?xml …?> deve stare all'inizio del file")
	}
	if !decl {
		return s.skipUntil("?>", "un'istruzione di elaborazione")
	}
	// The declaration is short: read it whole, bounded.
	var body []byte
	for {
		if s.fill(2) < 2 {
			return s.eofError("dentro la dichiarazione XML")
		}
		if s.buf[s.pos] == '?' && s.buf[s.pos+1] == '>' {
			s.pos += 2
			break
		}
		c := s.buf[s.pos]
		if c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7F) {
			if c == '\n' {
				s.pos++
				s.newline()
			} else {
				s.pos++
			}
			body = append(body, c)
		} else {
			return s.fail(ErrSyntax, "carattere non ammesso nella dichiarazione XML")
		}
		if s.Offset()-start > 256 {
			return s.fail(ErrSyntax, "dichiarazione XML troppo lunga")
		}
	}
	v, ok := declAttr(body, "version")
	if !ok {
		return s.fail(ErrSyntax, "la dichiarazione XML non indica la versione")
	}
	if v != "1.0" {
		return s.fail(ErrSyntax, "versione XML non supportata: è ammessa solo 1.0")
	}
	return nil
}

// DeclAttr returns the value of a pseudo-attribute (version, encoding,
// standalone) in the body of an XML declaration.
func declAttr(body []byte, name string) (string, bool) {
	for i := 0; i+len(name) < len(body); i++ {
		if string(body[i:i+len(name)]) != name || (i > 0 && !isSpace(body[i-1])) {
			continue
		}
		j := i + len(name)
		for j < len(body) && isSpace(body[j]) {
			j++
		}
		if j >= len(body) || body[j] != '=' {
			continue
		}
		j++
		for j < len(body) && isSpace(body[j]) {
			j++
		}
		if j >= len(body) || (body[j] != '"' && body[j] != '\'') {
			return "", false
		}
		q := body[j]
		k := j + 1
		for k < len(body) && body[k] != q {
			k++
		}
		if k >= len(body) {
			return "", false
		}
		return string(body[j+1 : k]), true
	}
	return "", false
}

// DeclaredEncoding returns the encoding pseudo-attribute of the XML
// declaration at the start of head (after an optional UTF-8 BOM), or "" when
// there is no declaration or no encoding.
func DeclaredEncoding(head []byte) string {
	if len(head) >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF {
		head = head[3:]
	}
	if len(head) < 6 || string(head[:5]) != "<?xml" || !isSpace(head[5]) {
		return ""
	}
	end := -1
	for i := 5; i+1 < len(head) && i < 512; i++ {
		if head[i] == '?' && head[i+1] == '>' {
			end = i
			break
		}
	}
	if end < 0 {
		return ""
	}
	v, _ := declAttr(head[5:end], "encoding")
	return v
}

func isNameByte(c byte) bool {
	return !(c <= ' ' || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\'' ||
		c == '&' || c == '!' || c == '?' || c == 0x7F)
}

// name reads an XML name into s.attrBuf and returns its offsets.
func (s *Scanner) name() (int, int, error) {
	start := len(s.attrBuf)
	c, ok := s.peekByte()
	if !ok {
		return 0, 0, s.eofError("dentro un tag")
	}
	if !isNameByte(c) || c == '-' || c == '.' || c == ':' || (c >= '0' && c <= '9') {
		return 0, 0, s.fail(ErrSyntax, "nome di elemento o attributo non valido")
	}
	for {
		i := s.pos
		for i < s.end && s.buf[i] < 0x80 && isNameByte(s.buf[i]) {
			i++
		}
		s.attrBuf = append(s.attrBuf, s.buf[s.pos:i]...)
		s.pos = i
		if len(s.attrBuf)-start > s.MaxTokenSize {
			return 0, 0, s.fail(ErrTooLarge, "nome troppo lungo")
		}
		if i < s.end {
			if s.buf[i] < 0x80 {
				break
			}
			if err := s.char(&s.attrBuf); err != nil {
				return 0, 0, err
			}
			continue
		}
		if s.fill(1) == 0 {
			return 0, 0, s.eofError("dentro un tag")
		}
	}
	return start, len(s.attrBuf), nil
}

func (s *Scanner) skipSpace() (bool, error) {
	skipped := false
	for {
		c, ok := s.peekByte()
		if !ok {
			return skipped, s.eofError("dentro un tag")
		}
		switch c {
		case ' ', '\t':
			s.pos++
		case '\n':
			s.pos++
			s.newline()
		case '\r':
			s.crlf()
		default:
			return skipped, nil
		}
		skipped = true
	}
}

func split(q []byte) (prefix, local []byte) {
	for i, c := range q {
		if c == ':' {
			return q[:i], q[i+1:]
		}
	}
	return nil, q
}

func (s *Scanner) lookup(prefix []byte) (string, bool) {
	if string(prefix) == "xml" {
		return XMLNamespace, true
	}
	for i := len(s.ns) - 1; i >= 0; i-- {
		if s.ns[i].prefix == string(prefix) {
			return s.ns[i].uri, true
		}
	}
	if len(prefix) == 0 {
		return "", true
	}
	return "", false
}

func (s *Scanner) startTag() (*Token, error) {
	line, col := s.Pos()
	if s.rootClosed {
		return nil, s.fail(ErrSyntax, "contenuto dopo la chiusura dell'elemento radice")
	}
	s.pos++ // '<'
	s.attrBuf = s.attrBuf[:0]
	s.pattrs = s.pattrs[:0]
	tagStart := s.Offset()
	ns, ne, err := s.name()
	if err != nil {
		return nil, err
	}
	selfClose := false
	for {
		sp, err := s.skipSpace()
		if err != nil {
			return nil, err
		}
		if s.Offset()-tagStart > int64(s.MaxTokenSize) {
			return nil, s.fail(ErrTooLarge, "tag troppo lungo")
		}
		c, _ := s.peekByte()
		if c == '>' {
			s.pos++
			break
		}
		if c == '/' {
			if s.fill(2) < 2 {
				return nil, s.eofError("dentro un tag")
			}
			if s.buf[s.pos+1] != '>' {
				return nil, s.fail(ErrSyntax, "'/' inatteso in un tag")
			}
			s.pos += 2
			selfClose = true
			break
		}
		if !sp {
			return nil, s.fail(ErrSyntax, "manca uno spazio tra gli attributi")
		}
		as, ae, err := s.name()
		if err != nil {
			return nil, err
		}
		if _, err := s.skipSpace(); err != nil {
			return nil, err
		}
		if c, _ := s.peekByte(); c != '=' {
			return nil, s.fail(ErrSyntax, "manca '=' dopo il nome dell'attributo")
		}
		s.pos++
		if _, err := s.skipSpace(); err != nil {
			return nil, err
		}
		q, _ := s.peekByte()
		if q != '"' && q != '\'' {
			return nil, s.fail(ErrSyntax, "valore di attributo senza virgolette")
		}
		s.pos++
		vs := len(s.attrBuf)
		for {
			if s.pos >= s.end && s.fill(1) == 0 {
				return nil, s.eofError("dentro il valore di un attributo")
			}
			if len(s.attrBuf) > s.MaxTokenSize {
				return nil, s.fail(ErrTooLarge, "valore di attributo troppo lungo")
			}
			c := s.buf[s.pos]
			switch {
			case c == q:
				s.pos++
			case c == '<':
				return nil, s.fail(ErrSyntax, "'<' non ammesso nel valore di un attributo")
			case c == '&':
				if err := s.reference(&s.attrBuf); err != nil {
					return nil, err
				}
				continue
			case c == '\n' || c == '\r' || c == '\t':
				if err := s.char(&s.attrBuf); err != nil {
					return nil, err
				}
				s.attrBuf[len(s.attrBuf)-1] = ' '
				continue
			case c >= 0x20 && c < 0x80:
				s.attrBuf = append(s.attrBuf, c)
				s.pos++
				continue
			default:
				if err := s.char(&s.attrBuf); err != nil {
					return nil, err
				}
				continue
			}
			break
		}
		if len(s.attrBuf) > s.MaxTokenSize {
			return nil, s.fail(ErrTooLarge, "valore di attributo troppo lungo")
		}
		qn := s.attrBuf[as:ae]
		for _, pa := range s.pattrs {
			prev := s.attrBuf[pa.local[0]:pa.local[1]]
			if pa.prefix[1] > pa.prefix[0] {
				prev = s.attrBuf[pa.prefix[0]:pa.local[1]]
			}
			if string(prev) == string(qn) {
				return nil, s.fail(ErrSyntax, "attributo ripetuto: "+printable(qn))
			}
		}
		pa := pendingAttr{value: [2]int{vs, len(s.attrBuf)}}
		if i := indexColon(qn); i >= 0 {
			pa.prefix = [2]int{as, as + i}
			pa.local = [2]int{as + i + 1, ae}
		} else {
			pa.local = [2]int{as, ae}
		}
		s.pattrs = append(s.pattrs, pa)
	}
	s.depth++
	if s.depth > s.MaxDepth {
		return nil, s.failAt(line, col, ErrTooDeep, "annidamento degli elementi troppo profondo")
	}
	// Namespace declarations first.
	for _, pa := range s.pattrs {
		p := s.attrBuf[pa.prefix[0]:pa.prefix[1]]
		l := s.attrBuf[pa.local[0]:pa.local[1]]
		v := s.attrBuf[pa.value[0]:pa.value[1]]
		switch {
		case len(p) == 0 && string(l) == "xmlns":
			s.ns = append(s.ns, binding{prefix: "", uri: string(v), depth: s.depth})
		case string(p) == "xmlns":
			if len(v) == 0 {
				return nil, s.failAt(line, col, ErrNamespace, "dichiarazione di prefisso vuota")
			}
			if string(l) == "xml" || string(l) == "xmlns" {
				if string(l) == "xmlns" || string(v) != XMLNamespace {
					return nil, s.failAt(line, col, ErrNamespace, "prefisso riservato ridefinito")
				}
				continue
			}
			s.ns = append(s.ns, binding{prefix: string(l), uri: string(v), depth: s.depth})
		}
	}
	s.tok = Token{Kind: StartElement, Line: line, Col: col, Depth: s.depth, Attrs: s.tok.Attrs[:0]}
	for _, pa := range s.pattrs {
		p := s.attrBuf[pa.prefix[0]:pa.prefix[1]]
		l := s.attrBuf[pa.local[0]:pa.local[1]]
		if (len(p) == 0 && string(l) == "xmlns") || string(p) == "xmlns" {
			continue
		}
		a := Attr{Local: l, Value: s.attrBuf[pa.value[0]:pa.value[1]]}
		if len(p) > 0 {
			uri, ok := s.lookup(p)
			if !ok {
				return nil, s.failAt(line, col, ErrNamespace, "prefisso non dichiarato: "+printable(p))
			}
			a.Space = uri
			for _, b := range s.tok.Attrs {
				if b.Space == a.Space && string(b.Local) == string(a.Local) {
					return nil, s.failAt(line, col, ErrSyntax, "attributo ripetuto: "+printable(l))
				}
			}
		}
		s.tok.Attrs = append(s.tok.Attrs, a)
	}
	qn := s.attrBuf[ns:ne]
	p, l := split(qn)
	if len(l) == 0 || len(p) == 0 && indexColon(qn) >= 0 {
		return nil, s.failAt(line, col, ErrSyntax, "nome di elemento non valido")
	}
	uri, ok := s.lookup(p)
	if !ok {
		return nil, s.failAt(line, col, ErrNamespace, "prefisso non dichiarato: "+printable(p))
	}
	s.tok.Space = uri
	s.tok.Local = l
	s.stack = append(s.stack, len(s.names))
	s.spaces = append(s.spaces, uri)
	s.names = append(s.names, qn...)
	s.rootSeen = true
	if selfClose {
		s.pendingEnd = true
	}
	return &s.tok, nil
}

func indexColon(b []byte) int {
	for i, c := range b {
		if c == ':' {
			return i
		}
	}
	return -1
}

func (s *Scanner) popElement() {
	top := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.spaces = s.spaces[:len(s.spaces)-1]
	s.names = s.names[:top]
	for len(s.ns) > 0 && s.ns[len(s.ns)-1].depth == s.depth {
		s.ns = s.ns[:len(s.ns)-1]
	}
	s.depth--
	if s.depth == 0 {
		s.rootClosed = true
	}
}

func (s *Scanner) endTag() (*Token, error) {
	line, col := s.Pos()
	if s.depth == 0 {
		return nil, s.fail(ErrSyntax, "tag di chiusura senza apertura")
	}
	open := s.names[s.stack[len(s.stack)-1]:]
	space := s.spaces[len(s.spaces)-1]
	_, local := split(open)
	// Fast path: exactly "</" + the open element's name + ">".
	if n := len(open) + 3; s.fill(n) >= n && s.buf[s.pos+n-1] == '>' && string(s.buf[s.pos+2:s.pos+n-1]) == string(open) {
		s.pos += n
	} else {
		s.pos += 2
		s.attrBuf = s.attrBuf[:0]
		ns, ne, err := s.name()
		if err != nil {
			return nil, err
		}
		if _, err := s.skipSpace(); err != nil {
			return nil, err
		}
		if c, _ := s.peekByte(); c != '>' {
			return nil, s.fail(ErrSyntax, "tag di chiusura non terminato da '>'")
		}
		s.pos++
		if qn := s.attrBuf[ns:ne]; string(open) != string(qn) {
			return nil, s.failAt(line, col, ErrSyntax, "tag di chiusura </"+printable(qn)+"> non corrisponde a <"+printable(open)+">")
		}
	}
	s.tok = Token{Kind: EndElement, Space: space, Local: local, Line: line, Col: col, Depth: s.depth, Attrs: s.tok.Attrs[:0]}
	s.popElement()
	return &s.tok, nil
}

// NextNonBlank is Next for element-only content: whitespace between tags is
// skipped without producing a Text token. Other character data is still
// returned (without its leading whitespace).
func (s *Scanner) NextNonBlank() (*Token, error) {
	if s.err == nil && s.started && !s.pendingEnd {
		if err := s.skipBlank(); err != nil {
			return nil, err
		}
	}
	return s.Next()
}

// skipBlank skips white space; like any character data it may not exceed
// MaxTextSize.
func (s *Scanner) skipBlank() error {
	start := s.Offset()
	for {
		if s.pos >= s.end {
			if s.Offset()-start > int64(s.MaxTextSize) {
				return s.fail(ErrTooLarge, "testo troppo lungo")
			}
			if s.fill(1) == 0 {
				return nil
			}
		}
		switch s.buf[s.pos] {
		case ' ', '\t':
			s.pos++
		case '\n':
			s.pos++
			s.newline()
		case '\r':
			s.crlf()
		default:
			if s.Offset()-start > int64(s.MaxTextSize) {
				return s.fail(ErrTooLarge, "testo troppo lungo")
			}
			return nil
		}
	}
}
