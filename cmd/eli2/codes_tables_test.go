package main

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

func TestCodesTablesGolden(t *testing.T) {
	tests := []struct {
		file string
		args []string
	}{
		{"kit_2025.txt", []string{"kit", "--riferimento", "2025-01-01"}},
		{"kit_2006.txt", []string{"kit", "--riferimento", "2006-06-01"}},
		{"kit_22_successore.txt", []string{"kit", "22", "--riferimento", "2025-01-01"}},
		{"kit_16.json", []string{"kit", "16", "--riferimento", "2025-01-01", "--json"}},
		{"questura_reggio.txt", []string{"questura", "QUESTURA DI REGGIO EMILIA"}},
		{"questura_cagliari.json", []string{"questura", "Cagliari", "--json"}},
		{"provincia_su.txt", []string{"provincia", "SU"}},
		{"provincia_reggio.json", []string{"provincia", "reggio", "--json"}},
		{"dump_province.sql", []string{"dump", "--format", "sql", "--tabella", "province"}},
		{"dump_kit.csv", []string{"dump", "--format", "csv", "--tabella", "eli2_kit"}},
		{"dump_stato_civile.sql", []string{"dump", "--format", "sql", "--tabella", "anpr_stato_civile"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			code, out, errs := runCodesCLI(tc.args...)
			require.Equal(t, 0, code, errs)
			path := filepath.Join("testdata", "codes", tc.file)
			if *golden.Update {
				require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run with -update to create")
			assert.Equal(t, string(want), out)
		})
	}
}

func TestCodesTablesErrors(t *testing.T) {
	tests := []struct {
		args []string
		rc   int
		msg  string
	}{
		{[]string{"kit", "999", "--riferimento", "2025-01-01"}, 1, "codice 999 sconosciuto"},
		{[]string{"kit", "abc"}, 2, "codice non valido"},
		{[]string{"kit", "--riferimento", "31/12/2024"}, 2, "--riferimento non valida"},
		{[]string{"questura", "Sud Sardegna"}, 1, "served by CA"},
		{[]string{"questura"}, 2, "manca la QUERY"},
		{[]string{"provincia", "Atlantide"}, 1, "nessuna provincia"},
		{[]string{"dump"}, 2, "--format"},
		{[]string{"dump", "--format", "csv"}, 2, "--out CARTELLA"},
		{[]string{"dump", "--format", "sql", "--tabella", "nope"}, 2, "tabella sconosciuta"},
	}
	for _, tc := range tests {
		rc, _, stderr := runCodesCLI(tc.args...)
		assert.Equal(t, tc.rc, rc, "%q", tc.args)
		assert.Contains(t, stderr, tc.msg, "%q", tc.args)
	}
}

// dumpExpectedRows is the row count of every dumped table, from the
// tables themselves.
func dumpExpectedRows(t *testing.T) map[string]int {
	t.Helper()
	tabs := dumpTables(codes.Default())
	want := map[string]int{}
	for _, tab := range tabs {
		want[tab.name] = len(tab.rows)
	}
	ct := codes.Default()
	require.Equal(t, len(ct.Comuni()), want["eli2_comuni"])
	require.Equal(t, len(ct.States()), want["eli2_stati"])
	require.Equal(t, len(ct.Provinces()), want["eli2_province"])
	require.Greater(t, want["eli2_kit"], len(ct.KitTypes()), "every edition")
	require.Equal(t, len(ct.Entries(codes.TipoSoggiorno)), want["eli2_anpr_tipo_soggiorno"])
	return want
}

// checkDumpLoaded runs the SQL dump on db and compares the row counts and
// a value with quotes.
func checkDumpLoaded(t *testing.T, db *sql.DB) {
	t.Helper()
	rc, dump, stderr := runCodesCLI("dump", "--format", "sql")
	require.Equal(t, 0, rc, stderr)
	_, err := db.Exec(dump)
	require.NoError(t, err)
	_, err = db.Exec(dump) // DROP TABLE IF EXISTS: loading again replaces the tables
	require.NoError(t, err)
	for name, n := range dumpExpectedRows(t) {
		var got int
		require.NoError(t, db.QueryRow("SELECT count(*) FROM "+name).Scan(&got))
		assert.Equal(t, n, got, name)
	}
	var name string
	require.NoError(t, db.QueryRow("SELECT denominazione FROM eli2_province WHERE sigla = 'RE'").Scan(&name))
	assert.Equal(t, "Reggio nell'Emilia", name)
	var q string
	require.NoError(t, db.QueryRow("SELECT questura FROM eli2_province WHERE sigla = 'SU' AND ha_questura = 0").Scan(&q))
	assert.Equal(t, "CA", q)
	var succ int
	require.NoError(t, db.QueryRow("SELECT successore FROM eli2_kit WHERE edizione = '2006' AND codice_kit = 22").Scan(&succ))
	assert.Equal(t, 27, succ)
}

func TestCodesDumpSQLite(t *testing.T) {
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "codes.db"))
	require.NoError(t, err)
	defer db.Close()
	checkDumpLoaded(t, db)
}

// TestCodesDumpPostgres loads the dump into a fresh schema of the
// database at ELI2_TEST_PG (skipped when unset, as the sqlreg tests).
func TestCodesDumpPostgres(t *testing.T) {
	base := os.Getenv("ELI2_TEST_PG")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("ELI2_TEST_PG not set under CI: .ci/run starts PostgreSQL and must set it")
		}
		t.Skip("ELI2_TEST_PG not set: PostgreSQL test skipped")
	}
	admin, err := sql.Open("pgx", base)
	require.NoError(t, err)
	defer admin.Close()
	schema := fmt.Sprintf("eli2dump_%d", time.Now().UnixNano())
	_, err = admin.Exec("CREATE SCHEMA " + schema)
	require.NoError(t, err)
	defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	db, err := sql.Open("pgx", base+sep+"search_path="+schema)
	require.NoError(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	require.NoError(t, db.PingContext(context.Background()))
	checkDumpLoaded(t, db)
}

func TestCodesDumpCSVDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tabelle")
	rc, _, stderr := runCodesCLI("dump", "--format", "csv", "--out", dir)
	require.Equal(t, 0, rc, stderr)
	want := dumpExpectedRows(t)
	for name, n := range want {
		b, err := os.ReadFile(filepath.Join(dir, name+".csv"))
		require.NoError(t, err)
		fi, err := os.Stat(filepath.Join(dir, name+".csv"))
		require.NoError(t, err)
		if os.PathSeparator == '/' {
			assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
		}
		assert.GreaterOrEqual(t, strings.Count(string(b), "\n"), n+1, name) // header + rows (values may hold line breaks)
	}
	assert.Len(t, dirNames(t, dir), len(want))
}
