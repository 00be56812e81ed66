package eli2_test

// Hostile-input suite for the Decoder. Every input is produced as a stream
// by a generator (nothing large is stored, on disk or in memory), and every
// case asserts three things:
//
//   - the specific sentinel error, with errors.Is, inside a *ParseError with a
//     line and a column (and the expected line where it is known);
//   - how many bytes the Decoder pulled from the reader: an input it rejects
//     must be rejected as soon as the defect is seen, not after buffering it;
//   - the bytes allocated while decoding (runtime.MemStats.TotalAlloc), against
//     a bound stated in the case.
//
// No assertion is on wall-clock time: the machine running the tests may be
// loaded. Cases stop early, so the 1 GiB and 10M-application inputs run in
// milliseconds and are not skipped under -short.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
	"github.com/retecomuni/eli2sdk/eli2/internal/xmlscan"
)

const (
	kib = 1 << 10
	mib = 1 << 20
	gib = 1 << 30
)

// hostileRepeat yields pattern over and over until n bytes have been produced
// (the last copy may be cut). It stores nothing but the pattern.
type hostileRepeat struct {
	pattern []byte
	n       int64 // bytes still to produce
	off     int   // position in pattern
}

func repeatN(pattern string, n int64) io.Reader {
	return &hostileRepeat{pattern: []byte(pattern), n: n}
}

func (r *hostileRepeat) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.n {
		p = p[:r.n]
	}
	w := 0
	for w < len(p) {
		c := copy(p[w:], r.pattern[r.off:])
		w += c
		r.off = (r.off + c) % len(r.pattern)
	}
	r.n -= int64(w)
	return w, nil
}

// hostileLines yields line(i) for i in [0, n), generated one at a time.
type hostileLines struct {
	line func(i int) string
	n, i int
	buf  []byte
}

func linesN(n int, line func(i int) string) io.Reader { return &hostileLines{line: line, n: n} }

func (r *hostileLines) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.i >= r.n {
			return 0, io.EOF
		}
		r.buf = append(r.buf[:0], r.line(r.i)...)
		r.i++
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// hostileCounter counts the bytes read through it.
type hostileCounter struct {
	r io.Reader
	n int64
}

func (c *hostileCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func cat(parts ...io.Reader) io.Reader { return io.MultiReader(parts...) }
func str(s string) io.Reader           { return strings.NewReader(s) }

// hostileBase is one valid application file (encoded by the codec, so it is
// the layout the Decoder expects) and hostileBatch a valid file of three.
func hostileBase(t testing.TB) string {
	f := eli2test.Samples()["aggiornamento_carta"]
	return string(encodeFile(t, &f))
}

// split returns base cut just before the first occurrence of marker, and the
// rest (marker included).
func split(t testing.TB, base, marker string) (string, string) {
	i := strings.Index(base, marker)
	require.GreaterOrEqual(t, i, 0, "marker %q not in the sample", marker)
	return base[:i], base[i:]
}

// lineOf returns the 1-based line of byte offset off in s.
func lineOf(s string, off int) int { return strings.Count(s[:off], "\n") + 1 }

// decodeAll runs a Decoder over r until it fails or reaches io.EOF, and
// returns the error (nil at io.EOF), the bytes read and the bytes allocated.
func decodeAll(r io.Reader, setup func(*eli2.Decoder)) (err error, read int64, alloc uint64, n int) {
	cr := &hostileCounter{r: r}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := eli2.NewDecoder(cr)
	if setup != nil {
		setup(d)
	}
	for {
		_, err = d.Next()
		if err != nil {
			break
		}
		n++
	}
	runtime.ReadMemStats(&after)
	if err == io.EOF {
		err = nil
	}
	return err, cr.n, after.TotalAlloc - before.TotalAlloc, n
}

type hostileCase struct {
	name  string
	input func(t testing.TB) (r io.Reader, line int) // line 0: any positive line
	setup func(*eli2.Decoder)
	want  error
	// maxRead bounds the bytes the Decoder may pull from the input before
	// failing; maxAlloc the bytes it may allocate (TotalAlloc).
	maxRead  int64
	maxAlloc uint64
	// notInError lists strings the error message must not contain.
	notInError []string
}

func (c hostileCase) run(t *testing.T) {
	r, line := c.input(t)
	err, read, alloc, _ := decodeAll(r, c.setup)
	t.Logf("%v; read %d bytes, allocated %d bytes", err, read, alloc)
	require.Error(t, err)
	require.ErrorIs(t, err, c.want)
	var pe *eli2.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Positive(t, pe.Line, "line")
	assert.Positive(t, pe.Column, "column")
	if line > 0 {
		assert.Equal(t, line, pe.Line, "line")
	}
	assert.LessOrEqual(t, read, c.maxRead, "bytes read from the input")
	assert.LessOrEqual(t, alloc, c.maxAlloc, "bytes allocated (TotalAlloc)")
	for _, s := range c.notInError {
		assert.NotContains(t, err.Error(), s)
	}
}

// at returns an input function for a fixed document, with the line of the
// first occurrence of marker as the expected error line.
func at(doc func(t testing.TB) string, marker string) func(t testing.TB) (io.Reader, int) {
	return func(t testing.TB) (io.Reader, int) {
		s := doc(t)
		line := 0
		if marker != "" {
			i := strings.Index(s, marker)
			require.GreaterOrEqual(t, i, 0, "marker %q", marker)
			line = lineOf(s, i)
		}
		return str(s), line
	}
}

// replaced returns a document builder: the sample with old replaced by new once.
func replaced(old, new string) func(t testing.TB) string {
	return func(t testing.TB) string {
		base := hostileBase(t)
		require.Contains(t, base, old)
		return strings.Replace(base, old, new, 1)
	}
}

const billionLaughs = `<!DOCTYPE ELI2Import [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
`

// withDoctype puts dtd between the XML declaration and the root, and ref in
// place of the applicant's surname.
func withDoctype(dtd, ref string) func(t testing.TB) string {
	return func(t testing.TB) string {
		base := hostileBase(t)
		head, rest := split(t, base, "<ELI2Import")
		doc := head + dtd + rest
		if ref != "" {
			i := strings.Index(doc, "<Cognome>") + len("<Cognome>")
			j := strings.Index(doc, "</Cognome>")
			doc = doc[:i] + ref + doc[j:]
		}
		return doc
	}
}

// hugeText returns an input function: the sample up to and including
// marker, then size bytes of pattern generated lazily, then the rest.
func hugeText(marker, pattern string, size int64) func(t testing.TB) (io.Reader, int) {
	return func(t testing.TB) (io.Reader, int) {
		base := hostileBase(t)
		i := strings.Index(base, marker)
		require.GreaterOrEqual(t, i, 0)
		i += len(marker)
		return cat(str(base[:i]), repeatN(pattern, size), str(base[i:])), 0
	}
}

// header10M is a file header declaring n applications, for the
// many-applications generators.
func headerN(t testing.TB, n int) string {
	base := hostileBase(t)
	head, _ := split(t, base, "<Pratica ")
	return strings.Replace(head, "<NumeroPratiche>1<", fmt.Sprintf("<NumeroPratiche>%d<", n), 1)
}

func TestHostileInputs(t *testing.T) {
	cases := []hostileCase{
		// DTDs and entities: rejected at the DOCTYPE, before any entity is
		// expanded or any external resource is opened.
		{name: "DOCTYPE internal entity", input: at(withDoctype(`<!DOCTYPE ELI2Import [<!ENTITY nome "ROSSI">]>`+"\n", "&nome;"), "<!DOCTYPE"),
			want: eli2.ErrDTD, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "external entity file:///etc/passwd", input: at(withDoctype(`<!DOCTYPE ELI2Import [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`+"\n", "&xxe;"), "<!DOCTYPE"),
			want: eli2.ErrDTD, maxRead: 64 * kib, maxAlloc: 512 * kib, notInError: []string{"root:", "/bin/"}},
		{name: "external DTD", input: at(withDoctype(`<!DOCTYPE ELI2Import SYSTEM "http://127.0.0.1:1/evil.dtd">`+"\n", ""), "<!DOCTYPE"),
			want: eli2.ErrDTD, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "parameter entity", input: at(withDoctype(`<!DOCTYPE ELI2Import [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>`+"\n", ""), "<!DOCTYPE"),
			want: eli2.ErrDTD, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "billion laughs", input: at(withDoctype(billionLaughs, "&lol9;"), "<!DOCTYPE"),
			want: eli2.ErrDTD, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "entity reference without DTD", input: at(replaced("<Cognome>", "<Cognome>&xxe;"), "&xxe;"),
			want: eli2.ErrSyntax, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "DOCTYPE inside the root", input: at(replaced("<Intestazione>", "<!DOCTYPE x><Intestazione>"), "<!DOCTYPE"),
			want: eli2.ErrDTD, maxRead: 64 * kib, maxAlloc: 512 * kib},

		// Huge inputs, generated lazily: reading stops at the limit. A text
		// is read up to Decoder.MaxTextSize (8 MiB), keeping only
		// MaxFieldSize of it, so that a long value is a problem of its
		// application; beyond, the file is refused.
		{name: "1 GiB text node", input: hugeText("<Cognome>", "A", gib),
			want: eli2.ErrTooLarge, maxRead: 9 * mib, maxAlloc: 2 * mib},
		{name: "1 GiB multi-byte text node", input: hugeText("<Nome>", "È", gib),
			want: eli2.ErrTooLarge, maxRead: 9 * mib, maxAlloc: 2 * mib},
		{name: "1 GiB of white space between elements", input: hugeText("<Richiedente>", " \r\n\t", gib),
			want: eli2.ErrTooLarge, maxRead: 9 * mib, maxAlloc: 2 * mib},
		{name: "1 GiB attribute value", input: hugeText(`<Pratica id="`, "X", gib),
			want: eli2.ErrTooLarge, maxRead: 1 * mib, maxAlloc: 2 * mib},
		{name: "1 GiB comment", input: func(t testing.TB) (io.Reader, int) {
			head, rest := split(t, hostileBase(t), "<Richiedente>")
			return cat(str(head+"<!--"), repeatN("x", gib), str("-->"+rest)), 0
		}, want: eli2.ErrTooLarge, maxRead: 1 * mib, maxAlloc: 2 * mib},
		{name: "1 GiB CDATA section", input: func(t testing.TB) (io.Reader, int) {
			head, rest := split(t, hostileBase(t), "</Cognome>")
			return cat(str(head+"<![CDATA["), repeatN("x", gib), str("]]>"+rest)), 0
		}, want: eli2.ErrTooLarge, maxRead: 9 * mib, maxAlloc: 2 * mib},
		{name: "1 GiB tag name", input: func(t testing.TB) (io.Reader, int) {
			head, rest := split(t, hostileBase(t), "<Richiedente>")
			return cat(str(head+"<R"), repeatN("r", gib), str(">"+rest)), 0
		}, want: eli2.ErrTooLarge, maxRead: 1 * mib, maxAlloc: 2 * mib},

		// Nesting: format v1 is 6 levels deep, so in a file the structure
		// check fails at the first unexpected level; MaxDepth guards the
		// tokenizer (see TestHostileDepthTokenizer).
		{name: "100k-deep nesting in Domicilio", input: func(t testing.TB) (io.Reader, int) {
			base := hostileBase(t)
			head, rest := split(t, base, "<CAP>")
			return cat(str(head), repeatN("<Toponimo>", 10*100_000), repeatN("</Toponimo>", 11*100_000), str(rest)), lineOf(base, len(head))
		}, want: eli2.ErrElementOrder, maxRead: 256 * kib, maxAlloc: 512 * kib},
		{name: "100k-deep nesting of unknown elements", input: func(t testing.TB) (io.Reader, int) {
			base := hostileBase(t)
			head, rest := split(t, base, "<CAP>")
			return cat(str(head), repeatN("<x>", 3*100_000), repeatN("</x>", 4*100_000), str(rest)), lineOf(base, len(head))
		}, want: eli2.ErrUnknownElement, maxRead: 256 * kib, maxAlloc: 512 * kib},
		{name: "100k-deep nesting with a low MaxDepth", input: func(t testing.TB) (io.Reader, int) {
			base := hostileBase(t)
			head, rest := split(t, base, "<Intestazione>")
			return cat(str(head), repeatN("<Intestazione>", 14*100_000), str(rest)), 0
		}, setup: func(d *eli2.Decoder) { d.MaxDepth = 1 }, want: eli2.ErrTooDeep, maxRead: 256 * kib, maxAlloc: 512 * kib},

		// Encodings.
		{name: "invalid UTF-8 in text", input: at(replaced("<Cognome>", "<Cognome>\xff\xfe"), "\xff\xfe"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "invalid UTF-8 in attribute", input: at(replaced(`<Pratica id="`, "<Pratica id=\"\xc3("), "\xc3("),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "invalid UTF-8 in element name", input: at(replaced("<Cognome>", "<Cogn\x80ome>"), "\x80"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "invalid UTF-8 in comment", input: at(replaced("<Cognome>", "<!-- \xfe --><Cognome>"), "\xfe"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "overlong slash (C0 AF)", input: at(replaced("<Nome>", "<Nome>\xc0\xaf"), "\xc0\xaf"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "overlong NUL (C0 80)", input: at(replaced("<Nome>", "<Nome>\xc0\x80"), "\xc0\x80"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "overlong 3-byte slash", input: at(replaced("<Nome>", "<Nome>\xe0\x80\xaf"), "\xe0\x80\xaf"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "overlong 4-byte slash", input: at(replaced("<Nome>", "<Nome>\xf0\x80\x80\xaf"), "\xf0\x80\x80\xaf"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "UTF-16 surrogate encoded in UTF-8", input: at(replaced("<Nome>", "<Nome>\xed\xa0\x80"), "\xed\xa0\x80"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "code point above U+10FFFF", input: at(replaced("<Nome>", "<Nome>\xf4\x90\x80\x80"), "\xf4\x90\x80\x80"),
			want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "NUL byte in text", input: at(replaced("<Nome>", "<Nome>\x00"), "\x00"),
			want: eli2.ErrInvalidChar, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "NUL byte in attribute", input: at(replaced(`<Pratica id="`, "<Pratica id=\"\x00"), "\x00"),
			want: eli2.ErrInvalidChar, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "NUL character reference", input: at(replaced("<Nome>", "<Nome>&#0;"), "&#0;"),
			want: eli2.ErrInvalidChar, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "U+FFFE", input: at(replaced("<Nome>", "<Nome>\xef\xbf\xbe"), "\xef\xbf\xbe"),
			want: eli2.ErrInvalidChar, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "Latin-1 without declaration", input: func(t testing.TB) (io.Reader, int) {
			doc := latin1Doc(t, "")
			return str(doc), lineOf(doc, strings.Index(doc, "SOCIET")) // the first non-ASCII byte is on this line
		}, want: eli2.ErrInvalidUTF8, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "UTF-8 BOM declaring Latin-1", input: func(t testing.TB) (io.Reader, int) {
			return str("\xef\xbb\xbf" + latin1Doc(t, "ISO-8859-1")), 1
		}, want: eli2.ErrEncoding, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "UTF-16 LE with BOM", input: func(t testing.TB) (io.Reader, int) {
			return str(utf16LE(hostileBase(t))), 1
		}, want: eli2.ErrEncoding, maxRead: 64 * kib, maxAlloc: 512 * kib},
		{name: "unsupported encoding EBCDIC", input: func(t testing.TB) (io.Reader, int) {
			return str(strings.Replace(hostileBase(t), `encoding="UTF-8"`, `encoding="IBM037"`, 1)), 1
		}, want: eli2.ErrEncoding, maxRead: 64 * kib, maxAlloc: 512 * kib},
	}
	for _, c := range cases {
		t.Run(c.name, c.run)
	}
}

// latin1Text is the text that latin1Doc puts in Domicilio.Presso.
const latin1Text = "SOCIETÀ COOPERATIVA L'ÀNCORA – € 5"

// latin1Doc is a one-application file with non-ASCII letters in a text,
// encoded in Windows-1252, with the given encoding label in its XML
// declaration ("" keeps the encoder's "UTF-8" label, i.e. a mislabelled file).
func latin1Doc(t testing.TB, label string) string {
	return charsetDoc(t, charmap.Windows1252, label, latin1Text)
}

// charsetDoc encodes a one-application file with text in Domicilio.Presso in
// cm, labelled label in its XML declaration ("" keeps "UTF-8").
func charsetDoc(t testing.TB, cm *charmap.Charmap, label, text string) string {
	p := eli2test.AggiornamentoCarta()
	p.Domicilio.Presso = text
	f := eli2.ImportFile{Intestazione: eli2test.Header("H199", "039014", 1), Pratiche: []eli2.Pratica{p}}
	doc, err := cm.NewEncoder().String(string(encodeFile(t, &f)))
	require.NoError(t, err)
	if label != "" {
		doc = strings.Replace(doc, `encoding="UTF-8"`, `encoding="`+label+`"`, 1)
	}
	return doc
}

func utf16LE(s string) string {
	var b strings.Builder
	b.WriteString("\xff\xfe")
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}

// TestHostileDepthTokenizer feeds 100k nested elements straight to the
// tokenizer, where no structure check comes first: it must stop at
// MaxDepth+1 without reading the rest.
func TestHostileDepthTokenizer(t *testing.T) {
	cr := &hostileCounter{r: cat(str("<a>\n"), repeatN("<a>", 3*100_000), repeatN("</a>", 4*100_001))}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := xmlscan.New(cr)
	var err error
	depth := 0
	for err == nil {
		var tok *xmlscan.Token
		tok, err = s.Next()
		if err == nil {
			depth = tok.Depth
		}
	}
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, xmlscan.ErrTooDeep)
	var se *xmlscan.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 2, se.Line)
	assert.Equal(t, 3*(xmlscan.DefaultMaxDepth-1)+1, se.Column, "column of the element one level too deep")
	assert.Equal(t, xmlscan.DefaultMaxDepth, depth)
	assert.LessOrEqual(t, cr.n, int64(256*kib), "bytes read")
	assert.LessOrEqual(t, after.TotalAlloc-before.TotalAlloc, uint64(512*kib), "bytes allocated")
}

// TestHostileManyEmptyApplications streams 10 million <Pratica id="…"/>
// after a header that declares them. An empty Pratica lacks its required
// children, so the Decoder must fail at the first one, having read only the
// first few kilobytes.
func TestHostileManyEmptyApplications(t *testing.T) {
	const n = 10_000_000
	head := headerN(t, n)
	in := cat(str(head), linesN(n, func(i int) string { return fmt.Sprintf("  <Pratica id=\"P%08d\"/>\n", i) }), str("</ELI2Import>\n"))
	err, read, alloc, got := decodeAll(in, nil)
	t.Logf("%v; read %d bytes, allocated %d bytes", err, read, alloc)
	require.ErrorIs(t, err, eli2.ErrMissingElement)
	var pe *eli2.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, lineOf(head, len(head)), pe.Line, "line of the first Pratica")
	assert.Positive(t, pe.Column)
	assert.Equal(t, "P00000000", pe.Pratica)
	assert.Zero(t, got)
	assert.LessOrEqual(t, read, int64(256*kib), "bytes read")
	assert.LessOrEqual(t, alloc, uint64(512*kib), "bytes allocated")

	// ValidateStream, the entry point of `eli2 validate`, reports the same.
	_, _, err = eli2.ValidateStream(cat(str(head), linesN(n, func(i int) string { return fmt.Sprintf("  <Pratica id=\"P%08d\"/>\n", i) })), eli2.ValidateOptions{}, nil)
	require.ErrorIs(t, err, eli2.ErrMissingElement)
}

// TestHostileStreamingMemory decodes a long stream of valid applications,
// generated on the fly, and checks that the live heap does not grow with the
// file: the Decoder keeps no set of ids (repeated ids are the validator's),
// and the bound, 200 bytes per application plus 1 MiB, is the one of the
// FileValidator's set of ids, which ValidateStream adds.
func TestHostileStreamingMemory(t *testing.T) {
	n := 40_000
	if testing.Short() {
		n = 4_000
	}
	base := hostileBase(t)
	head := headerN(t, n)
	i := strings.Index(base, "<Pratica ")
	j := strings.Index(base, "</ELI2Import>")
	body := base[i:j]
	require.Contains(t, body, `id="RA-2026-0033"`)
	in := cat(str(head), linesN(n, func(k int) string {
		return strings.Replace(body, `id="RA-2026-0033"`, fmt.Sprintf(`id="RA-%08d"`, k), 1)
	}), str("</ELI2Import>\n"))
	cr := &hostileCounter{r: in}
	d := eli2.NewDecoder(cr)
	var heapAt1k, heapEnd uint64
	var ms runtime.MemStats
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for k := 0; ; k++ {
		p, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("RA-%08d", k), p.ID)
		if k == 1000 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			heapAt1k = ms.HeapAlloc
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heapEnd = ms.HeapAlloc
	runtime.KeepAlive(d) // whatever the Decoder holds is counted at the end
	perApp := (ms.TotalAlloc - before.TotalAlloc) / uint64(n)
	t.Logf("%d applications, %d MiB read; live heap %d KiB after 1000, %d KiB at the end; %d bytes allocated per application",
		n, cr.n>>20, heapAt1k>>10, heapEnd>>10, perApp)
	grow := int64(heapEnd) - int64(heapAt1k)
	assert.LessOrEqual(t, grow, int64(200*(n-1000)+mib), "live heap growth")
	assert.LessOrEqual(t, perApp, uint64(16*kib), "bytes allocated per application (TotalAlloc / n)")
}

// TestHostileDuplicateIDs streams applications where the 1001st repeats the
// id of the 3rd: the Decoder reads them all (ids are content, not syntax)
// and ValidateStream reports the repeated id on the 1001st, in constant
// memory per application.
func TestHostileDuplicateIDs(t *testing.T) {
	const n = 2000
	base := hostileBase(t)
	head := headerN(t, n)
	i := strings.Index(base, "<Pratica ")
	j := strings.Index(base, "</ELI2Import>")
	body := base[i:j]
	id := func(k int) int {
		if k == 1000 {
			return 2
		}
		return k
	}
	input := func() io.Reader {
		return cat(str(head), linesN(n, func(k int) string {
			return strings.Replace(body, `id="RA-2026-0033"`, fmt.Sprintf(`id="ID-%d"`, id(k)), 1)
		}), str("</ELI2Import>\n"))
	}
	err, read, alloc, got := decodeAll(input(), nil)
	t.Logf("%v; read %d bytes, allocated %d bytes", err, read, alloc)
	require.NoError(t, err)
	assert.Equal(t, n, got)
	assert.LessOrEqual(t, alloc, uint64(n*16*kib), "bytes allocated")

	var dups []eli2.PraticaProblems
	file, count, err := eli2.ValidateStream(input(), eli2.ValidateOptions{}, func(pp eli2.PraticaProblems) {
		for _, p := range pp.Problems {
			if p.Code == eli2.CodeDuplicateID {
				dups = append(dups, pp)
			}
		}
	})
	require.NoError(t, err)
	assert.Equal(t, n, count, "every application is read")
	require.Len(t, dups, 1)
	assert.Equal(t, 1000, dups[0].Index)
	assert.Equal(t, "ID-2", dups[0].ID)
	for _, p := range file {
		assert.NotEqual(t, eli2.CodeCountMismatch, p.Code)
	}
}

// TestHostileAccepted covers inputs that are odd but valid, and must decode
// to the same records as the plain file.
func TestHostileAccepted(t *testing.T) {
	base := hostileBase(t)
	want, err := eli2.DecodeFile(str(base))
	require.NoError(t, err)
	cases := map[string]string{
		"UTF-8 BOM":          "\xef\xbb\xbf" + base,
		"CRLF line endings":  strings.ReplaceAll(base, "\n", "\r\n"),
		"CR line endings":    strings.ReplaceAll(base, "\n", "\r"),
		"BOM and CRLF":       "\xef\xbb\xbf" + strings.ReplaceAll(base, "\n", "\r\n"),
		"no XML declaration": base[strings.Index(base, "<ELI2Import"):],
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			err, read, alloc, n := decodeAll(str(in), nil)
			require.NoError(t, err)
			assert.Equal(t, 1, n)
			assert.Equal(t, int64(len(in)), read)
			assert.LessOrEqual(t, alloc, uint64(512*kib))
			got, err := eli2.DecodeFile(str(in))
			require.NoError(t, err)
			requireSameFile(t, want, got)
		})
	}
	t.Run("Latin-1 declared", func(t *testing.T) {
		// The Decoder reads ISO-8859-1 like Windows-1252 (its superset, as
		// browsers do): € (0x80 in Windows-1252) comes back.
		for _, label := range []string{"ISO-8859-1", "windows-1252", "latin1"} {
			doc := latin1Doc(t, label)
			f, err := eli2.DecodeFile(str(doc))
			require.NoError(t, err, label)
			assert.Equal(t, latin1Text, f.Pratiche[0].Domicilio.Presso, label)
		}
	})
	t.Run("ISO-8859-15 declared", func(t *testing.T) {
		const text = "SOCIETÀ L'ÀNCORA € 5 Œ"
		doc := charsetDoc(t, charmap.ISO8859_15, "ISO-8859-15", text)
		require.Contains(t, doc, "\xa4", "€ is 0xA4 in ISO-8859-15")
		f, err := eli2.DecodeFile(str(doc))
		require.NoError(t, err)
		assert.Equal(t, text, f.Pratiche[0].Domicilio.Presso)
	})
}

// TestHostileLineNumbers checks that errors point at the right line whatever
// the line endings and with a BOM: an unknown element is inserted on a known
// line.
func TestHostileLineNumbers(t *testing.T) {
	base := hostileBase(t)
	bad := strings.Replace(base, "<CAP>", "<Citofono/><CAP>", 1)
	i := strings.Index(bad, "<Citofono/>")
	wantLine := lineOf(bad, i)
	wantCol := i - strings.LastIndex(bad[:i], "\n")
	for name, in := range map[string]string{
		"LF":   bad,
		"CRLF": strings.ReplaceAll(bad, "\n", "\r\n"),
		"CR":   strings.ReplaceAll(bad, "\n", "\r"),
		"BOM":  "\xef\xbb\xbf" + strings.ReplaceAll(bad, "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			err, _, alloc, _ := decodeAll(str(in), nil)
			assert.LessOrEqual(t, alloc, uint64(512*kib), "bytes allocated")
			require.ErrorIs(t, err, eli2.ErrUnknownElement)
			var pe *eli2.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, wantLine, pe.Line)
			assert.Equal(t, wantCol, pe.Column)
		})
	}
}

// TestHostileTruncated cuts every golden file at every 1 KiB boundary (and,
// without -short, at every byte of the batch): each prefix must give a clean
// *ParseError wrapping ErrUnexpectedEOF at its last line, never a panic nor a
// success — except the prefixes that only drop trailing white space after
// the root, which are complete documents.
func TestHostileTruncated(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "eli2", "valid", "*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		step := kib
		if !testing.Short() && filepath.Base(file) == "batch.xml" {
			step = 1
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			for cut := step; cut < len(data); cut += step {
				checkTruncated(t, data, cut)
			}
			checkTruncated(t, data, 0)
		})
	}
	// A file with multi-byte characters cut at every byte, inside a
	// character too: a cut sequence is a truncated file, not invalid UTF-8.
	t.Run("multi-byte", func(t *testing.T) {
		p := eli2test.AggiornamentoCarta()
		p.Domicilio.Presso = "SOCIETÀ COOPERATIVA L'ÀNCORA – € 5 – 𝄞"
		f := eli2.ImportFile{Intestazione: eli2test.Header("H199", "039014", 1), Pratiche: []eli2.Pratica{p}}
		data := encodeFile(t, &f)
		i := bytes.Index(data, []byte("SOCIET"))
		inRune := 0
		for cut := i; cut < i+60; cut++ {
			if !utf8.Valid(data[i:cut]) {
				inRune++ // cut inside a character
			}
			checkTruncated(t, data, cut)
		}
		require.Positive(t, inRune, "the cuts must include some inside a multi-byte character")
	})
}

func checkTruncated(t *testing.T, data []byte, cut int) {
	t.Helper()
	prefix := data[:cut]
	var err error
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	require.NotPanics(t, func() { _, err = eli2.DecodeFile(bytes.NewReader(prefix)) }, "cut at %d", cut)
	runtime.ReadMemStats(&after)
	require.LessOrEqual(t, after.TotalAlloc-before.TotalAlloc, uint64(512*kib), "cut at %d: bytes allocated", cut)
	if len(bytes.TrimRight(prefix, " \r\n\t")) == len(bytes.TrimRight(data, " \r\n\t")) {
		require.NoError(t, err, "cut at %d only drops trailing white space", cut)
		return
	}
	require.Error(t, err, "cut at %d", cut)
	if cut == 0 {
		require.ErrorIs(t, err, eli2.ErrEmpty)
		return
	}
	require.ErrorIs(t, err, eli2.ErrUnexpectedEOF, "cut at %d: %v", cut, err)
	var pe *eli2.ParseError
	require.ErrorAs(t, err, &pe, "cut at %d", cut)
	require.Positive(t, pe.Column, "cut at %d", cut)
	require.Equal(t, bytes.Count(prefix, []byte("\n"))+1, pe.Line, "cut at %d: %v", cut, err)
}

// TestHostileReaderErrors checks that an error of the underlying reader
// (a network file share dropping) comes back wrapped, not as a panic nor as
// a syntax error.
func TestHostileReaderErrors(t *testing.T) {
	boom := errors.New("share disconnected")
	base := hostileBase(t)
	for _, cut := range []int{0, 10, 300, len(base) / 2, len(base) - 2} {
		r := cat(str(base[:cut]), &errReader{err: boom})
		_, err := eli2.DecodeFile(r)
		require.ErrorIs(t, err, boom, "cut at %d", cut)
	}
}

type errReader struct{ err error }

func (r *errReader) Read([]byte) (int, error) { return 0, r.err }

// hostileSentinels maps the names used in testdata/hostile/MANIFEST.tsv.
var hostileSentinels = map[string]error{
	"ErrDTD": eli2.ErrDTD, "ErrSyntax": eli2.ErrSyntax, "ErrInvalidUTF8": eli2.ErrInvalidUTF8,
	"ErrInvalidChar": eli2.ErrInvalidChar, "ErrEncoding": eli2.ErrEncoding, "ErrUnexpectedEOF": eli2.ErrUnexpectedEOF,
	"ErrUnknownElement": eli2.ErrUnknownElement, "ErrMissingElement": eli2.ErrMissingElement,
	"ErrEmpty": eli2.ErrEmpty, "ErrNotXML": eli2.ErrNotXML, "ErrTooLarge": eli2.ErrTooLarge, "ErrTooDeep": eli2.ErrTooDeep,
}

// TestHostileSeeds checks the small committed seeds of testdata/hostile
// (written by testdata/hostile/gen) against MANIFEST.tsv, through the
// Decoder and through ValidateStream (the path of `eli2 validate`).
func TestHostileSeeds(t *testing.T) {
	dir := filepath.Join("..", "testdata", "hostile")
	manifest, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	require.NoError(t, err, "run: go run ./testdata/hostile/gen")
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(manifest)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		require.Len(t, f, 3, line)
		name, want := f[0], f[1]
		seen++
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			require.NoError(t, err)
			require.Less(t, len(data), 16*kib, "seeds stay small")
			err, _, alloc, _ := decodeAll(bytes.NewReader(data), nil)
			assert.LessOrEqual(t, alloc, uint64(512*kib), "bytes allocated")
			_, _, verr := eli2.ValidateStream(bytes.NewReader(data), eli2.ValidateOptions{}, nil)
			if want == "ok" {
				require.NoError(t, err)
				require.NoError(t, verr)
				return
			}
			sentinel, ok := hostileSentinels[want]
			require.True(t, ok, "unknown sentinel %q in the manifest", want)
			require.ErrorIs(t, err, sentinel)
			var pe *eli2.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Positive(t, pe.Line)
			assert.Positive(t, pe.Column)
			require.ErrorIs(t, verr, sentinel, "ValidateStream")
		})
	}
	assert.GreaterOrEqual(t, seen, 15)
}
