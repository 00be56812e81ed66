package main

import (
	"bytes"
	"encoding/json"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
)

// checkGolden compares got with testdata/NAME, rewriting it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got))
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

// TestValidateRules: --rules prints the catalogue (eli2.Rules), text or
// JSON, and takes no file.
func TestValidateRules(t *testing.T) {
	code, out, errOut := runCLI("validate", "--rules")
	assert.Equal(t, 0, code, errOut)
	checkGolden(t, "validate/rules.txt", out)

	code, out, errOut = runCLI("validate", "--rules", "--json", "--lang", "en")
	assert.Equal(t, 0, code, errOut)
	var rules []map[string]string
	require.NoError(t, json.Unmarshal([]byte(out), &rules))
	require.Len(t, rules, len(eli2.Rules()))
	for _, r := range rules {
		for _, k := range []string{"codice", "gravita", "fonte", "messaggio_it", "messaggio_en"} {
			assert.NotEmpty(t, r[k], "%s of %s", k, r["codice"])
		}
	}
	code, out, errOut = runCLI("validate", "--rules", "--lang", "en")
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "renewal_late (warning)\n  source: art. 5 c.4 d.lgs. 286/1998")

	code, _, _ = runCLI("validate", "--rules", validDir+"/batch.xml")
	assert.Equal(t, 2, code, "--rules takes no file")
}

// TestValidateRunDateAndPolicy: --on is the run date (a file dated after
// it is an error), and the policy flags override the time rules.
func TestValidateRunDateAndPolicy(t *testing.T) {
	file := invalidDir + "/solo_avvisi.xml" // dated 2026-11-25, permit expiring 2026-12-31
	// A day of margin each side: the creation time is read in the local zone.
	code, out, _ := runCLI("validate", file, "--on", "2026-11-23")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "[file_date_in_future]")
	code, out, _ = runCLI("validate", file, "--on", "2026-11-26")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "[renewal_late]")
	code, out, _ = runCLI("validate", file, "--rinnovo-anticipo", "30g")
	assert.Equal(t, 0, code)
	assert.NotContains(t, out, "[renewal_late]")
	code, out, _ = runCLI("validate", file, "--rinnovo-anticipo", "2m", "--json")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, `"codice":"renewal_late"`)

	for _, bad := range [][]string{
		{"--on", "25/11/2026"}, {"--rinnovo-anticipo", "60"}, {"--revisione-anagrafica", "6w"}, {"--eta-figli", "x"},
	} {
		code, _, errOut := runCLI(append([]string{"validate", file}, bad...)...)
		assert.Equal(t, 2, code, "%v: %s", bad, errOut)
	}
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
