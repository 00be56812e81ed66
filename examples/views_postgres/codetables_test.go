package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/vendormap"
	"github.com/retecomuni/eli2sdk/codes"
)

// lookup returns the rows of table name keyed by their first column.
func lookup(t *testing.T, tables []codeTable, name string) map[string][][]any {
	t.Helper()
	for _, ct := range tables {
		if ct.name == name {
			m := map[string][][]any{}
			for _, r := range ct.rows {
				m[r[0].(string)] = append(m[r[0].(string)], r)
			}
			return m
		}
	}
	t.Fatalf("no table %s", name)
	return nil
}

// The lookup tables hold what the Go helpers answer, spot-checked on the
// cases issue 13 names.
func TestCodeTables(t *testing.T) {
	on, err := codes.ParseDate("2026-06-15")
	require.NoError(t, err)
	tables := codeTables(codes.Default(), vendormap.DefaultPermitTable(), on)

	states := lookup(t, tables, "stati_nome")
	for _, name := range []string{"CINA", "RUSSIA", "MOLDAVIA", "MAROCCO", "CROAZIA"} {
		st, err := vendormap.State(name, 0)
		require.NoError(t, err, name)
		require.Len(t, states[name], 1, name)
		assert.Equal(t, st.Istat, states[name][0][1], name)
	}
	assert.Equal(t, "314", states["CINA"][0][1])

	q := lookup(t, tables, "questure_nome")
	require.Len(t, q["QUESTURA DI FIRENZE"], 1)
	assert.Equal(t, "FI", q["QUESTURA DI FIRENZE"][0][1])

	sp := lookup(t, tables, "specie_toponimo")
	assert.NotEmpty(t, sp["VIA"])
	assert.Empty(t, sp["ALTRO"], "998 ALTRO does not start a street line")

	kit := lookup(t, tables, "permessi_kit")
	var want int
	want, err = vendormap.DefaultPermitTable().Kit("MOTIVI FAMILIARI", on)
	require.NoError(t, err)
	require.Len(t, kit["MOTIVI FAMILIARI"], 1)
	assert.Equal(t, want, kit["MOTIVI FAMILIARI"][0][1])

	// Prato: today's 100005 and its former 048034 both lead to one Belfiore code.
	com := lookup(t, tables, "comuni_istat")
	prato, ok := codes.Default().ComuneByIstat("100005", 0)
	require.True(t, ok)
	for _, istat := range []string{"100005", "048034"} {
		require.NotEmpty(t, com[istat], istat)
		assert.Contains(t, belfiori(com[istat]), prato.Belfiore, istat)
	}
}

func belfiori(rows [][]any) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r[1].(string))
	}
	return out
}
