// Command codecbench times the eli2 codec and encoding/xml encoding and
// decoding the same applications, and prints a Markdown table with the
// speed-up of eli2 over encoding/xml.
//
//	go run ./cmd/codecbench -n 1000
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/retecomuni/eli2sdk/bench/codecbench"
	"github.com/retecomuni/eli2sdk/bench/cpuclock"
)

func main() {
	n := flag.Int("n", 1000, "applications in the document")
	count := flag.Int("count", 3, "runs of each case; the fastest is reported")
	flag.Parse()
	cases, err := codecbench.Cases(*n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "codecbench:", err)
		os.Exit(1)
	}
	type row struct {
		c      codecbench.Case
		r      testing.BenchmarkResult
		nsOp   float64 // wall
		cpuOp  float64 // CPU time of the process
		allocs int64
	}
	rows := make([]row, 0, len(cases))
	base := map[string]float64{}
	baseCPU := map[string]float64{}
	for _, c := range cases {
		var best row
		for i := 0; i < *count; i++ {
			r := testing.Benchmark(func(b *testing.B) {
				b.SetBytes(c.Bytes)
				b.ReportAllocs()
				c.Run(b)
			})
			ns := float64(r.T.Nanoseconds()) / float64(r.N)
			if best.nsOp == 0 || ns < best.nsOp {
				best = row{c: c, r: r, nsOp: ns, allocs: r.AllocsPerOp()}
			}
		}
		cpu, _, _ := cpuclock.Measure(2*time.Second, func() {
			if err := c.Once(); err != nil {
				panic(err)
			}
		})
		best.cpuOp = float64(cpu)
		fmt.Fprintf(os.Stderr, "%s %s: %.2f ms/op wall, %.2f ms/op CPU\n", c.Op, c.Codec, best.nsOp/1e6, best.cpuOp/1e6)
		rows = append(rows, best)
		if c.Baseline {
			base[c.Op] = best.nsOp
			baseCPU[c.Op] = best.cpuOp
		}
	}
	fmt.Printf("Document: %d applications, %d bytes. Wall time: fastest of %d testing.Benchmark runs; "+
		"CPU time: user + system of the process over about 2 s of CPU (includes the garbage collector's threads).\n\n",
		*n, cases[0].Bytes, *count)
	fmt.Println("| operation | codec | wall ms/op | CPU ms/op | MB/s (wall) | allocs/op | B/op | eli2 faster than encoding/xml (CPU / wall) |")
	fmt.Println("|---|---|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		ratio := ""
		if !r.c.Baseline && strings.HasPrefix(r.c.Codec, "eli2") {
			ratio = fmt.Sprintf("%.1f× / %.1f×", baseCPU[r.c.Op]/r.cpuOp, base[r.c.Op]/r.nsOp)
		}
		mbs := float64(r.c.Bytes) / r.nsOp * 1e3
		fmt.Printf("| %s | %s | %.2f | %.2f | %.0f | %d | %d | %s |\n", r.c.Op, r.c.Codec, r.nsOp/1e6, r.cpuOp/1e6, mbs, r.allocs, r.r.AllocedBytesPerOp(), ratio)
	}
}
