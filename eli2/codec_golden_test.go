package eli2_test

import (
	"bytes"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

var update = golden.Update

const goldenDir = "../testdata/eli2/valid"

// TestGoldenValid encodes every sample file and compares it byte for byte
// with its golden file (regenerate with -update), checks it against the XSD
// with xmllint, decodes it back to the same records and re-encodes it to the
// same bytes.
func TestGoldenValid(t *testing.T) {
	samples := eli2test.Samples()
	require.GreaterOrEqual(t, len(samples), 6)
	for _, name := range eli2test.SampleNames() {
		f := samples[name]
		t.Run(name, func(t *testing.T) {
			got := encodeFile(t, &f)
			path := filepath.Join(goldenDir, name+".xml")
			if *update {
				require.NoError(t, os.MkdirAll(goldenDir, 0o755))
				require.NoError(t, os.WriteFile(path, got, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./eli2 -run TestGoldenValid -update")
			require.Equal(t, string(want), string(got), "encoder output differs from %s", path)

			dec, err := eli2.DecodeFile(bytes.NewReader(want))
			require.NoError(t, err)
			requireSameFile(t, &f, dec)
			require.Equal(t, string(want), string(encodeFile(t, dec)), "decode → encode is not byte-identical")

			requireXSDValid(t, name+".xml", want)
		})
	}
}

// TestGoldenFilesAllKnown makes sure no stale golden file is left behind.
func TestGoldenFilesAllKnown(t *testing.T) {
	samples := eli2test.Samples()
	entries, err := os.ReadDir(goldenDir)
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		_, ok := samples[name[:len(name)-len(filepath.Ext(name))]]
		require.True(t, ok, "golden file %s has no sample", name)
	}
}
