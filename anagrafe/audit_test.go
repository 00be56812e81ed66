package anagrafe_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

func TestFileAuditLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	log, err := anagrafe.OpenAuditLog(path)
	require.NoError(t, err)
	log.Now = func() time.Time { return time.Date(2026, 6, 15, 10, 0, 0, 0, time.FixedZone("CEST", 7200)) }
	hook := log.Hook()
	ctx := context.Background()
	require.NoError(t, hook(ctx, anagrafe.AuditEvent{Operator: "op1", PersonID: "P001", Purpose: "rinnovo permesso", Action: "export"}))
	require.NoError(t, hook(ctx, anagrafe.AuditEvent{Operator: "op2", PersonID: "RSSMRA80A01D612Y", Purpose: "verifica",
		Time: time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC)}))
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Go(func() {
			assert.NoError(t, log.Record(ctx, anagrafe.AuditEvent{Operator: "op3", PersonID: "P002", Purpose: "batch"}))
		})
	}
	wg.Wait()
	require.NoError(t, log.Sync())
	require.NoError(t, log.Close())
	require.NoError(t, log.Close(), "Close twice")
	assert.ErrorIs(t, log.Record(ctx, anagrafe.AuditEvent{}), anagrafe.ErrAuditClosed)

	if runtime.GOOS != "windows" {
		st, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	}
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "RSSMRA80A01D612Y", "no full codice fiscale in the log")

	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	var lines []map[string]string
	for sc.Scan() {
		var m map[string]string
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), sc.Text())
		lines = append(lines, m)
	}
	require.Len(t, lines, 22)
	assert.Equal(t, map[string]string{"time": "2026-06-15T08:00:00Z", "operator": "op1", "person_id": "P001", "purpose": "rinnovo permesso", "action": "export"}, lines[0])
	assert.Equal(t, "RSSMRA*********Y", lines[1]["person_id"])
	assert.Equal(t, "2026-06-15T08:00:00Z", lines[1]["time"])

	// Appends to an existing file.
	log, err = anagrafe.OpenAuditLog(path)
	require.NoError(t, err)
	require.NoError(t, log.Record(ctx, anagrafe.AuditEvent{Operator: "op4"}))
	require.NoError(t, log.Close())
	raw, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"operator":"op4"`)

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	log, err = anagrafe.OpenAuditLog(path)
	require.NoError(t, err)
	assert.ErrorIs(t, log.Record(cctx, anagrafe.AuditEvent{}), context.Canceled)
	require.NoError(t, log.Close())

	_, err = anagrafe.OpenAuditLog(filepath.Join(t.TempDir(), "missing", "audit.jsonl"))
	assert.Error(t, err)
}

// TestRecordAllStamps: RecordAll stamps events left with a zero time and
// leaves the caller's slice and stamped events alone.
func TestRecordAllStamps(t *testing.T) {
	given := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	evs := []anagrafe.AuditEvent{{Operator: "a"}, {Operator: "b", Time: given}}
	var got []anagrafe.AuditEvent
	hook := anagrafe.AuditHook(func(_ context.Context, ev anagrafe.AuditEvent) error {
		got = append(got, ev)
		return nil
	})
	require.NoError(t, anagrafe.RecordAll(context.Background(), hook, evs))
	require.Len(t, got, 2)
	assert.False(t, got[0].Time.IsZero())
	assert.Equal(t, given, got[1].Time)
	assert.True(t, evs[0].Time.IsZero(), "the caller's slice is not modified")

	same := []anagrafe.AuditEvent{{Time: given}}
	assert.Same(t, &same[0], &anagrafe.Stamp(same, time.Now)[0])
}
