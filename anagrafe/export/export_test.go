package export_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/csvadapter"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

const on = anagrafetest.RefDate

// auditRecorder is an AuditHook that keeps the events.
type auditRecorder struct {
	mu     sync.Mutex
	events []anagrafe.AuditEvent
	failAt int // fail the failAt-th call (1-based); 0 never
}

func (a *auditRecorder) hook(_ context.Context, ev anagrafe.AuditEvent) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.events = append(a.events, ev)
	if a.failAt > 0 && len(a.events) == a.failAt {
		return errors.New("audit disk full")
	}
	return nil
}

func baseOptions(a *auditRecorder) export.Options {
	if a == nil {
		a = &auditRecorder{}
	}
	return export.Options{
		Map:     anagrafe.MapOptions{On: on},
		Header:  eli2.Intestazione{Operatore: "op1", Sportello: "S1"},
		Audit:   a.hook,
		Purpose: "test",
	}
}

// demoRecords generates n demo persons in memory.
func demoSource(t testing.TB, n int) *memory.Source {
	t.Helper()
	var persons []anagrafe.Person
	_, err := demo.Generate(context.Background(), demo.WriterFunc(func(p *anagrafe.Person) error {
		persons = append(persons, p.Clone())
		return nil
	}), demo.Options{Persons: n, Seed: 7, On: on})
	require.NoError(t, err)
	return memory.FromPersons(persons...)
}

// listDir returns the names of the files in dir (temporary ones included).
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func assertPrivate(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), path)
}

func decodeAll(t *testing.T, path string) (eli2.Intestazione, []*eli2.Pratica) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	dec := eli2.NewDecoder(f)
	h, err := dec.Header()
	require.NoError(t, err)
	var ps []*eli2.Pratica
	for {
		p, err := dec.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		ps = append(ps, p)
	}
	return h, ps
}

func TestRunFixturesFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pratiche.xml")
	var a auditRecorder
	src := memory.New(anagrafetest.Records()...)
	sum, err := export.Run(context.Background(), src, anagrafe.All(), export.File(out), baseOptions(&a))
	require.NoError(t, err)
	assert.Equal(t, len(anagrafetest.Records()), sum.Selected)
	assert.Equal(t, sum.Selected, sum.Exported+sum.Skipped+sum.NotEligible)
	assert.Positive(t, sum.Exported)
	assert.Equal(t, 1, sum.Files)
	assertPrivate(t, out)
	assert.Equal(t, []string{"pratiche.xml"}, listDir(t, dir))

	h, ps := decodeAll(t, out)
	assert.Equal(t, sum.Exported, h.NumeroPratiche)
	assert.Len(t, ps, sum.Exported)
	assert.Equal(t, "op1", h.Operatore)
	assert.Equal(t, "D612", h.ComuneBelfiore, "sending comune from the first applicant's domicile")
	assert.Equal(t, "048017", h.ComuneIstat)
	// Every exported person was audited, with operator and purpose, in
	// file order; the audit never holds a tax code.
	require.Len(t, a.events, sum.Exported)
	for i, ev := range a.events {
		assert.Equal(t, ps[i].ID, ev.PersonID)
		assert.Equal(t, "op1", ev.Operator)
		assert.Equal(t, "test", ev.Purpose)
		assert.Equal(t, "export", ev.Action)
	}
	// The file validates cleanly.
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	fileProbs, n, err := eli2.ValidateStream(f, eli2.ValidateOptions{On: on}, func(pp eli2.PraticaProblems) {
		assert.False(t, pp.Problems.HasErrors(), "%s: %v", pp.ID, pp.Problems)
	})
	require.NoError(t, err)
	assert.False(t, fileProbs.HasErrors(), "%v", fileProbs)
	assert.Equal(t, sum.Exported, n)
}

func TestRunQueries(t *testing.T) {
	src := demoSource(t, 600)
	for _, q := range []anagrafe.Query{anagrafe.ExpiringWithin(60), anagrafe.ExpiredMoreThan(6), anagrafe.MissingResidenceDeclaration(), anagrafe.ChangedSince(on.AddDays(-90).Time())} {
		t.Run(q.Kind.String(), func(t *testing.T) {
			want, err := anagrafe.Count(context.Background(), src, q.At(on))
			require.NoError(t, err)
			require.Positive(t, want, "the demo register must exercise every query")
			out := filepath.Join(t.TempDir(), "p.xml")
			var a auditRecorder
			sum, err := export.Run(context.Background(), src, q, export.File(out), baseOptions(&a))
			require.NoError(t, err)
			assert.Equal(t, want, sum.Selected)
			_, ps := decodeAll(t, out)
			assert.Len(t, ps, sum.Exported)
		})
	}
}

func TestRunSplit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "split")
	var a auditRecorder
	src := demoSource(t, 150)
	sum, err := export.Run(context.Background(), src, anagrafe.ExpiringWithin(365), export.Split(dir), baseOptions(&a))
	require.NoError(t, err)
	require.Positive(t, sum.Exported)
	names := listDir(t, dir)
	require.Contains(t, names, ".eli2-export.json", "the set lists its files in a manifest")
	assertPrivate(t, filepath.Join(dir, ".eli2-export.json"))
	names = remove(names, ".eli2-export.json")
	assert.Len(t, names, sum.Exported)
	assert.Equal(t, sum.Exported, sum.Files)
	for _, n := range names {
		assert.Regexp(t, `^P[0-9]{7}\.xml$`, n, "file names come from the Pratica id, no personal data")
		assertPrivate(t, filepath.Join(dir, n))
		h, ps := decodeAll(t, filepath.Join(dir, n))
		require.Len(t, ps, 1)
		assert.Equal(t, 1, h.NumeroPratiche)
		assert.Equal(t, strings.TrimSuffix(n, ".xml"), ps[0].ID)
	}
}

func TestRunSkipsAndReasons(t *testing.T) {
	src := demoSource(t, 3000)
	out := filepath.Join(t.TempDir(), "p.xml")
	var a auditRecorder
	opts := baseOptions(&a)
	opts.MaxReported = 5
	sum, err := export.Run(context.Background(), src, anagrafe.All(), export.File(out), opts)
	require.NoError(t, err)
	require.Positive(t, sum.Skipped, "the demo register holds deliberately wrong records")
	assert.Len(t, sum.Skips, 5, "details capped by MaxReported")
	assert.Equal(t, sum.Selected, sum.Exported+sum.Skipped+sum.NotEligible)
	byCode := map[string]int{}
	for _, r := range sum.Reasons {
		byCode[r.Code] = r.Count
		assert.NotEmpty(t, r.Message, r.Code)
	}
	for _, code := range []string{eli2.CodeCFChecksum, eli2.CodeProvinceMismatch, eli2.CodeCAPFormat, export.ReasonNoPermit} {
		assert.Positive(t, byCode[code], code)
	}
	for _, s := range sum.Skips {
		assert.NotEmpty(t, s.PersonID)
		assert.NotEmpty(t, s.Codes)
		for _, p := range s.Problems {
			assert.Equal(t, eli2.SeverityError, p.Severity)
		}
	}
	// A checksum problem's message masks the code.
	for _, r := range sum.Reasons {
		if r.Code == eli2.CodeCFChecksum {
			assert.Contains(t, r.Message, "*********")
		}
	}
	_, ps := decodeAll(t, out)
	assert.Len(t, ps, sum.Exported)
	assert.Len(t, a.events, sum.Exported, "skipped persons are not audited: their data do not leave the register")
}

func TestRunStrict(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "p.xml")
	var a auditRecorder
	opts := baseOptions(&a)
	opts.Strict = true
	sum, err := export.Run(context.Background(), demoSource(t, 3000), anagrafe.All(), export.File(out), opts)
	require.ErrorIs(t, err, export.ErrStrict)
	assert.Equal(t, 1, sum.Skipped)
	assert.Equal(t, 0, sum.Files)
	assert.Empty(t, listDir(t, dir), "no file, no temporary file")
}

func TestRunIDs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "one.xml")
	var a auditRecorder
	src := memory.New(anagrafetest.Records()...)
	sum, err := export.RunIDs(context.Background(), src, []string{"P001", "NOPE"}, export.File(out), baseOptions(&a))
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Exported)
	require.Equal(t, 1, sum.Skipped)
	assert.Equal(t, []string{export.ReasonNotFound}, sum.Skips[0].Codes)
	_, ps := decodeAll(t, out)
	require.Len(t, ps, 1)
	assert.Equal(t, "P001", ps[0].ID)

	// Nothing exportable: no file.
	out2 := filepath.Join(dir, "none.xml")
	_, err = export.RunIDs(context.Background(), src, []string{"NOPE"}, export.File(out2), baseOptions(&a))
	require.ErrorIs(t, err, export.ErrNothingExported)
	assert.NoFileExists(t, out2)
}

func TestRunNoAudit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "p.xml")
	_, err := export.Run(context.Background(), memory.New(anagrafetest.Records()...), anagrafe.All(), export.File(out), export.Options{})
	require.ErrorIs(t, err, export.ErrNoAudit)
	assert.NoFileExists(t, out)
}

func TestRunHeaderComune(t *testing.T) {
	dir := t.TempDir()
	var a auditRecorder
	opts := baseOptions(&a)
	opts.Header.ComuneBelfiore = "Z999"
	_, err := export.Run(context.Background(), memory.New(anagrafetest.Records()...), anagrafe.All(), export.File(filepath.Join(dir, "p.xml")), opts)
	require.ErrorIs(t, err, export.ErrHeader)
	assert.Empty(t, listDir(t, dir))
}

func TestRunProgress(t *testing.T) {
	var a auditRecorder
	opts := baseOptions(&a)
	var calls []export.Progress
	opts.Progress = func(p export.Progress) { calls = append(calls, p) }
	opts.ProgressEvery = 100
	src := demoSource(t, 450)
	sum, err := export.Run(context.Background(), src, anagrafe.All(), export.File(filepath.Join(t.TempDir(), "p.xml")), opts)
	require.NoError(t, err)
	require.Len(t, calls, 5)
	last := calls[len(calls)-1]
	assert.Equal(t, 450, last.Total)
	assert.Equal(t, 450, last.Done)
	assert.Equal(t, sum.Exported, last.Exported)
}

// failingSource wraps a Source and fails its streams after n records, like
// a database that goes away mid-export.
type failingSource struct {
	anagrafe.Source
	n   int
	err error
}

var errDBGone = errors.New("database connection lost")

func (s failingSource) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		i := 0
		for rec, err := range s.Source.Persons(ctx) {
			if i == s.n {
				yield(nil, s.err)
				return
			}
			i++
			if !yield(rec, err) {
				return
			}
		}
	}
}

// failingOutput fails writes after limit bytes, like a full disk.
type failingOutput struct {
	export.Output
	limit   int64
	written int64
	aborted *int
}

var errDiskFull = errors.New("no space left on device")

func (o *failingOutput) Write(p []byte) (int, error) {
	if o.written+int64(len(p)) > o.limit {
		return 0, errDiskFull
	}
	o.written += int64(len(p))
	return o.Output.Write(p)
}

func (o *failingOutput) Abort() error {
	*o.aborted++
	return o.Output.Abort()
}

type fullDisk struct {
	export.Destination
	limit   int64
	aborted int
}

func (d *fullDisk) Create(name string) (export.Output, error) {
	o, err := d.Destination.Create(name)
	if err != nil {
		return nil, err
	}
	return &failingOutput{Output: o, limit: d.limit, aborted: &d.aborted}, nil
}

func TestRunFaults(t *testing.T) {
	base := demoSource(t, 2500)
	cases := []struct {
		name    string
		src     func() anagrafe.Source
		dst     func(dir string) export.Destination
		opts    func(o *export.Options, cancel context.CancelFunc)
		wantErr error
	}{
		{
			name:    "database error mid-stream",
			src:     func() anagrafe.Source { return failingSource{Source: base, n: 1000, err: errDBGone} },
			wantErr: errDBGone,
		},
		{
			name:    "database error mid-stream, split",
			src:     func() anagrafe.Source { return failingSource{Source: base, n: 1000, err: errDBGone} },
			dst:     func(dir string) export.Destination { return export.Split(filepath.Join(dir, "split")) },
			wantErr: export.ErrSource,
		},
		{
			name: "context cancelled after 700 records",
			opts: func(o *export.Options, cancel context.CancelFunc) {
				o.ProgressEvery = 700
				o.Progress = func(export.Progress) { cancel() }
			},
			wantErr: context.Canceled,
		},
		{
			name: "context cancelled, split",
			dst:  func(dir string) export.Destination { return export.Split(filepath.Join(dir, "split")) },
			opts: func(o *export.Options, cancel context.CancelFunc) {
				o.ProgressEvery = 700
				o.Progress = func(export.Progress) { cancel() }
			},
			wantErr: context.Canceled,
		},
		{
			name: "disk full after 100 KiB",
			dst: func(dir string) export.Destination {
				return &fullDisk{Destination: export.File(filepath.Join(dir, "p.xml")), limit: 100 << 10}
			},
			wantErr: errDiskFull,
		},
		{
			name:    "output under a non-directory",
			dst:     func(dir string) export.Destination { return export.File(filepath.Join(dir, "file", "p.xml")) },
			wantErr: export.ErrOutput,
		},
		{
			name:    "split under a non-directory",
			dst:     func(dir string) export.Destination { return export.Split(filepath.Join(dir, "file", "split")) },
			wantErr: export.ErrOutput,
		},
		{
			name: "audit log fails",
			opts: func(o *export.Options, _ context.CancelFunc) {
				o.Audit = (&auditRecorder{failAt: 50}).hook
			},
			wantErr: export.ErrAudit,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			// A plain file named "file" makes paths under it impossible,
			// whatever the privileges (root ignores directory modes).
			require.NoError(t, os.WriteFile(filepath.Join(dir, "file"), []byte("x"), 0o600))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var a auditRecorder
			opts := baseOptions(&a)
			if tc.opts != nil {
				tc.opts(&opts, cancel)
			}
			var src anagrafe.Source = base
			if tc.src != nil {
				src = tc.src()
			}
			var dst export.Destination = export.File(filepath.Join(dir, "p.xml"))
			if tc.dst != nil {
				dst = tc.dst(dir)
			}
			sum, err := export.Run(ctx, src, anagrafe.All(), dst, opts)
			require.ErrorIs(t, err, tc.wantErr)
			assert.Equal(t, 0, sum.Files)
			// Nothing left but the pre-existing file: no output, no
			// temporary file, no split file.
			names := listDir(t, dir)
			if sd := filepath.Join(dir, "split"); fileExists(sd) {
				assert.Empty(t, listDir(t, sd), "split files of a failed run are removed")
				names = remove(names, "split")
			}
			assert.Equal(t, []string{"file"}, names)
			if fd, ok := dst.(*fullDisk); ok {
				assert.Equal(t, 1, fd.aborted)
			}
		})
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func remove(xs []string, s string) []string {
	var out []string
	for _, x := range xs {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func TestRunKeepsExistingFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "p.xml")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o600))
	var a auditRecorder
	_, err := export.Run(context.Background(), failingSource{Source: demoSource(t, 300), n: 200, err: errDBGone}, anagrafe.All(), export.File(out), baseOptions(&a))
	require.ErrorIs(t, err, errDBGone)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old", string(b))
}

func TestRunCSVBrokenRows(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, csvadapter.WriteRecords(&buf, anagrafetest.Records(), csvadapter.WriterOptions{}))
	lines := strings.SplitAfter(buf.String(), "\n")
	// Break three rows: a bad date, a bad permit kit, a row of wrong width.
	header := strings.Split(strings.TrimSpace(lines[0]), ",")
	col := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	setField := func(line string, i int, v string) string {
		f := strings.Split(strings.TrimRight(line, "\n"), ",")
		f[i] = v
		return strings.Join(f, ",") + "\n"
	}
	lines[2] = setField(lines[2], col("data_nascita"), "1985-13-45")
	lines[4] = setField(lines[4], col("permesso_tipologia_kit"), "abc")
	lines[6] = "only,three,fields\n"
	src, err := csvadapter.Load(strings.NewReader(strings.Join(lines, "")), csvadapter.Options{})
	require.NoError(t, err)
	require.Len(t, src.Errors(), 3)

	out := filepath.Join(t.TempDir(), "p.xml")
	var a auditRecorder
	sum, err := export.Run(context.Background(), src, anagrafe.All(), export.File(out), baseOptions(&a))
	require.NoError(t, err)
	var rowSkips []export.Skipped
	for _, s := range sum.Skips {
		if strings.HasPrefix(s.Codes[0], "source_") {
			rowSkips = append(rowSkips, s)
		}
	}
	require.Len(t, rowSkips, 3, "every bad line is reported")
	var gotLines []int
	var gotCodes []string
	for _, s := range rowSkips {
		var re *anagrafe.RecordError
		require.ErrorAs(t, s.Err, &re)
		gotLines = append(gotLines, re.Line)
		gotCodes = append(gotCodes, s.Codes[0])
		if re.PersonID != "" {
			assert.Equal(t, anagrafe.MaskPersonID(re.PersonID), s.PersonID, "the skip names the person")
		}
	}
	assert.ElementsMatch(t, []int{3, 5, 7}, gotLines)
	assert.ElementsMatch(t, []string{"source_impossible_date", "source_bad_value", "source_malformed_row"}, gotCodes)
	for _, code := range gotCodes {
		assert.True(t, slices.ContainsFunc(sum.Reasons, func(r export.Reason) bool { return r.Code == code }),
			"the summary counts %s", code)
	}
	assert.Positive(t, sum.Exported, "the good rows are exported")
	_, ps := decodeAll(t, out)
	assert.Len(t, ps, sum.Exported)
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

func TestRunSQLiteReadOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a SQLite register")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "reg.db")
	_, err := demo.CreateSQLite(context.Background(), db, demo.Options{Persons: 800, Seed: 3, On: on})
	require.NoError(t, err)
	before := fileSum(t, db)
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite:"+db, sqlreg.Options{})
	require.NoError(t, err)
	var a auditRecorder
	out := filepath.Join(dir, "p.xml")
	sum, err := export.Run(ctx, src, anagrafe.ExpiringWithin(60), export.File(out), baseOptions(&a))
	require.NoError(t, err)
	assert.Positive(t, sum.Exported)
	// A failing run too.
	_, err = export.Run(ctx, failingSource{Source: src, n: 10, err: errDBGone}, anagrafe.All(), export.File(filepath.Join(dir, "q.xml")), baseOptions(&a))
	require.ErrorIs(t, err, errDBGone)
	require.NoError(t, src.Close())
	assert.Equal(t, before, fileSum(t, db), "the register is not modified")
	assert.NoFileExists(t, filepath.Join(dir, "q.xml"))
}

func TestRunMaskedPersonIDs(t *testing.T) {
	// A register whose IDs are tax codes: Pratica ids and reports must not
	// show them.
	recs := anagrafetest.Records()
	var persons []anagrafe.Person
	for _, r := range recs {
		p := r.Person
		if p.CodiceFiscale != "" && len(p.CodiceFiscale) == 16 {
			p.ID = p.CodiceFiscale
			p.FamilyID = ""
			p.FatherID, p.MotherID = "", ""
			persons = append(persons, p)
		}
	}
	require.NotEmpty(t, persons)
	persons[0].Address.CAP = "1" // make one invalid
	src := memory.FromPersons(persons...)
	dir := filepath.Join(t.TempDir(), "s")
	var a auditRecorder
	sum, err := export.Run(context.Background(), src, anagrafe.All(), export.Split(dir), baseOptions(&a))
	require.NoError(t, err)
	for _, n := range remove(listDir(t, dir), ".eli2-export.json") {
		assert.Regexp(t, `^PRATICA-[0-9]+\.xml$`, n)
	}
	for _, s := range sum.Skips {
		assert.Contains(t, s.PersonID, "*")
	}
}

func TestRunDefaultsDate(t *testing.T) {
	// On zero: today; the query and the mapper agree on it.
	var a auditRecorder
	opts := baseOptions(&a)
	opts.Map.On = 0
	out := filepath.Join(t.TempDir(), "p.xml")
	_, err := export.Run(context.Background(), memory.New(anagrafetest.Records()...), anagrafe.All(), export.File(out), opts)
	require.NoError(t, err)
	h, _ := decodeAll(t, out)
	assert.Equal(t, codes.Today(), codes.DateOf(h.DataCreazione))
}

func TestRunNoGoroutineLeak(t *testing.T) {
	src := demoSource(t, 3000)
	run := func(i int) {
		var a auditRecorder
		opts := baseOptions(&a)
		opts.Strict = true // stops early, with the reader ahead
		// Both loops: the pipeline's reader, workers (3) and batches in
		// flight, and the sequential loop's read-ahead.
		opts.Sequential, opts.Workers = i%2 == 0, 3
		_, err := export.Run(context.Background(), src, anagrafe.All(), export.File(filepath.Join(t.TempDir(), "p.xml")), opts)
		require.ErrorIs(t, err, export.ErrStrict)
	}
	// One run first: the runtime and the driver start some goroutines once
	// (e.g. the cleanup goroutine for prepared statements) and keep them.
	run(0)
	run(1)
	before := runtime.NumGoroutine()
	for i := range 6 {
		run(i)
	}
	// Goroutines of the database driver end on their own schedule: allow
	// them a moment (polled here: assert.Eventually runs goroutines of its
	// own); a leaked reader or worker goroutine never ends.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "the reader and worker goroutines are waited for")
}

// TestRunXSD checks an exported batch against the format's XML Schema with
// an independent validator (xmllint), when it is installed.
func TestRunXSD(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint not found under CI: .ci/run installs libxml2-utils")
		}
		t.Skip("xmllint not installed")
	}
	dir := t.TempDir()
	xsd := filepath.Join(dir, "eli2.xsd")
	require.NoError(t, os.WriteFile(xsd, eli2.SchemaV1(), 0o600))
	out := filepath.Join(dir, "p.xml")
	var a auditRecorder
	sum, err := export.Run(context.Background(), demoSource(t, 1500), anagrafe.All(), export.File(out), baseOptions(&a))
	require.NoError(t, err)
	require.Positive(t, sum.Exported)
	cmd := exec.Command(xmllint, "--noout", "--schema", xsd, out)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, string(msg))
}

func TestRunUnsupportedQuery(t *testing.T) {
	dir := t.TempDir()
	src := memory.NewWithOptions(memory.Options{NoResidenceDeclaration: true}, anagrafetest.Records()...)
	var a auditRecorder
	_, err := export.Run(context.Background(), src, anagrafe.MissingResidenceDeclaration(), export.File(filepath.Join(dir, "p.xml")), baseOptions(&a))
	require.ErrorIs(t, err, anagrafe.ErrUnsupported)
	require.ErrorIs(t, err, export.ErrSource)
	assert.Empty(t, listDir(t, dir))
}
