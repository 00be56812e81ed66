package anagrafe_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
)

func TestRegisterSpellings(t *testing.T) {
	// Issue 10: names are written as the passport's MRZ (ICAO 9303:
	// diacritics dropped, Ü → UE, never an apostrophe for an accent); the
	// preview shows the register's spelling beside them.
	tests := []struct {
		name string
		edit func(ms []anagrafe.Person)
		want map[string]string
	}{
		{"plain names: upper case only, nothing to show", nil, map[string]string{}},
		{"already as in the passport", func(ms []anagrafe.Person) {
			for i := range ms {
				ms[i].Surname, ms[i].Name = "ROSSI", "ANNA"
			}
		}, map[string]string{}},
		{"diacritics", func(ms []anagrafe.Person) {
			for i := range ms {
				ms[i].Surname, ms[i].Name = "ROSSI", "ANNA"
			}
			ms[0].Name, ms[1].Surname, ms[2].Name = "José María", "Müller", "Nicolò"
		}, map[string]string{"Richiedente.Nome": "José María", "Familiari[0].Cognome": "Müller", "Familiari[1].Nome": "Nicolò"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := household(t, "P001", tt.edit)
			got, err := anagrafe.RegisterSpellings(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			p, _, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate, SkipValidation: true})
			require.NoError(t, err)
			if v, ok := got["Richiedente.Nome"]; ok {
				assert.NotEqual(t, v, p.Richiedente.Nome)
			}
		})
	}
	_, err := anagrafe.RegisterSpellings(anagrafetest.ByID("P040"), anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
	assert.ErrorIs(t, err, anagrafe.ErrNotSubject)
	_, err = anagrafe.RegisterSpellings(nil, anagrafe.Request{}, anagrafe.MapOptions{})
	assert.ErrorIs(t, err, anagrafe.ErrNilRecord)
}

func ExampleRegisterSpellings() {
	rec := anagrafetest.ByID("P020") // João Müller da Silva
	p, _, _ := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate, SkipValidation: true})
	reg, _ := anagrafe.RegisterSpellings(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
	fmt.Println(p.Richiedente.Cognome, "←", reg["Richiedente.Cognome"])
	fmt.Println(p.Richiedente.Nome, "←", reg["Richiedente.Nome"])
	// Output:
	// MUELLER DA SILVA ← Müller da Silva
	// JOAO ← João
}
