package export_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

var (
	benchOnce sync.Once
	benchDB   string
	benchErr  error
)

// benchRegister returns a demo SQLite register of 40,000 persons, generated
// once per test binary run. For 400,000 persons use the command line (see
// the package README in the report): eli2 demo --persons 400000 --out
// /tmp/d.db && /usr/bin/time -v eli2 export --db sqlite:/tmp/d.db --all
// --out /tmp/p.xml.
func benchRegister(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "export-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchDB = filepath.Join(dir, "reg.db")
		_, benchErr = demo.CreateSQLite(context.Background(), benchDB, demo.Options{Persons: 40000, Seed: 1, On: on})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

func BenchmarkRunSQLite40k(b *testing.B) {
	db := benchRegister(b)
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	out := filepath.Join(b.TempDir(), "p.xml")
	opts := export.Options{Map: anagrafe.MapOptions{On: on}, Operator: "bench", Audit: func(context.Context, anagrafe.AuditEvent) error { return nil }}
	b.ReportAllocs()
	var exported int
	for b.Loop() {
		sum, err := export.Run(ctx, src, anagrafe.All(), export.File(out), opts)
		if err != nil {
			b.Fatal(err)
		}
		exported = sum.Exported
	}
	b.ReportMetric(float64(exported), "exported/op")
}

func BenchmarkRunMemory(b *testing.B) {
	src := demoSource(b, 5000)
	out := filepath.Join(b.TempDir(), "p.xml")
	opts := export.Options{Map: anagrafe.MapOptions{On: on}, Operator: "bench", Audit: func(context.Context, anagrafe.AuditEvent) error { return nil }}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := export.Run(context.Background(), src, anagrafe.All(), export.File(out), opts); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB != "" {
		os.RemoveAll(filepath.Dir(benchDB))
	}
	os.Exit(code)
}
