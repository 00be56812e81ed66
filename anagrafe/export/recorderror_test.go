package export_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// TestRunSQLiteCorruptCell is reproduction 4 of issue 11: one mistyped
// cell in the register (a kit code 'xx', an impossible birth date) skips
// that person's record with its id, the column and the reason, reported in
// the summary, and every other person is exported. Without
// Options.Recoverable: the export recognises anagrafe.RecordError itself.
func TestRunSQLiteCorruptCell(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a SQLite register")
	}
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "reg.db")
	_, err := demo.CreateSQLite(ctx, db, demo.Options{Persons: 300, Seed: 5, On: on})
	require.NoError(t, err)

	var a auditRecorder
	clean, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{})
	require.NoError(t, err)
	before, err := export.Run(ctx, clean, anagrafe.All(), export.File(filepath.Join(dir, "before.xml")), baseOptions(&a))
	require.NoError(t, err)
	require.NoError(t, clean.Close())

	// Two persons with a permit, heading a household of one, so that the
	// error stays with them.
	src, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	defer src.Close()
	rows, err := src.DB().QueryContext(ctx, `SELECT p.id FROM persone p JOIN permessi m ON m.persona_id = p.id
		WHERE (SELECT COUNT(*) FROM persone q WHERE q.famiglia_id = p.famiglia_id) = 1 ORDER BY p.id LIMIT 2`)
	require.NoError(t, err)
	var ids []string
	for rows.Next() {
		var id string
		require.NoError(t, rows.Scan(&id))
		ids = append(ids, id)
	}
	require.NoError(t, rows.Close())
	require.Len(t, ids, 2)
	_, err = src.DB().ExecContext(ctx, `UPDATE permessi SET tipologia_kit = 'xx' WHERE persona_id = ?`, ids[0])
	require.NoError(t, err)
	_, err = src.DB().ExecContext(ctx, `UPDATE persone SET data_nascita = '1964-06-31' WHERE id = ?`, ids[1])
	require.NoError(t, err)

	out := filepath.Join(dir, "p.xml")
	opts := baseOptions(&a)
	opts.Recoverable = nil
	sum, err := export.Run(ctx, src, anagrafe.All(), export.File(out), opts)
	require.NoError(t, err, "one bad record never stops the batch")
	assert.Equal(t, before.Selected, sum.Selected)
	assert.LessOrEqual(t, before.Exported-2, sum.Exported)

	want := map[string]struct{ code, field string }{
		ids[0]: {"source_bad_value", "permessi.tipologia_kit"},
		ids[1]: {"source_impossible_date", "persone.data_nascita"},
	}
	found := 0
	for _, sk := range sum.Skips {
		var re *anagrafe.RecordError
		if errors.As(sk.Err, &re) {
			w, ok := want[re.PersonID]
			require.True(t, ok, "unexpected record error %v", sk.Err)
			found++
			assert.Equal(t, anagrafe.MaskPersonID(re.PersonID), sk.PersonID)
			assert.Equal(t, []string{w.code}, sk.Codes)
			assert.Equal(t, w.field, re.Field)
			assert.Contains(t, sk.Err.Error(), w.field)
			assert.NotContains(t, sk.Err.Error(), "xx")
			assert.NotContains(t, sk.Err.Error(), "1964-06-31")
		}
	}
	assert.Equal(t, 2, found)
	for _, w := range want {
		i := indexReason(sum.Reasons, w.code)
		require.GreaterOrEqual(t, i, 0, "summary reason %s", w.code)
		assert.Equal(t, 1, sum.Reasons[i].Count)
		assert.False(t, strings.Contains(sum.Reasons[i].Message, "1964-06-31"))
	}
	_, ps := decodeAll(t, out)
	assert.Len(t, ps, sum.Exported)

	// Strict mode stops at the first of them and says who and why.
	opts.Strict = true
	_, err = export.Run(ctx, src, anagrafe.All(), export.File(filepath.Join(dir, "s.xml")), opts)
	require.ErrorIs(t, err, export.ErrStrict)
	assert.Contains(t, err.Error(), "source_bad_value")
	assert.NotContains(t, err.Error(), "persona ?")
}

func indexReason(rs []export.Reason, code string) int {
	for i, r := range rs {
		if r.Code == code {
			return i
		}
	}
	return -1
}
