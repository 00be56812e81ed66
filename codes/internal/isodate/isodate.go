// Package isodate parses calendar dates into the integer YYYYMMDD used by
// package codes and by the readers of its source files. It is the one
// implementation both share: codes imports codes/internal/source, so neither
// can hold it for the other.
package isodate

// DaysIn returns the number of days of month m (1–12) in year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ISO parses YYYY-MM-DD; ok is false for anything else, including a day
// that does not exist and year 0000.
func ISO(s string) (date int32, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	return ymd(s[0:4], s[5:7], s[8:10])
}

// DMY parses dd/mm/yyyy, with the same checks as ISO.
func DMY(s string) (date int32, ok bool) {
	if len(s) != 10 || s[2] != '/' || s[5] != '/' {
		return 0, false
	}
	return ymd(s[6:10], s[3:5], s[0:2])
}

func ymd(y, m, d string) (int32, bool) {
	yy, ok1 := digits(y)
	mm, ok2 := digits(m)
	dd, ok3 := digits(d)
	if !ok1 || !ok2 || !ok3 || yy < 1 || mm < 1 || mm > 12 || dd < 1 || dd > DaysIn(yy, mm) {
		return 0, false
	}
	return int32(yy*10000 + mm*100 + dd), true
}

// digits parses a non-empty run of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
