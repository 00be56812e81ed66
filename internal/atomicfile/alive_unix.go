//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// processAlive reports whether a process with id pid exists: signal 0
// checks without sending anything; EPERM means it exists under another
// user.
func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
