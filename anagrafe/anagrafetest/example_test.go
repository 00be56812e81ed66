package anagrafetest_test

import (
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
)

// The history population has integer-like IDs, in byte order, and
// households scattered across that order.
func ExampleHistoryRecords() {
	for _, r := range anagrafetest.HistoryRecords() {
		fmt.Println(r.Person.ID, r.Person.FamilyID, r.Person.Relation)
	}
	// Output:
	// 10 F10 1
	// 100 F10 3
	// 1000 F11 3
	// 2 F11 1
	// 9 F10 2
}

// Past permit rows a source with a permit history stores beside the
// current ones, and must never return.
func ExamplePastPermits() {
	for _, p := range anagrafetest.PastPermits() {
		fmt.Println(p.PersonID, p.Status, p.Permit.Number, p.Permit.ExpiryDate)
	}
	// Output:
	// 10 superseded H00000001 2025-06-30
	// 10 cancelled H00000011 2026-07-01
	// 2 superseded H00000003 2020-01-01
	// 1000 cancelled H00001001 2026-07-10
}
