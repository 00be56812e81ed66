package vendormap

import "github.com/retecomuni/eli2sdk/codes"

// kitOn is the one place that asks the code tables whether a kit code is in
// force on a date: the edition in force then (2006 until 2024-05-29, 2024
// from 2024-05-30, as codes/data says) must have it, not ended.
func kitOn(t *codes.Tables, code int, on codes.Date) (codes.KitType, bool) {
	return t.KitOn(code, on)
}

// kitKnown reports whether some kit edition has code.
func kitKnown(t *codes.Tables, code int) bool {
	for _, e := range t.KitEditions() {
		if _, ok := t.KitIn(e.Name, code); ok {
			return true
		}
	}
	return false
}
