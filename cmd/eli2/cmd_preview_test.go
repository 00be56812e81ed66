package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// previewSample writes an import file with two invented applications: a
// valid one and one with a bad CAP and e-mail. It returns its path.
func previewSample(t *testing.T) string {
	t.Helper()
	good := eli2.Pratica{
		ID: "P1", Questura: "FI",
		Richiesta: eli2.Richiesta{TipoRichiesta: eli2.Rinnovo, TipoTitolo: eli2.Permesso, Tipologia: 16},
		TitoloPosseduto: &eli2.TitoloPosseduto{Tipo: "1", Numero: "I12345678", Motivo: "LAVORO",
			DataRilascio: codes.NewDate(2024, 12, 10), DataScadenza: codes.NewDate(2026, 12, 9), QuesturaRilascio: "FI"},
		Richiedente: eli2.Richiedente{CodiceFiscale: "DLLMLN85M41Z100T", Cognome: "DALLA", Nome: "MARIA ELENA",
			Sesso: eli2.Femmina, DataNascita: eli2.PartialDate{Year: 1985, Month: 8, Day: 1},
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "201"}, Cittadinanza: "201", StatoCivile: "1"},
		Domicilio: eli2.Domicilio{Comune: "D612", Provincia: "FI",
			Toponimo: eli2.Toponimo{Specie: "VIA", Denominazione: "DEI MILLE"}, NumeroCivico: "12", CAP: "50131"},
		Documento: &eli2.Documento{Tipo: eli2.Passaporto, Numero: "BA1234567",
			DataRilascio: codes.NewDate(2022, 3, 15), DataScadenza: codes.NewDate(2032, 3, 14), StatoRilascio: "201"},
		Istanza: eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
	}
	bad := good
	bad.ID = "P2"
	bad.Richiedente.Nome = "MARIA <SCRIPT>"
	bad.Domicilio.CAP = "5013"
	bad.Recapiti = &eli2.Recapiti{Email: "maria@@example"}
	f := &eli2.ImportFile{
		Intestazione: eli2.Intestazione{ComuneBelfiore: "D612", ComuneIstat: "048017", Sportello: "URP",
			Operatore: "OP1", DataCreazione: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC),
			Software: "test", VersioneSoftware: "1"},
		Pratiche: []eli2.Pratica{good, bad},
	}
	var buf bytes.Buffer
	require.NoError(t, eli2.EncodeFile(&buf, f))
	path := filepath.Join(t.TempDir(), "pratiche.xml")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o600))
	return path
}

func TestPreviewCommand(t *testing.T) {
	in := previewSample(t)
	out := filepath.Join(t.TempDir(), "anteprima.html")
	var stdout, stderr bytes.Buffer
	code := run([]string{"preview", in, "--out", out, "--mask-cf"}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "2 pratiche")
	page, err := os.ReadFile(out)
	require.NoError(t, err)
	html := string(page)
	assert.Contains(t, html, "Pratica P1")
	assert.Contains(t, html, "Pratica P2")
	assert.Contains(t, html, "DLLMLN*********T")
	assert.NotContains(t, html, "DLLMLN85M41Z100T")
	assert.NotContains(t, html, "<SCRIPT>")
	assert.Contains(t, html, `data-path="Domicilio.CAP"`)
	assert.Regexp(t, `(?s)<div class="field has-error" data-path="Domicilio.CAP">.*?5013.*?</div>`, html)
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(out)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	}
}

func TestPreviewCommandOnePratica(t *testing.T) {
	in := previewSample(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"preview", "--pratica", "P2", "--lang", "en", "--out", "-", in}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	html := stdout.String()
	assert.Contains(t, html, `<html lang="en">`)
	assert.Contains(t, html, "Application P2")
	assert.NotContains(t, html, "Application P1")
}

func TestPreviewCommandFailures(t *testing.T) {
	in := previewSample(t)
	dir := t.TempDir()
	broken := filepath.Join(dir, "rotto.xml")
	data, err := os.ReadFile(in)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(broken, data[:len(data)/2], 0o600))

	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no input", []string{"--out", "x.html"}, 2, "indicare il file"},
		{"no out", []string{in}, 2, "--out"},
		{"two files", []string{in, in, "--out", "x.html"}, 2, "un solo file"},
		{"bad lang", []string{in, "--out", "x.html", "--lang", "fr"}, 2, "non supportata"},
		{"db without person", []string{"--db", "sqlite:x.db", "--out", "x.html"}, 2, "--person"},
		{"unknown flag", []string{in, "--bogus"}, 2, "bogus"},
		{"missing file", []string{filepath.Join(dir, "manca.xml"), "--out", "x.html"}, 2, "manca.xml"},
		{"truncated file", []string{broken, "--out", "x.html"}, 2, ""},
		{"unknown pratica", []string{in, "--pratica", "P9", "--out", "x.html"}, 2, "P9"},
		{"db flags without db", []string{in, "--tipologia", "16", "--out", "x.html"}, 2, "solo con --db"},
		{"operator without db", []string{in, "--operatore", "op1", "--out", "x.html"}, 2, "solo con --db"},
		{"bad request type", []string{"--db", "sqlite:x.db", "--person", "1", "--richiesta", "BOH", "--out", "x.html"}, 2, "BOH"},
		{"out is the input", []string{in, "--out", in}, 2, "file di importazione"},
		{"bad db url", []string{"--db", "mysql://x", "--person", "1", "--out", "x.html", "--audit-log", "a.log"}, 2, "sqlreg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "x.html")
			require.NoError(t, os.WriteFile(out, []byte("precedente"), 0o600))
			args := append([]string{"preview"}, tt.args...)
			for i, a := range args {
				switch a {
				case "x.html":
					args[i] = out
				case "a.log":
					args[i] = filepath.Join(dir, a)
				}
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			assert.Equal(t, tt.code, code, stderr.String())
			assert.Contains(t, stderr.String(), tt.msg)
			b, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, "precedente", string(b), "existing output untouched on failure")
			ents, err := os.ReadDir(dir)
			require.NoError(t, err)
			for _, e := range ents {
				assert.False(t, strings.Contains(e.Name(), ".tmp-"), "temporary file left: %s", e.Name())
			}
		})
	}
}

func TestPreviewFlagsAnywhere(t *testing.T) {
	tests := []struct {
		args []string
		pos  []string
		out  string
	}{
		{[]string{"f.xml", "--out", "a"}, []string{"f.xml"}, "a"},
		{[]string{"--out", "a", "f.xml"}, []string{"f.xml"}, "a"},
		{[]string{"--out", "a", "--", "-f.xml"}, []string{"-f.xml"}, "a"},
		{[]string{"x", "--out=b", "y"}, []string{"x", "y"}, "b"},
	}
	for _, tt := range tests {
		var a previewArgs
		fs := newPreviewFlags(&a, io.Discard)
		pos, err := parseInterspersed(fs, tt.args)
		require.NoError(t, err)
		assert.Equal(t, tt.pos, pos, tt.args)
		assert.Equal(t, tt.out, a.out)
	}
}

// previewRegister creates a SQLite register holding the anagrafetest
// fixtures and returns its URL.
func previewRegister(t *testing.T) string {
	t.Helper()
	url := "sqlite:" + filepath.Join(t.TempDir(), "anagrafe.db")
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, url, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.NoError(t, src.InsertRecords(ctx, anagrafetest.Records()...))
	require.NoError(t, src.Close())
	return url
}

func TestPreviewCommandFromRegister(t *testing.T) {
	url := previewRegister(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "p001.html")
	audit := filepath.Join(dir, "accessi.log")
	want := anagrafetest.ByID("P001")
	require.NotNil(t, want)

	var stdout, stderr bytes.Buffer
	code := run([]string{"preview", "--db", url, "--person", "P001", "--out", out,
		"--audit", audit, "--operator", "OP7", "--mask-cf"}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	page, err := os.ReadFile(out)
	require.NoError(t, err)
	html := string(page)
	assert.Contains(t, html, "Pratica P001")
	assert.Contains(t, html, strings.ToUpper(want.Person.Surname))
	assert.Contains(t, html, "Figli")
	// the indicative fees of issue 14, with their source
	assert.Contains(t, html, "Importi indicativi")
	assert.Contains(t, html, "DM")
	if cf := want.Person.CodiceFiscale; cf != "" {
		assert.NotContains(t, html, cf)
	}
	log, err := os.ReadFile(audit)
	require.NoError(t, err)
	assert.Contains(t, string(log), `"P001"`)
	assert.Contains(t, string(log), `"preview"`)
	assert.Contains(t, string(log), `"OP7"`)

	// An unknown person: error, no page.
	missing := filepath.Join(dir, "nessuno.html")
	code = run([]string{"preview", "--db", url, "--person", "NOPE", "--out", missing}, &stdout, &stderr)
	assert.Equal(t, 2, code)
	assert.NoFileExists(t, missing)
}

// TestPreviewCommandReadOnlyRegister: preview reads a register without
// changing its file, and a missing register is an error, not a new file.
func TestPreviewCommandReadOnlyRegister(t *testing.T) {
	url := previewRegister(t)
	path := strings.TrimPrefix(url, "sqlite:")
	before := dbSum(t, path)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"preview", "--db", url, "--person", "P001", "--out", filepath.Join(dir, "p.html")}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Equal(t, before, dbSum(t, path), "the register file is unchanged")
	assert.Equal(t, []string{"anagrafe.db"}, dirNames(t, filepath.Dir(path)), "no -wal or -shm file left")

	stderr.Reset()
	absent := filepath.Join(dir, "assente.db")
	code = run([]string{"preview", "--db", "sqlite:" + absent, "--person", "P001", "--out", filepath.Join(dir, "q.html")}, &stdout, &stderr)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr.String(), "assente.db")
	assert.NoFileExists(t, absent)
	assert.NoFileExists(t, filepath.Join(dir, "q.html"))
}

func TestPreviewCommandSampleFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "eli2", "valid", "*.xml"))
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no sample files in testdata/eli2/valid")
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "p.html")
			var stdout, stderr bytes.Buffer
			code := run([]string{"preview", in, "--out", out}, &stdout, &stderr)
			require.Equal(t, 0, code, stderr.String())
			assert.Contains(t, stdout.String(), "0 errori")
			page, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Contains(t, string(page), `<article class="pratica"`)
			assert.True(t, strings.HasSuffix(string(page), "</html>\n"))
		})
	}
}

// A large file is refused without --pratica or --limit (issue 11: bounded
// work on any input); --limit shows the first N and counts the rest.
func TestPreviewCommandLargeFile(t *testing.T) {
	in := previewSample(t)
	src, err := os.Open(in)
	require.NoError(t, err)
	f, err := eli2.DecodeFile(src)
	src.Close()
	require.NoError(t, err)
	// enough applications to pass the size guard
	one := f.Pratiche[0]
	f.Pratiche = nil
	for i := 0; i < previewMaxBytes/1000; i++ {
		p := one
		p.ID = fmt.Sprintf("P%05d", i)
		f.Pratiche = append(f.Pratiche, p)
	}
	f.Intestazione.NumeroPratiche = len(f.Pratiche)
	var buf bytes.Buffer
	require.NoError(t, eli2.EncodeFile(&buf, f))
	require.Greater(t, buf.Len(), previewMaxBytes)
	path := filepath.Join(t.TempDir(), "grande.xml")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o600))

	var stdout, stderr bytes.Buffer
	code := run([]string{"preview", path, "--out", "-"}, &stdout, &stderr)
	assert.Equal(t, exitCannotRun, code)
	assert.Contains(t, stderr.String(), "--limit")
	assert.Empty(t, stdout.String())

	stdout.Reset()
	stderr.Reset()
	out := filepath.Join(t.TempDir(), "p.html")
	code = run([]string{"preview", path, "--limit", "1", "--out", out}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "1 pratiche")
	assert.Contains(t, stdout.String(), fmt.Sprintf("altre %d pratiche non mostrate", len(f.Pratiche)-1))
	page, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(page), "Pratica P00000")
	assert.NotContains(t, string(page), "Pratica P00001")
}
