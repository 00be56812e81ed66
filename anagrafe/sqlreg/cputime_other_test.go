//go:build !unix

package sqlreg_test

import "time"

var start = time.Now()

// cpuTime returns the wall time since the tests started: this platform
// has no CPU clock in the standard library.
func cpuTime() time.Duration { return time.Since(start) }
