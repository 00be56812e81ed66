package sqlreg_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/adaptertest"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

func openSQLite(t testing.TB, records []*anagrafe.Record, opts sqlreg.Options) *sqlreg.Source {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "anagrafe.db")
	opts.Writable = true
	src, err := sqlreg.Open(ctx, "sqlite:"+path, opts)
	require.NoError(t, err)
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.NoError(t, src.InsertRecords(ctx, records...))
	return src
}

func TestSQLiteConformance(t *testing.T) {
	adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
		return openSQLite(t, records, sqlreg.Options{PageSize: 3})
	})
}

func TestSQLiteUntrackedConformance(t *testing.T) {
	adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
		return openSQLite(t, records, sqlreg.Options{NoResidenceDeclaration: true})
	})
}

func TestSQLiteMemoryConformance(t *testing.T) {
	adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
		ctx := context.Background()
		src, err := sqlreg.Open(ctx, "sqlite::memory:", sqlreg.Options{PageSize: 5})
		require.NoError(t, err)
		require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
		require.NoError(t, src.InsertRecords(ctx, records...))
		return src
	})
}

// TestPostgresConformance runs the suite against a real PostgreSQL server
// named by ELI2_TEST_PG (a postgres:// URL). Each factory call works in a
// fresh schema, dropped at the end.
func TestPostgresConformance(t *testing.T) {
	base := pgBase(t)
	adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
		ctx := context.Background()
		src := pgSchema(t, base, sqlreg.Options{PageSize: 4})
		require.Equal(t, sqlreg.Postgres, src.Dialect())
		require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
		require.NoError(t, src.InsertRecords(ctx, records...))
		return src
	})
}
