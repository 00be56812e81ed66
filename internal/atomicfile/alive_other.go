//go:build !unix && !windows

package atomicfile

// processAlive cannot tell on this system, so leftovers are kept: treating
// every process as alive never removes work in progress.
func processAlive(int) bool { return true }
