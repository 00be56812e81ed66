package vendormap

import "github.com/retecomuni/eli2sdk/codes"

// kitOn is the one place that asks the code tables whether a kit code is in
// force on a date.
func kitOn(t *codes.Tables, code int, on codes.Date) (codes.KitType, bool) {
	k, ok := t.Kit(code)
	if !ok || !k.ValidOn(on) {
		return codes.KitType{}, false
	}
	return k, true
}

// kitKnown reports whether some kit edition has code.
func kitKnown(t *codes.Tables, code int) bool {
	_, ok := t.Kit(code)
	return ok
}
