// Command gencodes writes the deterministic set of people and codici fiscali
// that the Go and Node benchmarks of the codice fiscale share (TSV, one
// person a line).
//
//	go run ./cmd/gencodes -n 100000 -o /tmp/cf-codes.tsv
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/retecomuni/eli2sdk/bench/cfbench"
)

func main() {
	n := flag.Int("n", 100000, "number of people")
	seed := flag.Uint64("seed", 20260315, "random seed")
	out := flag.String("o", "", "output file (default: standard output)")
	flag.Parse()
	recs, err := cfbench.Generate(*n, *seed, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencodes:", err)
		os.Exit(1)
	}
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gencodes:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := cfbench.Write(w, recs); err != nil {
		fmt.Fprintln(os.Stderr, "gencodes:", err)
		os.Exit(1)
	}
}
