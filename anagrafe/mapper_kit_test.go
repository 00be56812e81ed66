package anagrafe_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

func TestMapKitFromEditionInForce(t *testing.T) {
	// Issue 10: a kit code is judged by the edition in force on the file
	// date (2006 table up to 2024-05-29, Poste Italiane 2024 table from
	// 2024-05-30: codes/data/kit_edizioni.csv); the mapper never derives a
	// code not in force, and leaves it to the desk (0) when the register
	// holds none (ANPR's permit record has no motive).
	const (
		in2026 codes.Date = 20260615
		in2020 codes.Date = 20200615
	)
	tests := []struct {
		name   string
		on     codes.Date
		tipo   eli2.TipoRichiesta
		permit anagrafe.Permit
		want   int
		titolo eli2.TipoTitolo
	}{
		{"16 in force in both editions", in2026, "", anagrafe.Permit{Type: "1", Kit: 16}, 16, eli2.Permesso},
		{"26 turismo in 2020", in2020, "", anagrafe.Permit{Type: "1", Kit: 26, Motive: "Turismo"}, 26, eli2.Permesso},
		{"26 turismo in 2026: gone, no successor, the desk chooses", in2026, "", anagrafe.Permit{Type: "1", Kit: 26, Motive: "Turismo"}, 0, eli2.Permesso},
		{"25 tirocinio in 2026: its successor 24", in2026, "", anagrafe.Permit{Type: "1", Kit: 25}, 24, eli2.Permesso},
		{"22 ricerca scientifica in 2026: its successor 27", in2026, "", anagrafe.Permit{Type: "1", Kit: 22}, 27, eli2.Permesso},
		{"22 ricerca scientifica in 2020", in2020, "", anagrafe.Permit{Type: "1", Kit: 22}, 22, eli2.Permesso},
		{"ANPR-shaped: no kit, no motive", in2026, "", anagrafe.Permit{Type: "1"}, 0, eli2.Permesso},
		{"no kit, motive matching a 2024 description", in2026, "", anagrafe.Permit{Type: "1", Motive: "lavoro subordinato stagionale"}, 18, eli2.Permesso},
		{"no kit, carta", in2026, "", anagrafe.Permit{Type: "2"}, 9, eli2.Carta},
		{"unknown kit 99, no motive", in2026, "", anagrafe.Permit{Type: "1", Kit: 99}, 0, eli2.Permesso},
		{"7 asilo allows rinnovo in 2026", in2026, "", anagrafe.Permit{Type: "1", Kit: 7}, 7, eli2.Permesso},
		{"7 asilo does not allow rilascio in 2026", in2026, eli2.Rilascio, anagrafe.Permit{Type: "1", Kit: 7, Motive: "Asilo rinnovo"}, 0, ""},
		{"2 affidamento: no rilascio in 2024", in2026, eli2.Rilascio, anagrafe.Permit{Type: "1", Kit: 2}, 0, ""},
		{"2 affidamento: rilascio in 2020", in2020, eli2.Rilascio, anagrafe.Permit{Type: "1", Kit: 2}, 2, eli2.Permesso},
		{"aggiornamento of a permesso", in2026, eli2.Aggiornamento, anagrafe.Permit{Type: "1", Kit: 26}, 4, eli2.Permesso},
		{"duplicato of a carta", in2026, eli2.Duplicato, anagrafe.Permit{Type: "2", Kit: 9}, 11, eli2.Carta},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := household(t, "P001", nil)
			pm := tt.permit
			pm.Number, pm.IssueDate, pm.ExpiryDate, pm.Questura = "I1", tt.on.AddMonths(-12), tt.on.AddMonths(6), "FI"
			rec.Person.Permit = &pm
			req := anagrafe.Request{TipoRichiesta: tt.tipo}
			p, _, err := anagrafe.Map(rec, req, anagrafe.MapOptions{On: tt.on, SkipValidation: true})
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Richiesta.Tipologia)
			assert.Equal(t, tt.titolo, p.Richiesta.TipoTitolo)
			if tt.want != 0 {
				_, ok := codes.Default().KitOn(tt.want, tt.on)
				assert.True(t, ok, "a code in force")
			}
		})
	}
}

func TestMapKitFamigliaMinore(t *testing.T) {
	// Kit 14 (famiglia, minore) for an applicant aged 14–17 whose famiglia
	// permit the register records by motive only (l. 122/2016: from 14 a
	// minor applies in person); a kit code the register holds is kept.
	tests := []struct {
		name   string
		kit    int
		motive string
		want   int
	}{
		{"motive famiglia, aged 15", 0, "Famiglia", 14},
		{"register says 13", 13, "Famiglia", 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := household(t, "P004", nil) // Omar, 15
			rec.Person.Permit.Kit, rec.Person.Permit.Motive = tt.kit, tt.motive
			p, _, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: 20260615, SkipValidation: true})
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Richiesta.Tipologia)
		})
	}
}

func TestMapReportsUnknownRegisterCodes(t *testing.T) {
	// Issue 10: unknown relation and document codes are reported
	// (code_not_recognised, a warning), never silently dropped.
	tests := []struct {
		name string
		edit func(ms []anagrafe.Person)
		path string
	}{
		{"member with relation 77", func(ms []anagrafe.Person) { ms[2].Relation = "77" }, "Familiari"},
		{"document of an unknown kind", func(ms []anagrafe.Person) {
			ms[0].Documents = append(ms[0].Documents, anagrafe.IdentityDocument{Kind: "77", Number: "X1"})
		}, "Documento"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := household(t, "P001", tt.edit)
			_, probs, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: 20260615})
			require.NoError(t, err)
			var found []eli2.Problem
			for _, p := range probs {
				if p.Code == eli2.CodeCodeNotRecognised {
					found = append(found, p)
				}
			}
			require.Len(t, found, 1)
			assert.Equal(t, tt.path, found[0].Path)
			assert.Equal(t, eli2.SeverityWarning, found[0].Severity)
			assert.Contains(t, found[0].Message, "77")
		})
	}
	_, probs, err := anagrafe.Map(household(t, "P001", nil), anagrafe.Request{}, anagrafe.MapOptions{On: 20260615})
	require.NoError(t, err)
	for _, p := range probs {
		assert.NotEqual(t, eli2.CodeCodeNotRecognised, p.Code, "known codes are not reported")
	}
}

func TestMapWithoutKitCodeIsExported(t *testing.T) {
	// Issue 10: ANPR's permit record holds no motive; with no kit code the
	// person is still exported, Tipologia empty, and validation warns that
	// the desk must choose it (kit_to_choose).
	rec := household(t, "P001", nil)
	rec.Person.Permit.Kit, rec.Person.Permit.Motive = 0, ""
	p, probs, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: 20260615})
	require.NoError(t, err)
	assert.Zero(t, p.Richiesta.Tipologia)
	assert.Equal(t, eli2.Permesso, p.Richiesta.TipoTitolo, "the title held")
	assert.Empty(t, errorsOf(probs))
	assert.Contains(t, codesOf(probs), eli2.CodeKitToChoose)
}
