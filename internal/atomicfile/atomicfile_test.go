package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// entries lists the names in dir, to check that no temporary file is left.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

func TestWriteCreatesAndReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.html")
	require.NoError(t, WriteFile(p, []byte("first")))
	require.NoError(t, WriteFile(p, []byte("second")))
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "second", string(b))
	assert.Equal(t, []string{"out.html"}, entries(t, dir))
}

func TestWriteMode0600(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permission bits are not used on Windows")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "out.html")
	// A pre-existing world-readable file must end up owner-only too.
	require.NoError(t, os.WriteFile(p, []byte("old"), 0o644))
	require.NoError(t, WriteFile(p, []byte("new")))
	fi, err := os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}

func TestWriteFailureLeavesNothing(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name     string
		existing bool
	}{
		{"new file", false},
		{"existing file", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "out.html")
			if tt.existing {
				require.NoError(t, os.WriteFile(p, []byte("original"), 0o600))
			}
			err := Write(p, func(w io.Writer) error {
				_, _ = io.WriteString(w, "partial data that must never appear")
				return boom
			})
			require.ErrorIs(t, err, boom)
			if tt.existing {
				b, rerr := os.ReadFile(p)
				require.NoError(t, rerr)
				assert.Equal(t, "original", string(b))
				assert.Equal(t, []string{"out.html"}, entries(t, dir))
			} else {
				assert.Empty(t, entries(t, dir))
			}
		})
	}
}

func TestWritePanicCleansUp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.html")
	require.NoError(t, os.WriteFile(p, []byte("original"), 0o600))
	assert.PanicsWithValue(t, "kaboom", func() {
		_ = Write(p, func(w io.Writer) error {
			_, _ = io.WriteString(w, "partial")
			panic("kaboom")
		})
	})
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "original", string(b))
	assert.Equal(t, []string{"out.html"}, entries(t, dir))
}

func TestWriteLargeOutput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.bin")
	chunk := make([]byte, 1000)
	for i := range chunk {
		chunk[i] = byte(i)
	}
	require.NoError(t, Write(p, func(w io.Writer) error {
		for range 500 {
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
		return nil
	}))
	fi, err := os.Stat(p)
	require.NoError(t, err)
	assert.EqualValues(t, 500*1000, fi.Size())
}

func TestWriteBadPath(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		path string
		want error
	}{
		{"empty", "", ErrNoPath},
		{"directory", dir, ErrNoPath},
		{"trailing separator", dir + string(os.PathSeparator), ErrNoPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFile(tt.path, []byte("x"))
			require.ErrorIs(t, err, tt.want)
		})
	}
	// Missing parent directory: an error, and nothing is created.
	err := WriteFile(filepath.Join(dir, "missing", "out.html"), []byte("x"))
	require.Error(t, err)
	assert.Empty(t, entries(t, dir))
}

func BenchmarkWriteFile(b *testing.B) {
	dir := b.TempDir()
	p := filepath.Join(dir, "out.html")
	data := make([]byte, 32<<10)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteFile(p, data); err != nil {
			b.Fatal(err)
		}
	}
}
