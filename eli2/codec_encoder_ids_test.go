package eli2_test

import (
	"io"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// liveHeapAfterEncoding encodes n applications with distinct ids and returns
// how much the live heap grew while the Encoder is still in use.
func liveHeapAfterEncoding(t *testing.T, n int, skip bool) int64 {
	t.Helper()
	enc := eli2.NewEncoder(io.Discard)
	enc.SkipDuplicateIDCheck = skip
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", n)))
	p := eli2test.RinnovoFamiglia()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range n {
		p.ID = "PRATICA-" + strconv.Itoa(i)
		require.NoError(t, enc.Encode(&p))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	require.NoError(t, enc.Close())
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

func TestEncoderSkipDuplicateIDCheckKeepsMemoryConstant(t *testing.T) {
	const n = 100_000
	withSet := liveHeapAfterEncoding(t, n, false)
	without := liveHeapAfterEncoding(t, n, true)
	// The id set costs tens of bytes per application; without it the live
	// heap must not grow with the number of applications.
	require.Greater(t, withSet, int64(20*n), "the id set should be measurable")
	require.Less(t, without, int64(256<<10), "live heap grew by %d bytes over %d applications", without, n)
}

func TestEncoderSkipDuplicateIDCheckTrustsTheCaller(t *testing.T) {
	p := eli2test.RinnovoFamiglia()
	enc := eli2.NewEncoder(io.Discard)
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 2)))
	require.NoError(t, enc.Encode(&p))
	require.ErrorIs(t, enc.Encode(&p), eli2.ErrDuplicateID, "checked by default")

	enc = eli2.NewEncoder(io.Discard)
	enc.SkipDuplicateIDCheck = true
	require.NoError(t, enc.WriteHeader(eli2test.Header("D612", "048017", 2)))
	require.NoError(t, enc.Encode(&p))
	require.NoError(t, enc.Encode(&p), "the caller guarantees unique ids")
}
