package atomicfile_test

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

func TestFileCommit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xml")
	f, err := atomicfile.Create(path)
	require.NoError(t, err)
	defer f.Abort()
	_, err = f.Write([]byte("hello world"))
	require.NoError(t, err)
	assert.NoFileExists(t, path, "invisible until Commit")
	// Seek back and patch, as the eli2 Encoder does with the count.
	_, err = f.Seek(0, io.SeekStart)
	require.NoError(t, err)
	_, err = f.Write([]byte("HELLO"))
	require.NoError(t, err)
	require.NoError(t, f.Commit())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "HELLO world", string(b))
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, atomicfile.Perm, fi.Mode().Perm())
	}
	require.NoError(t, f.Abort(), "Abort after Commit does nothing")
	assert.FileExists(t, path)
	_, err = f.Write([]byte("x"))
	require.ErrorIs(t, err, atomicfile.ErrFinished)
	require.ErrorIs(t, f.Commit(), atomicfile.ErrFinished)
	es, _ := os.ReadDir(dir)
	assert.Len(t, es, 1)
}

func TestFileAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xml")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
	f, err := atomicfile.Create(path)
	require.NoError(t, err)
	_, err = f.Write([]byte("new"))
	require.NoError(t, err)
	require.NoError(t, f.Abort())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "old", string(b), "path untouched")
	es, _ := os.ReadDir(dir)
	assert.Len(t, es, 1, "temporary file removed")
}

func TestFileCreateErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := atomicfile.Create("")
	require.ErrorIs(t, err, atomicfile.ErrNoPath)
	_, err = atomicfile.Create(dir)
	require.ErrorIs(t, err, atomicfile.ErrNoPath)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plain"), nil, 0o600))
	_, err = atomicfile.Create(filepath.Join(dir, "plain", "x.xml"))
	require.Error(t, err, "a path under a regular file")
}
