package cf

import (
	"sync/atomic"
	"time"

	"github.com/retecomuni/eli2sdk/codes"
)

// Decoded is what a personal codice fiscale says about its holder.
type Decoded struct {
	Code     Code       // the code as given
	Base     Code       // the code without omocodia (equal to Code when not omocodic)
	Omocodic bool       // Code != Base
	Sex      byte       // 'M' or 'F'
	Birth    codes.Date // birth date, century chosen by the rule of Decode
	Place    Place      // birthplace as of Birth (see PlaceNotValidOnDate)
	// PlaceNotValidOnDate is set when the birthplace code did not exist on
	// the birth date (codes assigned later, gaps in the tables): Place is
	// then the most recent row for the code.
	PlaceNotValidOnDate bool
	// PlaceError is set when the code's Z code is in no table (73 real
	// foreign-territory codes such as Z113 Gibilterra and Z518 Porto Rico
	// are missing from ANPR's table): the code is still valid, Place.Kind is
	// PlaceUnknown with Place.Code holding the Z code, Birth is the most
	// recent candidate of the century rule, and PlaceError is an *Error
	// wrapping ErrUnknownPlace and codes.ErrUnknownState that says so.
	PlaceError error
}

// Option changes how Decode works. Options are plain values (not closures)
// so that Decode does not allocate.
type Option struct {
	ref codes.Date
}

// WithReference sets the reference date of the century rule (default: today).
func WithReference(d codes.Date) Option { return Option{ref: d} }

// Decode returns the sex, birth date and birthplace held by the personal code
// c, resolving the birthplace through t (codes.Default() when t is nil).
//
// The code holds only the last two digits of the birth year. Century rule:
// the candidate years are the most recent year ending in those digits whose
// date is not after the reference date (today unless WithReference), and
// the year a century before it; the first candidate on which the birthplace
// existed (the comune's row or the state valid on that date) wins. When the
// place existed on neither, the most recent candidate is kept, Place is the
// most recent row of the code and PlaceNotValidOnDate is set: Decode does not
// fail for gaps in the tables. A 29 February is only a candidate in leap
// years.
//
// Errors (*Error): ErrProvisional for an 11-digit code, ErrDay when no
// candidate year has the day (29 February in a non-leap century), and
// ErrUnknownPlace (wrapping codes.ErrUnknownComune) for a comune code no
// row of the comuni archive has ever had. A Z code no table holds is not
// an error: the code is valid and its place unknown (see
// Decoded.PlaceError), because the tables lack real territory codes.
// Decode does not allocate when it succeeds with a known place.
func Decode(c Code, t *codes.Tables, opts ...Option) (Decoded, error) {
	var ref codes.Date
	for _, o := range opts {
		if o.ref != 0 {
			ref = o.ref
		}
	}
	switch c.Len() {
	case 0:
		return Decoded{}, &Error{Err: ErrLength}
	case 11:
		return Decoded{}, &Error{Err: ErrProvisional}
	}
	if t == nil {
		t = codes.Default()
	}
	if ref == 0 {
		ref = today()
	}
	base := c.Base()
	d := Decoded{Code: c, Base: base, Omocodic: base != c, Sex: c.Sex()}
	yy, month, day := c.yy(), monthOf(c.b[8]), c.rawDay()
	if day > 40 {
		day -= 40
	}
	y0 := ref.Year() - ((ref.Year()-yy)%100+100)%100
	if codes.NewDate(y0, month, day) > ref {
		y0 -= 100
	}
	var cands [2]codes.Date
	n := 0
	for _, y := range [2]int{y0, y0 - 100} {
		if dt := codes.NewDate(y, month, day); dt.Valid() {
			cands[n] = dt
			n++
		}
	}
	if n == 0 {
		return Decoded{}, &Error{Pos: 10, Err: ErrDay}
	}
	ix := indexOf(t)
	s := int(c.b[11]-'A')*1000 + c.digitAt(12)*100 + c.digitAt(13)*10 + c.digitAt(14)
	if c.b[11] == 'Z' {
		st, ok := ix.state(s)
		if !ok {
			// A well-formed code with a Z code no table holds (Z113
			// Gibilterra, Z518 Porto Rico: ANPR rows without a Z code) is
			// valid; only its place is unknown.
			_, err := t.StateByBelfiore(c.PlacePart()) // the codes error, for the cause
			if err == nil {
				err = codes.ErrUnknownState
			}
			d.Place = Place{Kind: PlaceUnknown, Code: c.PlacePart()}
			d.PlaceError = &Error{Pos: 12, Err: ErrUnknownPlace, Cause: err}
			d.Birth = cands[0]
			return d, nil
		}
		d.Place.Kind, d.Place.State = PlaceState, *st
		d.Birth, d.PlaceNotValidOnDate = cands[0], true
		for _, dt := range cands[:n] {
			if st.ValidOn(dt) {
				d.Birth, d.PlaceNotValidOnDate = dt, false
				break
			}
		}
		return d, nil
	}
	for _, dt := range cands[:n] {
		if cm, ok := ix.comune(s, dt); ok {
			d.Birth, d.Place.Kind, d.Place.Comune = dt, PlaceComune, *cm
			return d, nil
		}
	}
	cm, ok := ix.comune(s, 0)
	if !ok {
		return Decoded{}, &Error{Pos: 12, Err: ErrUnknownPlace, Cause: codes.ErrUnknownComune}
	}
	d.Birth, d.Place.Kind, d.Place.Comune, d.PlaceNotValidOnDate = cands[0], PlaceComune, *cm, true
	return d, nil
}

// todayCache remembers the local date until the next local midnight, so
// that Decode does not convert the clock to a calendar date at every call.
type todayCache struct {
	date  codes.Date
	until int64 // Unix time of the next local midnight
}

var cachedToday atomic.Pointer[todayCache]

// today returns codes.Today() cheaply.
func today() codes.Date {
	now := time.Now()
	sec := now.Unix()
	if c := cachedToday.Load(); c != nil && sec < c.until && sec >= c.until-90000 {
		return c.date
	}
	y, m, d := now.Date()
	next := time.Date(y, m, d+1, 0, 0, 0, 0, now.Location())
	c := &todayCache{date: codes.NewDate(y, int(m), d), until: next.Unix()}
	cachedToday.Store(c)
	return c.date
}
