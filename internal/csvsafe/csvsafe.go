// Package csvsafe neutralises CSV cells that a spreadsheet would run as a
// formula (CSV injection). Every CSV the module writes passes its cells
// through Cell; readers of those files undo it with Unquote.
//
// The rule is OWASP's (https://owasp.org/www-community/attacks/CSV_Injection):
// a cell that starts with '=', '+', '-', '@', a tab or a carriage return
// gets a single quote in front, which spreadsheets take as "this is text"
// and do not show. So a phone number "+39 055 123" is written
// "'+39 055 123" and a negative number "-5" is written "'-5": in a
// spreadsheet both show as typed, as text; Unquote gives back the value.
package csvsafe

// triggers are the first characters a spreadsheet may read as a formula.
func trigger(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// needs reports whether v must be prefixed: it starts with a trigger, or
// with single quotes followed by one (so that Unquote, which removes one
// quote, gives v back).
func needs(v string) bool {
	i := 0
	for i < len(v) && v[i] == '\'' {
		i++
	}
	return i < len(v) && trigger(v[i])
}

// Cell returns v with a single quote in front when a spreadsheet could run
// it as a formula, and v unchanged otherwise. Unquote(Cell(v)) == v for
// every v.
func Cell(v string) string {
	if needs(v) {
		return "'" + v
	}
	return v
}

// Record applies Cell to every value of rec, in place, and returns rec.
func Record(rec []string) []string {
	for i, v := range rec {
		rec[i] = Cell(v)
	}
	return rec
}

// Unquote undoes Cell: it removes the single quote Cell puts in front of
// a value, and returns any other value unchanged. A value a spreadsheet
// user wrote with the quote ("'+39 055 123") reads as the number typed.
func Unquote(v string) string {
	if len(v) > 1 && v[0] == '\'' && needs(v[1:]) {
		return v[1:]
	}
	return v
}
