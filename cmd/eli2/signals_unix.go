//go:build unix

package main

import (
	"os"
	"syscall"
)

// stopSignals are the signals that stop a run cleanly: Ctrl-C, kill's
// default and a closed terminal.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}
