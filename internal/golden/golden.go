// Package golden is the one -update flag and golden-file check of this
// module's tests: go test -update rewrites the golden files under testdata,
// a plain go test compares with them. It is imported by tests only.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Update is the -update flag: rewrite the golden files instead of
// comparing with them.
var Update = flag.Bool("update", false, "rewrite the golden files under testdata")

// Check compares got with the golden file at path; with -update it writes
// got there first (creating the directory).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run %s -update to create the golden file", t.Name())
	assert.Equal(t, string(want), string(got), "golden file %s (go test -update rewrites it)", path)
}
