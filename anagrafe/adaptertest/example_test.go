package adaptertest_test

import (
	"context"
	"errors"
	"fmt"
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

// A schema that keeps a permit history and cannot store some fields says
// so: the loader stores the past permit rows too, and the suite compares
// only what the schema holds.
func ExampleRunConfig() {
	testAdapter := func(t *testing.T) {
		cfg := adaptertest.Config{Omits: []adaptertest.Omission{
			adaptertest.SecondCitizenships,
			adaptertest.PartialBirthDates,
			adaptertest.Education,
		}}
		adaptertest.RunConfig(t, cfg, func(t *testing.T, f adaptertest.Fixture) anagrafe.Source {
			// The vendor's loader writes f.Records and f.PastPermits
			// (superseded and cancelled rows) to its own tables here.
			return memory.New(f.Records...)
		})
	}
	_ = testAdapter
}

// Check reports each failure with the person, the field, what was expected
// and what the source returned.
func ExampleCheck() {
	// A source that loses the education code of one person.
	open := func(f adaptertest.Fixture) (anagrafe.Source, error) {
		for _, r := range f.Records {
			if r.Person.ID == "P020" {
				r.Person.Education = ""
			}
		}
		return memory.New(f.Records...), nil
	}
	err := adaptertest.Check(context.Background(), adaptertest.Config{}, open)
	var e *adaptertest.Error
	if errors.As(err, &e) {
		for _, f := range e.Failures {
			fmt.Println(f)
		}
	}
	// Declared, the omission is not a failure.
	fmt.Println(adaptertest.Check(context.Background(), adaptertest.Config{Omits: []adaptertest.Omission{adaptertest.Education}}, open))
	// Output:
	// Persons: person P020: Person.Education: want "7", got ""
	// Person: person P020: Person.Education: want "7", got ""
	// <nil>
}

// IntegerIDs renumbers the fixture for a schema with integer keys: P001
// becomes 20001 and so on, references included; integer-like IDs stay.
func ExampleIntegerIDs() {
	f := adaptertest.IntegerIDs(adaptertest.DefaultFixture())
	for _, r := range f.Records {
		if p := r.Person; p.FatherID != "" {
			fmt.Println(p.ID, p.Surname, "father", p.FatherID)
		}
	}
	// Output:
	// 100 Hoxha father 10
	// 20003 El Amrani father 20001
	// 20004 El Amrani father 20001
}
