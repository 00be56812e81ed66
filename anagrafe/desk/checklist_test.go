package desk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/eli2"
)

func TestDefaultChecklistOnlySourcedRows(t *testing.T) {
	c := desk.DefaultChecklist()
	for _, tr := range eli2.TipiRichiesta {
		items := c.For(tr)
		require.Len(t, items, 2, "%s: Modulo 1 and passport copy only", tr)
		assert.Contains(t, items[0].Document, "Modulo 1")
		assert.Contains(t, items[1].Document, "passaporto")
		for _, it := range items {
			assert.Contains(t, it.Source, "Ministero dell'Interno")
		}
	}
}

func TestLoadChecklist(t *testing.T) {
	tests := []struct {
		name, in, err string
		rinnovo       int
	}{
		{"bom and type rows", "\ufeffTIPO_RICHIESTA;DOCUMENTO;FONTE\n*;Modulo 1;kit\nrinnovo;Copia del permesso;delibera comunale\nRILASCIO;Visto;kit\n", "", 2},
		{"bad header", "A;B;C\n", "line 1: header", 0},
		{"bad type", "TIPO_RICHIESTA;DOCUMENTO;FONTE\nRINNOVI;x;y\n", `line 2: TIPO_RICHIESTA "RINNOVI"`, 0},
		{"no document", "TIPO_RICHIESTA;DOCUMENTO;FONTE\n*;x;y\n*; ;y\n", "line 3: DOCUMENTO is empty", 0},
		{"no source", "TIPO_RICHIESTA;DOCUMENTO;FONTE\n*;x;\n", "line 2: FONTE is empty", 0},
		{"wrong field count", "TIPO_RICHIESTA;DOCUMENTO;FONTE\n*;x\n", "line 2", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := desk.LoadChecklist(strings.NewReader(tc.in))
			if tc.err != "" {
				require.ErrorIs(t, err, desk.ErrChecklist)
				assert.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Len(t, c.For(eli2.Rinnovo), tc.rinnovo)
			assert.Len(t, c.Items(), 3)
		})
	}
}

func TestLoadChecklistFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.csv")
	require.NoError(t, os.WriteFile(p, []byte("TIPO_RICHIESTA;DOCUMENTO;FONTE\nDUPLICATO;Denuncia di smarrimento;kit\n"), 0o600))
	c, err := desk.LoadChecklistFile(p)
	require.NoError(t, err)
	assert.Len(t, c.For(eli2.Duplicato), 1)
	assert.Empty(t, c.For(eli2.Rinnovo))
	_, err = desk.LoadChecklistFile(filepath.Join(t.TempDir(), "missing.csv"))
	require.ErrorIs(t, err, desk.ErrChecklist)
}

func FuzzLoadChecklist(f *testing.F) {
	f.Add("TIPO_RICHIESTA;DOCUMENTO;FONTE\n*;x;y\n")
	f.Add("TIPO_RICHIESTA;DOCUMENTO;FONTE\n\"a;b\n")
	f.Fuzz(func(t *testing.T, in string) {
		c, err := desk.LoadChecklist(strings.NewReader(in))
		if err != nil {
			require.ErrorIs(t, err, desk.ErrChecklist)
			return
		}
		for _, it := range c.Items() {
			require.NotEmpty(t, it.Document)
			require.NotEmpty(t, it.Source)
		}
	})
}
