// Package adaptertest is the conformance suite for anagrafe.Source
// implementations, in the spirit of testing/fstest: one call checks that an
// adapter returns the fixture population faithfully — on what its schema
// stores, declared with Config.Omits — answers every query exactly as
// anagrafe.Match specifies (current permits only, whatever permit history
// the register keeps), that its optional interfaces agree with the generic
// fallback, that returned records belong to the caller, and that its
// streams honour early break and context cancellation.
//
// Failures name the check, the person, the field, what was expected and
// what the source returned (Failure); Check returns them as an *Error, Run
// and RunConfig report them to the test.
package adaptertest

import (
	"context"
	"errors"
	"testing"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/codes"
)

// Factory loads records into a fresh, empty instance of the adapter under
// test and returns it. The suite closes the source (anagrafe.Close).
type Factory func(t *testing.T, records []*anagrafe.Record) anagrafe.Source

// Loader loads a fixture — records and, for registers that keep one, the
// permit history — into a fresh, empty instance of the adapter under test.
// The suite closes the source (anagrafe.Close).
type Loader func(t *testing.T, f Fixture) anagrafe.Source

// Fixture is what the suite loads into a source.
type Fixture struct {
	// Records are the persons as a Source must return them: one record
	// per person, with the current permit and assembled households.
	Records []*anagrafe.Record
	// PastPermits are superseded and cancelled permit rows of some
	// persons, for sources whose schema keeps a permit history: store
	// them beside the current permits. A source must never return or
	// match them.
	PastPermits []anagrafetest.PastPermit
}

func (f Fixture) clone() Fixture {
	c := Fixture{PastPermits: append([]anagrafetest.PastPermit(nil), f.PastPermits...)}
	for _, r := range f.Records {
		c.Records = append(c.Records, r.Clone())
	}
	return c
}

// DefaultFixture returns the fixture the suite uses unless told otherwise:
// anagrafetest.Records (every mapping and query rule) and
// anagrafetest.HistoryRecords (integer-like IDs, households scattered in
// ID order), with anagrafetest.PastPermits.
func DefaultFixture() Fixture {
	return Fixture{
		Records:     append(anagrafetest.Records(), anagrafetest.HistoryRecords()...),
		PastPermits: anagrafetest.PastPermits(),
	}
}

// Config says what the suite checks.
type Config struct {
	// Omits declares what the source's schema does not store; the suite
	// compares everything else.
	Omits []Omission
	// Fixture replaces DefaultFixture when it has records (which must
	// have distinct IDs and households as anagrafe.Assemble builds them).
	Fixture Fixture
	// On is the reference date of the queries; 0 means
	// anagrafetest.RefDate, the date the fixtures are designed around.
	On codes.Date
}

func (c Config) fixture() Fixture {
	if len(c.Fixture.Records) > 0 {
		return c.Fixture
	}
	return DefaultFixture()
}

// Run runs the conformance suite on the adapter built by newSource, loaded
// with the records of DefaultFixture, and expects full fidelity. Use
// RunConfig to declare omissions or load the permit history.
func Run(t *testing.T, newSource Factory) {
	t.Helper()
	RunConfig(t, Config{}, newSource.loader())
}

// RunWith runs the suite with the given fixture records and reference
// date, expecting full fidelity.
func RunWith(t *testing.T, records []*anagrafe.Record, on codes.Date, newSource Factory) {
	t.Helper()
	RunConfig(t, Config{Fixture: Fixture{Records: records}, On: on}, newSource.loader())
}

// RunConfig runs the suite as cfg says on the adapter built by load, and
// reports each failure as a test error.
func RunConfig(t *testing.T, cfg Config, load Loader) {
	t.Helper()
	err := Check(context.Background(), cfg, func(f Fixture) (anagrafe.Source, error) {
		return load(t, f), nil
	})
	report(t, err)
}

// loader adapts a Factory, which stores no permit history.
func (newSource Factory) loader() Loader {
	return func(t *testing.T, f Fixture) anagrafe.Source { return newSource(t, f.Records) }
}

// report turns Check's result into test errors, one per failure.
func report(t testing.TB, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Error(err)
		return
	}
	for _, f := range e.Failures {
		t.Error(f.String())
	}
}
