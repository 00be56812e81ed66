package export_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
	"github.com/retecomuni/eli2sdk/eli2"
)

// TestRunOperator: the operator is required, taken from Options.Operator
// (else Header.Operatore), and recorded in every event, stamped by the SDK.
func TestRunOperator(t *testing.T) {
	tests := []struct {
		name     string
		operator string
		header   string
		want     string // "" = ErrNoOperator
	}{
		{"options", "mrossi", "", "mrossi"},
		{"options wins over header", "mrossi", "hdr", "mrossi"},
		{"header fallback", "", "hdr", "hdr"},
		{"missing", "", "", ""},
		{"blank", "   ", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "p.xml")
			var evs []anagrafe.AuditEvent
			_, err := export.Run(context.Background(), memory.New(anagrafetest.Records()...), anagrafe.All(), export.File(out), export.Options{
				Map:      anagrafe.MapOptions{On: anagrafetest.RefDate},
				Operator: tt.operator,
				Header:   eli2.Intestazione{Operatore: tt.header},
				Audit: func(_ context.Context, ev anagrafe.AuditEvent) error {
					evs = append(evs, ev)
					return nil
				},
			})
			if tt.want == "" {
				require.ErrorIs(t, err, export.ErrNoOperator)
				assert.NoFileExists(t, out)
				assert.Empty(t, evs)
				return
			}
			require.NoError(t, err)
			require.NotEmpty(t, evs)
			for _, ev := range evs {
				assert.Equal(t, tt.want, ev.Operator)
				assert.False(t, ev.Time.IsZero(), "custom hooks never get a zero time")
			}
		})
	}
}

// TestRunAbortStamped: the abort event of a failed run carries the
// operator and a time too.
func TestRunAbortStamped(t *testing.T) {
	fixed := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	var evs []anagrafe.AuditEvent
	_, err := export.RunIDs(context.Background(), memory.New(anagrafetest.Records()...), []string{"NOPE"}, export.File(filepath.Join(t.TempDir(), "p.xml")), export.Options{
		Map:      anagrafe.MapOptions{On: anagrafetest.RefDate},
		Operator: "mrossi",
		Now:      func() time.Time { return fixed },
		Audit: func(_ context.Context, ev anagrafe.AuditEvent) error {
			evs = append(evs, ev)
			return nil
		},
	})
	require.ErrorIs(t, err, export.ErrNothingExported)
	require.Len(t, evs, 1)
	assert.Equal(t, anagrafe.ActionAbort, evs[0].Action)
	assert.Equal(t, "mrossi", evs[0].Operator)
	assert.Equal(t, fixed, evs[0].Time)
}
