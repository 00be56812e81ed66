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
// chunks: the first chunk's, the next chunks', and household members,
// citizenships and documents with IN lists of two arities; streaming again
// prepares nothing new, and Close closes them.
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
	texts := func() []string {
		var out []string
		for q := range src.stmts.m {
			out = append(out, q)
		}
		return out
	}
	require.Equal(t, len(recs), read(src.Persons(ctx)))
	first := texts()
	assert.GreaterOrEqual(t, len(first), 5)
	assert.LessOrEqual(t, len(first), 2+3*2)
	require.Equal(t, len(recs), read(src.Persons(ctx)))
	assert.ElementsMatch(t, first, texts(), "a second stream prepares nothing")
	read(src.Query(ctx, anagrafe.ExpiringWithin(30).At(anagrafetest.RefDate)))
	assert.LessOrEqual(t, len(texts()), len(first)+4, "a query kind adds its chunk and members statements")
	require.NoError(t, src.Close())
	assert.Empty(t, src.stmts.m)
}
