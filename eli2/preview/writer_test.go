package preview

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriterMatchesRender(t *testing.T) {
	doc := Document{Header: sampleHeader(), Items: []Item{
		{Pratica: validPratica()},
		{Pratica: invalidPratica(), Problems: invalidProblems()},
	}}
	want := render(t, doc, Options{})
	var buf bytes.Buffer
	pw, err := NewWriter(&buf, Options{})
	require.NoError(t, err)
	require.NoError(t, pw.WriteHeader(doc.Header, nil))
	for _, it := range doc.Items {
		require.NoError(t, pw.Write(it))
	}
	require.NoError(t, pw.Close())
	assert.Equal(t, want, buf.String())
	require.NoError(t, pw.Close(), "Close twice is harmless")
}

func TestWriterFileProblemsAtTheEnd(t *testing.T) {
	var buf bytes.Buffer
	pw, err := NewWriter(&buf, Options{Lang: English})
	require.NoError(t, err)
	require.NoError(t, pw.Write(Item{Pratica: validPratica()}))
	require.NoError(t, pw.WriteFileProblems(nil))
	require.NoError(t, pw.WriteFileProblems(eli2.Problems{
		{Path: "Intestazione.NumeroPratiche", Code: "count_mismatch", Severity: eli2.SeverityError, Message: "declared 3, found 1"},
	}))
	require.NoError(t, pw.Close())
	page := buf.String()
	tail := page[strings.Index(page, "</article>"):]
	assert.Contains(t, tail, "<h3>File problems</h3>")
	assert.Contains(t, tail, "declared 3, found 1")
	assert.True(t, strings.HasSuffix(page, "</body>\n</html>\n"))
}

func TestWriterOrder(t *testing.T) {
	var buf bytes.Buffer
	pw, err := NewWriter(&buf, Options{})
	require.NoError(t, err)
	require.NoError(t, pw.Write(Item{Pratica: validPratica()}))
	require.ErrorIs(t, pw.WriteHeader(sampleHeader(), nil), ErrWriterState)
	// The error is sticky: the page is not finished.
	require.ErrorIs(t, pw.Close(), ErrWriterState)

	pw, err = NewWriter(&buf, Options{})
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	require.ErrorIs(t, pw.Write(Item{Pratica: validPratica()}), ErrWriterState)
	require.ErrorIs(t, pw.Write(Item{}), ErrNoPratica)

	_, err = NewWriter(&buf, Options{Lang: "de"})
	require.ErrorIs(t, err, ErrLang)
}

func TestWriterEmptyPage(t *testing.T) {
	var buf bytes.Buffer
	pw, err := NewWriter(&buf, Options{})
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	page := buf.String()
	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>"))
	assert.True(t, strings.HasSuffix(page, "</html>\n"))
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

var errDisk = errors.New("disk full")

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		w := f.n
		f.n = 0
		return w, errDisk
	}
	f.n -= len(p)
	return len(p), nil
}

func TestWriterPropagatesWriteErrors(t *testing.T) {
	pw, err := NewWriter(&failWriter{n: 1000}, Options{})
	require.NoError(t, err)
	var werr error
	for range 20 {
		if werr = pw.Write(Item{Pratica: validPratica()}); werr != nil {
			break
		}
	}
	if werr == nil {
		werr = pw.Close()
	}
	require.ErrorIs(t, werr, errDisk)
	require.ErrorIs(t, pw.Close(), errDisk)
}
