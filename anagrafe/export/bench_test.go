package export_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

var (
	benchOnce sync.Once
	benchDB   string
	benchErr  error

	benchRegs = map[bool]*benchReg{false: {}, true: {}} // by Contiguous
)

// benchReg is a 40k demo register built once per test binary run.
type benchReg struct {
	once sync.Once
	path string
	err  error
}

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

// demoRegister40k returns a 40,000-person demo SQLite register with
// scattered (default) or contiguous households, built once per run.
func demoRegister40k(b *testing.B, contiguous bool) string {
	b.Helper()
	r := benchRegs[contiguous]
	r.once.Do(func() {
		dir, err := os.MkdirTemp("", "export-bench-")
		if err != nil {
			r.err = err
			return
		}
		r.path = filepath.Join(dir, "reg.db")
		_, r.err = demo.CreateSQLite(context.Background(), r.path, demo.Options{Persons: 40000, Seed: 1, On: on, Contiguous: contiguous})
	})
	if r.err != nil {
		b.Fatal(r.err)
	}
	return r.path
}

// BenchmarkExport40k exports a 40k SQLite demo register, households
// scattered (as in a real register) and contiguous, with the sequential
// loop and the pipeline side by side in the same run. It reports the CPU
// time (user + system, getrusage) and the wall time per export: on a
// loaded machine wall time grows with the load, CPU time much less.
func BenchmarkExport40k(b *testing.B) {
	for _, layout := range []struct {
		name       string
		contiguous bool
	}{{"scattered", false}, {"contiguous", true}} {
		for _, mode := range []struct {
			name       string
			sequential bool
		}{{"sequential", true}, {"pipelined", false}} {
			b.Run(layout.name+"/"+mode.name, func(b *testing.B) {
				db := demoRegister40k(b, layout.contiguous)
				ctx := context.Background()
				src, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{})
				if err != nil {
					b.Fatal(err)
				}
				defer src.Close()
				out := filepath.Join(b.TempDir(), "p.xml")
				opts := export.Options{Map: anagrafe.MapOptions{On: on}, Sequential: mode.sequential,
					Audit: func(context.Context, anagrafe.AuditEvent) error { return nil }}
				b.ReportAllocs()
				var exported, n int
				cpu0, wall0 := cpuTime(), time.Now()
				for b.Loop() {
					sum, err := export.Run(ctx, src, anagrafe.All(), export.File(out), opts)
					if err != nil {
						b.Fatal(err)
					}
					exported = sum.Exported
					n++
				}
				b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(n), "cpu-ms/op")
				b.ReportMetric(float64(time.Since(wall0).Milliseconds())/float64(n), "wall-ms/op")
				b.ReportMetric(float64(exported), "exported/op")
			})
		}
	}
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
	for _, r := range benchRegs {
		if r.path != "" {
			os.RemoveAll(filepath.Dir(r.path))
		}
	}
	os.Exit(code)
}
