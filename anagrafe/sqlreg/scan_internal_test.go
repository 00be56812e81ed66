package sqlreg

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The column names of RecordErrors are those the page query selects, in
// its order: a column added to the query without its name here would make
// errors name the wrong column.
func TestPersonColumnsFollowQuery(t *testing.T) {
	alias := map[string]string{"p": "persone", "i": "indirizzi", "m": "permessi"}
	names := func(cols string) []string {
		var out []string
		for _, c := range strings.Split(cols, ",") {
			a, col, ok := strings.Cut(strings.TrimSpace(c), ".")
			if assert.True(t, ok, c) {
				out = append(out, alias[a]+"."+col)
			}
		}
		return out
	}
	person, permit := names(personCols), names(permitCols)
	assert.Len(t, person, nPersonCells)
	assert.Equal(t, append(person, permit...), personColumns[:])
	var r personRow
	assert.Len(t, r.dest(true), len(personColumns))
	assert.Len(t, r.dest(false), nPersonCells)
	cells := r.cells()
	for i, d := range r.dest(true) {
		assert.Same(t, d, cells[i], personColumns[i])
	}
}
