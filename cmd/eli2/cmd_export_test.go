package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/eli2"
)

const exportTestOn = "2026-06-15"

// exportTestDB returns a demo register of 1500 persons (seed 11) in the
// test's temporary directory, built for each test so that nothing outlives
// it.
func exportTestDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "reg.db")
	_, err := demo.CreateSQLite(context.Background(), path, demo.Options{Persons: 1500, Seed: 11, On: 20260615})
	require.NoError(t, err)
	return path
}

func exportRun(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	rc := run(args, &out, &errb)
	return rc, out.String(), errb.String()
}

func dbSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func countPratiche(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	fp, n, err := eli2.ValidateStream(f, eli2.ValidateOptions{}, nil)
	require.NoError(t, err)
	assert.False(t, fp.HasErrors())
	return n
}

func TestExportCommandSelections(t *testing.T) {
	db := exportTestDB(t)
	before := dbSum(t, db)
	cases := []struct {
		name string
		sel  []string
	}{
		{"all", []string{"--all"}},
		{"expiring", []string{"--expiring", "60d"}},
		{"expired as renewal", []string{"--expired", "6m", "--as-renewal"}},
		{"missing declaration", []string{"--missing-declaration"}},
		{"changed since", []string{"--changed-since", "2026-03-01"}},
		{"person", []string{"--person", "P0000001"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "p.xml")
			args := append([]string{"export", "--db", "sqlite:" + db, "--out", out, "--on", exportTestOn, "--operatore", "op7", "--sportello", "S2"}, tc.sel...)
			rc, stdout, stderr := exportRun(args...)
			require.Equal(t, 0, rc, stderr)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, "esportate ")
			assert.Contains(t, stderr, "scartate ")
			n := countPratiche(t, out)
			assert.Positive(t, n)
			if runtime.GOOS != "windows" {
				fi, err := os.Stat(out)
				require.NoError(t, err)
				assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
			}
			// Audit log next to the output: one JSON line per exported
			// person, with the operator and never a tax code.
			audit, err := os.ReadFile(filepath.Join(dir, exportAuditFile))
			require.NoError(t, err)
			lines := strings.Split(strings.TrimSpace(string(audit)), "\n")
			assert.Len(t, lines, n)
			assert.Contains(t, lines[0], `"op7"`)
			assert.ElementsMatch(t, []string{"p.xml", exportAuditFile}, dirNames(t, dir))
		})
	}
	assert.Equal(t, before, dbSum(t, db), "the register is only read")
}

func TestExportCommandSummaryReasons(t *testing.T) {
	db := exportTestDB(t)
	out := filepath.Join(t.TempDir(), "p.xml")
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--all", "--out", out, "--on", exportTestOn, "--dettagli")
	require.Equal(t, 0, rc, "skipped records do not make the export fail")
	assert.Contains(t, stderr, "motivi dello scarto:")
	assert.Contains(t, stderr, "scartata P")
	found := 0
	for _, code := range []string{"cf_checksum", "province_mismatch", "cap_format", "no_permit", "required"} {
		if strings.Contains(stderr, code) {
			found++
		}
	}
	assert.GreaterOrEqual(t, found, 2, "the demo register's deliberate defects are reported by code")
	assert.NotRegexp(t, `[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]`, stderr, "no tax code in full")
}

func TestExportCommandSplit(t *testing.T) {
	db := exportTestDB(t)
	dir := filepath.Join(t.TempDir(), "pratiche")
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--expiring", "30", "--split", dir, "--on", exportTestOn)
	require.Equal(t, 0, rc, stderr)
	names := dirNames(t, dir)
	require.NotEmpty(t, names)
	assert.Equal(t, ".eli2-export.json", names[0], "the set's manifest")
	for _, n := range names[1:] {
		assert.Regexp(t, `^P[0-9]{7}\.xml$`, n)
		assert.Equal(t, 1, countPratiche(t, filepath.Join(dir, n)))
	}
	assert.FileExists(t, filepath.Join(filepath.Dir(dir), exportAuditFile))
}

func TestExportCommandStrict(t *testing.T) {
	db := exportTestDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "p.xml")
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--all", "--strict", "--out", out, "--on", exportTestOn)
	assert.Equal(t, 1, rc)
	assert.Contains(t, stderr, "nessun file scritto")
	assert.NoFileExists(t, out)
}

func TestExportCommandNothing(t *testing.T) {
	db := exportTestDB(t)
	out := filepath.Join(t.TempDir(), "p.xml")
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--person", "NOBODY", "--out", out, "--on", exportTestOn)
	assert.Equal(t, 1, rc)
	assert.Contains(t, stderr, "not_found")
	assert.NoFileExists(t, out)
}

func TestExportCommandUsageErrors(t *testing.T) {
	db := exportTestDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "p.xml")
	cases := [][]string{
		{"export", "--db", "sqlite:" + db, "--out", out},                                   // no selection
		{"export", "--db", "sqlite:" + db, "--all", "--expiring", "60d", "--out", out},     // two selections
		{"export", "--db", "sqlite:" + db, "--all"},                                        // no output
		{"export", "--db", "sqlite:" + db, "--all", "--out", out, "--split", dir},          // two outputs
		{"export", "--all", "--out", out},                                                  // no db
		{"export", "--db", "sqlite:" + db, "--expiring", "sessanta", "--out", out},         // bad number
		{"export", "--db", "sqlite:" + db, "--changed-since", "ieri", "--out", out},        // bad date
		{"export", "--db", "sqlite:" + db, "--all", "--out", out, "--on", "2026-02-30"},    // bad date
		{"export", "--db", "sqlite:" + db, "--all", "--out", out, "--tipo-richiesta", "X"}, // bad request
		{"export", "--db", "mysql://x", "--all", "--out", out},                             // bad URL
		{"export", "--db", "sqlite:" + filepath.Join(dir, "missing.db"), "--all", "--out", out},
		{"export", "--db", "sqlite:" + db, "--all", "--out", out, "extra"},
	}
	for _, args := range cases {
		rc, _, stderr := exportRun(args...)
		assert.Equal(t, 2, rc, "%v: %s", args, stderr)
	}
	assert.Empty(t, dirNames(t, dir), "no output, no audit log, no database created")
	rc, _, _ := exportRun("export", "--help")
	assert.Equal(t, 0, rc)
}

func TestExportCommandUnwritableOutput(t *testing.T) {
	db := exportTestDB(t)
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain")
	require.NoError(t, os.WriteFile(plain, []byte("x"), 0o600))
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--all", "--out", filepath.Join(plain, "p.xml"),
		"--audit-log", filepath.Join(dir, "audit.jsonl"), "--on", exportTestOn)
	assert.Equal(t, 2, rc, stderr)
	assert.Contains(t, stderr, "nessun file scritto")
	assert.ElementsMatch(t, []string{"plain", "audit.jsonl"}, dirNames(t, dir))
}

func TestExportCommandDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("creates a demo register")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "cache", "demo.db")
	require.NoError(t, os.MkdirAll(filepath.Dir(db), 0o700))
	out := filepath.Join(dir, "pratiche.xml")
	rc, _, stderr := exportRun("export", "--demo", "--demo-db", db, "--out", out)
	require.Equal(t, 0, rc, stderr)
	assert.Contains(t, stderr, "creata l'anagrafe dimostrativa")
	assert.Positive(t, countPratiche(t, out))
	// Second run reuses it.
	rc, _, stderr = exportRun("export", "--demo", "--demo-db", db, "--out", out, "--expiring", "60d")
	require.Equal(t, 0, rc, stderr)
	assert.NotContains(t, stderr, "creata")
}

func TestDemoCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	rc, _, stderr := exportRun("demo", "--persons", "300", "--out", db, "--seed", "3", "--on", exportTestOn)
	require.Equal(t, 0, rc, stderr)
	assert.Contains(t, stderr, "300 residenti")
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(db)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	}
	rc, _, _ = exportRun("demo", "--persons", "300", "--out", db)
	assert.Equal(t, 2, rc, "exists: needs --force")
	rc, _, _ = exportRun("demo", "--persons", "10", "--out", db, "--force")
	assert.Equal(t, 0, rc)
	rc, _, _ = exportRun("demo", "--persons", "0", "--out", db)
	assert.Equal(t, 2, rc)
	rc, _, _ = exportRun("demo")
	assert.Equal(t, 2, rc)
}

// The signal tests (SIGINT, SIGTERM, SIGHUP on a real child process) are
// in faults_unix_test.go.

func FuzzExportParseCount(f *testing.F) {
	for _, s := range []string{"60d", "60", "6m", "", "-1", "d", "９", "99999999999999999999d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, unit := range []byte{'d', 'm'} {
			n, err := exportParseCount(s, unit)
			if err != nil {
				continue
			}
			require.GreaterOrEqual(t, n, 0)
		}
	})
}

// TestExportCommandCorruptRegister: a database that fails mid-stream (half
// of its pages overwritten) aborts the export with exit code 2 and no file.
func TestExportCommandCorruptRegister(t *testing.T) {
	src := exportTestDB(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "bad.db")
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	for i := len(b) / 2; i < len(b)/2+len(b)/4; i++ {
		b[i] = 0xff
	}
	require.NoError(t, os.WriteFile(db, b, 0o600))
	out := filepath.Join(dir, "p.xml")
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--all", "--out", out, "--on", exportTestOn)
	assert.Equal(t, 2, rc, stderr)
	assert.Contains(t, stderr, "nessun file scritto")
	assert.NoFileExists(t, out)
	for _, n := range dirNames(t, dir) {
		assert.False(t, strings.HasPrefix(n, ".p.xml"), "temporary file left: %s", n)
	}
}

// TestExportCommandSummaryGolden compares the operator's summary of a batch
// export (Italian, reasons grouped by code, skipped IDs with --dettagli)
// with testdata/export/summary.golden; -update rewrites it.
func TestExportCommandSummaryGolden(t *testing.T) {
	db := exportTestDB(t)
	out := filepath.Join(t.TempDir(), "p.xml")
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--all", "--out", out, "--on", exportTestOn, "--dettagli")
	require.Equal(t, 0, rc, stderr)
	// The last line names the temporary output and the time taken.
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	require.True(t, strings.HasPrefix(lines[len(lines)-1], "scritto "))
	got := strings.Join(lines[:len(lines)-1], "\n") + "\n"
	golden.Check(t, filepath.Join("testdata", "export", "summary.golden"), []byte(got))
}

// TestExportCommandRollbackJournalRegister: a SQLite register in rollback
// journal mode (not WAL) is read without any change to its file.
func TestExportCommandRollbackJournalRegister(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rollback.db")
	b, err := os.ReadFile(exportTestDB(t))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(db, b, 0o600))
	conn, err := sql.Open("sqlite", db)
	require.NoError(t, err)
	_, err = conn.Exec("PRAGMA journal_mode=DELETE")
	require.NoError(t, err)
	require.NoError(t, conn.Close())
	before := dbSum(t, db)
	out := filepath.Join(dir, "out", "p.xml")
	require.NoError(t, os.Mkdir(filepath.Dir(out), 0o700))
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--expiring", "60d", "--out", out, "--on", exportTestOn)
	require.Equal(t, 0, rc, stderr)
	assert.Equal(t, before, dbSum(t, db), "the register file is unchanged")
	assert.ElementsMatch(t, []string{"rollback.db", "out"}, dirNames(t, dir), "no journal or WAL file left")
}
