package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// TestExportCommandMistypedCell is reproduction 4 of issue 11 through the
// command line: one mistyped cell aborted the whole export with a raw Go
// scan error. Now that person is skipped, named with the column and the
// reason, and the others are exported.
func TestExportCommandMistypedCell(t *testing.T) {
	db := exportTestDB(t)
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	var id string
	require.NoError(t, src.DB().QueryRowContext(ctx, `SELECT m.persona_id FROM permessi m JOIN persone p ON p.id = m.persona_id
		WHERE (SELECT COUNT(*) FROM persone q WHERE q.famiglia_id = p.famiglia_id) = 1 ORDER BY m.persona_id LIMIT 1`).Scan(&id))
	_, err = src.DB().ExecContext(ctx, `UPDATE permessi SET tipologia_kit = 'xx' WHERE persona_id = ?`, id)
	require.NoError(t, err)
	require.NoError(t, src.Close())

	out := filepath.Join(t.TempDir(), "p.xml")
	rc, _, stderr := exportRun("export", "--db", "sqlite:"+db, "--all", "--out", out, "--on", exportTestOn, "--dettagli")
	require.Equal(t, 0, rc, stderr)
	assert.FileExists(t, out)
	assert.Contains(t, stderr, "source_bad_value")
	assert.Contains(t, stderr, "scartata "+id+": source_bad_value")
	assert.Contains(t, stderr, "permessi.tipologia_kit")
	assert.NotContains(t, stderr, `"xx"`)
	assert.NotContains(t, stderr, "Scan error")
}
