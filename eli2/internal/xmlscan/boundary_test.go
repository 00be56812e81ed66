package xmlscan

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// render returns the tokens of doc read from r, with their positions.
func render(t *testing.T, r io.Reader) ([]string, error) {
	t.Helper()
	s := New(r)
	var out []string
	for {
		tok, err := s.Next()
		if err != nil {
			return out, err
		}
		out = append(out, strings.Join([]string{
			strconv.Itoa(int(tok.Kind)), tok.Space, string(tok.Local), string(tok.Text),
			strconv.Itoa(tok.Line), strconv.Itoa(tok.Col),
		}, "|"))
		if tok.Kind == EOF {
			return out, nil
		}
	}
}

// A short read can end the buffer anywhere, also inside the target of a
// processing instruction or before a CR or a multi-byte character: the
// tokens must not depend on how the input arrives.
func TestShortReads(t *testing.T) {
	docs := []string{
		"<?xml version='1.0'?><r><?app note?>x</r>",
		"<r>\r\n<?target-with-a-longer-name data?>\r\n<a>é</a></r><?tail?>",
		"<r><!-- è\r\n --><?p\r?>y</r>",
		"<r><?" + strings.Repeat("n", 64) + " x?></r>",
		"<r><?" + strings.Repeat("n", 65) + " x?></r>",
		"<r><?xml version='1.0'?></r>",
	}
	for _, doc := range docs {
		want, wantErr := render(t, strings.NewReader(doc))
		var got []string
		var err error
		require.NotPanics(t, func() { got, err = render(t, iotest.OneByteReader(strings.NewReader(doc))) }, doc)
		assert.Equal(t, want, got, doc)
		assert.Equal(t, wantErr, err, doc)
	}
}

// The size limit of a comment holds when the buffer is moved in the middle
// of a character that is not plain ASCII: the first Read stops at the "è",
// two bytes before the end of the 64 KiB buffer, so reading the character
// moves the buffer.
func TestCommentLimitAcrossRefill(t *testing.T) {
	const head = "<r><!--"
	doc := head + strings.Repeat("a", 65532-len(head)) + "è" + strings.Repeat("a", 60000) + "--></r>"
	s := New(&chunkReader{s: doc, n: 65534})
	s.MaxTokenSize = 65530
	var err error
	for err == nil {
		var tok *Token
		if tok, err = s.Next(); err == nil && tok.Kind == EOF {
			break
		}
	}
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrTooLarge), err.Error())
}

// chunkReader returns at most n bytes a Read.
type chunkReader struct {
	s string
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.s)
	r.s = r.s[k:]
	return k, nil
}
