//go:build !race

package sqlreg_test

// raceEnabled: see race_on_test.go.
const raceEnabled = false
