package eli2

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

func testHeader(n int) Intestazione {
	return Intestazione{
		ComuneBelfiore: "D612", ComuneIstat: "048017", Sportello: "S01", Operatore: "OP7",
		DataCreazione: time.Date(2026, 11, 25, 10, 30, 0, 0, time.FixedZone("CET", 3600)),
		Software:      "eli2sdk", VersioneSoftware: "test", NumeroPratiche: n,
	}
}

func keysOf(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path+" "+p.Code)
	}
	return out
}

func TestFileValidatorHeader(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(h *Intestazione)
		want   []string
	}{
		{name: "valid"},
		{name: "comune required", mutate: func(h *Intestazione) { h.ComuneBelfiore, h.ComuneIstat = "", "" },
			want: []string{"Intestazione.ComuneBelfiore required", "Intestazione.ComuneIstat required"}},
		{name: "unknown comune", mutate: func(h *Intestazione) { h.ComuneBelfiore = "Z999" },
			want: []string{"Intestazione.ComuneBelfiore unknown_comune"}},
		{name: "ceased comune", mutate: func(h *Intestazione) { h.ComuneBelfiore, h.ComuneIstat = "D235", "047004" },
			want: []string{"Intestazione.ComuneBelfiore comune_not_active"}},
		{name: "istat of another comune", mutate: func(h *Intestazione) { h.ComuneIstat = "048001" },
			want: []string{"Intestazione.ComuneIstat comune_istat_mismatch"}},
		{name: "creation date required", mutate: func(h *Intestazione) { h.DataCreazione = time.Time{} },
			want: []string{"Intestazione.DataCreazione required"}},
		{name: "negative count", mutate: func(h *Intestazione) { h.NumeroPratiche = -1 },
			want: []string{"Intestazione.NumeroPratiche out_of_range"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := testHeader(1)
			if tc.mutate != nil {
				tc.mutate(&h)
			}
			o := ValidateOptions{}
			if h.DataCreazione.IsZero() {
				o.On = testOn
			}
			got := NewFileValidator(h, o).Header()
			assert.ElementsMatch(t, tc.want, keysOf(got), "%v", got)
		})
	}
}

func TestFileValidatorUsesCreationDate(t *testing.T) {
	v := NewFileValidator(testHeader(0), ValidateOptions{})
	assert.Equal(t, testOn, v.Options().On)
	v = NewFileValidator(testHeader(0), ValidateOptions{On: testOn.AddDays(3)})
	assert.Equal(t, testOn.AddDays(3), v.Options().On, "explicit date wins")
}

func TestValidateFile(t *testing.T) {
	a, b, c := typicalPratica(), typicalPratica(), typicalPratica()
	b.ID = "P002"
	b.Domicilio.CAP = "1"
	c.ID = "P001" // duplicate
	f := &ImportFile{Intestazione: testHeader(4), Pratiche: []Pratica{*a, *b, *c}}
	fp := ValidateFile(f, ValidateOptions{})
	assert.True(t, fp.HasErrors())
	assert.Equal(t, []string{"Intestazione.NumeroPratiche count_mismatch"}, keysOf(fp.File))
	require.Len(t, fp.Pratiche, 2)
	assert.Equal(t, 1, fp.Pratiche[0].Index)
	assert.Equal(t, "P002", fp.Pratiche[0].ID)
	assert.Equal(t, []string{"Domicilio.CAP cap_format"}, keysOf(fp.Pratiche[0].Problems))
	assert.Equal(t, 2, fp.Pratiche[1].Index)
	assert.Equal(t, []string{"ID duplicate_id"}, keysOf(fp.Pratiche[1].Problems))

	f.Intestazione.NumeroPratiche = 1
	f.Pratiche = f.Pratiche[:1]
	fp = ValidateFile(f, ValidateOptions{})
	assert.False(t, fp.HasErrors())
	assert.Empty(t, fp.File)
	assert.Empty(t, fp.Pratiche)

	assert.True(t, ValidateFile(nil, ValidateOptions{}).HasErrors())
}

func TestFileValidatorWarningsOnly(t *testing.T) {
	p := typicalPratica()
	p.Documento.DataScadenza = codes.NewDate(2026, 10, 1)
	v := NewFileValidator(testHeader(1), ValidateOptions{})
	ps := v.Pratica(p)
	assert.False(t, ps.HasErrors())
	assert.Equal(t, []string{"Documento.DataScadenza document_expired"}, keysOf(ps))
	assert.Empty(t, v.Finish())
	assert.Equal(t, 1, v.Count())
}
