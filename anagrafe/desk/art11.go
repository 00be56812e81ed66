package desk

import (
	"context"
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
)

// Art11Days is the time the notice gives the resident to act (DPR
// 223/1989 art. 11 c.1 lett. c: invitation to provide within the
// following 30 days).
const Art11Days = 30

// Art11Notice is one notice opening the art. 11 procedure, with the dates
// of the tracking file.
type Art11Notice struct {
	To         Addressee
	Expiry     codes.Date // permit expiry recorded by the register
	Motive     string     // permit motive as recorded, printed on the notice
	NoticeDate codes.Date // date of the notice
	Deadline   codes.Date // NoticeDate + 30 days
}

// Art11Options configures Art11Notices.
type Art11Options struct {
	On     codes.Date    // notice date; 0 = today
	Tables *codes.Tables // comune names; nil = codes.Default()
	// OnRecordError receives each record the register cannot read
	// (*anagrafe.RecordError): it is left out and the others go on. Nil
	// leaves such records out silently.
	OnRecordError func(error)
}

// Art11Notices returns one notice per resident of src for the procedure of
// DPR 223/1989 art. 11 (anagrafe.Art11Candidates: permit expired more than
// anagrafe.Art11Months months before the notice date, no receipt or
// renewal in progress, still subject to a permit), in register ID order.
func Art11Notices(ctx context.Context, src anagrafe.Source, opts Art11Options) ([]Art11Notice, error) {
	on := opts.On
	if on == 0 {
		on = codes.Today()
	}
	t := tablesOr(opts.Tables)
	var out []Art11Notice
	for c, err := range anagrafe.Art11Candidates(ctx, src, on) {
		if err != nil {
			if anagrafe.IsRecordError(err) {
				if opts.OnRecordError != nil {
					opts.OnRecordError(err)
				}
				continue
			}
			return nil, fmt.Errorf("desk: art. 11: %w", err)
		}
		p := &c.Record.Person
		out = append(out, Art11Notice{
			To:         addressee(p, t, on),
			Expiry:     p.Permit.ExpiryDate,
			Motive:     p.Permit.Motive,
			NoticeDate: on,
			Deadline:   on.AddDays(Art11Days),
		})
	}
	return out, nil
}
