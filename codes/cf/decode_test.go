package cf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"os"
	"path/filepath"
	"testing"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = golden.Update

// ref is the reference date of the century rule in these tests.
var ref = codes.NewDate(2026, 11, 25)

// withCheck completes 15 characters with their check character.
func withCheck(s15 string) Code {
	b := []byte(s15 + "?")
	b[15] = checkChar(b)
	return MustParse(string(b))
}

func TestDecode(t *testing.T) {
	tab := codes.Default()
	tests := []struct {
		name        string
		code        Code
		ref         codes.Date
		birth       codes.Date
		sex         byte
		kind        PlaceKind
		belfiore    string
		placeName   string
		notOnDate   bool
		dissolved   bool
		successorOf string
	}{
		{"Mario Rossi", MustParse("RSSMRA85T10A562S"), ref, codes.NewDate(1985, 12, 10), 'M', PlaceComune, "A562", "SAN GIULIANO TERME", false, false, ""},
		{"omocodic", MustParse("RSSMRAURTMLARSNL"), ref, codes.NewDate(1985, 12, 10), 'M', PlaceComune, "A562", "SAN GIULIANO TERME", false, false, ""},
		{"woman", MustParse("RSSMRA85T50A562W"), ref, codes.NewDate(1985, 12, 10), 'F', PlaceComune, "A562", "SAN GIULIANO TERME", false, false, ""},
		// seen from 1980, 85 is 1885, when A562 was Bagni San Giuliano
		{"older name", MustParse("RSSMRA85T10A562S"), codes.NewDate(1980, 1, 1), codes.NewDate(1885, 12, 10), 'M', PlaceComune, "A562", "BAGNI SAN GIULIANO", false, false, ""},
		{"recent", withCheck("RSSMRA20A01A562"), ref, codes.NewDate(2020, 1, 1), 'M', PlaceComune, "A562", "SAN GIULIANO TERME", false, false, ""},
		{"future is last century", withCheck("RSSMRA26T10A562"), ref, codes.NewDate(1926, 12, 10), 'M', PlaceComune, "A562", "BAGNI SAN GIULIANO", false, false, ""},
		{"leap 2000", withCheck("RSSMRA00B69A562"), ref, codes.NewDate(2000, 2, 29), 'F', PlaceComune, "A562", "SAN GIULIANO TERME", false, false, ""},
		// Vignola (TN) existed 1920–1929: 25 is 1925, not 2025
		{"place picks century", withCheck("RSSMRA25A01L884"), ref, codes.NewDate(1925, 1, 1), 'M', PlaceComune, "L884", "VIGNOLA", false, false, ""},
		// Vignola-Falesina exists since 1955: neither 1930 nor 1830 works
		{"place not valid", withCheck("RSSMRA30A01L886"), ref, codes.NewDate(1930, 1, 1), 'M', PlaceComune, "L886", "VIGNOLA-FALESINA", true, false, ""},
		{"Croazia", withCheck("RSSMRA85T10Z149"), ref, codes.NewDate(1985, 12, 10), 'M', PlaceState, "Z149", "CROAZIA", false, false, ""},
		{"Jugoslavia", withCheck("RSSMRA85T10Z118"), ref, codes.NewDate(1985, 12, 10), 'M', PlaceState, "Z118", "Jugoslavia", false, true, "250"},
		// Z118 ended in 2003: 10 is 1910
		{"Jugoslavia 1910", withCheck("RSSMRA10T10Z118"), ref, codes.NewDate(1910, 12, 10), 'M', PlaceState, "Z118", "Jugoslavia", false, true, "250"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Decode(tc.code, tab, WithReference(tc.ref))
			require.NoError(t, err)
			assert.Equal(t, tc.birth, d.Birth)
			assert.Equal(t, tc.sex, d.Sex)
			assert.Equal(t, tc.kind, d.Place.Kind)
			assert.Equal(t, tc.belfiore, d.Place.Belfiore())
			assert.Equal(t, tc.placeName, d.Place.Name())
			assert.Equal(t, tc.notOnDate, d.PlaceNotValidOnDate)
			assert.Equal(t, tc.code, d.Code)
			assert.Equal(t, tc.code.Base(), d.Base)
			assert.Equal(t, tc.code.IsOmocodic(), d.Omocodic)
			if tc.kind == PlaceState {
				assert.Equal(t, tc.dissolved, d.Place.State.Dissolved)
				assert.Empty(t, d.Place.Province())
			}
			if tc.successorOf != "" {
				assert.True(t, d.Place.State.HasSuccessor(tc.successorOf))
			}
		})
	}
}

func TestDecodeMilanoProvince(t *testing.T) {
	d, err := Decode(MustParse("BNCGFR70A01F205R"), nil, WithReference(ref))
	require.NoError(t, err)
	assert.Equal(t, "MILANO", d.Place.Name())
	assert.Equal(t, "MI", d.Place.Province())
	assert.Equal(t, "015146", d.Place.Istat())
	assert.Equal(t, "MILANO (MI)", d.Place.String())
	assert.Equal(t, "comune", d.Place.Kind.String())
}

func TestDecodeErrors(t *testing.T) {
	tab := codes.Default()
	_, err := Decode(MustParse("12345678903"), tab)
	assert.ErrorIs(t, err, ErrProvisional)
	assert.Equal(t, "cf_provisional", ErrorCode(err))

	_, err = Decode(Code{}, tab)
	assert.ErrorIs(t, err, ErrLength)

	_, err = Decode(withCheck("RSSMRA85T10Y999"), tab)
	assert.ErrorIs(t, err, ErrUnknownPlace)
	assert.ErrorIs(t, err, codes.ErrUnknownComune)

	// 29 February of 1900 or 1800: no leap year in either century
	_, err = Decode(withCheck("RSSMRA00B29A562"), tab, WithReference(codes.NewDate(1999, 1, 1)))
	assert.ErrorIs(t, err, ErrDay)
}

func TestDecodeDefaultReference(t *testing.T) {
	d, err := Decode(MustParse("RSSMRA85T10A562S"), nil)
	require.NoError(t, err)
	assert.Equal(t, codes.NewDate(1985, 12, 10), d.Birth)
}

func TestDecodeNoAlloc(t *testing.T) {
	tab := codes.Default()
	c := MustParse("RSSMRAURTMLARSNL")
	_, _ = Decode(c, tab) // build the interned strings
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = Decode(c, tab)
		_, _ = Parse("RSSMRA85T10A562S")
	})
	assert.Zero(t, allocs)
}

// TestDecodeGolden decodes the codes of testdata/codes.txt and compares with
// testdata/decode.golden (go test -update rewrites it).
func TestDecodeGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "codes.txt"))
	require.NoError(t, err)
	var out bytes.Buffer
	for _, line := range bytes.Split(in, []byte("\n")) {
		s := string(bytes.TrimSpace(line))
		if s == "" || s[0] == '#' {
			continue
		}
		c, err := Parse(s)
		if err != nil {
			fmt.Fprintf(&out, "%s\terror %s\n", s, ErrorCode(err))
			continue
		}
		d, err := Decode(c, nil, WithReference(ref))
		if err != nil {
			fmt.Fprintf(&out, "%s\terror %s\n", s, ErrorCode(err))
			continue
		}
		j, err := json.Marshal(map[string]any{
			"base": d.Base, "omocodic": d.Omocodic, "sex": string(rune(d.Sex)), "birth": d.Birth,
			"kind": d.Place.Kind.String(), "belfiore": d.Place.Belfiore(), "istat": d.Place.Istat(),
			"name": d.Place.Name(), "province": d.Place.Province(), "not_on_date": d.PlaceNotValidOnDate,
		})
		require.NoError(t, err)
		fmt.Fprintf(&out, "%s\t%s\n", s, j)
	}
	golden := filepath.Join("testdata", "decode.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
}

func BenchmarkDecode(b *testing.B) {
	tab := codes.Default()
	for _, bc := range []struct{ name, in string }{
		{"comune", "RSSMRA85T10A562S"},
		{"omocodic", "RSSMRAURTMLARSNL"},
		{"state", withCheck("RSSMRA85T10Z118").String()},
	} {
		c := MustParse(bc.in)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(c, tab, WithReference(ref)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("today", func(b *testing.B) {
		c := MustParse("RSSMRA85T10A562S")
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Decode(c, tab); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestDecodeLoadedTables(t *testing.T) {
	// a second Tables gets its own index, and both keep working
	loaded, err := codes.Load(codes.Sources{})
	require.NoError(t, err)
	c := MustParse("RSSMRA85T10A562S")
	for _, tab := range []*codes.Tables{loaded, codes.Default(), loaded} {
		d, err := Decode(c, tab, WithReference(ref))
		require.NoError(t, err)
		assert.Equal(t, "A562", d.Place.Belfiore())
	}
}

func TestToday(t *testing.T) {
	assert.Equal(t, codes.Today(), today())
	assert.Equal(t, codes.Today(), today()) // from the cache
}

// A well-formed code whose Z code is in no table (issue 13: 73 real
// foreign-territory codes such as Z113 Gibilterra, Z518 Porto Rico) is
// valid, with the place reported unknown.
func TestDecodeUnknownStateCode(t *testing.T) {
	tab := codes.Default()
	births := map[string]codes.Date{
		"RSSMRA80E05Z113": codes.NewDate(1980, 5, 5),
		"RSSMRA80E45Z518": codes.NewDate(1980, 5, 5),
		"RSSMRA85T10Z999": codes.NewDate(1985, 12, 10),
	}
	for s, birth := range births {
		c := withCheck(s)
		d, err := Decode(c, tab, WithReference(codes.NewDate(2026, 1, 1)))
		require.NoError(t, err, s)
		assert.Equal(t, PlaceUnknown, d.Place.Kind, s)
		assert.Equal(t, s[11:], d.Place.Code, s)
		assert.Equal(t, s[11:], d.Place.Belfiore(), s)
		assert.Empty(t, d.Place.Istat())
		assert.Equal(t, "luogo sconosciuto ("+s[11:]+")", d.Place.String())
		require.Error(t, d.PlaceError)
		assert.ErrorIs(t, d.PlaceError, ErrUnknownPlace)
		assert.ErrorIs(t, d.PlaceError, codes.ErrUnknownState)
		assert.Equal(t, "cf_place_unknown", ErrorCode(d.PlaceError))
		assert.False(t, d.PlaceNotValidOnDate)
		assert.Equal(t, birth, d.Birth, s)
	}
	d, err := Decode(withCheck("RSSMRA80E45Z518"), tab, WithReference(codes.NewDate(2026, 1, 1)))
	require.NoError(t, err)
	assert.Equal(t, codes.NewDate(1980, 5, 5), d.Birth)
	assert.Equal(t, byte('F'), d.Sex)
	// Known places carry no PlaceError.
	d, err = Decode(MustParse("RSSMRA85T10A562S"), tab)
	require.NoError(t, err)
	assert.NoError(t, d.PlaceError)
}

// Check does not report a mismatch between a Z code no table holds and a
// register state the tables give no Z code (Gibilterra, ISTAT 218).
func TestCheckUnknownStateCode(t *testing.T) {
	c := withCheck("RSSMRA80E05Z113")
	assert.Empty(t, Check(c, PersonData{BirthState: "218"}, nil))
	ms := Check(c, PersonData{BirthState: "250"}, nil) // Croazia has Z149
	require.Len(t, ms, 1)
	assert.Equal(t, FieldLuogoNascita, ms[0].Field)
}
