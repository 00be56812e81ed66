package xmlscan

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tokens returns a compact rendering of every token of doc.
func tokens(t *testing.T, doc string) ([]string, error) {
	t.Helper()
	s := New(strings.NewReader(doc))
	var out []string
	for {
		tok, err := s.Next()
		if err != nil {
			return out, err
		}
		switch tok.Kind {
		case StartElement:
			x := "<{" + tok.Space + "}" + string(tok.Local)
			for _, a := range tok.Attrs {
				x += " {" + a.Space + "}" + string(a.Local) + "=" + string(a.Value)
			}
			out = append(out, x+">")
		case EndElement:
			out = append(out, "</{"+tok.Space+"}"+string(tok.Local)+">")
		case Text:
			out = append(out, "T:"+string(tok.Text))
		case EOF:
			return out, nil
		}
	}
}

func TestTokens(t *testing.T) {
	doc := "\ufeff<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n<!-- c --><?pi x?>" +
		`<r xmlns="urn:a" xmlns:p="urn:p" a="1&amp;&#x41;&#66;" p:b="x&#9;y` + "\n" + `z">` +
		"a&lt;b&gt;c&quot;&apos;\r\nd<![CDATA[<&>]]>e<!-- x -->f" +
		`<p:c/><d xmlns="urn:d"><e/></d><f xmlns=""/></r>` + "\n<!-- end -->\n"
	got, err := tokens(t, doc)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"<{urn:a}r {}a=1&AB {urn:p}b=x\ty z>",
		"T:a<b>c\"'\nd<&>ef",
		"<{urn:p}c>", "</{urn:p}c>",
		"<{urn:d}d>", "<{urn:d}e>", "</{urn:d}e>", "</{urn:d}d>",
		"<{}f>", "</{}f>",
		"</{urn:a}r>",
	}, got)
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		err       error
	}{
		{"doctype", `<!DOCTYPE r><r/>`, ErrDTD},
		{"entity", `<r><!ENTITY x "y"></r>`, ErrDTD},
		{"undefined entity", `<r>&x;</r>`, ErrSyntax},
		{"unterminated ref", `<r>& x</r>`, ErrSyntax},
		{"bad char ref", `<r>&#xZZ;</r>`, ErrSyntax},
		{"char ref NUL", `<r>&#0;</r>`, ErrInvalidChar},
		{"NUL", "<r>\x00</r>", ErrInvalidChar},
		{"invalid UTF-8", "<r>\xe0\x80</r>", ErrInvalidUTF8},
		{"surrogate", "<r>\xed\xa0\x80</r>", ErrInvalidUTF8},
		{"U+FFFE", "<r>\uFFFE</r>", ErrInvalidChar},
		{"mismatch", `<r></s>`, ErrSyntax},
		{"two roots", `<r/><r/>`, ErrSyntax},
		{"no root", `<!-- x -->`, ErrUnexpectedEOF},
		{"truncated", `<r><a>`, ErrUnexpectedEOF},
		{"truncated attr", `<r a="x`, ErrUnexpectedEOF},
		{"undeclared prefix", `<p:r/>`, ErrNamespace},
		{"attr undeclared prefix", `<r p:a="1"/>`, ErrNamespace},
		{"duplicate attr", `<r a="1" a="2"/>`, ErrSyntax},
		{"duplicate expanded attr", `<r xmlns:p="u" xmlns:q="u" p:a="1" q:a="2"/>`, ErrSyntax},
		{"lt in attr", `<r a="<"/>`, ErrSyntax},
		{"unquoted attr", `<r a=1/>`, ErrSyntax},
		{"no space between attrs", `<r a="1"b="2"/>`, ErrSyntax},
		{"bad name", `<1r/>`, ErrSyntax},
		{"xml 1.1", `<?xml version="1.1"?><r/>`, ErrSyntax},
		{"late decl", ` <?xml version="1.0"?><r/>`, ErrSyntax},
		{"cdata outside", `<![CDATA[x]]><r/>`, ErrSyntax},
		{"end before start", `</r>`, ErrSyntax},
		{"redefine xmlns", `<r xmlns:xmlns="u"/>`, ErrNamespace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tokens(t, tt.doc)
			require.ErrorIs(t, err, tt.err)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Positive(t, e.Line)
			assert.NotEmpty(t, e.Detail)
		})
	}
}

func TestLimits(t *testing.T) {
	deep := strings.Repeat("<a>", DefaultMaxDepth+1)
	_, err := tokens(t, deep)
	require.ErrorIs(t, err, ErrTooDeep)
	_, err = tokens(t, strings.Repeat("<a>", DefaultMaxDepth)+strings.Repeat("</a>", DefaultMaxDepth))
	require.NoError(t, err)

	s := New(strings.NewReader("<r>" + strings.Repeat("x", 100) + "</r>"))
	s.MaxTextSize = 50
	_, err = s.Next()
	require.NoError(t, err)
	_, err = s.Next()
	require.ErrorIs(t, err, ErrTooLarge)

	s = New(strings.NewReader(`<r a="` + strings.Repeat("x", 100) + `"/>`))
	s.MaxTokenSize = 50
	_, err = s.Next()
	require.ErrorIs(t, err, ErrTooLarge)

	s = New(strings.NewReader(`<r><!--` + strings.Repeat("x", 100) + `--></r>`))
	s.MaxTokenSize = 50
	_, _ = s.Next()
	_, err = s.Next()
	require.ErrorIs(t, err, ErrTooLarge)
}

func TestPositions(t *testing.T) {
	s := New(strings.NewReader("<r>\n  <a>x</a>\r\n\t<b/></r>"))
	want := [][2]int{{1, 1}, {1, 4}, {2, 3}, {2, 6}, {2, 7}, {2, 11}, {3, 2}, {3, 2}, {3, 6}}
	for i, w := range want {
		tok, err := s.Next()
		require.NoError(t, err)
		assert.Equal(t, w, [2]int{tok.Line, tok.Col}, "token %d kind %d", i, tok.Kind)
	}
}

type zeroReader struct{}

func (zeroReader) Read([]byte) (int, error) { return 0, nil }

func TestNoProgress(t *testing.T) {
	_, err := New(zeroReader{}).Next()
	require.ErrorIs(t, err, io.ErrNoProgress)
}

func TestDeclaredEncoding(t *testing.T) {
	assert.Equal(t, "windows-1252", DeclaredEncoding([]byte(`<?xml version="1.0" encoding="windows-1252"?><r/>`)))
	assert.Equal(t, "UTF-8", DeclaredEncoding([]byte("\xef\xbb\xbf<?xml version='1.0' encoding = 'UTF-8' ?>")))
	assert.Equal(t, "", DeclaredEncoding([]byte(`<?xml version="1.0"?>`)))
	assert.Equal(t, "", DeclaredEncoding([]byte(`<r encoding="x"/>`)))
}

// FuzzScanner checks that the tokenizer never panics nor loops, and that
// every error is an *Error.
func FuzzScanner(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><r xmlns:p="u" a='1'><p:b>x&amp;<![CDATA[y]]></p:b><!--c--></r>`))
	f.Add([]byte("<r>\r\n&#x1F600;</r>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := New(strings.NewReader(string(data)))
		s.MaxDepth, s.MaxTextSize, s.MaxTokenSize = 16, 256, 256
		for range len(data) + 2 {
			tok, err := s.Next()
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("%T %v", err, err)
				}
				return
			}
			if tok.Kind == EOF {
				return
			}
		}
		t.Fatalf("more tokens than bytes")
	})
}

func TestNextNonBlank(t *testing.T) {
	s := New(strings.NewReader("<r>\r\n  <a> x </a>\n\t y<b/></r>"))
	var got []string
	for {
		tok, err := s.NextNonBlank()
		require.NoError(t, err)
		if tok.Kind == EOF {
			break
		}
		got = append(got, string(tok.Local)+"|"+string(tok.Text)+"|"+strconv.Itoa(tok.Line)+":"+strconv.Itoa(tok.Col))
		if string(tok.Local) == "a" && tok.Kind == StartElement {
			tok, err = s.Next() // leaf text keeps its spaces
			require.NoError(t, err)
			assert.Equal(t, " x ", string(tok.Text))
		}
	}
	assert.Equal(t, []string{"r||1:1", "a||2:3", "a||2:9", "|y|3:3", "b||3:4", "b||3:4", "r||3:8"}, got)
}

func TestNextNonBlankLimit(t *testing.T) {
	s := New(strings.NewReader("<r>" + strings.Repeat(" \n", 100) + "</r>"))
	s.MaxTextSize = 50
	_, err := s.NextNonBlank()
	require.NoError(t, err)
	_, err = s.NextNonBlank()
	require.ErrorIs(t, err, ErrTooLarge)
}

// TestMaxKeepSize: text beyond MaxKeepSize is read on but not kept, the
// token says so and gives the full size; MaxTextSize still stops reading.
func TestMaxKeepSize(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		keep, max int
		want      string
		size      int64
		truncated bool
		err       error
	}{
		{"short", "abc", 4, 100, "abc", 3, false, nil},
		{"at the limit", "abcd", 4, 100, "abcd", 4, false, nil},
		{"past the limit", "abcdef", 4, 100, "abcd", 6, true, nil},
		{"references counted once decoded", "a&amp;b&amp;c", 3, 100, "a&b", 5, true, nil},
		{"multi-byte", "ÈÈÈ", 4, 100, "ÈÈ", 6, true, nil},
		{"beyond the hard cap", strings.Repeat("x", 200), 4, 100, "", 0, false, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(strings.NewReader("<a>" + tt.text + "</a>"))
			s.MaxKeepSize, s.MaxTextSize = tt.keep, tt.max
			_, err := s.Next()
			require.NoError(t, err)
			tok, err := s.Next()
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(tok.Text))
			assert.Equal(t, tt.size, tok.Size)
			assert.Equal(t, tt.truncated, tok.Truncated)
		})
	}
}
