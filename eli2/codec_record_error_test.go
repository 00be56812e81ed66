package eli2_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
)

// batchWith returns the sample batch (3 applications) with the first
// occurrence of old in its second application replaced by new.
func batchWith(t *testing.T, old, new string) string {
	t.Helper()
	base := sampleXML(t, "batch")
	i := strings.Index(base, "<Pratica ")
	i += strings.Index(base[i+1:], "<Pratica ") + 1 // the second application
	j := strings.Index(base[i:], old)
	require.GreaterOrEqual(t, j, 0, "%q not in the second application", old)
	return base[:i+j] + new + base[i+j+len(old):]
}

// TestDecoderRecordErrors shows that a value the Decoder cannot read is a
// problem of its application: Next returns the application with the field
// zero and a *RecordError (path, line, column, sentinel), and the other
// applications are read.
func TestDecoderRecordErrors(t *testing.T) {
	huge := strings.Repeat("A", 1_000_000)
	tests := []struct {
		name, old, new string
		path           string
		sentinel       error
		hidden         string // a value the error must not quote
	}{
		{"impossible birth date", "<DataNascita>", "<DataNascita>1964-06-31", "Richiedente.DataNascita", eli2.ErrInvalidValue, "1964-06-31"},
		{"1M-character surname", "<Cognome>", "<Cognome>" + huge, "Richiedente.Cognome", eli2.ErrFieldTooLarge, "AAAAAAAA"},
		{"1M-character street in CDATA", "<Denominazione>", "<Denominazione><![CDATA[" + huge + "]]>", "Domicilio.Toponimo.Denominazione", eli2.ErrFieldTooLarge, "AAAAAAAA"},
		{"kit code not a number", "<Tipologia>", "<Tipologia>MARIO ROSSI", "Richiesta.Tipologia", eli2.ErrInvalidValue, "ROSSI"},
		{"id missing", `<Pratica id="FI-2026-0003">`, `<Pratica>`, "ID", eli2.ErrInvalidValue, ""},
		{"sheets not a number", "<FogliTotali>1<", "<FogliTotali>uno<", "Istanza.FogliTotali", eli2.ErrInvalidValue, "uno"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := batchWith(t, tt.old, tt.new)
			d := eli2.NewDecoder(strings.NewReader(in))
			var ids []string
			var recErrs []*eli2.RecordError
			for {
				p, err := d.Next()
				if err == io.EOF {
					break
				}
				var re *eli2.RecordError
				if err != nil {
					require.ErrorAs(t, err, &re, "only the application is affected: %v", err)
					recErrs = append(recErrs, re)
				}
				require.NotNil(t, p)
				ids = append(ids, p.ID)
			}
			require.Len(t, ids, 3, "every application is read")
			require.Len(t, recErrs, 1)
			re := recErrs[0]
			assert.Equal(t, 1, re.Index)
			require.Len(t, re.Fields, 1)
			f := re.Fields[0]
			assert.Equal(t, tt.path, f.Path)
			assert.Positive(t, f.Line)
			assert.Positive(t, f.Column)
			assert.ErrorIs(t, re, tt.sentinel)
			if tt.hidden != "" {
				assert.NotContains(t, re.Error(), tt.hidden, "the error quotes the value")
			}
		})
	}
}

// TestValidateStreamRecordErrors: through ValidateStream (the path of
// `eli2 validate`) the value is one problem of its application, with the
// field's path and position; the field's other problems (required…) are
// not repeated; the other applications are checked.
func TestValidateStreamRecordErrors(t *testing.T) {
	huge := strings.Repeat("B", 1_000_000)
	in := batchWith(t, "<DataNascita>", "<DataNascita>1964-06-31")
	in = strings.Replace(in, "<Cognome>", "<Cognome>"+huge, 1) // in the first application
	var lines []string
	file, n, err := eli2.ValidateStream(strings.NewReader(in), eli2.ValidateOptions{}, func(pp eli2.PraticaProblems) {
		for _, p := range pp.Problems {
			lines = append(lines, fmt.Sprintf("%d %s %s %s: %s", pp.Index, pp.ID, p.Path, p.Code, p.Message))
		}
	})
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	assert.Empty(t, file)
	got := strings.Join(lines, "\n") + "\n"
	assert.NotContains(t, got, "1964-06-31")
	assert.NotContains(t, got, "BBBBBBBB")
	golden := filepath.Join("..", "testdata", "eli2", "decode", "record_errors.golden")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./eli2 -run TestValidateStreamRecordErrors -update")
	assert.Equal(t, string(want), got)
}

// TestDecoderFieldSizeMemory: a value far beyond MaxFieldSize but within
// MaxTextSize is read in constant memory.
func TestDecoderFieldSizeMemory(t *testing.T) {
	in := batchWith(t, "<Cognome>", "<Cognome>"+strings.Repeat("È", 3_000_000)) // 6 MB
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := eli2.NewDecoder(strings.NewReader(in))
	var errs int
	for {
		_, err := d.Next()
		if err == io.EOF {
			break
		}
		var re *eli2.RecordError
		require.True(t, err == nil || errors.As(err, &re), "%v", err)
		if err != nil {
			errs++
		}
	}
	runtime.ReadMemStats(&after)
	assert.Equal(t, 1, errs)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), "bytes allocated while skipping a 6 MB value")
}

// TestDecoderHeaderValueIsFatal: a value of the header that cannot be read
// stays an error of the file (the header says what the file is).
func TestDecoderHeaderValueIsFatal(t *testing.T) {
	in := strings.Replace(sampleXML(t, "batch"), "<NumeroPratiche>3<", "<NumeroPratiche>tre<", 1)
	_, err := eli2.NewDecoder(strings.NewReader(in)).Header()
	var pe *eli2.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "Intestazione.NumeroPratiche", pe.Path)
	var re *eli2.RecordError
	assert.False(t, errors.As(err, &re))
}
