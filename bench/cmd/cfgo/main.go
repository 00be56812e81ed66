// Command cfgo times package codes/cf on the codes written by gencodes and,
// given the JSON printed by bench/cf-node/bench.js, prints both side by side
// as a Markdown table with the speed ratios.
//
//	go run ./cmd/cfgo -codes /tmp/cf-codes.tsv -node /tmp/cf-node.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/retecomuni/eli2sdk/bench/cfbench"
	"github.com/retecomuni/eli2sdk/codes"
)

// report is the JSON shape shared with bench.js.
type report struct {
	Runtime string           `json:"runtime"`
	N       int              `json:"n"`
	Results []cfbench.Result `json:"results"`
}

func main() {
	codesFile := flag.String("codes", "", "TSV written by gencodes (required)")
	nodeFile := flag.String("node", "", "JSON written by cf-node/bench.js (optional)")
	jsonOut := flag.String("json", "", "also write the Go results as JSON to this file")
	flag.Parse()
	if err := run(*codesFile, *nodeFile, *jsonOut, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cfgo:", err)
		os.Exit(1)
	}
}

func run(codesFile, nodeFile, jsonOut string, w io.Writer) error {
	f, err := os.Open(codesFile)
	if err != nil {
		return err
	}
	recs, err := cfbench.Read(f)
	f.Close()
	if err != nil {
		return err
	}
	t := codes.Default()
	ours := report{Runtime: runtime.Version(), N: len(recs)}
	for _, op := range cfbench.Ops {
		r := cfbench.Measure(op, recs, t)
		fmt.Fprintf(os.Stderr, "%s %s: %.0f CPU ns/op, %.0f wall ns/op, %d allocs/op, %d/%d correct\n", r.Lib, op, r.CPUNsPerOp, r.NsPerOp, *r.AllocsPerOp, r.Correct, len(recs))
		ours.Results = append(ours.Results, r)
	}
	if jsonOut != "" {
		b, _ := json.MarshalIndent(ours, "", " ")
		if err := os.WriteFile(jsonOut, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	var node report
	if nodeFile != "" {
		b, err := os.ReadFile(nodeFile)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &node); err != nil {
			return fmt.Errorf("%s: %w", nodeFile, err)
		}
	}
	libs := []string{}
	seen := map[string]bool{}
	for _, r := range node.Results {
		if !seen[r.Lib] {
			seen[r.Lib] = true
			libs = append(libs, r.Lib)
		}
	}
	fmt.Fprintf(w, "Codes: %d (same file for every library). Go: %s. Node: %s. "+
		"Times per operation: CPU time of the process (user + system), then wall time; "+
		"ratios are CPU time of the other library / CPU time of eli2sdk (wall-time ratio in brackets).\n\n",
		len(recs), ours.Runtime, node.Runtime)
	fmt.Fprint(w, "| operation | eli2sdk CPU ns/op | wall ns/op | allocs/op | correct |")
	for _, l := range libs {
		fmt.Fprintf(w, " %s CPU ns/op | wall ns/op | correct | eli2sdk faster by |", l)
	}
	fmt.Fprint(w, "\n|---|---:|---:|---:|---:|")
	for range libs {
		fmt.Fprint(w, "---:|---:|---:|---:|")
	}
	fmt.Fprintln(w)
	for _, r := range ours.Results {
		fmt.Fprintf(w, "| %s | %.0f | %.0f | %d | %d/%d |", r.Op, r.CPUNsPerOp, r.NsPerOp, *r.AllocsPerOp, r.Correct, len(recs))
		for _, l := range libs {
			found := false
			for _, o := range node.Results {
				if o.Lib == l && o.Op == r.Op {
					found = true
					fmt.Fprintf(w, " %.0f | %.0f | %d/%d | %.0f× (%.0f×) |", o.CPUNsPerOp, o.NsPerOp, o.Correct, o.Ops,
						o.CPUNsPerOp/r.CPUNsPerOp, o.NsPerOp/r.NsPerOp)
				}
			}
			if !found {
				fmt.Fprint(w, " – | – | – | – |")
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}
