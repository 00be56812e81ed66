// Package adaptertest is the conformance suite for anagrafe.Source
// implementations, in the spirit of testing/fstest: one call to Run checks
// that an adapter returns the fixture population faithfully and answers
// every query exactly as anagrafe.Match specifies, that its optional
// interfaces agree with the generic fallback, and that its streams honour
// early break and context cancellation.
package adaptertest

import (
	"context"
	"errors"
	"iter"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/codes"
)

// Factory loads records into a fresh, empty instance of the adapter under
// test and returns it. Run closes the source (anagrafe.Close) at the end of
// each subtest that created it.
type Factory func(t *testing.T, records []*anagrafe.Record) anagrafe.Source

// Run runs the conformance suite on the adapter built by newSource, loaded
// with anagrafetest.Records().
func Run(t *testing.T, newSource Factory) {
	t.Helper()
	RunWith(t, anagrafetest.Records(), anagrafetest.RefDate, newSource)
}

// Queries returns the queries the suite checks, at reference date on.
func Queries() []anagrafe.Query {
	return []anagrafe.Query{
		anagrafe.All(),
		anagrafe.ExpiringWithin(30),
		anagrafe.ExpiringWithin(0),
		anagrafe.ExpiringWithin(120),
		anagrafe.ExpiredMoreThan(6),
		anagrafe.ExpiredMoreThan(0),
		anagrafe.MissingResidenceDeclaration(),
		anagrafe.ChangedSince(anagrafetest.ChangedSinceTime),
	}
}

// RunWith runs the suite with the given fixture records (which must have
// distinct IDs and consistent households, as anagrafe.Assemble builds them)
// and reference date.
func RunWith(t *testing.T, records []*anagrafe.Record, on codes.Date, newSource Factory) {
	t.Helper()
	want := make([]*anagrafe.Record, len(records))
	for i, r := range records {
		want[i] = normalize(r.Clone())
	}
	slices.SortFunc(want, func(a, b *anagrafe.Record) int { return compareIDs(a.Person.ID, b.Person.ID) })

	open := func(t *testing.T) anagrafe.Source {
		t.Helper()
		in := make([]*anagrafe.Record, len(records))
		for i, r := range records {
			in[i] = r.Clone()
		}
		src := newSource(t, in)
		require.NotNil(t, src, "factory returned nil")
		t.Cleanup(func() { assert.NoError(t, anagrafe.Close(src), "Close") })
		return src
	}
	src := open(t)
	ctx := context.Background()

	t.Run("Persons", func(t *testing.T) {
		var got []*anagrafe.Record
		for rec, err := range src.Persons(ctx) {
			require.NoError(t, err)
			require.NotNil(t, rec)
			got = append(got, normalize(rec))
		}
		require.Len(t, got, len(want), "number of persons")
		for i := range got {
			require.Equal(t, want[i].Person.ID, got[i].Person.ID, "order: position %d", i)
			assert.Equal(t, want[i], got[i], "record %s", want[i].Person.ID)
		}
	})

	t.Run("Person", func(t *testing.T) {
		for _, w := range want {
			got, err := src.Person(ctx, w.Person.ID)
			require.NoError(t, err, "Person(%s)", w.Person.ID)
			assert.Equal(t, w, normalize(got), "Person(%s)", w.Person.ID)
		}
		for _, id := range []string{"", "does-not-exist", "P00", "p001", "P001 ", "'; DROP TABLE persone; --"} {
			if hasID(want, id) {
				continue
			}
			_, err := src.Person(ctx, id)
			assert.ErrorIs(t, err, anagrafe.ErrNotFound, "Person(%q)", id)
		}
	})

	t.Run("RecordsAreCopies", func(t *testing.T) {
		if len(want) == 0 {
			t.Skip("no fixtures")
		}
		id := want[0].Person.ID
		a, err := src.Person(ctx, id)
		require.NoError(t, err)
		a.Person.Surname = "CHANGED"
		if len(a.Person.Citizenships) > 0 {
			a.Person.Citizenships[0] = "000"
		}
		if a.Person.Permit != nil {
			a.Person.Permit.Number = "CHANGED"
		}
		b, err := src.Person(ctx, id)
		require.NoError(t, err)
		assert.Equal(t, want[0], normalize(b), "mutating a returned record changed the source")
	})

	t.Run("Queries", func(t *testing.T) {
		for _, q := range Queries() {
			q := q.At(on)
			t.Run(q.Kind.String(), func(t *testing.T) {
				checkQuery(t, src, want, q)
			})
		}
		t.Run("invalid", func(t *testing.T) {
			for _, err := range anagrafe.Search(ctx, src, anagrafe.ExpiringWithin(-1).At(on)) {
				require.ErrorIs(t, err, anagrafe.ErrBadQuery)
			}
			_, err := anagrafe.Count(ctx, src, anagrafe.Query{Kind: 99, On: on})
			require.ErrorIs(t, err, anagrafe.ErrBadQuery)
		})
	})

	t.Run("EarlyBreak", func(t *testing.T) {
		if len(want) < 2 {
			t.Skip("needs two fixtures")
		}
		// Breaking many times must release whatever the stream holds
		// (database rows, connections, files).
		for i := 0; i < 50; i++ {
			n := 0
			for rec, err := range src.Persons(ctx) {
				require.NoError(t, err)
				require.NotNil(t, rec)
				n++
				break
			}
			require.Equal(t, 1, n)
		}
		for i := 0; i < 20; i++ {
			for _, err := range anagrafe.Search(ctx, src, anagrafe.All().At(on)) {
				require.NoError(t, err)
				break
			}
		}
		_, err := src.Person(ctx, want[0].Person.ID)
		require.NoError(t, err, "source unusable after early breaks")
	})

	t.Run("Cancel", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		sawErr := false
		for rec, err := range src.Persons(cctx) {
			if err != nil {
				require.ErrorIs(t, err, context.Canceled)
				sawErr = true
				break
			}
			require.NotNil(t, rec)
			t.Fatalf("stream yielded record %s after cancellation", rec.Person.ID)
		}
		require.True(t, sawErr, "a cancelled stream must yield ctx.Err()")

		if len(want) < 3 {
			return
		}
		cctx, cancel = context.WithCancel(ctx)
		defer cancel()
		n, sawErr := 0, false
		for rec, err := range src.Persons(cctx) {
			if err != nil {
				require.ErrorIs(t, err, context.Canceled)
				sawErr = true
				break
			}
			require.NotNil(t, rec)
			n++
			cancel()
		}
		require.True(t, sawErr, "stream did not report cancellation")
		require.Less(t, n, len(want), "stream went on after cancellation")

		_, err := src.Person(cctx, want[0].Person.ID)
		require.ErrorIs(t, err, context.Canceled, "Person with a cancelled context")
	})

	t.Run("Concurrent", func(t *testing.T) {
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for g := 0; g < 4; g++ {
			wg.Go(func() {
				n := 0
				for _, err := range src.Persons(ctx) {
					if err != nil {
						errs <- err
						return
					}
					n++
				}
				if n != len(want) {
					errs <- errors.New("concurrent stream returned a different number of persons")
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
	})

	t.Run("Empty", func(t *testing.T) {
		empty := newSource(t, nil)
		require.NotNil(t, empty)
		defer func() { assert.NoError(t, anagrafe.Close(empty)) }()
		for rec, err := range empty.Persons(ctx) {
			t.Fatalf("empty source yielded %v, %v", rec, err)
		}
		n, err := anagrafe.Count(ctx, empty, anagrafe.All().At(on))
		require.NoError(t, err)
		require.Zero(t, n)
		_, err = empty.Person(ctx, "P001")
		require.ErrorIs(t, err, anagrafe.ErrNotFound)
	})
}

func hasID(rs []*anagrafe.Record, id string) bool {
	for _, r := range rs {
		if r.Person.ID == id {
			return true
		}
	}
	return false
}

// fallbackOnly hides every optional interface of a Source.
type fallbackOnly struct{ s anagrafe.Source }

func (f fallbackOnly) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	return f.s.Person(ctx, id)
}

func (f fallbackOnly) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return f.s.Persons(ctx)
}

// trackerOnly hides Querier and Counter but keeps the tracker answer.
type trackerOnly struct {
	fallbackOnly
	tracks bool
}

func (t trackerOnly) TracksResidenceDeclaration() bool { return t.tracks }

func checkQuery(t *testing.T, src anagrafe.Source, want []*anagrafe.Record, q anagrafe.Query) {
	ctx := context.Background()
	var expect []string
	for _, r := range want {
		if anagrafe.Match(r, q) {
			expect = append(expect, r.Person.ID)
		}
	}
	tracks := anagrafe.TracksResidenceDeclaration(src)
	unsupported := q.Kind == anagrafe.KindMissingResidenceDeclaration && !tracks

	collect := func(name string, s anagrafe.Source) []string {
		t.Helper()
		ids := []string{}
		for rec, err := range anagrafe.Search(ctx, s, q) {
			if unsupported {
				require.ErrorIs(t, err, anagrafe.ErrUnsupported, "%s: untracked declaration must be unsupported", name)
				require.Nil(t, rec)
				return nil
			}
			require.NoError(t, err, name)
			ids = append(ids, rec.Person.ID)
			assert.Equal(t, wantByID(want, rec.Person.ID), normalize(rec), "%s: record %s", name, rec.Person.ID)
		}
		if unsupported {
			t.Fatalf("%s: untracked declaration query returned no error", name)
		}
		return ids
	}
	if expect == nil {
		expect = []string{}
	}
	got := collect("Search", src)
	if !unsupported {
		assert.Equal(t, expect, got, "Search(%v)", q.Kind)
	}
	fb := collect("fallback", trackerOnly{fallbackOnly{src}, tracks})
	if !unsupported {
		assert.Equal(t, expect, fb, "fallback Search(%v)", q.Kind)
	}

	// The Querier itself, when present, either handles the kind or says
	// ErrUnsupported.
	if qr, ok := src.(anagrafe.Querier); ok {
		ids := []string{}
		for rec, err := range qr.Query(ctx, q) {
			if errors.Is(err, anagrafe.ErrUnsupported) {
				require.Nil(t, rec)
				require.Empty(t, ids, "ErrUnsupported must be the first element")
				ids = nil
				break
			}
			require.NoError(t, err)
			ids = append(ids, rec.Person.ID)
		}
		if ids != nil {
			assert.Equal(t, expect, ids, "Querier.Query(%v)", q.Kind)
		}
	}

	n, err := anagrafe.Count(ctx, src, q)
	if unsupported {
		require.ErrorIs(t, err, anagrafe.ErrUnsupported)
	} else {
		require.NoError(t, err)
		assert.Equal(t, len(expect), n, "Count(%v)", q.Kind)
	}
	if c, ok := src.(anagrafe.Counter); ok {
		n, err := c.Count(ctx, q)
		if !errors.Is(err, anagrafe.ErrUnsupported) {
			require.NoError(t, err)
			assert.Equal(t, len(expect), n, "Counter.Count(%v)", q.Kind)
		}
	}
}

func wantByID(want []*anagrafe.Record, id string) *anagrafe.Record {
	for _, w := range want {
		if w.Person.ID == id {
			return w
		}
	}
	return nil
}
