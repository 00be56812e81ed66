package sqlreg_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/adaptertest"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

func pgBase(t *testing.T) string {
	t.Helper()
	base := os.Getenv("ELI2_TEST_PG")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("ELI2_TEST_PG not set under CI: .ci/run starts PostgreSQL and must set it")
		}
		t.Skip("ELI2_TEST_PG not set: PostgreSQL adapter tests skipped (set it to a postgres:// URL to run them)")
	}
	return base
}

// pgSchema creates a fresh PostgreSQL schema, dropped at the end of the
// test, and returns a writable Source whose connections use it.
func pgSchema(t *testing.T, base string, opts sqlreg.Options) *sqlreg.Source {
	t.Helper()
	opts.Writable = true
	src, err := sqlreg.Open(context.Background(), pgSchemaURL(t, base), opts)
	require.NoError(t, err)
	t.Cleanup(func() { src.Close() })
	return src
}

// pgSchemaURL creates a fresh PostgreSQL schema, dropped at the end of the
// test, and returns the URL of base with it as search_path.
func pgSchemaURL(t *testing.T, base string) string {
	t.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("eli2t_%d", time.Now().UnixNano())
	admin, err := sql.Open("pgx", base)
	require.NoError(t, err)
	_, err = admin.ExecContext(ctx, "CREATE SCHEMA "+name)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+name+" CASCADE")
		assert.NoError(t, err)
		admin.Close()
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + name
}

// Vendors on PostgreSQL keep dates as DATE and the change time as
// TIMESTAMPTZ: the adapter reads and queries them the same way.
func TestPostgresNativeTypes(t *testing.T) {
	base := pgBase(t)
	dates := regexp.MustCompile(`(?m)^(\s+(?:dichiarazione_dimora|data_rilascio|data_scadenza|data_rinnovo)\s+)TEXT`)
	stamp := regexp.MustCompile(`(?m)^(\s+aggiornato_il\s+)TEXT`)
	ddl := stamp.ReplaceAllString(dates.ReplaceAllString(sqlreg.Schema(), "${1}DATE"), "${1}TIMESTAMPTZ")
	require.Equal(t, 6, strings.Count(ddl, " DATE"), "the date columns were retyped")
	adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
		src := pgSchema(t, base, sqlreg.Options{PageSize: 5})
		ctx := context.Background()
		for _, stmt := range strings.Split(ddl, ";") {
			if strings.TrimSpace(stripComments(stmt)) == "" {
				continue
			}
			_, err := src.DB().ExecContext(ctx, stmt)
			require.NoError(t, err, stmt)
		}
		require.NoError(t, src.InsertRecords(ctx, records...))
		return src
	})
}

func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, "--"); i >= 0 {
			l = l[:i]
		}
		b.WriteString(l)
	}
	return b.String()
}

// Streams are in byte order of the ID whatever the column's collation.
func TestPostgresByteOrder(t *testing.T) {
	base := pgBase(t)
	ctx := context.Background()
	src := pgSchema(t, base, sqlreg.Options{PageSize: 2})
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	_, err := src.DB().ExecContext(ctx, `ALTER TABLE persone ALTER COLUMN id TYPE TEXT COLLATE "und-x-icu"`)
	require.NoError(t, err)
	ids := []string{"a1", "B2", "Z3", "b0", "_9", "10", "9"}
	var ps []anagrafe.Person
	for _, id := range ids {
		ps = append(ps, anagrafe.Person{ID: id, Surname: "S", Name: "N"})
	}
	require.NoError(t, src.Insert(ctx, ps...))
	var got []string
	for rec, err := range src.Persons(ctx) {
		require.NoError(t, err)
		got = append(got, rec.Person.ID)
	}
	want := slices.Clone(ids)
	slices.Sort(want)
	assert.Equal(t, want, got)
}

// A Source opened without Options.Writable reads the register but every
// session is read-only: writes through its DB fail with SQLSTATE 25006
// (read_only_sql_transaction) on every pooled connection.
func TestPostgresReadOnly(t *testing.T) {
	base := pgBase(t)
	ctx := context.Background()
	url := pgSchemaURL(t, base)
	w, err := sqlreg.Open(ctx, url, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	require.NoError(t, sqlreg.CreateSchema(ctx, w.DB(), w.Dialect()))
	require.NoError(t, w.InsertRecords(ctx, anagrafetest.Records()...))
	require.NoError(t, w.Close())

	src, err := sqlreg.Open(ctx, url, sqlreg.Options{})
	require.NoError(t, err)
	defer src.Close()
	n, err := anagrafe.Count(ctx, src, anagrafe.All())
	require.NoError(t, err)
	assert.Equal(t, len(anagrafetest.Records()), n)

	// Hold several connections at once so that the pool opens more than one.
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		conns[i], err = src.DB().Conn(ctx)
		require.NoError(t, err)
		defer conns[i].Close()
	}
	for i, c := range conns {
		var ro string
		require.NoError(t, c.QueryRowContext(ctx, "SHOW default_transaction_read_only").Scan(&ro))
		assert.Equal(t, "on", ro, "connection %d", i)
		_, err = c.ExecContext(ctx, "UPDATE persone SET telefono = 'x'")
		var pgErr *pgconn.PgError
		require.ErrorAs(t, err, &pgErr, "connection %d", i)
		assert.Equal(t, "25006", pgErr.Code)
	}
	for _, c := range conns {
		require.NoError(t, c.Close())
	}
	require.Error(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.Error(t, src.Insert(ctx, anagrafe.Person{ID: "NEW", Surname: "S", Name: "N"}))
	var ids int
	require.NoError(t, src.DB().QueryRowContext(ctx, "SELECT count(*) FROM persone WHERE id = 'NEW' OR telefono = 'x'").Scan(&ids))
	assert.Zero(t, ids, "nothing was written")
}

// The search_path parameter of a postgres:// URL selects the schema that
// holds the register (or the vendor's views): two schemas of one database
// hold two registers, and each URL reads its own, read-only. The
// comma-separated form (views first, then the vendor's tables) also works.
func TestPostgresSearchPath(t *testing.T) {
	base := pgBase(t)
	ctx := context.Background()
	recs := anagrafetest.Records()
	urls := []string{pgSchemaURL(t, base), pgSchemaURL(t, base)}
	for i, url := range urls {
		w, err := sqlreg.Open(ctx, url, sqlreg.Options{Writable: true})
		require.NoError(t, err)
		require.NoError(t, sqlreg.CreateSchema(ctx, w.DB(), w.Dialect()))
		require.NoError(t, w.InsertRecords(ctx, recs[:i+1]...))
		require.NoError(t, w.Close())
	}
	for i, url := range urls {
		src, err := sqlreg.Open(ctx, url, sqlreg.Options{})
		require.NoError(t, err)
		n, err := anagrafe.Count(ctx, src, anagrafe.All())
		require.NoError(t, err)
		assert.Equal(t, i+1, n, url)
		var path string
		require.NoError(t, src.DB().QueryRowContext(ctx, "SHOW search_path").Scan(&path))
		assert.Equal(t, url[strings.LastIndex(url, "=")+1:], path)
		require.NoError(t, src.Close())
	}
	// views first, then the tables they read: an empty schema ahead of the
	// register changes nothing.
	empty := pgSchemaURL(t, base)
	two := empty + "," + urls[1][strings.LastIndex(urls[1], "=")+1:]
	src, err := sqlreg.Open(ctx, two, sqlreg.Options{})
	require.NoError(t, err)
	defer src.Close()
	n, err := anagrafe.Count(ctx, src, anagrafe.All())
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}
