// Package cpuclock reads the CPU time used by the process (user + system,
// all threads), so that the benchmarks can report CPU time per operation as
// well as wall time: on a loaded machine wall time grows with the load,
// CPU time much less.
package cpuclock

import "time"

// Measure runs fn repeatedly until at least budget of CPU time is used (and
// at least once), and returns the CPU time and wall time per call and the
// number of calls. When the platform has no CPU clock, cpu is the wall time.
func Measure(budget time.Duration, fn func()) (cpu, wall time.Duration, n int) {
	c0, w0 := Now(), time.Now()
	batch := 1
	for n == 0 || Now()-c0 < budget {
		b0 := Now()
		for i := 0; i < batch; i++ {
			fn()
		}
		n += batch
		if Now()-b0 < budget/100 {
			batch *= 2 // read the clock less often for fast operations
		}
	}
	return (Now() - c0) / time.Duration(n), time.Since(w0) / time.Duration(n), n
}
