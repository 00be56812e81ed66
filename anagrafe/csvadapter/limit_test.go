package csvadapter_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/csvadapter"
)

// repeatReader yields before, then n copies of fill, then after, without
// holding more than one small buffer: a 100 MB line costs no 100 MB string.
type repeatReader struct {
	before, after []byte
	fill          byte
	n             int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if len(r.before) > 0 {
		n := copy(p, r.before)
		r.before = r.before[n:]
		return n, nil
	}
	if r.n > 0 {
		k := int64(len(p))
		if k > r.n {
			k = r.n
		}
		for i := range p[:k] {
			p[i] = r.fill
		}
		r.n -= k
		return int(k), nil
	}
	if len(r.after) > 0 {
		n := copy(p, r.after)
		r.after = r.after[n:]
		return n, nil
	}
	return 0, io.EOF
}

// allocated runs f and returns the bytes it allocated.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

const hundredMB = 100 << 20

// TestHugeLine is reproduction 7 of issue 11: a 100 MB line took 4.6 GB.
// It is now skipped in constant memory as one RecordError with its line
// number, and the rows after it are read with their right line numbers.
func TestHugeLine(t *testing.T) {
	for _, tt := range []struct {
		name, open, close string
		fill              byte
		enc               csvadapter.Encoding
	}{
		{"unquoted", "P2,", ",x\n", 'x', csvadapter.EncodingAuto},
		{"quoted", "P2,\"", "\",x\n", 'x', csvadapter.EncodingAuto},
		{"quoted with line breaks", "P2,\"a\nb\n", "\nc\",x\n", 'x', csvadapter.EncodingAuto},
		{"Windows-1252", "P2,", ",x\n", 0xE8, csvadapter.EncodingWindows1252}, // è: two bytes once decoded
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := &repeatReader{
				before: []byte("id,cognome,nome\nP1,Rossi,Anna\n" + tt.open),
				fill:   tt.fill,
				n:      hundredMB,
				after:  []byte(tt.close + "P3,Verdi,Ugo\n"),
			}
			var src *csvadapter.Source
			var err error
			alloc := allocated(func() { src, err = csvadapter.Load(in, csvadapter.Options{Encoding: tt.enc}) })
			require.NoError(t, err)
			t.Logf("allocated %.1f MiB reading a 100 MB line", float64(alloc)/(1<<20))
			assert.Less(t, alloc, uint64(16<<20), "memory does not depend on the line's length")
			assert.Equal(t, 2, src.Len())
			require.Len(t, src.Errors(), 1)
			re := src.Errors()[0]
			assert.Equal(t, 3, re.Line)
			assert.Equal(t, anagrafe.ReasonLineTooLong, re.Reason)
			assert.ErrorIs(t, re, anagrafe.ErrLineTooLong)
			assert.Contains(t, re.Error(), "line 3")

			// P3's line number counts the skipped row's lines.
			rd := csvadapter.NewReader(strings.NewReader("id,cognome,nome\nP1,Rossi,Anna\n"+tt.open+
				strings.Repeat("x", 100)+tt.close+"P3,Verdi,\"U\ngo\"\nP4\n"), csvadapter.Options{MaxLineBytes: 64})
			_, err = rd.Read()
			require.NoError(t, err)
			_, err = rd.Read()
			require.ErrorIs(t, err, anagrafe.ErrLineTooLong)
			p, err := rd.Read()
			require.NoError(t, err)
			assert.Equal(t, "P3", p.ID)
			wantLine := 4 + strings.Count(tt.open+tt.close, "\n") - 1
			assert.Equal(t, wantLine, rd.Line())
			_, err = rd.Read()
			var fe *anagrafe.RecordError
			require.ErrorAs(t, err, &fe, "P4 has one field")
			assert.Equal(t, wantLine+2, fe.Line)
		})
	}
}

// TestHugeHeader: a 100 MB header (5.1 GB before) is a HeaderError in
// constant memory.
func TestHugeHeader(t *testing.T) {
	in := &repeatReader{before: []byte("id,cognome,nome,"), fill: 'a', n: hundredMB, after: []byte("\nP1,A,B,C\n")}
	var err error
	alloc := allocated(func() { _, err = csvadapter.Load(in, csvadapter.Options{}) })
	var he *csvadapter.HeaderError
	require.ErrorAs(t, err, &he)
	assert.ErrorIs(t, err, anagrafe.ErrLineTooLong)
	t.Logf("allocated %.1f MiB reading a 100 MB header", float64(alloc)/(1<<20))
	assert.Less(t, alloc, uint64(16<<20))
}

// TestUnterminatedQuote: a quote never closed makes the rest of the file
// one row, as encoding/csv reads it; past the limit it is dropped and the
// error says which lines were skipped.
func TestUnterminatedQuote(t *testing.T) {
	input := "id,cognome,nome\nP1,A,B\nP2,\"C,D\n" + strings.Repeat("P9,E,F\n", 20)
	src, err := csvadapter.Load(strings.NewReader(input), csvadapter.Options{MaxLineBytes: 64})
	require.NoError(t, err)
	assert.Equal(t, 1, src.Len())
	require.Len(t, src.Errors(), 1)
	assert.Equal(t, 3, src.Errors()[0].Line)
	assert.Contains(t, src.Errors()[0].Error(), "lines 3 to 23")
}

// TestLongField: a value over MaxFieldBytes is a RecordError naming the
// column; the row's other values and the next rows are fine.
func TestLongField(t *testing.T) {
	input := "id,cognome,nome\nP1," + strings.Repeat("A", 100) + ",B\nP2,C,D\n"
	src, err := csvadapter.Load(strings.NewReader(input), csvadapter.Options{MaxFieldBytes: 99})
	require.NoError(t, err)
	assert.Equal(t, 1, src.Len())
	require.Len(t, src.Errors(), 1)
	re := src.Errors()[0]
	assert.Equal(t, "cognome", re.Field)
	assert.Equal(t, "P1", re.PersonID)
	assert.Equal(t, 2, re.Line)
	assert.ErrorIs(t, re, anagrafe.ErrFieldTooLong)
	assert.NotContains(t, re.Error(), "AAAA")

	// The default fits a register's values.
	src, err = csvadapter.Load(strings.NewReader(input), csvadapter.Options{})
	require.NoError(t, err)
	assert.Equal(t, 2, src.Len())
}

// FuzzReaderLimits feeds any input with any small line limit to the
// Reader: it ends, returns only header or row errors (never a final error
// on an input that cannot fail), and a row's line never goes backwards.
func FuzzReaderLimits(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), uint16(8))
	}
	f.Fuzz(func(t *testing.T, input []byte, max uint16) {
		rd := csvadapter.NewReader(bytes.NewReader(input), csvadapter.Options{MaxLineBytes: int(max%512) + 1, MaxFieldBytes: int(max%64) + 1})
		last := 0
		for i := 0; ; i++ {
			require.Less(t, i, len(input)+2, "more rows than bytes")
			_, err := rd.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			var he *csvadapter.HeaderError
			if errors.As(err, &he) {
				return
			}
			line := rd.Line()
			var re *anagrafe.RecordError
			if errors.As(err, &re) {
				line = re.Line
			} else {
				require.NoError(t, err)
			}
			require.GreaterOrEqual(t, line, last)
			last = line
		}
	})
}

var fuzzSeeds = []string{
	"id,cognome,nome\nP1,A,B\n",
	"id,cognome,nome\nP1,\"A\nB\",C\r\nP2,\"x\"\"y\",z\n",
	"id,cognome,nome\nP1,A\"B,C\nP2,\"A\"B,C\n\n\nP3,,\n",
	"id,cognome,nome\nP1,\"unterminated\nP2,A,B\n",
	"id;cognome;nome\r\nP1;A;B",
}
