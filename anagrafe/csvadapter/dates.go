package csvadapter

// Dates in a CSV extract are ISO 8601 (YYYY-MM-DD, as Writer writes them)
// or the Italian spreadsheet form day/month/year that Excel and LibreOffice
// write for an Italian locale: 18/12/1996, also without leading zeros
// (1/2/1996 is 1 February 1996). The order is always day first: an
// American month/day date such as 12/18/1996 is not a date (month 18) and
// is reported as such, never reinterpreted. Partial birth dates (a year,
// a year and month) are accepted in ISO form only.

// dayMonthYear converts a d/m/yyyy or dd/mm/yyyy value to YYYY-MM-DD. It
// reports false for anything else (the value is then parsed as ISO). The
// result is not checked: 31/06/1964 becomes 1964-06-31, which the date
// parser reports as an impossible date.
func dayMonthYear(v string) (string, bool) {
	var parts [3]string
	n := 0
	start := 0
	for i := 0; i <= len(v); i++ {
		if i < len(v) && v[i] != '/' {
			if v[i] < '0' || v[i] > '9' {
				return "", false
			}
			continue
		}
		if n == 3 {
			return "", false
		}
		parts[n] = v[start:i]
		n++
		start = i + 1
	}
	if n != 3 || len(parts[0]) < 1 || len(parts[0]) > 2 || len(parts[1]) < 1 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return "", false
	}
	pad := func(s string) string {
		if len(s) == 1 {
			return "0" + s
		}
		return s
	}
	return parts[2] + "-" + pad(parts[1]) + "-" + pad(parts[0]), true
}

// isoDate returns v in ISO form when it is a day/month/year date, else v.
func isoDate(v string) string {
	if iso, ok := dayMonthYear(v); ok {
		return iso
	}
	return v
}
