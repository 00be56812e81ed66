package main

import (
	"bytes"
	"encoding/json"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCFCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"cf"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCFDecodeJSON(t *testing.T) {
	var out, errb bytes.Buffer
	rc := run([]string{"cf", "decode", "RSSMRA85T10A562S", "--json"}, &out, &errb)
	require.Equal(t, 0, rc, errb.String())
	var got map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	assert.Equal(t, map[string]any{
		"codice":       "RSSMRA85T10A562S",
		"valido":       true,
		"omocodico":    false,
		"codice_base":  "RSSMRA85T10A562S",
		"sesso":        "M",
		"data_nascita": "1985-12-10",
		"luogo_nascita": map[string]any{
			"tipo":             "comune",
			"codice_catastale": "A562",
			"codice_istat":     "050031",
			"denominazione":    "SAN GIULIANO TERME",
			"provincia":        "PI",
		},
	}, got)
}

func TestCFDecodeJSONVariants(t *testing.T) {
	// flag before the code, omocodic code, lower case
	rc, out, _ := runCFCLI("decode", "--json", "rssmra85t10a56nh")
	require.Equal(t, 0, rc)
	var got struct {
		Codice, CodiceBase, Sesso, DataNascita string
		Omocodico                              bool
		Luogo                                  map[string]any `json:"luogo_nascita"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, "RSSMRA85T10A56NH", got.Codice)
	assert.True(t, got.Omocodico)

	// a dissolved state
	rc, out, _ = runCFCLI("decode", "RSSMRA85T10Z118N", "--json")
	require.Equal(t, 0, rc)
	var st struct {
		Luogo map[string]any `json:"luogo_nascita"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &st))
	assert.Equal(t, "stato", st.Luogo["tipo"])
	assert.Equal(t, "Z118", st.Luogo["codice_catastale"])
	assert.Equal(t, true, st.Luogo["cessato"])
	assert.Contains(t, st.Luogo["successori"], "250")
}

// A well-formed code whose birthplace code is missing from the tables (Z113
// Gibilterra, a real foreign-territory code) is valid; the place is unknown
// (issue 13: decode and check must agree).
func TestCFDecodeUnknownPlace(t *testing.T) {
	rc, out, _ := runCFCLI("decode", "RSSMRA80E05Z113C", "--json")
	require.Equal(t, 0, rc, out)
	var got struct {
		Valido bool
		Luogo  map[string]any `json:"luogo_nascita"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.True(t, got.Valido)
	assert.Equal(t, "sconosciuto", got.Luogo["tipo"])
	assert.Equal(t, "Z113", got.Luogo["codice_catastale"])

	rc, out, _ = runCFCLI("decode", "RSSMRA80E05Z113C")
	require.Equal(t, 0, rc)
	assert.Contains(t, out, "valido")
	assert.Contains(t, out, "Z113 non presente nelle tabelle")

	rc, out, _ = runCFCLI("check", "RSSMRA80E05Z113C")
	require.Equal(t, 0, rc)
	assert.Contains(t, out, "codice fiscale valido")
}

func TestCFDecodeInvalidJSON(t *testing.T) {
	for _, tc := range []struct{ code, errore string }{
		{"RSSMRA85T10A562T", "cf_checksum"},
		{"RSSMRA85T10A562", "cf_length"},
		{"RSSMRA85F10A562S", "cf_month"},
		{"RSSMRA85T32A562S", "cf_day"},
		{"RSSMRA8XT10A562S", "cf_character"},
	} {
		rc, out, _ := runCFCLI("decode", tc.code, "--json")
		assert.Equal(t, 1, rc, tc.code)
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		assert.Equal(t, false, got["valido"])
		assert.Equal(t, tc.errore, got["errore"])
		assert.NotContains(t, out, tc.code, "an invalid code is not echoed")
	}
}

func TestCFDecodeGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		rc   int
	}{
		{"cf_decode_rossi.txt", []string{"decode", "RSSMRA85T10A562S", "--riferimento", "2026-11-25"}, 0},
		{"cf_decode_omocodico.txt", []string{"decode", "RSSMRAURTMLARSNL", "--riferimento", "2026-11-25"}, 0},
		{"cf_decode_jugoslavia.txt", []string{"decode", "RSSMRA85T10Z118N", "--riferimento", "2026-11-25"}, 0},
		{"cf_decode_provvisorio.json", []string{"decode", "12345678903", "--json"}, 0},
		{"cf_decode_jugoslavia.json", []string{"decode", "--riferimento=2026-11-25", "RSSMRA85T10Z118N", "--json"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc, out, errb := runCFCLI(tc.args...)
			require.Equal(t, tc.rc, rc, errb)
			golden.Check(t, filepath.Join("testdata", "cf", tc.name), []byte(out))
		})
	}
}

func TestCFCheck(t *testing.T) {
	rc, out, _ := runCFCLI("check", "RSSMRA85T10A562S")
	assert.Equal(t, 0, rc)
	assert.Equal(t, "codice fiscale valido\n", out)

	rc, out, _ = runCFCLI("check", " rssmrAURTMLARSNL ")
	assert.Equal(t, 0, rc)
	assert.Contains(t, out, "omocodico")

	rc, out, _ = runCFCLI("check", "12345678903")
	assert.Equal(t, 0, rc)
	assert.Contains(t, out, "provvisorio")

	rc, _, errb := runCFCLI("check", "RSSMRA85T10A562T")
	assert.Equal(t, 1, rc)
	assert.Contains(t, errb, "carattere di controllo errato")
	assert.NotContains(t, errb, "RSSMRA85T10A562T")

	rc, _, errb = runCFCLI("check", "12345678904")
	assert.Equal(t, 1, rc)
	assert.Contains(t, errb, "controllo")

	unknown, err := cf.Compute(cf.Person{Surname: "Rossi", Name: "Mario", Sex: 'M', Birth: codes.NewDate(1985, 12, 10), PlaceCode: "Z999"})
	require.NoError(t, err)
	rc, out, _ = runCFCLI("check", unknown.String())
	assert.Equal(t, 0, rc, "the check character is right")
	assert.Contains(t, out, "attenzione")

	rc, _, _ = runCFCLI("check")
	assert.Equal(t, 2, rc)
	rc, _, _ = runCFCLI("check", "A", "B")
	assert.Equal(t, 2, rc)
}

func TestCFCompute(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--cognome", "Rossi", "--nome", "Mario", "--sesso", "M", "--data", "1985-12-10", "--luogo", "San Giuliano Terme"}, "RSSMRA85T10A562S"},
		{[]string{"--cognome", "Rossi", "--nome", "Mario", "--sesso", "m", "--data", "1985-12-10", "--luogo", "A562"}, "RSSMRA85T10A562S"},
		{[]string{"--cognome=Rossi", "--nome=Maria", "--sesso=F", "--data=1985-12-10", "--luogo=san giuliano terme", "--provincia=pi"}, "RSSMRA85T50A562W"},
		{[]string{"--cognome", "Bianchi", "--nome", "Gianfranco", "--sesso", "M", "--data", "1970-01-01", "--luogo", "Milano"}, "BNCGFR70A01F205R"},
		{[]string{"--cognome", "Müller", "--nome", "Niccolò", "--sesso", "M", "--data", "1990-07-04", "--luogo", "Roma", "--provincia", "RM"}, "MLLNCL90L04H501M"},
		{[]string{"--cognome", "Fo", "--nome", "Li", "--sesso", "F", "--data", "2001-02-28", "--luogo", "Z210"}, "FOXLIX01B68Z210I"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			rc, out, errb := runCFCLI(append([]string{"compute"}, tc.args...)...)
			require.Equal(t, 0, rc, errb)
			assert.Equal(t, tc.want+"\n", out)
		})
	}
}

func TestCFComputePlaceErrors(t *testing.T) {
	base := []string{"compute", "--cognome", "Rossi", "--nome", "Mario", "--sesso", "M", "--data", "1925-03-01"}
	rc, out, errb := runCFCLI(append(base, "--luogo", "Vignola")...)
	assert.Equal(t, 1, rc)
	assert.Empty(t, out)
	assert.Contains(t, errb, "ambiguo")
	assert.Contains(t, errb, "L884")
	assert.Contains(t, errb, "L885")

	rc, out, _ = runCFCLI(append(base, "--luogo", "Vignola", "--provincia", "MO")...)
	assert.Equal(t, 0, rc)
	assert.True(t, strings.HasPrefix(out, "RSSMRA25C01L885"), out)

	rc, _, errb = runCFCLI(append(base, "--luogo", "Atlantide")...)
	assert.Equal(t, 1, rc)
	assert.Contains(t, errb, "non trovato")

	rc, _, errb = runCFCLI("compute", "--cognome", "Иванов", "--nome", "Ivan", "--sesso", "M", "--data", "1980-01-01", "--luogo", "Z154")
	assert.Equal(t, 1, rc)
	assert.Contains(t, errb, "passaporto")
	assert.NotContains(t, errb, "Иванов")

	rc, _, errb = runCFCLI("compute", "--cognome", "Rossi")
	assert.Equal(t, 2, rc)
	assert.Contains(t, errb, "--nome")
	rc, _, _ = runCFCLI("compute", "--cognome", "Rossi", "--nome", "Mario", "--sesso", "X", "--data", "1985-12-10", "--luogo", "A562")
	assert.Equal(t, 2, rc)
	rc, _, _ = runCFCLI("compute", "--cognome", "Rossi", "--nome", "Mario", "--sesso", "M", "--data", "10/12/1985", "--luogo", "A562")
	assert.Equal(t, 2, rc)
}

func TestCFVariantsAndUsage(t *testing.T) {
	rc, out, _ := runCFCLI("varianti", "RSSMRA85T10A562S")
	assert.Equal(t, 0, rc)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 7)
	assert.Equal(t, "RSSMRA85T10A56NH", lines[0])
	assert.Equal(t, "RSSMRA85T10A5SNT", lines[1])

	rc, _, _ = runCFCLI()
	assert.Equal(t, 2, rc)
	rc, _, _ = runCFCLI("--help")
	assert.Equal(t, 0, rc)
	rc, _, _ = runCFCLI("boh")
	assert.Equal(t, 2, rc)
	rc, _, _ = runCFCLI("decode", "--help")
	assert.Equal(t, 0, rc)
}
