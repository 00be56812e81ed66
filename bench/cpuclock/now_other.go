//go:build !unix

package cpuclock

import "time"

// Available reports whether Now reads a CPU clock (false: wall clock).
const Available = false

var start = time.Now()

// Now returns the wall time since the program started: this platform has no
// CPU clock in the standard library.
func Now() time.Duration { return time.Since(start) }
