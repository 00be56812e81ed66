package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

// signalGrace is how long a stopped run may take to unwind (abort its
// outputs, write its audit line) before the process removes its temporary
// files itself and exits.
const signalGrace = 10 * time.Second

// signalCatcher turns the stop signals into the cancellation of a context.
type signalCatcher struct {
	mu     sync.Mutex
	sig    os.Signal
	ch     chan os.Signal
	done   chan struct{}
	cancel context.CancelFunc
}

// catchSignals returns a context cancelled by the first stop signal. The
// run should then unwind, removing its temporary files; if it has not
// returned within signalGrace, or a second signal arrives, the process
// removes them (atomicfile.RemoveTemps) and exits with exitSignal. Call
// stop when the run is over.
func catchSignals(parent context.Context, stderr io.Writer) (context.Context, *signalCatcher) {
	ctx, cancel := context.WithCancel(parent)
	c := &signalCatcher{ch: make(chan os.Signal, 2), done: make(chan struct{}), cancel: cancel}
	signal.Notify(c.ch, stopSignals...)
	go c.watch(stderr)
	return ctx, c
}

func (c *signalCatcher) watch(stderr io.Writer) {
	var first os.Signal
	select {
	case first = <-c.ch:
	case <-c.done:
		return
	}
	c.mu.Lock()
	c.sig = first
	c.mu.Unlock()
	c.cancel()
	select {
	case <-c.ch:
	case <-time.After(signalGrace):
	case <-c.done:
		return
	}
	n := atomicfile.RemoveTemps()
	fmt.Fprintf(stderr, "eli2: interrotto (%v): rimossi %d file temporanei, nessun file scritto\n", first, n)
	os.Exit(exitSignal(first))
}

// removeTempsOnSignal is for commands whose work does not watch a context
// (preview of a file): the first stop signal removes this process's
// temporary files at once and exits with exitSignal. Call the returned
// function when the work is over.
func removeTempsOnSignal(stderr io.Writer) (stop func()) {
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, stopSignals...)
	go func() {
		select {
		case sig := <-ch:
			n := atomicfile.RemoveTemps()
			fmt.Fprintf(stderr, "eli2: interrotto (%v): rimossi %d file temporanei, nessun file scritto\n", sig, n)
			os.Exit(exitSignal(sig))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// caught returns the signal received, or nil.
func (c *signalCatcher) caught() os.Signal {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sig
}

// stop stops catching signals.
func (c *signalCatcher) stop() {
	signal.Stop(c.ch)
	select {
	case <-c.done:
	default:
		close(c.done)
	}
	c.cancel()
}
