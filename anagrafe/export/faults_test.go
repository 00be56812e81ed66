package export_test

// Fault-injection tests of issue 11 for the export pipeline: a full disk
// (a writer that fails after N bytes) and a failing audit log, each with
// an earlier output in place. Each asserts that the earlier output is
// intact byte for byte, that no stray file is left, and that the audit log
// is true: no "export" event for an application that was not delivered,
// one "abort" event.

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
)

// snapshot maps every entry under dir to its content's hash.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		} else {
			m[rel] = d.Type().String()
		}
		return nil
	}))
	return m
}

// batchLog is an AuditLog with RecordBatch: it records events in memory,
// can fail the batch, and calls check before accepting it (to see what is
// on disk at that moment).
type batchLog struct {
	mu       sync.Mutex
	events   []anagrafe.AuditEvent
	failWith error
	check    func()
}

func (l *batchLog) Record(_ context.Context, ev anagrafe.AuditEvent) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, ev)
	return nil
}

func (l *batchLog) RecordBatch(_ context.Context, evs []anagrafe.AuditEvent) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.check != nil {
		l.check()
	}
	if l.failWith != nil {
		return l.failWith
	}
	l.events = append(l.events, evs...)
	return nil
}

// assertAbortOnly checks that the only event is one abort with reason.
func assertAbortOnly(t *testing.T, evs []anagrafe.AuditEvent, reason string) {
	t.Helper()
	require.Len(t, evs, 1, "one abort event, no export event")
	ev := evs[0]
	assert.Equal(t, anagrafe.ActionAbort, ev.Action)
	assert.Equal(t, reason, ev.Reason)
	assert.Empty(t, ev.PersonID)
	assert.NotEmpty(t, ev.RunID)
	assert.NotEmpty(t, ev.Operator)
	assert.NotEmpty(t, ev.Purpose)
	assert.False(t, ev.Time.IsZero(), "stamped by the SDK")
}

// fullDiskSplit is a split destination on a disk that fills up: it
// forwards the Transaction of the wrapped SplitWith.
type fullDiskSplit struct {
	*fullDisk
	export.Transaction
}

// faultDest returns the two kinds of destination in dir, each holding an
// earlier export: one file, and a split set.
func faultDests(t *testing.T, src anagrafe.Source) []struct {
	name string
	dir  string
	dst  func(limit int64) export.Destination
} {
	type dest = struct {
		name string
		dir  string
		dst  func(limit int64) export.Destination
	}
	fileDir, splitDir := t.TempDir(), t.TempDir()
	file := filepath.Join(fileDir, "p.xml")
	split := filepath.Join(splitDir, "sp")
	for _, d := range []export.Destination{export.File(file), export.Split(split)} {
		var a auditRecorder
		_, err := export.Run(context.Background(), src, anagrafe.ExpiringWithin(60), d, baseOptions(&a))
		require.NoError(t, err)
	}
	return []dest{
		{"file", fileDir, func(limit int64) export.Destination {
			if limit == 0 {
				return export.File(file)
			}
			return &fullDisk{Destination: export.File(file), limit: limit}
		}},
		{"split", splitDir, func(limit int64) export.Destination {
			s := export.Split(split)
			if limit == 0 {
				return s
			}
			return fullDiskSplit{fullDisk: &fullDisk{Destination: s, limit: limit}, Transaction: s.(export.Transaction)}
		}},
	}
}

// TestFaultFullDisk is reproduction 6 with ENOSPC: the output fails after
// N bytes (for a split set, inside one file of the set).
func TestFaultFullDisk(t *testing.T) {
	src := demoSource(t, 1500)
	for _, d := range faultDests(t, src) {
		t.Run(d.name, func(t *testing.T) {
			before := snapshot(t, d.dir)
			var a auditRecorder
			dst := d.dst(100 << 10)
			if d.name == "split" {
				dst = d.dst(600) // each file is about 1.5 KiB
			}
			_, err := export.Run(context.Background(), src, anagrafe.All(), dst, baseOptions(&a))
			require.ErrorIs(t, err, errDiskFull)
			require.ErrorIs(t, err, export.ErrOutput)
			assert.Equal(t, before, snapshot(t, d.dir), "earlier output intact, no stray file")
			assertAbortOnly(t, a.events, export.AbortOutput)
		})
	}
}

// TestFaultAuditWriteFails: a failing audit log (ENOSPC on the batch)
// aborts the export; the output is not put in place.
func TestFaultAuditWriteFails(t *testing.T) {
	src := demoSource(t, 1500)
	for _, d := range faultDests(t, src) {
		t.Run(d.name, func(t *testing.T) {
			before := snapshot(t, d.dir)
			log := &batchLog{failWith: syscall.ENOSPC}
			opts := baseOptions(nil)
			opts.Audit, opts.AuditLog = nil, log
			_, err := export.Run(context.Background(), src, anagrafe.All(), d.dst(0), opts)
			require.ErrorIs(t, err, export.ErrAudit)
			require.ErrorIs(t, err, syscall.ENOSPC)
			assert.Equal(t, before, snapshot(t, d.dir), "earlier output intact, no stray file")
			assertAbortOnly(t, log.events, export.AbortAudit)
		})
	}
}

// TestFaultAuditBeforeOutput: the audit batch is recorded while the
// earlier output is still in place — the new one is renamed in only
// after — and holds one export event per delivered application.
func TestFaultAuditBeforeOutput(t *testing.T) {
	src := demoSource(t, 600)
	for _, d := range faultDests(t, src) {
		t.Run(d.name, func(t *testing.T) {
			before := snapshot(t, d.dir)
			log := &batchLog{}
			log.check = func() {
				now := snapshot(t, d.dir)
				for k, v := range before {
					assert.Equal(t, v, now[k], "%s not yet replaced when the audit log is written", k)
				}
			}
			opts := baseOptions(nil)
			opts.Audit, opts.AuditLog = nil, log
			sum, err := export.Run(context.Background(), src, anagrafe.All(), d.dst(0), opts)
			require.NoError(t, err)
			require.Len(t, log.events, sum.Exported)
			for _, ev := range log.events {
				assert.Equal(t, anagrafe.ActionExport, ev.Action)
				assert.Equal(t, sum.RunID, ev.RunID)
				assert.False(t, ev.Time.IsZero())
			}
			assert.NotEqual(t, before, snapshot(t, d.dir), "the new output is in place")
		})
	}
}

// TestFaultPlainHookFailsMidBatch: a plain AuditHook (no batch) that fails
// after some events aborts the run before the output is put in place.
func TestFaultPlainHookFailsMidBatch(t *testing.T) {
	src := demoSource(t, 600)
	for _, d := range faultDests(t, src) {
		t.Run(d.name, func(t *testing.T) {
			before := snapshot(t, d.dir)
			a := &auditRecorder{failAt: 10}
			_, err := export.Run(context.Background(), src, anagrafe.All(), d.dst(0), baseOptions(a))
			require.ErrorIs(t, err, export.ErrAudit)
			assert.Equal(t, before, snapshot(t, d.dir))
			last := a.events[len(a.events)-1]
			assert.Equal(t, anagrafe.ActionAbort, last.Action, "the run ends with an abort event")
			assert.Equal(t, export.AbortAudit, last.Reason)
		})
	}
}
