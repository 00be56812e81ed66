package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/codes"
)

func TestExportExpiredListsForArt11(t *testing.T) {
	// Issue 10: --expired no longer produces renewal applications: a permit
	// expired more than six months calls for the procedure of DPR 223/1989
	// art. 11 c.1 lett. c, so the command writes the list of those persons
	// (the library's anagrafe.ExpiredCandidates) and no import file.
	db := exportTestDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "art11.csv")
	rc, stdout, stderr := exportRun("export", "--db", "sqlite:"+db, "--expired", "6m", "--out", out, "--on", exportTestOn, "--operatore", "op7")
	require.Equal(t, 0, rc, stderr)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "art. 11 DPR 223/1989")
	assert.NotContains(t, stderr, "esportate ")

	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(rows), 1)
	assert.Equal(t, exportArt11Header, rows[0])

	// The same persons as the library call, in the same order.
	src, err := sqlreg.Open(context.Background(), "sqlite:"+db, sqlreg.Options{})
	require.NoError(t, err)
	defer src.Close()
	on, _ := codes.ParseDate(exportTestOn)
	var want []string
	for c, err := range anagrafe.Art11Candidates(context.Background(), src, on) {
		require.NoError(t, err)
		want = append(want, c.Record.Person.ID)
		assert.GreaterOrEqual(t, c.Months, 6)
	}
	var got []string
	for _, row := range rows[1:] {
		got = append(got, row[0])
		m, err := strconv.Atoi(row[len(row)-1])
		require.NoError(t, err)
		assert.GreaterOrEqual(t, m, 6)
	}
	assert.Equal(t, want, got)
	assert.Contains(t, stderr, "elencate "+strconv.Itoa(len(want))+" persone")

	if runtime.GOOS != "windows" {
		fi, err := os.Stat(out)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	}
	audit, err := os.ReadFile(filepath.Join(dir, exportAuditFile))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(audit)), "\n")
	assert.Len(t, lines, len(want), "every person listed is audited")
	assert.Contains(t, lines[0], `"art11-list"`)
}

func TestExportExpiredUsage(t *testing.T) {
	db := exportTestDB(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"--as-renewal without --expired", []string{"--all", "--as-renewal", "--out", filepath.Join(dir, "a.xml")}, "--as-renewal vale solo con --expired"},
		{"list into --split", []string{"--expired", "6m", "--split", filepath.Join(dir, "s")}, "--expired scrive un elenco in --out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc, _, stderr := exportRun(append([]string{"export", "--db", "sqlite:" + db, "--on", exportTestOn}, tt.args...)...)
			assert.Equal(t, exportExitUsage, rc)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, dirNames(t, dir), "nothing written")
		})
	}
}
