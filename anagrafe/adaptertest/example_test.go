package adaptertest_test

import (
	"testing"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/adaptertest"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

// A vendor tests its adapter with one call: the factory loads the fixture
// records into a fresh instance.
func ExampleRun() {
	// In a _test.go file of the vendor's adapter package:
	testAdapter := func(t *testing.T) {
		adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
			return memory.New(records...) // the vendor's own adapter here
		})
	}
	_ = testAdapter
}
