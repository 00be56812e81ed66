package eli2

import (
	"errors"
	"fmt"

	"github.com/retecomuni/eli2sdk/codes"
)

// ErrPartialDate is wrapped by errors from ParsePartialDate.
var ErrPartialDate = errors.New("eli2: invalid partial date")

// PartialDate is a birth date that registers may hold incompletely: a year
// alone (1980), a year and month (1980-05) or a full date (1980-05-12).
// Month and Day are 0 when unknown. The zero PartialDate is "no date".
type PartialDate struct {
	Year  int
	Month int
	Day   int
}

// DateFrom returns the complete PartialDate of d.
func DateFrom(d codes.Date) PartialDate {
	if d.IsZero() {
		return PartialDate{}
	}
	return PartialDate{Year: d.Year(), Month: d.Month(), Day: d.Day()}
}

// ParsePartialDate parses YYYY, YYYY-MM or YYYY-MM-DD. The empty string
// gives the zero PartialDate. The error wraps ErrPartialDate and, a birth
// date being personal data, does not quote s.
func ParsePartialDate(s string) (PartialDate, error) {
	full := s
	switch len(s) {
	case 0:
		return PartialDate{}, nil
	case 4:
		full += "-01-01"
	case 7:
		full += "-01"
	case 10:
	default:
		return PartialDate{}, fmt.Errorf("%w: want YYYY, YYYY-MM or YYYY-MM-DD", ErrPartialDate)
	}
	d, err := codes.ParseDate(full)
	if err != nil {
		return PartialDate{}, fmt.Errorf("%w: not a date (YYYY, YYYY-MM or YYYY-MM-DD)", ErrPartialDate)
	}
	p := PartialDate{Year: d.Year()}
	if len(s) >= 7 {
		p.Month = d.Month()
	}
	if len(s) == 10 {
		p.Day = d.Day()
	}
	return p, nil
}

// IsZero reports whether p holds no date at all.
func (p PartialDate) IsZero() bool { return p.Year == 0 }

// IsComplete reports whether year, month and day are all known.
func (p PartialDate) IsComplete() bool { return p.Year != 0 && p.Month != 0 && p.Day != 0 }

// Date returns the full date and true when p is complete.
func (p PartialDate) Date() (codes.Date, bool) {
	if !p.IsComplete() {
		return 0, false
	}
	return codes.NewDate(p.Year, p.Month, p.Day), true
}

// Earliest returns the first day p may stand for (1980 → 1980-01-01).
func (p PartialDate) Earliest() codes.Date {
	if p.IsZero() {
		return 0
	}
	m, d := p.Month, p.Day
	if m == 0 {
		m = 1
	}
	if d == 0 {
		d = 1
	}
	return codes.NewDate(p.Year, m, d)
}

// Latest returns the last day p may stand for (1980-02 → 1980-02-29).
func (p PartialDate) Latest() codes.Date {
	if p.IsZero() {
		return 0
	}
	m, d := p.Month, p.Day
	if m == 0 {
		m = 12
	}
	if d == 0 {
		d = codes.DaysIn(p.Year, m)
	}
	return codes.NewDate(p.Year, m, d)
}

// String formats p as YYYY, YYYY-MM or YYYY-MM-DD; the zero value as "".
func (p PartialDate) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.Month == 0:
		return fmt.Sprintf("%04d", p.Year)
	case p.Day == 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
}

// MarshalText implements encoding.TextMarshaler.
func (p PartialDate) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *PartialDate) UnmarshalText(b []byte) error {
	v, err := ParsePartialDate(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
