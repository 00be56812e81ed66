package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

// checkGolden compares got with testdata/NAME, rewriting it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run %s -update", t.Name())
	assert.Equal(t, string(want), got)
}

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

const (
	validDir   = "../../testdata/eli2/valid"
	invalidDir = "../../testdata/eli2/invalid"
)

func TestValidateCommandGolden(t *testing.T) {
	cases := []struct {
		golden string
		args   []string
		exit   int
	}{
		{"validate/valid_batch.txt", []string{"validate", validDir + "/batch.xml"}, 0},
		{"validate/solo_avvisi.txt", []string{"validate", invalidDir + "/solo_avvisi.xml"}, 0},
		{"validate/domicilio.txt", []string{"validate", invalidDir + "/domicilio.xml"}, 1},
		{"validate/codice_fiscale.txt", []string{"validate", invalidDir + "/codice_fiscale.xml"}, 1},
		{"validate/codice_fiscale_personal.txt", []string{"validate", "--show-personal-data", invalidDir + "/codice_fiscale.xml"}, 1},
		{"validate/id_duplicato.txt", []string{"validate", invalidDir + "/id_duplicato.xml"}, 1},
		{"validate/conteggio_en.txt", []string{"validate", invalidDir + "/conteggio.xml", "--lang", "en"}, 1},
		{"validate/date.json", []string{"validate", invalidDir + "/date.xml", "--json"}, 1},
		{"validate/valid_batch.json", []string{"validate", "--json", validDir + "/batch.xml"}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.golden, func(t *testing.T) {
			code, out, errOut := runCLI(tc.args...)
			assert.Equal(t, tc.exit, code, errOut)
			assert.Empty(t, errOut)
			checkGolden(t, tc.golden, out)
		})
	}
}

func TestValidateCommandJSON(t *testing.T) {
	code, out, _ := runCLI("validate", invalidDir+"/conteggio.xml", "--json")
	assert.Equal(t, 1, code)
	var got struct {
		Pratiche int `json:"pratiche"`
		Errori   []map[string]string
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, 2, got.Pratiche)
	require.Len(t, got.Errori, 1)
	assert.Equal(t, map[string]string{"pratica": "", "campo": "Intestazione.NumeroPratiche", "codice": "count_mismatch",
		"gravita": "errore", "messaggio": got.Errori[0]["messaggio"]}, got.Errori[0])
	assert.True(t, strings.HasPrefix(out, `{"pratiche":2,"errori":[{"pratica":"","campo":`), out)

	code, out, _ = runCLI("validate", validDir+"/batch.xml", "--json")
	assert.Equal(t, 0, code)
	assert.Equal(t, `{"pratiche":3,"errori":[]}`+"\n", out)
}

func TestValidateCommandMasksPersonalData(t *testing.T) {
	_, out, _ := runCLI("validate", invalidDir+"/codice_fiscale.xml")
	assert.NotContains(t, out, "HXHRBN85C12Z100T")
	assert.Contains(t, out, "HXHRBN*********T")
	_, out, _ = runCLI("validate", invalidDir+"/codice_fiscale.xml", "--show-personal-data")
	assert.Contains(t, out, "HXHRBN85C12Z100T")
}

func TestValidateCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	require.NoError(t, os.WriteFile(bad, []byte("<?xml version=\"1.0\"?>\n<ELI2Import xmlns=\"urn:eli2sdk:import:1\" versione=\"1\">\n<Intestazione><Foo/>"), 0o600))
	code, out, errOut := runCLI("validate", bad)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "riga 3")

	code, _, errOut = runCLI("validate", filepath.Join(dir, "missing.xml"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "missing.xml")

	code, _, _ = runCLI("validate")
	assert.Equal(t, 2, code)
	code, _, _ = runCLI("validate", bad, "--lang", "fr")
	assert.Equal(t, 2, code)
	code, _, _ = runCLI("validate", bad, "--nope")
	assert.Equal(t, 2, code)
}

func TestInspectCommand(t *testing.T) {
	code, out, errOut := runCLI("inspect", validDir+"/batch.xml")
	assert.Equal(t, 0, code, errOut)
	checkGolden(t, "inspect/batch.txt", out)

	code, out, errOut = runCLI("inspect", "--show-personal-data", validDir+"/batch.xml")
	assert.Equal(t, 0, code, errOut)
	checkGolden(t, "inspect/batch_personal.txt", out)

	code, out, errOut = runCLI("inspect", invalidDir+"/titolo_e_visto.xml")
	assert.Equal(t, 0, code, errOut)
	checkGolden(t, "inspect/titolo_e_visto.txt", out)

	// A repeated id is content, for validate to report: inspect shows both.
	code, out, errOut = runCLI("inspect", invalidDir+"/id_duplicato.xml")
	assert.Equal(t, 0, code, errOut)
	assert.GreaterOrEqual(t, strings.Count(out, "P002"), 2, out)

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	require.NoError(t, os.WriteFile(bad, []byte("<!DOCTYPE x><x/>"), 0o600))
	code, out, errOut = runCLI("inspect", bad)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "riga 1")
	code, _, _ = runCLI("inspect")
	assert.Equal(t, 2, code)
}
