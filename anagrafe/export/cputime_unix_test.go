//go:build unix

package export_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system, all threads) used so far by the
// test binary, as bench/cpuclock reads it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
