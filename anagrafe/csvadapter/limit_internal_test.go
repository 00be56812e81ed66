package csvadapter

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
)

// csvRecords describes what encoding/csv reads from r: each record or
// error with its line, numbered as the Reader numbers them (adjust adds
// the lines the limiter dropped).
func csvRecords(r io.Reader, comma rune, adjust func() int) []string {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	var out []string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		var pe *csv.ParseError
		var tl *lineTooLongError
		switch {
		case errors.As(err, &pe):
			out = append(out, fmt.Sprintf("%d: %v", pe.StartLine+adjust(), pe.Err))
		case errors.As(err, &tl):
			out = append(out, fmt.Sprintf("%d: too long", tl.line))
		case err != nil:
			return append(out, "final: "+err.Error())
		default:
			line, _ := cr.FieldPos(0)
			out = append(out, fmt.Sprintf("%d: %q", line+adjust(), rec))
		}
	}
}

// FuzzRecordLimiter checks that the limiter cannot be seen under its limit
// — encoding/csv reads the same records, errors and line numbers through
// it as from the input itself — and that over the limit it drops exactly
// the rows encoding/csv would have read as one, the others unchanged.
func FuzzRecordLimiter(f *testing.F) {
	for _, s := range []string{
		"id,cognome,nome\nP1,A,B\n",
		"id,cognome,nome\nP1,\"A\nB\",C\r\nP2,\"x\"\"y\",z\n",
		"id,cognome,nome\nP1,A\"B,C\nP2,\"A\"B,C\n\n\nP3,,\n",
		"id,cognome,nome\nP1,\"unterminated\nP2,A,B\n",
		"a,\"b\"x\nc\n",
	} {
		f.Add([]byte(s), uint16(6))
	}
	f.Fuzz(func(t *testing.T, input []byte, max uint16) {
		zero := func() int { return 0 }
		want := csvRecords(bytes.NewReader(input), ',', zero)
		lim := newRecordLimiter(bytes.NewReader(input), len(input)+1, ',')
		got := csvRecords(lim, ',', func() int { return lim.adjust })
		assert.Equal(t, want, got, "under the limit")

		// Over a small limit: every record read is within it.
		n := int(max%64) + 1
		lim = newRecordLimiter(bytes.NewReader(input), n, ',')
		cr := csv.NewReader(lim)
		cr.FieldsPerRecord = -1
		for {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			size := 0
			for _, f := range rec {
				size += len(f)
			}
			assert.LessOrEqual(t, size, n)
		}
	})
}
