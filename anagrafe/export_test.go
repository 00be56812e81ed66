package anagrafe_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

func TestExporter(t *testing.T) {
	ctx := context.Background()
	var events []anagrafe.AuditEvent
	ex := &anagrafe.Exporter{
		Source:   memory.New(anagrafetest.Records()...),
		Audit:    func(_ context.Context, ev anagrafe.AuditEvent) error { events = append(events, ev); return nil },
		Operator: "op1", Purpose: "rinnovo",
		Options: anagrafe.MapOptions{On: anagrafetest.RefDate},
		Now:     func() time.Time { return time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC) },
	}
	one, err := ex.One(ctx, "P001", anagrafe.Request{})
	require.NoError(t, err)
	assert.Equal(t, "EL AMRANI", one.Pratica.Richiedente.Cognome)
	assert.Equal(t, []anagrafe.AuditEvent{{Time: time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC), Operator: "op1", PersonID: "P001", Purpose: "rinnovo", Action: "export"}}, events)

	_, err = ex.One(ctx, "nobody", anagrafe.Request{})
	assert.ErrorIs(t, err, anagrafe.ErrNotFound)
	assert.Len(t, events, 1, "no audit for a person not read")

	events = nil
	var ok, failed []string
	for e, err := range ex.Each(ctx, anagrafe.All(), anagrafe.Request{}) {
		var xe *anagrafe.ExportError
		if errors.As(err, &xe) {
			failed = append(failed, xe.PersonID)
			assert.ErrorIs(t, err, anagrafe.ErrNotSubject, "P040 is Italian")
			continue
		}
		require.NoError(t, err)
		ok = append(ok, e.Record.Person.ID)
	}
	assert.Equal(t, []string{"P040"}, failed)
	assert.Len(t, ok, 11)
	assert.Len(t, events, 12, "every person read is audited")

	// An audit failure stops everything.
	ex.Audit = func(context.Context, anagrafe.AuditEvent) error { return errors.New("disk full") }
	n := 0
	for _, err := range ex.Each(ctx, anagrafe.All(), anagrafe.Request{}) {
		n++
		require.ErrorContains(t, err, "disk full")
	}
	assert.Equal(t, 1, n)
	_, err = ex.One(ctx, "P001", anagrafe.Request{})
	require.ErrorContains(t, err, "audit")

	ex.Audit = nil
	_, err = ex.One(ctx, "P001", anagrafe.Request{})
	assert.ErrorIs(t, err, anagrafe.ErrNoAudit)
	for _, err := range ex.Each(ctx, anagrafe.All(), anagrafe.Request{}) {
		assert.ErrorIs(t, err, anagrafe.ErrNoAudit)
	}
}
