package codes

import (
	"errors"
	"strconv"
	"time"

	"github.com/retecomuni/eli2sdk/codes/internal/isodate"
)

// Date is a calendar date packed as the integer YYYYMMDD (19800512), so that
// dates compare with < and > and table rows stay small. The zero Date means
// "unknown"; MaxDate stands for "still valid" (ANPR's 9999-12-31).
type Date int32

// MaxDate is the open end of a validity interval (9999-12-31).
const MaxDate Date = 99991231

// ErrBadDate is returned by ParseDate for text that is not a valid ISO date.
var ErrBadDate = errors.New("codes: invalid date")

// NewDate returns the Date for year, month and day. It does not check that
// the day exists; use ParseDate or Valid for that.
func NewDate(year, month, day int) Date {
	return Date(year*10000 + month*100 + day)
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, int(m), d)
}

// Today returns the current date in the local time zone.
func Today() Date { return DateOf(time.Now()) }

// Year returns the year of d.
func (d Date) Year() int { return int(d) / 10000 }

// Month returns the month of d (1–12).
func (d Date) Month() int { return int(d) / 100 % 100 }

// Day returns the day of the month of d.
func (d Date) Day() int { return int(d) % 100 }

// IsZero reports whether d is the unknown date.
func (d Date) IsZero() bool { return d == 0 }

// Valid reports whether d is a real calendar date between years 1 and 9999.
func (d Date) Valid() bool {
	y, m, day := d.Year(), d.Month(), d.Day()
	if y < 1 || y > 9999 || m < 1 || m > 12 || day < 1 {
		return false
	}
	return day <= DaysIn(y, m)
}

// DaysIn returns the number of days of month m (1–12) in year y.
func DaysIn(y, m int) int { return isodate.DaysIn(y, m) }

// Time returns d as midnight UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), time.Month(d.Month()), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns d moved by n months, normalised like time.AddDate.
func (d Date) AddMonths(n int) Date { return DateOf(d.Time().AddDate(0, n, 0)) }

// String formats d as YYYY-MM-DD; the zero Date formats as "".
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	var b [10]byte
	return string(d.appendISO(b[:0]))
}

// AppendISO appends d formatted as YYYY-MM-DD to b, without allocating.
func (d Date) AppendISO(b []byte) []byte { return d.appendISO(b) }

func (d Date) appendISO(b []byte) []byte {
	y, m, day := d.Year(), d.Month(), d.Day()
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10), '-')
	return append(b, byte('0'+day/10), byte('0'+day%10))
}

// ParseDate parses an ISO 8601 calendar date (YYYY-MM-DD). The empty string
// parses as the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return 0, nil
	}
	d, ok := isodate.ISO(s)
	if !ok {
		return 0, ErrBadDate
	}
	return Date(d), nil
}

// ParseDateDMY parses a dd/mm/yyyy date as found in ANPR's states table.
func ParseDateDMY(s string) (Date, error) {
	d, ok := isodate.DMY(s)
	if !ok {
		return 0, ErrBadDate
	}
	return Date(d), nil
}

// MarshalText implements encoding.TextMarshaler (YYYY-MM-DD).
func (d Date) MarshalText() ([]byte, error) {
	if d == 0 {
		return []byte{}, nil
	}
	return d.appendISO(nil), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return errors.New("codes: invalid date " + strconv.Quote(string(b)))
	}
	*d = v
	return nil
}

// YearsBetween returns the number of whole years from birth to on (an age).
func YearsBetween(birth, on Date) int {
	n := on.Year() - birth.Year()
	if on.Month()*100+on.Day() < birth.Month()*100+birth.Day() {
		n--
	}
	return n
}
