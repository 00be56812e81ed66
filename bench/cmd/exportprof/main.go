// Command exportprof explains where the time of an export goes: it runs the
// stages of `eli2 export --all` one after the other on the same SQLite
// register — reading the register only, reading and mapping (with
// validation), and the whole export (mapping, validation, audit log,
// encoder, atomic file) — and prints the CPU and wall time of each, the peak
// RSS, and optionally a CPU profile of the whole export.
//
//	go run ./cmd/exportprof -db demo.db -cpuprofile export.pprof
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/bench/cpuclock"
	"github.com/retecomuni/eli2sdk/codes"
)

func main() {
	db := flag.String("db", "", "SQLite register (eli2 demo)")
	on := flag.String("on", "2026-03-15", "reference date")
	prof := flag.String("cpuprofile", "", "write a CPU profile of the whole export")
	heap := flag.String("memprofile", "", "write a heap profile at the end of the export")
	onlyExport := flag.Bool("only-export", false, "skip the read and map stages")
	flag.Parse()
	if err := run(*db, *on, *prof, *heap, *onlyExport); err != nil {
		fmt.Fprintln(os.Stderr, "exportprof:", err)
		os.Exit(1)
	}
}

func stage(name string, fn func() (string, error)) error {
	c0, w0 := cpuclock.Now(), time.Now()
	what, err := fn()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("| %s | %.2f | %.2f | %.1f | %s |\n", name, time.Since(w0).Seconds(), (cpuclock.Now() - c0).Seconds(),
		float64(ms.HeapSys)/(1<<20), what)
	return nil
}

func run(db, onS, prof, heap string, onlyExport bool) error {
	ctx := context.Background()
	on, err := codes.ParseDate(onS)
	if err != nil {
		return err
	}
	src, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{})
	if err != nil {
		return err
	}
	defer src.Close()
	dir, err := os.MkdirTemp("", "exportprof")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	fmt.Println("| stage | wall s | CPU s | Go heap (HeapSys) MiB | result |")
	fmt.Println("|---|---:|---:|---:|---|")
	if !onlyExport {
		if err := readStages(ctx, src, on); err != nil {
			return err
		}
	}
	if prof != "" {
		f, err := os.Create(prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	audit, err := anagrafe.OpenAuditLog(filepath.Join(dir, "audit.jsonl"))
	if err != nil {
		return err
	}
	defer audit.Close()
	out := filepath.Join(dir, "out.xml")
	if err := stage("whole export (export.Run to a file)", func() (string, error) {
		s, err := export.Run(ctx, src, anagrafe.All().At(on), export.File(out),
			export.Options{Map: anagrafe.MapOptions{On: on}, Audit: audit.Hook(), Operator: "benchmark", Purpose: "benchmark"})
		if err != nil {
			return "", err
		}
		st, _ := os.Stat(out)
		return fmt.Sprintf("%d exported, %d skipped, %d MiB", s.Exported, s.Skipped, st.Size()>>20), nil
	}); err != nil {
		return err
	}
	if heap != "" {
		f, err := os.Create(heap)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
			return err
		}
	}
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "VmHWM:") {
				fmt.Printf("\nPeak RSS of this process (all stages): %s\n", strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")))
			}
		}
	}
	return nil
}

// readStages times reading the register alone, then reading, mapping and
// validating without writing.
func readStages(ctx context.Context, src *sqlreg.Source, on codes.Date) error {
	if err := stage("read the register (sqlreg stream)", func() (string, error) {
		n := 0
		for _, err := range src.Persons(ctx) {
			if err != nil {
				return "", err
			}
			n++
		}
		return fmt.Sprintf("%d persons", n), nil
	}); err != nil {
		return err
	}
	return stage("read + map + validate (no output)", func() (string, error) {
		n, ok := 0, 0
		opts := anagrafe.MapOptions{On: on}
		for r, err := range src.Persons(ctx) {
			if err != nil {
				return "", err
			}
			n++
			if _, _, err := anagrafe.Map(r, anagrafe.Request{}, opts); err == nil {
				ok++
			}
		}
		return fmt.Sprintf("%d persons, %d mapped", n, ok), nil
	})
}
