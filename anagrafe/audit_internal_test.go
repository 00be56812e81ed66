package anagrafe

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullFile is an audit file on a disk that fills up after limit more
// bytes: a write that does not fit is written in part, then fails with
// ENOSPC, as write(2) does.
type fullFile struct {
	*os.File
	limit int
}

func (f *fullFile) Write(p []byte) (int, error) {
	if len(p) <= f.limit {
		f.limit -= len(p)
		return f.File.Write(p)
	}
	n, _ := f.File.Write(p[:f.limit])
	f.limit = 0
	return n, syscall.ENOSPC
}

// TestFileAuditLogFullDisk is reproduction 6: after ENOSPC the log holds
// only whole lines — the batch is cut back entirely, so no event of a run
// that failed is half-recorded.
func TestFileAuditLogFullDisk(t *testing.T) {
	ctx := context.Background()
	ev := AuditEvent{Time: time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC), Operator: "op1", PersonID: "P0000001",
		Purpose: "rinnovo", Action: ActionExport, RunID: "r1"}
	batch := make([]AuditEvent, 5000) // several 64 KiB chunks
	for i := range batch {
		batch[i] = ev
	}
	tests := []struct {
		name   string
		limit  int
		record func(l *FileAuditLog) error
	}{
		{"batch, first chunk", 100, func(l *FileAuditLog) error { return l.RecordBatch(ctx, batch) }},
		{"batch, later chunk", 200 << 10, func(l *FileAuditLog) error { return l.RecordBatch(ctx, batch) }},
		{"single line", 20, func(l *FileAuditLog) error { return l.Record(ctx, ev) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "audit.jsonl")
			l, err := OpenAuditLog(path)
			require.NoError(t, err)
			require.NoError(t, l.Record(ctx, ev))
			before, err := os.ReadFile(path)
			require.NoError(t, err)
			l.f = &fullFile{File: l.f.(*os.File), limit: tt.limit}
			err = tt.record(l)
			require.ErrorIs(t, err, syscall.ENOSPC)
			require.NoError(t, l.Close())
			after, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "cut back to the last whole line")
			assert.True(t, strings.HasSuffix(string(after), "\n"))
		})
	}
}

func TestFileAuditLogBatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l, err := OpenAuditLog(path)
	require.NoError(t, err)
	evs := []AuditEvent{
		{Operator: "op1", PersonID: "P1", Purpose: "p", Action: ActionExport, RunID: "r"},
		{Operator: "op1", Purpose: "p", Action: ActionAbort, RunID: "r", Reason: "strict"},
	}
	require.NoError(t, RecordAll(context.Background(), l, evs))
	require.NoError(t, l.Close())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"run_id":"r"`)
	assert.Contains(t, lines[1], `"reason":"strict"`)
	assert.NotContains(t, lines[0], `"time":"0001`, "stamped when zero")
	assert.ErrorIs(t, l.RecordBatch(context.Background(), evs), ErrAuditClosed)
}

func TestOpenAuditLogRefusesWidePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	dir := t.TempDir()
	for _, mode := range []os.FileMode{0o644, 0o640, 0o660, 0o606, 0o700} {
		path := filepath.Join(dir, "audit-"+mode.String()+".jsonl")
		require.NoError(t, os.WriteFile(path, []byte("{}\n"), 0o600))
		require.NoError(t, os.Chmod(path, mode))
		_, err := OpenAuditLog(path)
		assert.ErrorIs(t, err, ErrAuditPermissions, mode.String())
	}
	link := filepath.Join(dir, "link.jsonl")
	target := filepath.Join(dir, "ok.jsonl")
	require.NoError(t, os.WriteFile(target, nil, 0o600))
	require.NoError(t, os.Symlink(target, link))
	_, err := OpenAuditLog(link)
	assert.ErrorIs(t, err, ErrAuditPermissions, "a symbolic link is refused")
	l, err := OpenAuditLog(target)
	require.NoError(t, err)
	require.NoError(t, l.Close())
}
