package main

import (
	"os"
	"syscall"
)

// Exit codes of every eli2 command, one policy:
//
//	0    done, nothing to report (warnings allowed); also --help
//	1    done, and problems were found (invalid file or code, a --strict
//	     export stopped at an invalid record, nothing to export)
//	2    could not run: bad usage, unreadable input, output refused or not
//	     writable, register or audit log failure
//	128+n  stopped by signal n (130 Ctrl-C/SIGINT, 143 SIGTERM, 129 SIGHUP),
//	     the shell convention; temporary files removed, nothing written
const (
	exitOK        = 0
	exitProblems  = 1
	exitCannotRun = 2
)

// exitSignal is the exit code of a run stopped by sig: 128 + its number.
func exitSignal(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGINT)
}
