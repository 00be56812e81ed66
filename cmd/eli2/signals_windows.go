//go:build windows

package main

import "os"

// stopSignals are the signals that stop a run cleanly: on Windows only
// Ctrl-C and Ctrl-Break (os.Interrupt) reach a console program.
var stopSignals = []os.Signal{os.Interrupt}
