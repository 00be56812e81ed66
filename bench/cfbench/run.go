package cfbench

import (
	"fmt"
	"testing"
	"time"

	"github.com/retecomuni/eli2sdk/bench/cpuclock"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
)

// Result is the measure of one operation of one library, in the JSON form
// that bench/cf-node/bench.js also prints.
type Result struct {
	Lib         string  `json:"lib"`
	Op          string  `json:"op"`
	NsPerOp     float64 `json:"ns_per_op"`     // wall time
	CPUNsPerOp  float64 `json:"cpu_ns_per_op"` // CPU time (user + system) of the process
	AllocsPerOp *int64  `json:"allocs_per_op,omitempty"`
	Ops         int     `json:"ops"`
	Correct     int     `json:"correct"`
}

// Lib is the name under which results of package cf are reported.
const Lib = "eli2sdk/codes/cf"

// Ops are the operations timed, in report order.
var Ops = []string{"validate", "decode", "compute"}

// Op returns the function that runs operation op of package cf on one
// record and reports whether the answer is the expected one.
func Op(op string, t *codes.Tables) func(*Record) bool {
	switch op {
	case "validate":
		return func(r *Record) bool { return cf.Validate(r.Code) == nil }
	case "decode":
		ref := cf.WithReference(Reference)
		return func(r *Record) bool {
			c, err := cf.Parse(r.Code)
			if err != nil {
				return false
			}
			d, err := cf.Decode(c, t, ref)
			return err == nil && d.Birth == r.Birth && d.Sex == r.Sex && d.Place.Belfiore() == r.PlaceCode
		}
	case "compute":
		return func(r *Record) bool {
			c, err := cf.Compute(cf.Person{Surname: r.Surname, Name: r.Name, Sex: r.Sex, Birth: r.Birth, PlaceCode: r.PlaceCode})
			return err == nil && c.String() == r.Base
		}
	}
	panic(fmt.Sprintf("cfbench: unknown operation %q", op))
}

// Measure times operation op over recs (record i%len for iteration i) for
// about two seconds of CPU time, reporting CPU and wall time per operation;
// it counts the allocations with testing.Benchmark and, in a separate pass
// over every record, how many records give the expected answer.
func Measure(op string, recs []Record, t *codes.Tables) Result {
	fn := Op(op, t)
	correct := 0
	for i := range recs {
		if fn(&recs[i]) {
			correct++
		}
	}
	br := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			fn(&recs[i])
			if i++; i == len(recs) {
				i = 0
			}
		}
	})
	allocs := br.AllocsPerOp()
	i := 0
	cpu, wall, n := cpuclock.Measure(2*time.Second, func() {
		fn(&recs[i])
		if i++; i == len(recs) {
			i = 0
		}
	})
	return Result{Lib: Lib, Op: op, NsPerOp: float64(wall), CPUNsPerOp: float64(cpu),
		AllocsPerOp: &allocs, Ops: n, Correct: correct}
}
