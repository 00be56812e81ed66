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
}

// Art11Months is the number of months after the permit's expiry past which
// the registry office reviews the registration (DPR 223/1989 art. 11 c.1
// lett. c: six months from the expiry of the permit).
const Art11Months = 6

// Art11Notices returns one notice per resident of src whose permit expired
// more than six months before the notice date (anagrafe.ExpiredMoreThan(6):
// receipts and renewals in progress excluded), in register ID order.
func Art11Notices(ctx context.Context, src anagrafe.Source, opts Art11Options) ([]Art11Notice, error) {
	on := opts.On
	if on == 0 {
		on = codes.Today()
	}
	t := tablesOr(opts.Tables)
	var out []Art11Notice
	for rec, err := range anagrafe.Search(ctx, src, anagrafe.ExpiredMoreThan(Art11Months).At(on)) {
		if err != nil {
			return nil, fmt.Errorf("desk: art. 11: %w", err)
		}
		p := &rec.Person
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
