package desk

import (
	"context"
	"errors"
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// ErrBadWindow is returned for a reminder window with From < To or a
// negative bound.
var ErrBadWindow = errors.New("desk: reminder window: From must be ≥ To ≥ 0 days")

// Window is the reminder window in days before expiry: a resident gets a
// letter when their permit expires between To and From days after the
// reference date (From 120, To 60: expiry in [on+60, on+120]).
type Window struct {
	From int // farthest expiry, days after the reference date
	To   int // nearest expiry, days after the reference date
}

// Query returns the register query of w on date on.
func (w Window) Query(on codes.Date) (anagrafe.Query, error) {
	if w.To < 0 || w.From < w.To {
		return anagrafe.Query{}, ErrBadWindow
	}
	return anagrafe.ExpiringWithin(w.From - w.To).At(on.AddDays(w.To)), nil
}

// Reminder is one reminder letter's content.
type Reminder struct {
	To        Addressee
	Expiry    codes.Date // permit expiry
	DaysLeft  int        // days from the reference date to the expiry
	Documents []ChecklistItem
	On        codes.Date // letter date
}

// ReminderOptions configures Reminders.
type ReminderOptions struct {
	On        codes.Date    // reference and letter date; 0 = today
	Window    Window        // days before expiry
	Checklist *Checklist    // documents for a RINNOVO; nil = DefaultChecklist()
	Tables    *codes.Tables // comune names; nil = codes.Default()
	// OnRecordError receives each record the register cannot read
	// (*anagrafe.RecordError): it is left out and the others go on. Nil
	// leaves such records out silently.
	OnRecordError func(error)
}

// Reminders returns one reminder per resident of src whose permit expires
// in the window, in register ID order. Permits recorded as a receipt or a
// renewal in progress (tipo_soggiorno 5, 6) and permits without an expiry
// (UE long-term) get no letter: there is nothing to renew.
func Reminders(ctx context.Context, src anagrafe.Source, opts ReminderOptions) ([]Reminder, error) {
	on := opts.On
	if on == 0 {
		on = codes.Today()
	}
	q, err := opts.Window.Query(on)
	if err != nil {
		return nil, err
	}
	t, cl := tablesOr(opts.Tables), opts.Checklist
	if cl == nil {
		cl = DefaultChecklist()
	}
	var out []Reminder
	for rec, err := range anagrafe.Search(ctx, src, q) {
		if err != nil {
			if anagrafe.IsRecordError(err) {
				if opts.OnRecordError != nil {
					opts.OnRecordError(err)
				}
				continue
			}
			return nil, fmt.Errorf("desk: reminders: %w", err)
		}
		if r, ok := reminderOf(rec, t, cl, on); ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// ErrNoReminder is returned by ReminderFor for a person who gets no
// reminder: no permit, a receipt or renewal in progress, no expiry
// recorded, or a permit already expired on the letter date (the letter
// announces an expiry; see Art11Notices for permits long expired).
var ErrNoReminder = errors.New("desk: no permit to renew")

// ReminderFor returns the reminder letter of one resident whose permit
// expires on or after opts.On, however far ahead (opts.Window is ignored):
// the letter a help desk prints for the person in front of it. It fails
// with ErrNoReminder otherwise.
func ReminderFor(rec *anagrafe.Record, opts ReminderOptions) (Reminder, error) {
	if rec == nil {
		return Reminder{}, anagrafe.ErrNilRecord
	}
	on := opts.On
	if on == 0 {
		on = codes.Today()
	}
	cl := opts.Checklist
	if cl == nil {
		cl = DefaultChecklist()
	}
	r, ok := reminderOf(rec, tablesOr(opts.Tables), cl, on)
	if !ok || r.DaysLeft < 0 {
		return Reminder{}, ErrNoReminder
	}
	return r, nil
}

// reminderOf builds rec's letter; false when there is nothing to renew.
func reminderOf(rec *anagrafe.Record, t *codes.Tables, cl *Checklist, on codes.Date) (Reminder, bool) {
	p := &rec.Person
	if p.Permit == nil || p.Permit.PendingRenewal() || p.Permit.ExpiryDate == 0 {
		return Reminder{}, false
	}
	return Reminder{
		To:        addressee(p, t, on),
		Expiry:    p.Permit.ExpiryDate,
		DaysLeft:  daysBetween(on, p.Permit.ExpiryDate),
		Documents: cl.For(eli2.Rinnovo),
		On:        on,
	}, true
}

func tablesOr(t *codes.Tables) *codes.Tables {
	if t == nil {
		return codes.Default()
	}
	return t
}

// daysBetween returns the number of days from a to b.
func daysBetween(a, b codes.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}
