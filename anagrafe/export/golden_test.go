package export_test

import (
	"context"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

var update = golden.Update

// TestGoldenFixtures exports the fixture register with a fixed clock and
// compares the file byte for byte with testdata/fixtures.xml (go test
// -update rewrites it after a deliberate change).
func TestGoldenFixtures(t *testing.T) {
	out := filepath.Join(t.TempDir(), "p.xml")
	var a auditRecorder
	opts := baseOptions(&a)
	opts.Now = func() time.Time { return time.Date(2026, 6, 15, 10, 30, 0, 0, time.UTC) }
	_, err := export.Run(context.Background(), memory.New(anagrafetest.Records()...), anagrafe.All(), export.File(out), opts)
	require.NoError(t, err)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	golden := filepath.Join("testdata", "fixtures.xml")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update to create the golden file")
	assert.Equal(t, string(want), string(got))
}
