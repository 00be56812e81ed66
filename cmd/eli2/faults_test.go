package main

// Fault-injection tests of issue 11 for the command line: outputs are all
// or nothing and never clobber, temporary files never outlive a run, the
// audit log says what was delivered. One test per reproduction; the ones
// that need POSIX signals, device nodes or FIFOs are in
// faults_unix_test.go. The README's "Reliability" table names them.

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

// faultTmp holds what the fault tests share: the register and the binary,
// each made once.
var faultTmp string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "eli2-faults-")
	if err != nil {
		panic(err)
	}
	faultTmp = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var (
	faultDBOnce sync.Once
	faultDBPath string
	faultDBErr  error
	binOnce     sync.Once
	binPath     string
	binErr      error
)

// faultDB is a demo register of 600 persons (seed 3: three deliberate
// defects, one of them early, for --strict), shared read-only.
func faultDB(t *testing.T) string {
	t.Helper()
	faultDBOnce.Do(func() {
		faultDBPath = filepath.Join(faultTmp, "reg.db")
		_, faultDBErr = demo.CreateSQLite(context.Background(), faultDBPath, demo.Options{Persons: 600, Seed: 3, On: 20260615})
	})
	require.NoError(t, faultDBErr)
	return faultDBPath
}

// eli2Binary builds the command once for the tests that run it as a child
// process (signals, kill -9).
func eli2Binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	binOnce.Do(func() {
		binPath = filepath.Join(faultTmp, "eli2")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = &buildError{out: string(out), err: err}
		}
	})
	require.NoError(t, binErr)
	return binPath
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + ": " + e.out }

// tree maps every regular file under dir (relative path) to its SHA-256,
// and every other entry to its type: two equal trees hold the same data
// byte for byte.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == "." {
			return nil
		}
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		} else {
			m[rel] = d.Type().String()
		}
		return nil
	}))
	return m
}

// without drops key k from a tree.
func without(m map[string]string, keys ...string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

// temps lists the hidden work files of eli2 (atomicfile.TempPrefix,
// OldPrefix) in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, n := range dirNames(t, dir) {
		if strings.HasPrefix(n, atomicfile.TempPrefix) || strings.HasPrefix(n, atomicfile.OldPrefix) {
			out = append(out, n)
		}
	}
	return out
}

// auditLines reads the audit log (missing: none). Every line must be
// complete JSON.
func auditLines(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	defer f.Close()
	var lines []map[string]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m map[string]string
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "audit line is whole JSON: %q", sc.Text())
		lines = append(lines, m)
	}
	require.NoError(t, sc.Err())
	return lines
}

// assertAborted checks the lines a failed run added to the audit log: one
// "abort" line with reason (and operator, time, purpose, run id), no
// "export" line.
func assertAborted(t *testing.T, added []map[string]string, reason string) {
	t.Helper()
	require.Len(t, added, 1, "one abort line, no export line: %v", added)
	l := added[0]
	assert.Equal(t, "abort", l["action"])
	assert.Equal(t, reason, l["reason"])
	for _, k := range []string{"operator", "time", "purpose", "run_id"} {
		assert.NotEmpty(t, l[k], k)
	}
}

// assertExported checks the lines a successful run added: n "export" lines
// of one run id, each with operator, time and purpose.
func assertExported(t *testing.T, added []map[string]string, n int) {
	t.Helper()
	require.Len(t, added, n)
	for _, l := range added {
		assert.Equal(t, "export", l["action"])
		assert.Equal(t, added[0]["run_id"], l["run_id"])
		for _, k := range []string{"operator", "time", "purpose", "run_id", "person_id"} {
			assert.NotEmpty(t, l[k], k)
		}
		assert.NotEqual(t, "0001-01-01T00:00:00Z", l["time"])
	}
}

// exportArgs returns the arguments of an export of the fault register.
func faultExportArgs(db, audit string, extra ...string) []string {
	return append([]string{"export", "--db", "sqlite:" + db, "--audit-log", audit, "--on", exportTestOn, "--quiet"}, extra...)
}

func TestFaultOutSymlink(t *testing.T) {
	db := faultDB(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	require.NoError(t, os.WriteFile(target, []byte("dati preziosi"), 0o600))
	link := filepath.Join(dir, "o.xml")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot create symbolic links here: %v", err)
	}
	audit := filepath.Join(dir, "audit.jsonl")
	before := tree(t, dir)
	rc, _, stderr := exportRun(faultExportArgs(db, audit, "--all", "--out", link)...)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "collegamento simbolico")
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.True(t, fi.Mode()&os.ModeSymlink != 0, "the link is still a link")
	assert.Equal(t, before, tree(t, dir), "target untouched, no stray file")
	assert.Empty(t, auditLines(t, audit), "nothing read, nothing audited")

	// preview refuses it too.
	rc, _, stderr = exportRun("preview", "--db", "sqlite:"+db, "--person", "P0000011", "--out", link, "--audit-log", audit)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "collegamento simbolico")
	assert.Equal(t, before, tree(t, dir))
}

func TestFaultOutDirectory(t *testing.T) {
	db := faultDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "o.xml")
	require.NoError(t, os.Mkdir(out, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(out, "keep"), []byte("x"), 0o600))
	audit := filepath.Join(dir, "audit.jsonl")
	before := tree(t, dir)
	rc, _, stderr := exportRun(faultExportArgs(db, audit, "--all", "--out", out)...)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "è una cartella")
	assert.Equal(t, before, tree(t, dir))

	// --split on a regular file is refused the same way.
	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o600))
	before = tree(t, dir)
	rc, _, stderr = exportRun(faultExportArgs(db, audit, "--all", "--split", file)...)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "non è una cartella")
	assert.Equal(t, before, tree(t, dir))
}

func TestFaultOutStdout(t *testing.T) {
	db := faultDB(t)
	dir := t.TempDir()
	audit := filepath.Join(dir, "audit.jsonl")
	rc, stdout, stderr := exportRun(faultExportArgs(db, audit, "--expiring", "60", "--out", "-")...)
	require.Equal(t, exitOK, rc, stderr)
	assert.True(t, strings.HasPrefix(stdout, "<?xml"), "the file goes to standard output")
	assert.Contains(t, stdout, "</ELI2Import>")
	assert.NoFileExists(t, "-", "no file named -")
	assert.Equal(t, []string{"audit.jsonl"}, dirNames(t, dir))
	lines := auditLines(t, audit)
	assert.Equal(t, strings.Count(stdout, "<Pratica "), len(lines))
	assertExported(t, lines, len(lines))

	// A failed run writes nothing to standard output.
	rc, stdout, _ = exportRun(faultExportArgs(db, audit, "--all", "--strict", "--out", "-")...)
	assert.Equal(t, exitProblems, rc)
	assert.Empty(t, stdout)
	assertAborted(t, auditLines(t, audit)[len(lines):], "strict")
}

// TestFaultSplitStrictKeepsEarlierSet is reproduction 1: a --strict run
// that fails must leave the earlier split set byte for byte.
func TestFaultSplitStrictKeepsEarlierSet(t *testing.T) {
	db := faultDB(t)
	dir := t.TempDir()
	split := filepath.Join(dir, "sp")
	audit := filepath.Join(dir, "audit.jsonl")
	rc, _, stderr := exportRun(faultExportArgs(db, audit, "--all", "--split", split)...)
	require.Equal(t, exitOK, rc, stderr)
	before := tree(t, dir)
	n := len(auditLines(t, audit))
	require.Greater(t, len(before), 100)

	rc, _, stderr = exportRun(faultExportArgs(db, audit, "--all", "--strict", "--split", split)...)
	assert.Equal(t, exitProblems, rc)
	assert.Contains(t, stderr, "nessun file scritto")
	assert.Equal(t, without(before, "audit.jsonl"), without(tree(t, dir), "audit.jsonl"), "earlier set intact, no stray file")
	assertAborted(t, auditLines(t, audit)[n:], "strict")
}

// TestFaultSplitReplacesStaleFiles: a successful run leaves only its own
// files (and the manifest), none of the earlier run's.
func TestFaultSplitReplacesStaleFiles(t *testing.T) {
	db := faultDB(t)
	dir := t.TempDir()
	split := filepath.Join(dir, "sp")
	audit := filepath.Join(dir, "audit.jsonl")
	rc, _, stderr := exportRun(faultExportArgs(db, audit, "--all", "--split", split)...)
	require.Equal(t, exitOK, rc, stderr)
	all := len(dirNames(t, split))
	n := len(auditLines(t, audit))

	rc, _, stderr = exportRun(faultExportArgs(db, audit, "--expiring", "30", "--split", split)...)
	require.Equal(t, exitOK, rc, stderr)
	names := dirNames(t, split)
	added := auditLines(t, audit)[n:]
	assert.Less(t, len(names), all)
	assert.Len(t, names, len(added)+1, "the new files and the manifest, nothing else")
	for _, l := range added {
		assert.Contains(t, names, l["person_id"]+".xml")
	}
	assert.Empty(t, temps(t, dir))
	assertExported(t, added, len(added))
}

// TestFaultSplitForeignFiles: a directory with files eli2 did not write is
// refused unless --replace.
func TestFaultSplitForeignFiles(t *testing.T) {
	db := faultDB(t)
	dir := t.TempDir()
	split := filepath.Join(dir, "sp")
	require.NoError(t, os.Mkdir(split, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(split, "tesi.odt"), []byte("mio"), 0o600))
	audit := filepath.Join(dir, "audit.jsonl")
	before := tree(t, dir)
	rc, _, stderr := exportRun(faultExportArgs(db, audit, "--all", "--split", split)...)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "--replace")
	assert.Equal(t, without(before, "audit.jsonl"), without(tree(t, dir), "audit.jsonl"))
	assertAborted(t, auditLines(t, audit), "output")

	rc, _, stderr = exportRun(faultExportArgs(db, audit, "--all", "--split", split, "--replace")...)
	require.Equal(t, exitOK, rc, stderr)
	assert.NotContains(t, dirNames(t, split), "tesi.odt")

	// The audit log may not live in the directory that gets replaced.
	rc, _, stderr = exportRun(faultExportArgs(db, filepath.Join(split, "a.jsonl"), "--all", "--split", split)...)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "registro di audit")
}

// TestFaultAuditLogPermissions: an audit log others can read is refused,
// before anything is read.
func TestFaultAuditLogPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits on Windows")
	}
	db := faultDB(t)
	dir := t.TempDir()
	audit := filepath.Join(dir, "audit.jsonl")
	require.NoError(t, os.WriteFile(audit, nil, 0o600))
	require.NoError(t, os.Chmod(audit, 0o644))
	out := filepath.Join(dir, "o.xml")
	rc, _, stderr := exportRun(faultExportArgs(db, audit, "--all", "--out", out)...)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "0600")
	assert.NoFileExists(t, out)
	rc, _, stderr = exportRun("preview", "--db", "sqlite:"+db, "--person", "P0000011", "--out", out, "--audit-log", audit)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "0600")
	assert.NoFileExists(t, out)
}

// TestFaultPreviewAudited: preview --db always records the access (flags
// of export or of old), and an access that fails records an abort line.
func TestFaultPreviewAudited(t *testing.T) {
	db := faultDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "p.html")
	rc, _, stderr := exportRun("preview", "--db", "sqlite:"+db, "--person", "P0000011", "--out", out, "--operatore", "op9", "--finalita", "verifica")
	require.Equal(t, exitOK, rc, stderr)
	lines := auditLines(t, filepath.Join(dir, exportAuditFile))
	require.Len(t, lines, 1, "audited without --audit-log: the default log next to the output")
	assert.Equal(t, "preview", lines[0]["action"])
	assert.Equal(t, "P0000011", lines[0]["person_id"])
	assert.Equal(t, "op9", lines[0]["operator"])
	assert.Equal(t, "verifica", lines[0]["purpose"])
	assert.NotEmpty(t, lines[0]["run_id"])

	audit := filepath.Join(dir, "old-names.jsonl")
	missing := filepath.Join(dir, "q.html")
	rc, _, _ = exportRun("preview", "--db", "sqlite:"+db, "--person", "NOBODY", "--out", missing, "--audit", audit, "--operator", "op9", "--purpose", "verifica")
	assert.Equal(t, exitCannotRun, rc)
	assert.NoFileExists(t, missing)
	assertAborted(t, auditLines(t, audit), "source")
}
