package eli2_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// TestRoundTripRandom is a property test: random applications, with texts
// full of characters to escape, survive encode → decode unchanged, and
// decode → encode gives the same bytes.
func TestRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 3))
	for round := range 40 {
		f := eli2test.RandomFile(r, round%7)
		data := encodeFile(t, &f)
		got, err := eli2.DecodeFile(bytes.NewReader(data))
		require.NoError(t, err, "round %d", round)
		if len(f.Pratiche) == 0 {
			f.Pratiche = nil
		}
		requireSameFile(t, &f, got)
		require.Equal(t, string(data), string(encodeFile(t, got)), "round %d", round)
	}
}

// TestRoundTripStreaming uses the streaming API on both sides.
func TestRoundTripStreaming(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	f := eli2test.RandomFile(r, 50)
	var buf bytes.Buffer
	enc := eli2.NewEncoder(&buf)
	require.NoError(t, enc.WriteHeader(f.Intestazione))
	for i := range f.Pratiche {
		require.NoError(t, enc.Encode(&f.Pratiche[i]))
	}
	require.NoError(t, enc.Close())
	require.Equal(t, string(encodeFile(t, &f)), buf.String(), "Encoder and EncodeFile differ")

	dec := eli2.NewDecoder(oneByteReader{&buf})
	h, err := dec.Header()
	require.NoError(t, err)
	require.Equal(t, 50, h.NumeroPratiche)
	n := 0
	for {
		p, err := dec.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		require.Equal(t, f.Pratiche[n], *p)
		n++
	}
	require.Equal(t, 50, n)
	_, err = dec.Next()
	require.ErrorIs(t, err, io.EOF, "Next after the end keeps returning io.EOF")
}

// oneByteReader returns one byte per Read, to exercise buffer boundaries.
type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}
