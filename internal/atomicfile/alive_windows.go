//go:build windows

package atomicfile

import "os"

// processAlive reports whether a process with id pid exists: on Windows
// os.FindProcess opens the process and fails when there is none.
func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
