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
	"testing"

	"github.com/retecomuni/eli2sdk/bench/codecbench"
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
		nsOp   float64
		allocs int64
	}
	rows := make([]row, 0, len(cases))
	base := map[string]float64{}
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
		fmt.Fprintf(os.Stderr, "%s %s: %.2f ms/op\n", c.Op, c.Codec, best.nsOp/1e6)
		rows = append(rows, best)
		if c.Baseline {
			base[c.Op] = best.nsOp
		}
	}
	fmt.Printf("Document: %d applications, %d bytes.\n\n", *n, cases[0].Bytes)
	fmt.Println("| operation | codec | ms/op | MB/s | allocs/op | B/op | eli2 faster by |")
	fmt.Println("|---|---|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		ratio := ""
		if !r.c.Baseline && r.c.Codec[:4] == "eli2" {
			ratio = fmt.Sprintf("%.1f× vs encoding/xml", base[r.c.Op]/r.nsOp)
		}
		mbs := float64(r.c.Bytes) / r.nsOp * 1e3
		fmt.Printf("| %s | %s | %.2f | %.0f | %d | %d | %s |\n", r.c.Op, r.c.Codec, r.nsOp/1e6, mbs, r.allocs, r.r.AllocedBytesPerOp(), ratio)
	}
}
