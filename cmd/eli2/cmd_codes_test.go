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
)

func runCodesCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"codes"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCodesComuneJSON(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []map[string]string
	}{
		{"vignola all", []string{"comune", "vignola", "--json"}, []map[string]string{
			{"codice_catastale": "L885", "codice_istat": "036046", "denominazione": "VIGNOLA", "provincia": "MO", "valido_dal": "1861-03-17", "valido_al": ""},
			{"codice_catastale": "L884", "codice_istat": "022937", "denominazione": "VIGNOLA", "provincia": "TN", "valido_dal": "1923-02-14", "valido_al": "1929-01-24"},
			{"codice_catastale": "L884", "codice_istat": "802868", "denominazione": "VIGNOLA", "provincia": "TN", "valido_dal": "1920-10-16", "valido_al": "1923-02-13"},
		}},
		{"flags first", []string{"comune", "--json", "--provincia", "mo", "Vignola"}, []map[string]string{
			{"codice_catastale": "L885", "codice_istat": "036046", "denominazione": "VIGNOLA", "provincia": "MO", "valido_dal": "1861-03-17", "valido_al": ""},
		}},
		{"belfiore on date", []string{"comune", "A089", "--on=1920-01-01", "--json"}, []map[string]string{
			{"codice_catastale": "A089", "codice_istat": "084001", "denominazione": "GIRGENTI", "provincia": "AG", "valido_dal": "1861-03-17", "valido_al": "1927-07-26"},
		}},
		{"istat code", []string{"comune", "111049", "--json"}, []map[string]string{
			{"codice_catastale": "F991", "codice_istat": "111049", "denominazione": "NUXIS", "provincia": "SU", "valido_dal": "2016-04-28", "valido_al": ""},
		}},
		{"casagiove 1927 in Napoli", []string{"comune", "--on", "1927-06-01", "b860", "--json"}, []map[string]string{
			{"codice_catastale": "B860", "codice_istat": "063829", "denominazione": "CASAGIOVE", "provincia": "NA", "valido_dal": "1927-01-12", "valido_al": "1928-06-27"},
		}},
		{"two words", []string{"comune", "--json", "abano", "terme"}, []map[string]string{
			{"codice_catastale": "A001", "codice_istat": "028001", "denominazione": "ABANO TERME", "provincia": "PD", "valido_dal": "1924-11-14", "valido_al": ""},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCodesCLI(tc.args...)
			require.Equal(t, 0, code, errs)
			var got []map[string]string
			require.NoError(t, json.Unmarshal([]byte(out), &got), out)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestCodesStatoJSON(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []map[string]string
	}{
		{"dissolved Z-code", []string{"stato", "z118", "--json"}, []map[string]string{
			{"codice_catastale": "Z118", "codice_istat": "", "denominazione": "Jugoslavia", "iso3": "", "valido_dal": "1900-01-01", "valido_al": "2003-02-03"},
		}},
		{"iso3", []string{"stato", "--json", "HRV"}, []map[string]string{
			{"codice_catastale": "Z149", "codice_istat": "250", "denominazione": "CROAZIA", "iso3": "HRV", "valido_dal": "1900-01-01", "valido_al": ""},
		}},
		{"apolide", []string{"stato", "999", "--json"}, []map[string]string{
			{"codice_catastale": "", "codice_istat": "999", "denominazione": "APOLIDE", "iso3": "", "valido_dal": "1900-01-01", "valido_al": ""},
		}},
		{"name", []string{"stato", "croazia", "--on", "2020-01-01", "--json"}, []map[string]string{
			{"codice_catastale": "Z149", "codice_istat": "250", "denominazione": "CROAZIA", "iso3": "HRV", "valido_dal": "1900-01-01", "valido_al": ""},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCodesCLI(tc.args...)
			require.Equal(t, 0, code, errs)
			var got []map[string]string
			require.NoError(t, json.Unmarshal([]byte(out), &got), out)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestCodesErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		code    int
		message string
	}{
		{"no match", []string{"comune", "atlantide"}, 1, "nessun comune trovato"},
		{"ceased today", []string{"comune", "gallico", "--on", "2024-01-01"}, 1, "nessun comune trovato"},
		{"not valid yet", []string{"comune", "F991", "--on", "1950-01-01"}, 1, "nessun comune trovato"},
		{"wrong province", []string{"comune", "paterno", "--provincia", "MI"}, 1, "in provincia MI"},
		{"unknown state", []string{"stato", "Z998"}, 1, "nessuno stato trovato"},
		{"dissolved state on later date", []string{"stato", "Z118", "--on", "2010-01-01"}, 1, "nessuno stato trovato"},
		{"bad date", []string{"comune", "vignola", "--on", "24/01/2020"}, 2, "data --riferimento non valida"},
		{"missing query", []string{"comune", "--json"}, 2, "manca la QUERY"},
		{"unknown kind", []string{"regione", "x"}, 2, "tipo di ricerca sconosciuto"},
		{"no kind", nil, 2, "uso:"},
		{"unknown flag", []string{"stato", "x", "--provincia", "MO"}, 2, "provincia"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCodesCLI(tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, tc.message)
		})
	}
}

func TestCodesGolden(t *testing.T) {
	tests := []struct {
		file string
		args []string
	}{
		{"comune_vignola.txt", []string{"comune", "vignola"}},
		{"comune_paterno_oggi.txt", []string{"comune", "Paternò", "--on", "2024-01-01"}},
		{"comune_nuxis_storia.txt", []string{"comune", "F991"}},
		{"stato_jugoslavia.txt", []string{"stato", "jugoslavia"}},
		{"stato_apolide.txt", []string{"stato", "999"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			code, out, errs := runCodesCLI(tc.args...)
			require.Equal(t, 0, code, errs)
			path := filepath.Join("testdata", "codes", tc.file)
			if *golden.Update {
				require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run with -update to create")
			assert.Equal(t, string(want), out)
			assert.True(t, strings.HasPrefix(out, "CODICE CATASTALE"))
		})
	}
}
