package desk_test

import (
	"context"
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

// badRowSource is the fixtures with one unreadable record first in the
// stream, as an adapter yields a mistyped cell.
type badRowSource struct{ anagrafe.Source }

func (s badRowSource) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		bad := &anagrafe.RecordError{PersonID: "P000", Field: "permessi.data_scadenza", Reason: anagrafe.ReasonImpossibleDate}
		if !yield(nil, bad) {
			return
		}
		for r, err := range s.Source.Persons(ctx) {
			if !yield(r, err) {
				return
			}
		}
	}
}

// One unreadable record never stops the letters of the others (issue 11):
// it is handed to OnRecordError and left out.
func TestUnreadableRecordSkipped(t *testing.T) {
	src := badRowSource{memory.New(anagrafetest.Records()...)}
	var skipped []error
	ns, err := desk.Art11Notices(context.Background(), src, desk.Art11Options{On: anagrafetest.RefDate,
		OnRecordError: func(err error) { skipped = append(skipped, err) }})
	require.NoError(t, err)
	assert.NotEmpty(t, ns)
	require.Len(t, skipped, 1)
	assert.ErrorIs(t, skipped[0], anagrafe.ErrImpossibleDate)

	skipped = nil
	_, err = desk.Reminders(context.Background(), src, desk.ReminderOptions{On: anagrafetest.RefDate,
		Window: desk.Window{From: 365, To: 0}, OnRecordError: func(err error) { skipped = append(skipped, err) }})
	require.NoError(t, err)
	assert.Len(t, skipped, 1)
}
