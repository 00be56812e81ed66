package sqlreg

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
)

// A stream prepares a fixed set of statements whatever the number of
// chunks: the first chunk's, the next chunks', household members,
// citizenships and documents; streaming again prepares nothing new, and
// Close closes them.
func TestReaderFixedStatements(t *testing.T) {
	ctx := context.Background()
	src, err := Open(ctx, "sqlite::memory:", Options{PageSize: 2})
	require.NoError(t, err)
	require.NoError(t, CreateSchema(ctx, src.DB(), src.Dialect()))
	recs := anagrafetest.Records()
	require.Greater(t, len(recs), 6, "several chunks")
	require.NoError(t, src.InsertRecords(ctx, recs...))
	read := func(seq func(func(*anagrafe.Record, error) bool)) int {
		n := 0
		for _, err := range seq {
			require.NoError(t, err)
			n++
		}
		return n
	}
	require.Equal(t, len(recs), read(src.Persons(ctx)))
	assert.Len(t, src.stmts.m, 5)
	require.Equal(t, len(recs), read(src.Persons(ctx)))
	assert.Len(t, src.stmts.m, 5, "a second stream prepares nothing")
	read(src.Query(ctx, anagrafe.ExpiringWithin(30).At(anagrafetest.RefDate)))
	assert.Len(t, src.stmts.m, 5+3, "a query kind adds its chunk statements and its members statement")
	require.NoError(t, src.Close())
	assert.Empty(t, src.stmts.m)
}
