package adaptertest_test

import (
	"testing"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/adaptertest"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

func TestMemory(t *testing.T) {
	adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
		return memory.New(records...)
	})
}

func TestMemoryUntracked(t *testing.T) {
	adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
		return memory.NewWithOptions(memory.Options{NoResidenceDeclaration: true}, records...)
	})
}

func TestMemoryIntegerIDs(t *testing.T) {
	cfg := adaptertest.Config{Fixture: adaptertest.IntegerIDs(adaptertest.DefaultFixture())}
	adaptertest.RunConfig(t, cfg, func(t *testing.T, f adaptertest.Fixture) anagrafe.Source {
		return memory.New(f.Records...)
	})
}
