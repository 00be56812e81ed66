package atomicfile

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deadPID returns the id of a process that has ended (a child run and
// waited for).
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	require.NoError(t, cmd.Run())
	return cmd.Process.Pid
}

// writeSet commits a Dir at path with the given files.
func writeSet(t *testing.T, path string, replace bool, files map[string]string) error {
	t.Helper()
	d, err := CreateDir(path, replace)
	if err != nil {
		return err
	}
	defer d.Abort()
	for name, data := range files {
		f, err := d.Create(name)
		require.NoError(t, err)
		_, err = f.Write([]byte(data))
		require.NoError(t, err)
		require.NoError(t, f.Commit())
	}
	return d.Commit()
}

func readSet(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, n := range entries(t, dir) {
		if n == ManifestName {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		require.NoError(t, err)
		m[n] = string(b)
	}
	return m
}

func TestDirReplacesWholeSet(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "sp")
	require.NoError(t, writeSet(t, dir, false, map[string]string{"a.xml": "A1", "b.xml": "B1"}))
	assert.Equal(t, map[string]string{"a.xml": "A1", "b.xml": "B1"}, readSet(t, dir))
	require.NoError(t, writeSet(t, dir, false, map[string]string{"b.xml": "B2", "c.xml": "C2"}))
	assert.Equal(t, map[string]string{"b.xml": "B2", "c.xml": "C2"}, readSet(t, dir), "a.xml of the earlier set is gone")
	assert.Equal(t, []string{"sp"}, entries(t, parent), "no work directory left")
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(filepath.Join(dir, ManifestName))
		require.NoError(t, err)
		assert.Equal(t, Perm, fi.Mode().Perm())
	}
}

func TestDirAbortLeavesEarlierSet(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "sp")
	require.NoError(t, writeSet(t, dir, false, map[string]string{"a.xml": "A1"}))
	d, err := CreateDir(dir, false)
	require.NoError(t, err)
	f, err := d.Create("a.xml")
	require.NoError(t, err)
	_, _ = f.Write([]byte("A2"))
	require.NoError(t, f.Commit())
	require.NoError(t, d.Abort())
	assert.Equal(t, map[string]string{"a.xml": "A1"}, readSet(t, dir))
	assert.Equal(t, []string{"sp"}, entries(t, parent))
	require.ErrorIs(t, d.Commit(), ErrFinished)
}

func TestDirForeignFiles(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "sp")
	require.NoError(t, os.Mkdir(dir, 0o700))
	require.NoError(t, writeSet(t, dir, false, nil), "an empty directory is fine")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mine.odt"), []byte("x"), 0o600))
	err := writeSet(t, dir, false, map[string]string{"a.xml": "A"})
	require.ErrorIs(t, err, ErrForeignFiles)
	assert.FileExists(t, filepath.Join(dir, "mine.odt"))
	assert.Equal(t, []string{"sp"}, entries(t, parent))
	require.NoError(t, writeSet(t, dir, true, map[string]string{"a.xml": "A"}))
	assert.Equal(t, map[string]string{"a.xml": "A"}, readSet(t, dir))

	// A link to a directory is refused, not followed.
	link := filepath.Join(parent, "link")
	if os.Symlink(dir, link) == nil {
		err := writeSet(t, link, true, map[string]string{"a.xml": "B"})
		require.ErrorIs(t, err, ErrNotRegular)
		assert.Equal(t, map[string]string{"a.xml": "A"}, readSet(t, dir))
	}
	_, err = d0().Create("../x")
	require.Error(t, err)
}

func d0() *Dir { return &Dir{} }

func TestCheckTargetKinds(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	require.NoError(t, CheckTarget(file))
	require.NoError(t, CheckTarget(filepath.Join(dir, "missing")))
	err := CheckTarget(dir)
	require.ErrorIs(t, err, ErrNotRegular)
	require.ErrorIs(t, err, ErrNoPath)
	assert.Contains(t, err.Error(), "una cartella")
	link := filepath.Join(dir, "l")
	if os.Symlink(file, link) == nil {
		err := CheckTarget(link)
		require.ErrorIs(t, err, ErrNotRegular)
		assert.Contains(t, err.Error(), "collegamento simbolico")
		_, err = Create(link)
		require.ErrorIs(t, err, ErrNotRegular)
	}
}

// TestCreateTempNameCarriesPID: the work file is hidden and named with the
// process id; RemoveTemps deletes it.
func TestCreateTempNameCarriesPID(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "out.xml"))
	require.NoError(t, err)
	names := entries(t, dir)
	require.Len(t, names, 1)
	pid, base, ok := parseTempName(names[0], TempPrefix)
	require.True(t, ok, names[0])
	assert.Equal(t, os.Getpid(), pid)
	assert.Equal(t, "out.xml", base)
	assert.GreaterOrEqual(t, RemoveTemps(), 1)
	assert.Empty(t, entries(t, dir))
	require.NoError(t, f.Abort(), "Abort after RemoveTemps is harmless")
}

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	dead := deadPID(t)
	name := func(prefix string, pid int, base string) string {
		return prefix + strconv.Itoa(pid) + "-0badf00d-" + base
	}
	// Leftovers of a dead process: a file and a split set in progress.
	require.NoError(t, os.WriteFile(filepath.Join(dir, name(TempPrefix, dead, "p.xml")), []byte("x"), 0o600))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, name(TempPrefix, dead, "sp"), "a.xml"), 0o700))
	// A set moved aside by a process killed between the two renames of
	// Commit, with nothing in its place: put back.
	aside := filepath.Join(dir, name(OldPrefix, dead, "old"))
	require.NoError(t, os.Mkdir(aside, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(aside, "a.xml"), []byte("earlier"), 0o600))
	// A set moved aside whose replacement is in place: removed.
	require.NoError(t, os.Mkdir(filepath.Join(dir, name(OldPrefix, dead, "new")), 0o700))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "new"), 0o700))
	// Work of a live process (this one) and unrelated files: kept.
	live := name(TempPrefix, os.Getpid(), "q.xml")
	require.NoError(t, os.WriteFile(filepath.Join(dir, live), nil, 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".eli2-tmp-notes.txt"), nil, 0o600))

	st, err := CleanStale(dir)
	require.NoError(t, err)
	assert.Equal(t, 3, st.Removed)
	assert.Equal(t, 1, st.Restored)
	assert.Equal(t, []int{dead}, st.PIDs)
	assert.ElementsMatch(t, []string{live, ".eli2-tmp-notes.txt", "new", "old"}, entries(t, dir))
	b, err := os.ReadFile(filepath.Join(dir, "old", "a.xml"))
	require.NoError(t, err)
	assert.Equal(t, "earlier", string(b))

	st, err = CleanStale(filepath.Join(dir, "missing"))
	require.NoError(t, err)
	assert.Zero(t, st.Removed)
	assert.False(t, strings.Contains(strings.Join(entries(t, dir), ""), strconv.Itoa(dead)))
}
