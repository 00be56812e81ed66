package preview_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/preview"
)

func TestRenderRegisterSpelling(t *testing.T) {
	// Issue 10: the preview shows the register's spelling beside the name
	// written as in the passport, when they differ.
	p := &eli2.Pratica{ID: "P1", Richiedente: eli2.Richiedente{Cognome: "MUELLER", Nome: "JOSE MARIA"},
		Familiari: []eli2.Familiare{{Relazione: eli2.Figlio, Cognome: "MUELLER", Nome: "NICOLO"}}}
	tests := []struct {
		name     string
		lang     preview.Lang
		register map[string]string
		want     []string
		absent   []string
	}{
		{"italian", preview.Italian, map[string]string{"Richiedente.Nome": "José María", "Familiari[0].Nome": "Nicolò"},
			[]string{"in anagrafe: José María", "in anagrafe: Nicolò"}, []string{"in anagrafe: Müller"}},
		{"english", preview.English, map[string]string{"Richiedente.Cognome": "Müller"},
			[]string{"in the register: Müller"}, []string{"in the register: José"}},
		{"same spelling is not repeated", preview.Italian, map[string]string{"Richiedente.Cognome": "MUELLER"},
			nil, []string{"in anagrafe"}},
		{"no register spellings", preview.Italian, nil, nil, []string{"in anagrafe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := preview.Render(&b, preview.Document{Items: []preview.Item{{Pratica: p, Register: tt.register}}}, preview.Options{Lang: tt.lang})
			require.NoError(t, err)
			for _, w := range tt.want {
				assert.Contains(t, b.String(), w)
			}
			for _, w := range tt.absent {
				assert.NotContains(t, b.String(), w)
			}
		})
	}
}
