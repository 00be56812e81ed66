package sqlreg_test

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// population returns n persons made from the fixtures, in households of
// up to 12 members, with distinct IDs.
func population(n int) []anagrafe.Person {
	base := anagrafetest.Persons()
	out := make([]anagrafe.Person, 0, n)
	for i := 0; len(out) < n; i++ {
		for _, p := range base {
			if len(out) == n {
				break
			}
			q := p.Clone()
			q.ID = fmt.Sprintf("%s-%06d", p.ID, i)
			if q.FamilyID != "" {
				q.FamilyID = fmt.Sprintf("%s-%06d", p.FamilyID, i)
			}
			if q.FatherID != "" {
				q.FatherID = fmt.Sprintf("%s-%06d", q.FatherID, i)
			}
			if q.MotherID != "" {
				q.MotherID = fmt.Sprintf("%s-%06d", q.MotherID, i)
			}
			out = append(out, q)
		}
	}
	return out
}

func benchSource(b *testing.B, n int) *sqlreg.Source {
	b.Helper()
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "bench.db"), sqlreg.Options{Writable: true})
	require.NoError(b, err)
	b.Cleanup(func() { src.Close() })
	require.NoError(b, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.NoError(b, src.Insert(ctx, population(n)...))
	return src
}

func BenchmarkSQLitePersons(b *testing.B) {
	const n = 5000
	src := benchSource(b, n)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		count := 0
		for _, err := range src.Persons(ctx) {
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
		if count != n {
			b.Fatalf("read %d persons, want %d", count, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/person")
}

func BenchmarkSQLiteExpiring(b *testing.B) {
	src := benchSource(b, 5000)
	ctx := context.Background()
	q := anagrafe.ExpiringWithin(30).At(anagrafetest.RefDate)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, err := range anagrafe.Search(ctx, src, q) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSQLitePerson(b *testing.B) {
	src := benchSource(b, 5000)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := src.Person(ctx, "P002-000200"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSQLiteInsert(b *testing.B) {
	ps := population(1000)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		src, err := sqlreg.Open(ctx, "sqlite::memory:", sqlreg.Options{})
		require.NoError(b, err)
		require.NoError(b, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
		b.StartTimer()
		require.NoError(b, src.Insert(ctx, ps...))
		b.StopTimer()
		src.Close()
		b.StartTimer()
	}
}

// BenchmarkPostgresPersons needs ELI2_TEST_PG, like the PostgreSQL tests.
func BenchmarkPostgresPersons(b *testing.B) {
	base := os.Getenv("ELI2_TEST_PG")
	if base == "" {
		b.Skip("ELI2_TEST_PG not set: PostgreSQL adapter tests skipped")
	}
	const n = 5000
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	require.NoError(b, err)
	defer admin.Close()
	name := fmt.Sprintf("eli2b_%d", time.Now().UnixNano())
	_, err = admin.ExecContext(ctx, "CREATE SCHEMA "+name)
	require.NoError(b, err)
	defer admin.ExecContext(context.Background(), "DROP SCHEMA "+name+" CASCADE") //nolint:errcheck
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	src, err := sqlreg.Open(ctx, base+sep+"search_path="+name, sqlreg.Options{Writable: true})
	require.NoError(b, err)
	defer src.Close()
	require.NoError(b, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.NoError(b, src.Insert(ctx, population(n)...))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		count := 0
		for _, err := range src.Persons(ctx) {
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
		if count != n {
			b.Fatalf("read %d persons, want %d", count, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/person")
}

// BenchmarkRead40k reads every person of a 40,000-person demo register
// with households contiguous (as package demo numbers them) and scattered
// (as real registers do), with the chunked reader and the legacy one side
// by side. Besides ns/op it reports wall and CPU time (user + system of
// the process, getrusage; wall where the platform has none) per person.
func BenchmarkRead40k(b *testing.B) {
	const n = 40000
	ps := demoPersons(b, n)
	layouts := []struct {
		name string
		ps   []anagrafe.Person
	}{{"contiguous", ps}, {"scattered", scatter(ps, 42)}}
	ctx := context.Background()
	for _, l := range layouts {
		url, _ := sqliteRegister(b, l.ps, false)
		src, err := sqlreg.Open(ctx, url, sqlreg.Options{})
		require.NoError(b, err)
		readers := []struct {
			name string
			read func(context.Context) iter.Seq2[*anagrafe.Record, error]
		}{{"legacy", src.LegacyPersons}, {"chunked", src.Persons}}
		for _, r := range readers {
			b.Run(l.name+"/"+r.name, func(b *testing.B) {
				b.ReportAllocs()
				cpu0 := cpuTime()
				for b.Loop() {
					count := 0
					for _, err := range r.read(ctx) {
						if err != nil {
							b.Fatal(err)
						}
						count++
					}
					if count != n {
						b.Fatalf("read %d persons, want %d", count, n)
					}
				}
				per := float64(b.N * n)
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/person")
				b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/per, "cpu-ns/person")
			})
		}
		require.NoError(b, src.Close())
	}
}
