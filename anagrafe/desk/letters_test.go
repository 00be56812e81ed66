package desk_test

import (
	"bytes"
	"context"
	"errors"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// checkGolden compares got with testdata/name (go test -update rewrites it).
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

var office = desk.Office{
	Comune:    "Comune di Firenze",
	Name:      "Ufficio Anagrafe – Sportello immigrati",
	Address:   "Piazza di Parte Guelfa 1, 50123 Firenze",
	Hours:     "lunedì–venerdì 8.30–12.30",
	Phone:     "055 000 0000",
	Signatory: "Il Responsabile dell'Ufficio Anagrafe",
}

func fixtures() anagrafe.Source { return memory.New(anagrafetest.Records()...) }

func ids[T any](xs []T, id func(T) string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func reminderID(r desk.Reminder) string  { return r.To.PersonID }
func noticeID(n desk.Art11Notice) string { return n.To.PersonID }

// TestRemindersWindow selects by expiry between To and From days after the
// date, skipping renewals in progress (P010, tipo 6) and cards without an
// expiry (P012).
func TestRemindersWindow(t *testing.T) {
	tests := []struct {
		name string
		w    desk.Window
		want []string
	}{
		{"120 to 60 days", desk.Window{From: 120, To: 60}, []string{"P020", "P030"}},
		{"today to 30 days", desk.Window{From: 30, To: 0}, []string{"P001", "P011"}}, // P001 2026-07-15, P011 today
		{"exactly 107 days", desk.Window{From: 107, To: 107}, []string{"P020"}},
		{"empty", desk.Window{From: 59, To: 31}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := desk.Reminders(context.Background(), fixtures(), desk.ReminderOptions{On: anagrafetest.RefDate, Window: tc.w})
			require.NoError(t, err)
			assert.Equal(t, tc.want, ids(rs, reminderID))
		})
	}
	_, err := desk.Reminders(context.Background(), fixtures(), desk.ReminderOptions{On: anagrafetest.RefDate, Window: desk.Window{From: 60, To: 120}})
	require.ErrorIs(t, err, desk.ErrBadWindow)
	_, err = desk.Reminders(context.Background(), fixtures(), desk.ReminderOptions{Window: desk.Window{From: 1, To: -1}})
	require.ErrorIs(t, err, desk.ErrBadWindow)
}

func TestReminderContent(t *testing.T) {
	rs, err := desk.Reminders(context.Background(), fixtures(), desk.ReminderOptions{On: anagrafetest.RefDate, Window: desk.Window{From: 120, To: 60}})
	require.NoError(t, err)
	require.Len(t, rs, 2)
	r := rs[0]
	assert.Equal(t, codes.NewDate(2026, 9, 30), r.Expiry)
	assert.Equal(t, 107, r.DaysLeft)
	assert.Equal(t, "RAVENNA", r.To.Comune)
	assert.Len(t, r.Documents, 2)
}

// TestGoldenReminders renders the letters and the mail-merge CSV of the
// fixture register on 2026-06-15.
func TestGoldenReminders(t *testing.T) {
	rs, err := desk.Reminders(context.Background(), fixtures(), desk.ReminderOptions{On: anagrafetest.RefDate, Window: desk.Window{From: 120, To: 60}})
	require.NoError(t, err)
	for _, r := range rs {
		var b bytes.Buffer
		require.NoError(t, desk.RenderReminder(&b, r, office))
		html := b.String()
		assert.Contains(t, html, "@page { size: A4")
		assert.NotContains(t, html, "http://")
		assert.NotContains(t, html, "https://")
		assert.Contains(t, html, `lang="en"`)
		checkGolden(t, "promemoria-"+r.To.PersonID+".html", b.Bytes())
	}
	var b bytes.Buffer
	require.NoError(t, desk.WriteReminderCSV(&b, rs))
	assert.True(t, strings.HasPrefix(b.String(), "\ufeffID_ANAGRAFE;COGNOME;"))
	checkGolden(t, "promemoria.csv", b.Bytes())
}

// TestArt11Notices: expired more than six months before the notice date
// (DPR 223/1989 art. 11 c.1 lett. c), deadline notice + 30 days.
func TestArt11Notices(t *testing.T) {
	ns, err := desk.Art11Notices(context.Background(), fixtures(), desk.Art11Options{On: anagrafetest.RefDate})
	require.NoError(t, err)
	// P004 expired 2025-12-14, exactly six months and a day before; P2
	// (2025-12-15) is not yet past six months; P010 has a renewal in progress.
	require.Equal(t, []string{"P004"}, ids(ns, noticeID))
	n := ns[0]
	assert.Equal(t, codes.NewDate(2025, 12, 14), n.Expiry)
	assert.Equal(t, anagrafetest.RefDate, n.NoticeDate)
	assert.Equal(t, codes.NewDate(2026, 7, 15), n.Deadline)

	ns, err = desk.Art11Notices(context.Background(), fixtures(), desk.Art11Options{On: anagrafetest.RefDate.AddDays(1)})
	require.NoError(t, err)
	assert.Equal(t, []string{"P004", "P2"}, ids(ns, noticeID))

	var b bytes.Buffer
	require.NoError(t, desk.RenderArt11Notice(&b, ns[0], office))
	assert.Contains(t, b.String(), "<strong>entro il 16/07/2026</strong>")
	assert.Contains(t, b.String(), "Il Responsabile dell&#39;Ufficio Anagrafe")
	checkGolden(t, "art11-P004.html", b.Bytes())
	b.Reset()
	require.NoError(t, desk.WriteArt11CSV(&b, ns))
	checkGolden(t, "art11.csv", b.Bytes())
}

// TestCSVFormulaNeutralised: a register value starting with = + - @ is
// written with a leading quote.
func TestCSVFormulaNeutralised(t *testing.T) {
	rs := []desk.Reminder{{
		To:     desk.Addressee{PersonID: "X1", Surname: "=HYPERLINK(\"http://x\")", Name: "+Ann", Street: "-1 Via", CareOf: "@c", Comune: "\tROMA"},
		Expiry: codes.NewDate(2026, 9, 1), DaysLeft: 78,
	}}
	var b bytes.Buffer
	require.NoError(t, desk.WriteReminderCSV(&b, rs))
	line := strings.Split(b.String(), "\r\n")[1]
	assert.Equal(t, "X1;\"'=HYPERLINK(\"\"http://x\"\")\";'+Ann;'@c;'-1 Via;;'\tROMA;;01/09/2026;78", line)
}

type auditLog struct {
	mu     sync.Mutex
	events []anagrafe.AuditEvent
	refuse string
}

func (a *auditLog) hook(_ context.Context, ev anagrafe.AuditEvent) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if ev.PersonID == a.refuse {
		return errors.New("disk full")
	}
	a.events = append(a.events, ev)
	return nil
}

func TestWriteReminders(t *testing.T) {
	rs, err := desk.Reminders(context.Background(), fixtures(), desk.ReminderOptions{On: anagrafetest.RefDate, Window: desk.Window{From: 120, To: 60}})
	require.NoError(t, err)
	dir := filepath.Join(t.TempDir(), "out")
	var a auditLog
	w, err := desk.WriteReminders(context.Background(), dir, rs, desk.WriteOptions{Office: office, Audit: a.hook, Operator: "op1"})
	require.NoError(t, err)
	assert.Equal(t, []string{"promemoria-0001-P020.html", "promemoria-0002-P030.html"}, w.Letters)
	assert.Equal(t, "promemoria.csv", w.CSV)
	require.Len(t, a.events, 2)
	ev := a.events[0]
	assert.False(t, ev.Time.IsZero(), "the SDK stamps every audit event, a custom hook never gets a zero time")
	ev.Time = time.Time{}
	assert.Equal(t, anagrafe.AuditEvent{Operator: "op1", PersonID: "P020", Purpose: desk.PurposeReminder, Action: desk.ActionLetter}, ev)
	for _, name := range append(w.Letters, w.CSV) {
		fi, err := os.Stat(filepath.Join(dir, name))
		require.NoError(t, err)
		if runtime.GOOS != "windows" {
			assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), name)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "promemoria.csv"))
	require.NoError(t, err)
	checkGolden(t, "promemoria.csv", got)

	// an audit refusal leaves that person out of letters and CSV
	dir2 := t.TempDir()
	a2 := auditLog{refuse: "P020"}
	w, err = desk.WriteReminders(context.Background(), dir2, rs, desk.WriteOptions{Audit: a2.hook, Operator: "op1"})
	require.NoError(t, err)
	assert.Equal(t, []string{"promemoria-0002-P030.html"}, w.Letters)
	require.Len(t, w.Skipped, 1)
	assert.ErrorContains(t, w.Skipped[0], "P020: audit: disk full")
	got, err = os.ReadFile(filepath.Join(dir2, "promemoria.csv"))
	require.NoError(t, err)
	assert.NotContains(t, string(got), "P020")
	assert.Contains(t, string(got), "P030")

	_, err = desk.WriteReminders(context.Background(), t.TempDir(), rs, desk.WriteOptions{Audit: a.hook})
	require.ErrorIs(t, err, desk.ErrNoOperator)
	_, err = desk.WriteArt11(context.Background(), t.TempDir(), nil, desk.WriteOptions{Operator: "x"})
	require.ErrorIs(t, err, desk.ErrNoOperator)
}

func TestWriteArt11(t *testing.T) {
	ns, err := desk.Art11Notices(context.Background(), fixtures(), desk.Art11Options{On: anagrafetest.RefDate.AddDays(1)})
	require.NoError(t, err)
	dir := t.TempDir()
	var a auditLog
	w, err := desk.WriteArt11(context.Background(), dir, ns, desk.WriteOptions{Office: office, Audit: a.hook, Operator: "op2", Purpose: "verifica"})
	require.NoError(t, err)
	assert.Equal(t, []string{"art11-0001-P004.html", "art11-0002-P2.html"}, w.Letters)
	require.Len(t, a.events, 2)
	assert.Equal(t, "verifica", a.events[1].Purpose)
	got, err := os.ReadFile(filepath.Join(dir, desk.Art11CSVName))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimPrefix(string(got), "\ufeff"), "\r\n")
	assert.Equal(t, "ID_ANAGRAFE;COGNOME;NOME;SCADENZA_PERMESSO;DATA_AVVISO;TERMINE;ESITO", lines[0])
	assert.Equal(t, "P004;El Amrani;Omar;14/12/2025;16/06/2026;16/07/2026;", lines[1])
}

// the fee and letter APIs agree on request types
var _ = eli2.Rinnovo

// TestMinorAddressee: a letter to a resident under 18 is addressed to
// whoever exercises parental responsibility.
func TestMinorAddressee(t *testing.T) {
	ns, err := desk.Art11Notices(context.Background(), fixtures(), desk.Art11Options{On: anagrafetest.RefDate})
	require.NoError(t, err)
	require.Len(t, ns, 1)
	assert.True(t, ns[0].To.Minor, "P004 is 17 on 2026-06-15")
	var b bytes.Buffer
	require.NoError(t, desk.RenderArt11Notice(&b, ns[0], office))
	assert.Contains(t, b.String(), "A chi esercita la responsabilità genitoriale su<br>\nOmar El Amrani")
	assert.Contains(t, b.String(), "Gentili signori,")
}

// TestWriteCancelled: an interrupted batch leaves no letter behind.
func TestWriteCancelled(t *testing.T) {
	rs, err := desk.Reminders(context.Background(), fixtures(), desk.ReminderOptions{On: anagrafetest.RefDate, Window: desk.Window{From: 120, To: 60}})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	hook := func(_ context.Context, ev anagrafe.AuditEvent) error {
		cancel() // cancelled after the first person
		return nil
	}
	dir := t.TempDir()
	w, err := desk.WriteReminders(ctx, dir, rs, desk.WriteOptions{Audit: hook, Operator: "op"})
	require.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, w.Letters)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

// TestLetterEscapesRegisterText: register values are text, never markup.
func TestLetterEscapesRegisterText(t *testing.T) {
	r := desk.Reminder{To: desk.Addressee{Surname: "<script>alert(1)</script>", Name: "A&B"}, Expiry: codes.NewDate(2026, 9, 1), DaysLeft: 78, On: anagrafetest.RefDate}
	var b bytes.Buffer
	require.NoError(t, desk.RenderReminder(&b, r, desk.Office{Name: "<b>x</b>"}))
	assert.NotContains(t, b.String(), "<script>")
	assert.NotContains(t, b.String(), "<b>x</b>")
	assert.Contains(t, b.String(), "A&amp;B &lt;script&gt;")
}

func TestReminderFor(t *testing.T) {
	on := codes.NewDate(2026, 11, 20)
	src := fixtures()
	rs, err := desk.Reminders(context.Background(), src, desk.ReminderOptions{On: on, Window: desk.Window{From: 3650, To: 0}})
	require.NoError(t, err)
	require.NotEmpty(t, rs)
	for _, want := range rs {
		rec, err := src.Person(context.Background(), want.To.PersonID)
		require.NoError(t, err)
		got, err := desk.ReminderFor(rec, desk.ReminderOptions{On: on})
		require.NoError(t, err)
		assert.Equal(t, want, got, want.To.PersonID)
	}
	expired := &anagrafe.Record{Person: anagrafe.Person{ID: "X2", Permit: &anagrafe.Permit{Type: "1", ExpiryDate: on.AddDays(-1)}}}
	_, err = desk.ReminderFor(expired, desk.ReminderOptions{On: on})
	require.ErrorIs(t, err, desk.ErrNoReminder, "no reminder for a permit already expired")
	today := &anagrafe.Record{Person: anagrafe.Person{ID: "X3", Permit: &anagrafe.Permit{Type: "1", ExpiryDate: on}}}
	r, err := desk.ReminderFor(today, desk.ReminderOptions{On: on})
	require.NoError(t, err)
	assert.Equal(t, 0, r.DaysLeft)
	noPermit := &anagrafe.Record{Person: anagrafe.Person{ID: "X1"}}
	_, err = desk.ReminderFor(noPermit, desk.ReminderOptions{On: on})
	require.ErrorIs(t, err, desk.ErrNoReminder)
	_, err = desk.ReminderFor(nil, desk.ReminderOptions{On: on})
	require.ErrorIs(t, err, anagrafe.ErrNilRecord)
}
