// Package examples_test builds every example program and runs it on small
// inputs, checking its output, so that the examples keep working as the
// SDK evolves.
package examples_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
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
	"github.com/retecomuni/eli2sdk/eli2"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	if dbPath != "" {
		os.RemoveAll(filepath.Dir(dbPath))
	}
	os.Exit(code)
}

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

// build compiles every example once into a temporary directory.
func build(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "eli2-examples-")
		if binErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", binDir+string(filepath.Separator), "./...")
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = &buildError{out: string(out), err: err}
		}
	})
	require.NoError(t, binErr)
	return binDir
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

func exe(t testing.TB, name string) string {
	p := filepath.Join(build(t), name)
	if runtime.GOOS == "windows" {
		p += ".exe"
	}
	return p
}

// runExample runs an example and returns its stdout, stderr and exit code.
func runExample(t testing.TB, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(exe(t, name), args...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return out.String(), errb.String(), code
}

var (
	dbOnce sync.Once
	dbPath string
	dbErr  error
)

const refDate = "2026-06-15"

func demoDB(t *testing.T) string {
	t.Helper()
	dbOnce.Do(func() {
		dir, err := os.MkdirTemp("", "eli2-examples-db-")
		if err != nil {
			dbErr = err
			return
		}
		dbPath = filepath.Join(dir, "demo.db")
		_, dbErr = demo.CreateSQLite(context.Background(), dbPath, demo.Options{Persons: 400, Seed: 2, On: 20260615})
	})
	require.NoError(t, dbErr)
	return dbPath
}

func countFile(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	fp, n, err := eli2.ValidateStream(f, eli2.ValidateOptions{}, nil)
	require.NoError(t, err)
	assert.False(t, fp.HasErrors())
	return n
}

func TestExportOnePerson(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pratica.xml")
	stdout, stderr, code := runExample(t, "export_one_person", "-db", demoDB(t), "-person", "P0000001", "-out", out)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "exported 1 application")
	assert.Equal(t, 1, countFile(t, out))
	assert.FileExists(t, out+".audit.jsonl")

	_, _, code = runExample(t, "export_one_person", "-db", demoDB(t), "-person", "NOBODY", "-out", out+"2")
	assert.Equal(t, 1, code)
	assert.NoFileExists(t, out+"2")

	// A missing register is an error: no empty database is created.
	dir := t.TempDir()
	absent := filepath.Join(dir, "assente.db")
	_, stderr, code = runExample(t, "export_one_person", "-db", absent, "-person", "P0000001", "-out", filepath.Join(dir, "p.xml"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "assente.db")
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, es, "nothing created")
}

func TestBatchExpiring(t *testing.T) {
	out := filepath.Join(t.TempDir(), "scad.xml")
	stdout, stderr, code := runExample(t, "batch_expiring", "-db", demoDB(t), "-days", "60", "-out", out, "-on", refDate)
	require.Equal(t, 0, code, stderr)
	assert.Regexp(t, `selected \d+, exported \d+, skipped \d+`, stdout)
	assert.Positive(t, countFile(t, out))
}

func TestCustomAdapter(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "schede.jsonl")
	_, stderr, code := runExample(t, "custom_adapter", "-sample", data)
	require.Equal(t, 0, code, stderr)
	out := filepath.Join(dir, "p.xml")
	stdout, stderr, code := runExample(t, "custom_adapter", "-data", data, "-out", out, "-on", refDate)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "exported ")
	assert.Positive(t, countFile(t, out))
}

func TestValidateFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.xml")
	_, stderr, code := runExample(t, "batch_expiring", "-db", demoDB(t), "-days", "30", "-out", good, "-on", refDate)
	require.Equal(t, 0, code, stderr)
	stdout, stderr, code := runExample(t, "validate_file", good)
	assert.Equal(t, 0, code, stderr)
	assert.Regexp(t, `\d+ applications, 0 errors`, stdout)

	// Break one field: an unknown comune in the domicile.
	b, err := os.ReadFile(good)
	require.NoError(t, err)
	bad := filepath.Join(dir, "bad.xml")
	require.NoError(t, os.WriteFile(bad, []byte(strings.Replace(string(b), "<Comune>D612</Comune>", "<Comune>Z999</Comune>", 1)), 0o600))
	stdout, _, code = runExample(t, "validate_file", bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "Domicilio.Comune")
	assert.Contains(t, stdout, "error")

	_, _, code = runExample(t, "validate_file", filepath.Join(dir, "missing.xml"))
	assert.Equal(t, 2, code)
}

func TestCodiceFiscale(t *testing.T) {
	stdout, stderr, code := runExample(t, "codice_fiscale", "-surname", "Müller", "-name", "Jürgen", "-sex", "M", "-birth", "1980-05-12", "-place", "Firenze")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "code: MLLJGN80E12D612Y")
	assert.Contains(t, stdout, "FIRENZE (FI)")
	assert.Contains(t, stdout, "omocodic variant")

	// Born in Croatia in 1985, coded with Yugoslavia's Z118: consistent.
	stdout, stderr, code = runExample(t, "codice_fiscale", "-surname", "Horvat", "-name", "Ivan", "-sex", "M", "-birth", "1985-01-01", "-place", "Z118")
	require.Equal(t, 0, code, stderr)
	cfLine := strings.TrimPrefix(strings.SplitN(stdout, "\n", 2)[0], "code: ")
	stdout, stderr, code = runExample(t, "codice_fiscale", "-check", cfLine, "-surname", "Horvat", "-name", "Ivan", "-sex", "M", "-birth", "1985-01-01", "-state", "250")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "consistent\n", stdout)

	stdout, _, code = runExample(t, "codice_fiscale", "-check", cfLine, "-surname", "Horvat", "-name", "Ivan", "-sex", "F", "-birth", "1985-01-01", "-state", "250")
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, "mismatch Sesso")
}

// TestSportello starts the desk app on its own as a comune runs it and
// checks what only the program does: the loopback listener, the URL with
// the token, refusal without it, the operator on the audit lines.
func TestSportello(t *testing.T) {
	_, stderr, code := runExample(t, "sportello", "--db", "sqlite:"+demoDB(t), "--addr", "0.0.0.0:0")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "loopback")

	audit := filepath.Join(t.TempDir(), "audit.jsonl")
	cmd := exec.Command(exe(t, "sportello"), "--db", "sqlite:"+demoDB(t), "--audit", audit)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err)
	i := strings.Index(line, "http://127.0.0.1:")
	require.GreaterOrEqual(t, i, 0, line)
	start, err := url.Parse(strings.TrimSpace(line[i:]))
	require.NoError(t, err)
	require.Len(t, start.Query().Get("t"), 64, "a 256-bit token")
	base := "http://" + start.Host

	resp, err := http.Get(base + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "no token")

	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	client := &http.Client{Jar: jar}
	resp, err = client.Get(start.String())
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "/", resp.Request.URL.Path, "redirected without the token")
	resp, err = client.PostForm(base+"/operatore", url.Values{"operatore": {"Mario Rossi"}})
	require.NoError(t, err)
	resp.Body.Close()
	resp, err = client.Get(base + "/cerca?q=P0000001")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Contains(t, string(body), `href="/persona/P0000001"`)
	resp, err = client.Get(base + "/persona/P0000001")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	log, err := os.ReadFile(audit)
	require.NoError(t, err)
	assert.Contains(t, string(log), `"operator":"Mario Rossi","person_id":"P0000001"`)
}
