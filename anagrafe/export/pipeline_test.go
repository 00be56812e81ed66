package export_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// TestPipelinedMatchesSequential exports a generated register with
// scattered households (demo's default), deliberate defects (skips,
// warnings, persons who need no application) and two unreadable cells
// (record errors) with the sequential loop and with the pipeline at
// several worker counts: the files, the summaries and the audit events are
// identical.
func TestPipelinedMatchesSequential(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a SQLite register")
	}
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "reg.db")
	_, err := demo.CreateSQLite(ctx, db, demo.Options{Persons: 1500, Seed: 7, On: on})
	require.NoError(t, err)
	src, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	defer src.Close()
	// Two record errors in the middle of the register, in different batches.
	for _, q := range []string{
		`UPDATE permessi SET tipologia_kit = 'xx' WHERE persona_id = (SELECT persona_id FROM permessi ORDER BY persona_id LIMIT 1 OFFSET 200)`,
		`UPDATE persone SET data_nascita = '1964-06-31' WHERE id = (SELECT persona_id FROM permessi ORDER BY persona_id LIMIT 1 OFFSET 700)`,
	} {
		_, err := src.DB().ExecContext(ctx, q)
		require.NoError(t, err)
	}

	stamp := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	export1 := func(name string, tune func(*export.Options)) (string, export.Summary, []anagrafe.AuditEvent) {
		var a auditRecorder
		opts := baseOptions(&a)
		opts.Now = func() time.Time { return stamp }
		opts.RunID = "run"
		opts.MaxReported = -1
		tune(&opts)
		out := filepath.Join(dir, name+".xml")
		sum, err := export.Run(ctx, src, anagrafe.All(), export.File(out), opts)
		require.NoError(t, err)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		sum.Destination = ""
		return string(b), sum, a.events
	}
	wantXML, wantSum, wantAudit := export1("seq", func(o *export.Options) { o.Sequential = true })
	// The register exercises every kind of outcome.
	require.Greater(t, wantSum.Exported, 500)
	require.Greater(t, wantSum.Skipped, 10)
	require.Greater(t, wantSum.NotEligible, 10)
	require.Greater(t, wantSum.Warnings, 0)
	var recordErrs int
	for _, s := range wantSum.Skips {
		var re *anagrafe.RecordError
		if errors.As(s.Err, &re) {
			recordErrs++
		}
	}
	require.Equal(t, 2, recordErrs)

	for _, workers := range []int{1, 2, 5} {
		t.Run(strconv.Itoa(workers), func(t *testing.T) {
			xml, sum, audit := export1("pipe"+strconv.Itoa(workers), func(o *export.Options) { o.Workers = workers })
			assert.True(t, xml == wantXML, "the pipelined file differs from the sequential one")
			assert.Equal(t, wantSum, sum)
			assert.Equal(t, wantAudit, audit, "audit events in input order")
		})
	}
}

// TestPipelinedStrictStopsEarly: the first invalid record stops every
// stage; nothing is written, one abort event, and the run does not read
// the whole register.
func TestPipelinedStrictStopsEarly(t *testing.T) {
	src := demoSource(t, 3000)
	var a auditRecorder
	opts := baseOptions(&a)
	opts.Strict = true
	opts.Workers = 2
	out := filepath.Join(t.TempDir(), "p.xml")
	sum, err := export.Run(context.Background(), src, anagrafe.All(), export.File(out), opts)
	require.ErrorIs(t, err, export.ErrStrict)
	assert.NoFileExists(t, out)
	assert.Less(t, sum.Selected, 3000)
	require.Len(t, a.events, 1)
	assert.Equal(t, anagrafe.ActionAbort, a.events[0].Action)
}

// TestPipelinedGeneratedIDs: register IDs that cannot be application ids
// (here with the generated ids' prefix) get ids numbered in input order,
// across batches, as in the sequential loop.
func TestPipelinedGeneratedIDs(t *testing.T) {
	var persons []anagrafe.Person
	_, err := demo.Generate(context.Background(), demo.WriterFunc(func(p *anagrafe.Person) error {
		c := p.Clone()
		for _, id := range []*string{&c.ID, &c.FatherID, &c.MotherID} {
			if *id != "" {
				*id = "PRATICA-" + *id
			}
		}
		persons = append(persons, c)
		return nil
	}), demo.Options{Persons: 700, Seed: 3, On: on})
	require.NoError(t, err)
	src := memory.FromPersons(persons...)
	export1 := func(tune func(*export.Options)) (string, export.Summary) {
		opts := baseOptions(nil)
		opts.Now = func() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }
		tune(&opts)
		out := filepath.Join(t.TempDir(), "p.xml")
		sum, err := export.Run(context.Background(), src, anagrafe.All(), export.File(out), opts)
		require.NoError(t, err)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		sum.Destination, sum.RunID = "", ""
		return string(b), sum
	}
	want, wantSum := export1(func(o *export.Options) { o.Sequential = true })
	require.Contains(t, want, `<Pratica id="PRATICA-300"`, "generated ids beyond the first batches")
	got, sum := export1(func(o *export.Options) { o.Workers = 2 })
	assert.True(t, got == want, "the pipelined file differs from the sequential one")
	assert.Equal(t, wantSum, sum)
}
