package csvadapter

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

var isoShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// FuzzDayMonthYear: a converted value always has the ISO shape, keeps the
// digits in day-first order, and anything else is left alone.
func FuzzDayMonthYear(f *testing.F) {
	for _, s := range []string{"18/12/1996", "1/2/1996", "12/18/1996", "1996-12-18", "//", "1/2/96", "001/2/1996", "1/2/1996/", "１/2/1996"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso, ok := dayMonthYear(s)
		if !ok {
			assert.Equal(t, s, isoDate(s))
			return
		}
		assert.Regexp(t, isoShape, iso)
		back, ok2 := dayMonthYear(iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4])
		assert.True(t, ok2)
		assert.Equal(t, iso, back)
	})
}
