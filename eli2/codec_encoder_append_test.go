package eli2_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// TestAppendPraticaMatchesEncode encodes the same random applications with
// Encode and with AppendPratica + WriteEncoded in batches of several sizes
// (one that crosses the Encoder's flush size): the files are identical.
func TestAppendPraticaMatchesEncode(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 34))
	ps := make([]eli2.Pratica, 300)
	for i := range ps {
		ps[i] = eli2test.RandomPratica(r, "P-"+strconv.Itoa(i))
	}
	h := eli2test.Header("D612", "048017", len(ps))
	var want bytes.Buffer
	enc := eli2.NewEncoder(&want)
	require.NoError(t, enc.WriteHeader(h))
	for i := range ps {
		require.NoError(t, enc.Encode(&ps[i]))
	}
	require.NoError(t, enc.Close())

	for _, batch := range []int{1, 7, 300} {
		t.Run(strconv.Itoa(batch), func(t *testing.T) {
			var got bytes.Buffer
			enc := eli2.NewEncoder(&got)
			enc.SkipDuplicateIDCheck = true
			require.NoError(t, enc.WriteHeader(h))
			var buf []byte
			for start := 0; start < len(ps); start += batch {
				buf = buf[:0]
				end := min(start+batch, len(ps))
				for i := start; i < end; i++ {
					var err error
					buf, err = eli2.AppendPratica(buf, &ps[i])
					require.NoError(t, err)
				}
				require.NoError(t, enc.WriteEncoded(buf, end-start))
			}
			require.NoError(t, enc.Close(), "the count in the header includes WriteEncoded's applications")
			assert.Equal(t, want.String(), got.String())
		})
	}
}

func TestAppendPraticaFieldError(t *testing.T) {
	p := eli2test.RinnovoFamiglia()
	p.Richiedente.Cognome = "ROSSI\x01"
	dst := []byte("prefix")
	out, err := eli2.AppendPratica(dst, &p)
	var ee *eli2.EncodeError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "prefix", string(out), "nothing of the application is appended")

	enc := eli2.NewEncoder(&bytes.Buffer{})
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 1)))
	assert.Equal(t, enc.Encode(&p).Error(), err.Error(), "same error as Encode")

	p.ID = ""
	_, err = eli2.AppendPratica(nil, &p)
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "ID", ee.Path)
}

func TestWriteEncodedNeedsSkipDuplicateIDCheck(t *testing.T) {
	enc := eli2.NewEncoder(&bytes.Buffer{})
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 1)))
	require.ErrorIs(t, enc.WriteEncoded([]byte("x"), 1), eli2.ErrEncoderState)
}

// Applications encoded apart (for example by parallel workers, one buffer
// each) and written in order give the same file as Encode.
func ExampleAppendPratica() {
	p := eli2test.RinnovoFamiglia()
	buf, err := eli2.AppendPratica(nil, &p)
	if err != nil {
		fmt.Println(err)
		return
	}
	var file bytes.Buffer
	enc := eli2.NewEncoder(&file)
	enc.SkipDuplicateIDCheck = true // the caller guarantees unique ids
	if err := enc.WriteHeader(eli2test.Header("D612", "048017", 1)); err != nil {
		fmt.Println(err)
		return
	}
	if err := enc.WriteEncoded(buf, 1); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(enc.Close() == nil, bytes.Count(file.Bytes(), []byte("<Pratica ")))
	// Output: true 1
}
