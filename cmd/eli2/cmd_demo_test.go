package main

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

func TestDemoCommandLayouts(t *testing.T) {
	// Issue 12: eli2 demo numbers people in registration order with
	// households scattered; --contiguous keeps consecutive numbers.
	tests := []struct {
		name      string
		flags     []string
		scattered bool
	}{
		{"default: scattered", nil, true},
		{"--contiguous", []string{"--contiguous"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "demo.db")
			rc, _, stderr := exportRun(append([]string{"demo", "--persons", "400", "--seed", "2", "--on", exportTestOn, "--out", db}, tt.flags...)...)
			require.Equal(t, 0, rc, stderr)
			for _, k := range demo.CaseKinds {
				assert.Contains(t, stderr, "  "+k+" ", "case counts printed")
			}
			src, err := sqlreg.Open(context.Background(), "sqlite:"+db, sqlreg.Options{})
			require.NoError(t, err)
			defer src.Close()
			far := 0 // households whose members' numbers are more than 10 apart
			households := 0
			for rec, err := range src.Persons(context.Background()) {
				require.NoError(t, err)
				if rec.Family == nil || rec.Family.Members[0].ID != rec.Person.ID || len(rec.Family.Members) < 2 {
					continue
				}
				households++
				lo, hi := 1<<30, 0
				for _, m := range rec.Family.Members {
					n, err := strconv.Atoi(m.ID[1:])
					require.NoError(t, err)
					lo, hi = min(lo, n), max(hi, n)
				}
				if hi-lo > 10 {
					far++
				}
			}
			require.Positive(t, households)
			if tt.scattered {
				assert.Greater(t, far, households/2, "most households scattered")
			} else {
				assert.Zero(t, far, "every household contiguous")
			}
		})
	}
}
