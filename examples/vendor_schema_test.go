package examples_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVendorSchema(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "registro.db")
	_, stderr, code := runExample(t, "vendor_schema", "-init", db)
	require.Equal(t, 0, code, stderr)
	_, _, code = runExample(t, "vendor_schema", "-init", db)
	assert.Equal(t, 1, code, "an existing database is not overwritten")

	out := filepath.Join(dir, "p.xml")
	stdout, stderr, code := runExample(t, "vendor_schema", "-db", db, "-out", out, "-on", refDate)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "exported ")
	assert.Positive(t, countFile(t, out))

	// Expiring within 30 days: the daughter's permit (2026-07-10), not her
	// cancelled duplicate nor the cancelled permit of 10.
	out30 := filepath.Join(dir, "p30.xml")
	stdout, stderr, code = runExample(t, "vendor_schema", "-db", db, "-days", "30", "-out", out30, "-on", refDate)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "exported 1,")
	assert.Equal(t, 1, countFile(t, out30))

	_, stderr, code = runExample(t, "vendor_schema", "-db", filepath.Join(dir, "assente.db"), "-out", filepath.Join(dir, "x.xml"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "assente.db")
	assert.NoFileExists(t, filepath.Join(dir, "assente.db"))
}
