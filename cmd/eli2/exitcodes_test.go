package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExitCodesEveryCommand checks the one exit-code policy over every
// registered command, so that a new command cannot forget it: --help and
// -h exit 0, an unknown flag and a missing argument exit 2.
func TestExitCodesEveryCommand(t *testing.T) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	require.GreaterOrEqual(t, len(names), 7, "every command registers itself")
	for _, name := range names {
		tests := []struct {
			args []string
			want int
		}{
			{[]string{"-h"}, exitOK},
			{[]string{"--help"}, exitOK},
			{[]string{"--no-such-flag"}, exitCannotRun},
			{nil, exitCannotRun},
		}
		for _, tt := range tests {
			t.Run(name+" "+filepath.Join(tt.args...), func(t *testing.T) {
				rc, stdout, stderr := exportRun(append([]string{name}, tt.args...)...)
				assert.Equal(t, tt.want, rc, stdout+stderr)
				if tt.want == exitOK {
					assert.Contains(t, stdout+stderr, "uso", "help is printed")
				}
			})
		}
	}
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		rc, _, _ := exportRun(args...)
		assert.Equal(t, exitOK, rc, args)
	}
	rc, _, _ := exportRun()
	assert.Equal(t, exitCannotRun, rc)
	rc, _, _ = exportRun("no-such-command")
	assert.Equal(t, exitCannotRun, rc)
}

// TestUnreadableInputNamed: an empty file, a text file, a binary file and a
// missing file are each called what they are, by validate (text and
// --json), inspect and preview, with exit code 2.
func TestUnreadableInputNamed(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o600))
		return p
	}
	tests := []struct {
		name, path, code, msg string
	}{
		{"empty", write("vuoto.xml", ""), inputEmpty, "il file è vuoto"},
		{"blanks", write("spazi.xml", " \n\t\n"), inputEmpty, "il file è vuoto"},
		{"text", write("testo.xml", "Cognome;Nome\nROSSI;MARIO\n"), inputNotXML, "non è un file XML"},
		{"binary", write("bin.xml", "PK\x03\x04\x00\x00binary"), inputNotXML, "non è un file XML"},
		{"missing", filepath.Join(dir, "manca.xml"), inputNotFound, "file non trovato"},
		{"directory", dir, inputUnreadable, "cartella"},
		{"other XML", write("altro.xml", `<?xml version="1.0"?><foo/>`), inputBadFormat, "ELI2Import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc, _, stderr := exportRun("validate", tt.path)
			assert.Equal(t, exitCannotRun, rc)
			assert.Contains(t, stderr, tt.msg)

			rc, stdout, stderr := exportRun("validate", "--json", tt.path)
			assert.Equal(t, exitCannotRun, rc)
			assert.Empty(t, stderr, "--json reports errors in JSON")
			var out struct {
				File   string `json:"file"`
				Errore struct {
					Codice    string `json:"codice"`
					Messaggio string `json:"messaggio"`
				} `json:"errore"`
			}
			require.NoError(t, json.Unmarshal([]byte(stdout), &out), stdout)
			assert.Equal(t, tt.code, out.Errore.Codice)
			assert.Contains(t, out.Errore.Messaggio, tt.msg)
			assert.Equal(t, tt.path, out.File)

			rc, _, stderr = exportRun("inspect", tt.path)
			assert.Equal(t, exitCannotRun, rc)
			assert.Contains(t, stderr, tt.msg)

			html := filepath.Join(t.TempDir(), "p.html")
			rc, _, stderr = exportRun("preview", tt.path, "--out", html)
			assert.Equal(t, exitCannotRun, rc)
			assert.Contains(t, stderr, tt.msg)
			assert.NoFileExists(t, html)
		})
	}
}
