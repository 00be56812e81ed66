package eli2_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

func TestEncoderFieldErrors(t *testing.T) {
	tests := []struct {
		name     string
		mutate   func(p *eli2.Pratica)
		path     string
		sentinel error
	}{
		{"NUL in surname", func(p *eli2.Pratica) { p.Richiedente.Cognome = "ROSS\x00I" }, "Richiedente.Cognome", eli2.ErrInvalidChar},
		{"control char", func(p *eli2.Pratica) { p.Domicilio.Toponimo.Denominazione = "VIA\x1bX" }, "Domicilio.Toponimo.Denominazione", eli2.ErrInvalidChar},
		{"invalid UTF-8", func(p *eli2.Pratica) { p.Richiedente.Nome = "JOS\xc9" }, "Richiedente.Nome", eli2.ErrInvalidUTF8},
		{"U+FFFF", func(p *eli2.Pratica) { p.Domicilio.Presso = "X\uffff" }, "Domicilio.Presso", eli2.ErrInvalidChar},
		{"familiare", func(p *eli2.Pratica) { p.Familiari[2].Nome = "A\x01" }, "Familiari[2].Nome", eli2.ErrInvalidChar},
		{"familiare luogo", func(p *eli2.Pratica) { p.Familiari[0].LuogoNascita.Localita = "\xff" }, "Familiari[0].LuogoNascita.Localita", eli2.ErrInvalidUTF8},
		{"id", func(p *eli2.Pratica) { p.ID = "P\x02" }, "ID", eli2.ErrInvalidChar},
		{"empty id", func(p *eli2.Pratica) { p.ID = "" }, "ID", eli2.ErrInvalidValue},
		{"bad date", func(p *eli2.Pratica) { p.Documento.DataScadenza = 20260231 }, "Documento.DataScadenza", eli2.ErrInvalidValue},
		{"huge number", func(p *eli2.Pratica) { p.Richiesta.DurataMesi = 1_000_000_000 }, "Richiesta.DurataMesi", eli2.ErrInvalidValue},
		{"bad partial date", func(p *eli2.Pratica) { p.Richiedente.DataNascita.Month = 13 }, "Richiedente.DataNascita", eli2.ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			enc := eli2.NewEncoder(&buf)
			require.NoError(t, enc.WriteHeader(eli2test.Header("A271", "042002", 1)))
			p := eli2test.RinnovoFamiglia()
			tt.mutate(&p)
			err := enc.Encode(&p)
			require.ErrorIs(t, err, tt.sentinel)
			var ee *eli2.EncodeError
			require.True(t, errors.As(err, &ee))
			assert.Equal(t, tt.path, ee.Path)
			assert.NotContains(t, err.Error(), "HOXHA", "the message must not show personal data")
			assert.Contains(t, err.Error(), tt.path)

			// Nothing of the failed application is written; the encoder stays usable.
			good := eli2test.RinnovoFamiglia()
			require.NoError(t, enc.Encode(&good))
			require.NoError(t, enc.Close())
			want := encodeFile(t, &eli2.ImportFile{Intestazione: eli2test.Header("A271", "042002", 1), Pratiche: []eli2.Pratica{good}})
			require.Equal(t, string(want), buf.String())
		})
	}
}

func TestEncoderEscaping(t *testing.T) {
	p := eli2test.AggiornamentoCarta()
	p.ID = `A"B&<C>'`
	p.Domicilio.Presso = "C/O \"ROSSI\" & FIGLI <SNC>\tX\r\nY"
	f := eli2.ImportFile{Intestazione: eli2test.Header("H199", "039014", 1), Pratiche: []eli2.Pratica{p}}
	data := encodeFile(t, &f)
	s := string(data)
	assert.Contains(t, s, `<Pratica id="A&quot;B&amp;&lt;C&gt;'">`)
	assert.Contains(t, s, "<Presso>C/O \"ROSSI\" &amp; FIGLI &lt;SNC&gt;\tX&#13;\nY</Presso>")
	got, err := eli2.DecodeFile(bytes.NewReader(data))
	require.NoError(t, err)
	require.Equal(t, p.ID, got.Pratiche[0].ID)
	require.Equal(t, p.Domicilio.Presso, got.Pratiche[0].Domicilio.Presso)
}

func TestEncoderDeterministic(t *testing.T) {
	f := eli2test.Samples()["batch"]
	a := encodeFile(t, &f)
	for range 3 {
		g := eli2test.Samples()["batch"]
		require.Equal(t, a, encodeFile(t, &g))
	}
}

func TestEncoderDuplicateID(t *testing.T) {
	enc := eli2.NewEncoder(io.Discard)
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 2)))
	p := eli2test.RilascioConVisto()
	require.NoError(t, enc.Encode(&p))
	err := enc.Encode(&p)
	require.ErrorIs(t, err, eli2.ErrDuplicateID)
	require.ErrorIs(t, enc.Close(), eli2.ErrCountMismatch)
}

func TestEncoderCountMismatch(t *testing.T) {
	enc := eli2.NewEncoder(io.Discard)
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 3)))
	p := eli2test.RilascioConVisto()
	require.NoError(t, enc.Encode(&p))
	require.ErrorIs(t, enc.Close(), eli2.ErrCountMismatch)

	f := eli2test.Samples()["batch"]
	f.Intestazione.NumeroPratiche = 7
	require.ErrorIs(t, eli2.EncodeFile(io.Discard, &f), eli2.ErrCountMismatch)
}

func TestEncoderUnknownCountNotSeekable(t *testing.T) {
	enc := eli2.NewEncoder(&bytes.Buffer{})
	require.ErrorIs(t, enc.WriteHeader(eli2test.Header("D612", "048017", 0)), eli2.ErrNotSeekable)
}

func TestEncoderState(t *testing.T) {
	enc := eli2.NewEncoder(io.Discard)
	p := eli2test.RilascioConVisto()
	require.ErrorIs(t, enc.Encode(&p), eli2.ErrEncoderState)
	require.ErrorIs(t, enc.Close(), eli2.ErrEncoderState)
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 0+1)))
	require.ErrorIs(t, enc.WriteHeader(eli2test.Header("D612", "048017", 1)), eli2.ErrEncoderState)
	h := eli2test.Header("D612", "048017", 1)
	h.DataCreazione = h.DataCreazione.AddDate(-3000, 0, 0)
	require.ErrorIs(t, eli2.NewEncoder(io.Discard).WriteHeader(h), eli2.ErrInvalidValue)
}

// TestEncoderPatchedCount writes a file whose count is unknown in advance to
// an *os.File (skipping invalid records, as an exporter does) and checks the
// patched count, the decoder and the XSD.
func TestEncoderPatchedCount(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.xml")
	file, err := os.Create(path)
	require.NoError(t, err)
	defer file.Close()
	_, err = file.WriteString("") // the encoder starts at the current offset
	require.NoError(t, err)

	enc := eli2.NewEncoder(file)
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 0)))
	written := 0
	for _, p := range eli2test.Pratiche() {
		if p.Domicilio.Comune == "A271" {
			p.Richiedente.Cognome += "\x07" // an invalid record the exporter skips
		}
		if err := enc.Encode(&p); err != nil {
			require.ErrorIs(t, err, eli2.ErrInvalidChar)
			continue
		}
		written++
	}
	require.NoError(t, enc.Close())
	require.NoError(t, file.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(data), "<NumeroPratiche>5         </NumeroPratiche>")
	require.Equal(t, 5, written)

	f, err := eli2.DecodeFile(bytes.NewReader(data))
	require.NoError(t, err)
	require.Equal(t, written, f.Intestazione.NumeroPratiche)
	require.Len(t, f.Pratiche, written)
	// Re-encoding differs only by the padding of the patched count.
	require.Equal(t, strings.Replace(string(data), "5         <", "5<", 1), string(encodeFile(t, f)))
	requireXSDValid(t, "patched.xml", data)
}

func TestEncodeFileEmpty(t *testing.T) {
	f := eli2.ImportFile{Intestazione: eli2test.Header("D612", "048017", 0)}
	data := encodeFile(t, &f)
	assert.Contains(t, string(data), "<NumeroPratiche>0</NumeroPratiche>")
	got, err := eli2.DecodeFile(bytes.NewReader(data))
	require.NoError(t, err)
	require.Empty(t, got.Pratiche)
	requireXSDValid(t, "empty.xml", data)
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, errors.New("disk full")
	}
	w.n--
	return len(p), nil
}

func TestEncoderWriteErrorSticky(t *testing.T) {
	enc := eli2.NewEncoder(&failWriter{})
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 1)))
	p := eli2test.RilascioConVisto()
	require.NoError(t, enc.Encode(&p)) // buffered
	require.EqualError(t, enc.Close(), "disk full")
	require.EqualError(t, enc.Encode(&p), "disk full")
}

func TestLayoutV1(t *testing.T) {
	require.Equal(t, "eli2-import-v1", eli2.V1.Name())
	var buf bytes.Buffer
	enc := eli2.V1.NewEncoder(&buf)
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 1)))
	p := eli2test.NatoInCroazia()
	require.NoError(t, enc.Encode(&p))
	require.NoError(t, enc.Close())
	dec := eli2.V1.NewDecoder(&buf)
	got, err := dec.Next()
	require.NoError(t, err)
	require.Equal(t, p, *got)
	sp, ok := eli2.V1.(eli2.SchemaProvider)
	require.True(t, ok)
	require.Contains(t, string(sp.Schema()), `targetNamespace="urn:eli2sdk:import:1"`)
}
