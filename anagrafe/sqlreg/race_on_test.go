//go:build race

package sqlreg_test

// raceEnabled: the race detector slows database code 5–10×; identity tests
// use a smaller register under it (the race build checks concurrency, the
// plain build checks the full register).
const raceEnabled = true
