package csvsafe_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/retecomuni/eli2sdk/internal/csvsafe"
)

func TestCell(t *testing.T) {
	tests := []struct{ in, out string }{
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+39 055 123456", "'+39 055 123456"},
		{"-5", "'-5"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'=x", "''=x"},
		{"''-1", "'''-1"},
		{"Rossi", "Rossi"},
		{"D'Angelo", "D'Angelo"},
		{"'abc", "'abc"},
		{"'", "'"},
		{"", ""},
		{"1964-06-30", "1964-06-30"},
		{" =x", " =x"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.out, csvsafe.Cell(tt.in))
			assert.Equal(t, tt.in, csvsafe.Unquote(csvsafe.Cell(tt.in)), "round trip")
		})
	}
	assert.Equal(t, []string{"a", "'=b"}, csvsafe.Record([]string{"a", "=b"}))
	assert.Equal(t, "+39 055", csvsafe.Unquote("'+39 055"), "a quote typed in a spreadsheet")
}

func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"=1+1", "'=", "''", "-", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		c := csvsafe.Cell(v)
		assert.Equal(t, v, csvsafe.Unquote(c))
		if c != "" {
			assert.NotContains(t, "=+-@\t\r", string(c[0]), "no cell starts with a trigger")
		}
	})
}
