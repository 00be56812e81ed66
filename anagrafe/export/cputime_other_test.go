//go:build !unix

package export_test

import "time"

var processStart = time.Now()

// cpuTime falls back to the wall time where the standard library has no
// CPU clock: the cpu-ms/op metric is then wall time.
func cpuTime() time.Duration { return time.Since(processStart) }
