package isodate

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestISOAndDMY(t *testing.T) {
	tests := []struct {
		iso, dmy string
		want     int32
		ok       bool
	}{
		{"2023-05-16", "16/05/2023", 20230516, true},
		{"2024-02-29", "29/02/2024", 20240229, true},
		{"2000-02-29", "29/02/2000", 20000229, true},
		{"1900-02-29", "29/02/1900", 0, false},
		{"2023-02-29", "29/02/2023", 0, false},
		{"2023-04-31", "31/04/2023", 0, false},
		{"9999-12-31", "31/12/9999", 99991231, true},
		{"0001-01-01", "01/01/0001", 10101, true},
		{"0000-01-01", "01/01/0000", 0, false},
		{"2023-13-01", "01/13/2023", 0, false},
		{"2023-00-10", "10/00/2023", 0, false},
		{"2023-01-00", "00/01/2023", 0, false},
		{"", "", 0, false},
		{"2023-5-16", "16/5/2023", 0, false},
		{"20230516", "16052023", 0, false},
		{"+023-05-16", "16/05/+023", 0, false},
		{"2023-05-1x", "1x/05/2023", 0, false},
		{"2023/05/16", "16-05-2023", 0, false},
	}
	for _, tc := range tests {
		got, ok := ISO(tc.iso)
		assert.Equal(t, tc.ok, ok, tc.iso)
		assert.Equal(t, tc.want, got, tc.iso)
		got, ok = DMY(tc.dmy)
		assert.Equal(t, tc.ok, ok, tc.dmy)
		assert.Equal(t, tc.want, got, tc.dmy)
	}
}

func TestDaysIn(t *testing.T) {
	for _, y := range []int{1, 4, 100, 400, 1900, 2000, 2023, 2024, 9999} {
		for m := 1; m <= 12; m++ {
			want := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			assert.Equal(t, want, DaysIn(y, m), "%d-%02d", y, m)
		}
	}
}

// FuzzISO checks ISO against the standard library's calendar.
func FuzzISO(f *testing.F) {
	f.Add("2024-02-29")
	f.Add("2023-02-29")
	f.Add("0000-01-01")
	f.Add("9999-12-31")
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ISO(s)
		tm, err := time.Parse(time.DateOnly, s)
		wantOK := err == nil && tm.Year() >= 1
		if ok != wantOK {
			t.Fatalf("ISO(%q) ok=%v, time.Parse err=%v", s, ok, err)
		}
		if ok && got != int32(tm.Year()*10000+int(tm.Month())*100+tm.Day()) {
			t.Fatalf("ISO(%q) = %d, time.Parse %v", s, got, tm)
		}
		if ok {
			dmy := s[8:10] + "/" + s[5:7] + "/" + s[0:4]
			if d, ok := DMY(dmy); !ok || d != got {
				t.Fatalf("DMY(%q) = %d, %v; ISO gave %d", dmy, d, ok, got)
			}
		}
	})
}
