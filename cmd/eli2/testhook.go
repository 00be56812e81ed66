package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
)

// testPauseEnv names the environment variable of the fault-injection
// tests: ELI2_TEST_PAUSE_AFTER=N makes eli2 export stop after N records
// read, print testPausedLine on stderr and wait until its context is
// cancelled (a signal), so that a test sends its signal — or SIGKILL — at
// a known point of the run, with temporary files in place, instead of
// sleeping and hoping. Unset (always, outside tests) it does nothing.
const testPauseEnv = "ELI2_TEST_PAUSE_AFTER"

// testPausedLine is printed when the pause begins.
const testPausedLine = "ELI2_TEST_PAUSED"

// testPauseAfter returns N from testPauseEnv, or 0.
func testPauseAfter() int {
	n, err := strconv.Atoi(os.Getenv(testPauseEnv))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// testPause blocks until ctx is done when done reaches the pause point.
func testPause(ctx context.Context, stderr io.Writer, at, done int) {
	if at <= 0 || done != at {
		return
	}
	fmt.Fprintln(stderr, testPausedLine)
	<-ctx.Done()
}
