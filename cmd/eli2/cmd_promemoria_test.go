package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// deskTestDB writes the fixture register (anagrafetest, built around
// 2026-06-15) to a SQLite file.
func deskTestDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "reg.db")
	src, err := sqlreg.Open(ctx, "sqlite:"+path, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.NoError(t, src.InsertRecords(ctx, anagrafetest.Records()...))
	require.NoError(t, src.Close())
	return path
}

func assertPrivate(t *testing.T, dir string, names ...string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	for _, n := range names {
		fi, err := os.Stat(filepath.Join(dir, n))
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), n)
	}
}

func TestPromemoriaCommand(t *testing.T) {
	db := deskTestDB(t)
	base := t.TempDir()
	out := filepath.Join(base, "lettere")
	rc, _, stderr := exportRun("promemoria", "--db", "sqlite:"+db, "--from", "120d", "--to", "60d", "--out", out,
		"--on", "2026-06-15", "--operatore", "op9", "--ufficio", "Sportello immigrati", "--ufficio-orari", "lun-ven 9-12")
	require.Equal(t, 0, rc, stderr)
	assert.Contains(t, stderr, "scritte 2 lettere e promemoria.csv")
	names := dirNames(t, out)
	assert.Equal(t, []string{"promemoria-0001-P020.html", "promemoria-0002-P030.html", "promemoria.csv"}, names)
	assertPrivate(t, out, names...)
	letter, err := os.ReadFile(filepath.Join(out, names[0]))
	require.NoError(t, err)
	assert.Contains(t, string(letter), "orari: lun-ven 9-12")
	assert.Contains(t, string(letter), "scade il <strong>30/09/2026</strong>, tra <strong>107 giorni</strong>")
	// the CSV is the library's golden file: the command adds nothing
	got, err := os.ReadFile(filepath.Join(out, "promemoria.csv"))
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join("..", "..", "anagrafe", "desk", "testdata", "promemoria.csv"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))

	lines := auditLines(t, filepath.Join(base, deskAuditFile))
	require.Len(t, lines, 2)
	assert.Equal(t, "op9", lines[0]["operator"])
	assert.Equal(t, "P020", lines[0]["person_id"])
	assert.Equal(t, "promemoria rinnovo permesso di soggiorno", lines[0]["purpose"])
}

func TestPromemoriaCommandChecklistFile(t *testing.T) {
	db := deskTestDB(t)
	dir := t.TempDir()
	cl := filepath.Join(dir, "doc.csv")
	require.NoError(t, os.WriteFile(cl, []byte("TIPO_RICHIESTA;DOCUMENTO;FONTE\nRINNOVO;Quattro fotografie formato tessera;delibera comunale\n"), 0o600))
	out := filepath.Join(dir, "out")
	rc, _, stderr := exportRun("promemoria", "--db", "sqlite:"+db, "--out", out, "--on", "2026-06-15", "--operatore", "op9", "--documenti", cl)
	require.Equal(t, 0, rc, stderr)
	letter, err := os.ReadFile(filepath.Join(out, "promemoria-0001-P020.html"))
	require.NoError(t, err)
	assert.Contains(t, string(letter), "<li>Quattro fotografie formato tessera</li>")
	assert.NotContains(t, string(letter), "Modulo 1")
}

func TestPromemoriaCommandUsageErrors(t *testing.T) {
	db := deskTestDB(t)
	out := filepath.Join(t.TempDir(), "x")
	bad := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("TIPO_RICHIESTA;DOCUMENTO;FONTE\nRINNOVO;foto;\n"), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no db", []string{"--out", out, "--operatore", "o"}, "serve --db URL"},
		{"no out", []string{"--db", "sqlite:" + db, "--operatore", "o"}, "serve --out"},
		{"no operator", []string{"--db", "sqlite:" + db, "--out", out}, "serve --operatore"},
		{"bad date", []string{"--db", "sqlite:" + db, "--out", out, "--operatore", "o", "--on", "15/06/2026"}, "--riferimento: data non valida"},
		{"bad from", []string{"--db", "sqlite:" + db, "--out", out, "--operatore", "o", "--from", "4m"}, "--from: numero di giorni non valido"},
		{"from before to", []string{"--db", "sqlite:" + db, "--out", out, "--operatore", "o", "--from", "30d", "--to", "60d"}, "--from deve essere maggiore"},
		{"bad checklist", []string{"--db", "sqlite:" + db, "--out", out, "--operatore", "o", "--documenti", bad}, "line 2: FONTE is empty"},
		{"extra argument", []string{"--db", "sqlite:" + db, "--out", out, "--operatore", "o", "x"}, "argomenti non previsti"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rc, _, stderr := exportRun(append([]string{"promemoria"}, tc.args...)...)
			assert.Equal(t, 2, rc)
			assert.Contains(t, stderr, tc.want)
			_, err := os.Stat(out)
			assert.True(t, os.IsNotExist(err), "nothing written on a usage error")
		})
	}
}

func TestArt11Command(t *testing.T) {
	db := deskTestDB(t)
	base := t.TempDir()
	out := filepath.Join(base, "art11")
	audit := filepath.Join(base, "audit.jsonl")
	rc, _, stderr := exportRun("art11", "--db", "sqlite:"+db, "--out", out, "--on", "2026-06-16", "--operatore", "op3",
		"--firmatario", "Il Responsabile del Servizio", "--audit-log", audit)
	require.Equal(t, 0, rc, stderr)
	names := dirNames(t, out)
	assert.Equal(t, []string{"art11-0001-P004.html", "art11-0002-P2.html", "art11.csv"}, names)
	assertPrivate(t, out, names...)
	notice, err := os.ReadFile(filepath.Join(out, names[0]))
	require.NoError(t, err)
	assert.Contains(t, string(notice), "Il Responsabile del Servizio")
	assert.Contains(t, string(notice), "<strong>entro il 16/07/2026</strong>")
	got, err := os.ReadFile(filepath.Join(out, "art11.csv"))
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join("..", "..", "anagrafe", "desk", "testdata", "art11.csv"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	lines := auditLines(t, audit)
	require.Len(t, lines, 2)
	assert.Equal(t, "avvio procedimento art. 11 DPR 223/1989", lines[1]["purpose"])

	rc, _, stderr = exportRun("art11", "--db", "sqlite:"+db, "--out", out)
	assert.Equal(t, 2, rc)
	assert.Contains(t, stderr, "serve --operatore")
}
