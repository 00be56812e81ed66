package cf

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Codes whose check character was verified by hand (sums in the comments:
// odd-position values + even-position values, modulo 26).
var handChecked = []struct {
	code string
	note string
}{
	// R8 S12 R8 8→19 T14 0→1 5→13 2→5 = 80; S18 M12 A0 5 1 A0 6 = 42; 122 % 26 = 18 → S
	{"RSSMRA85T10A562S", "Mario Rossi, 10/12/1985, San Giuliano Terme"},
	// as above with day 50: even sum 46; 126 % 26 = 22 → W
	{"RSSMRA85T50A562W", "Maria Rossi, 10/12/1985, San Giuliano Terme"},
	// B0 C5 F13 7→17 A1 1→0 2→5 5→13 = 54; N13 G6 R17 0 0 F5 0 = 41; 95 % 26 = 17 → R
	{"BNCGFR70A01F205R", "Gianfranco Bianchi, 1/1/1970, Milano"},
	// F13 X25 I19 0→1 B0 8→19 2→5 0→1 = 83; O14 L11 X23 1 6 Z25 1 = 81; 164 % 26 = 8 → I
	{"FOXLIX01B68Z210I", "Li Fo, 28/2/2001, Cina"},
	// M18 L4 C5 9→21 L4 4→9 5→13 1→0 = 74; L11 N13 L11 0 0 H7 0 = 42; 116 % 26 = 12 → M
	{"MLLNCL90L04H501M", "Niccolò Müller, 4/7/1990, Roma"},
	// first omocodic variant of RSSMRA85T10A562S: 2→N at 15 (odd 5 → 20): 137 % 26 = 7 → H
	{"RSSMRA85T10A56NH", "omocodic 1"},
	// second variant: also 6→S at 14 (even 6 → 18): 149 % 26 = 19 → T
	{"RSSMRA85T10A5SNT", "omocodic 2"},
}

func TestParseValid(t *testing.T) {
	for _, tc := range handChecked {
		t.Run(tc.note, func(t *testing.T) {
			c, err := Parse(tc.code)
			require.NoError(t, err)
			assert.Equal(t, tc.code, c.String())
			assert.Equal(t, 16, c.Len())
			assert.False(t, c.IsProvisional())
			assert.NoError(t, Validate(tc.code))
		})
	}
}

func TestParseNormalises(t *testing.T) {
	for _, s := range []string{" rssmra85t10a562s ", "\tRSSMRA85T10A562S\n", "RssMra85t10A562s"} {
		c, err := Parse(s)
		require.NoError(t, err, s)
		assert.Equal(t, "RSSMRA85T10A562S", c.String())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in   string
		err  error
		pos  int
		code string
	}{
		{"", ErrLength, 0, "cf_length"},
		{"RSSMRA85T10A562", ErrLength, 0, "cf_length"},
		{"RSSMRA85T10A562SS", ErrLength, 0, "cf_length"},
		{"RSS MRA85T10A562S", ErrLength, 0, "cf_length"},
		{"RSSMRA85T10A562T", ErrCheckChar, 16, "cf_checksum"},
		{"RSSMRA85T10A526S", ErrCheckChar, 16, "cf_checksum"}, // transposition
		{"RSSMR485T10A562S", ErrCharacter, 6, "cf_character"},
		{"RSSMRA8XT10A562S", ErrCharacter, 8, "cf_character"}, // X is not an omocodic letter
		{"RSSMRA85T10A5A2S", ErrCharacter, 14, "cf_character"},
		{"RSSMRA85T105562S", ErrCharacter, 12, "cf_character"},
		{"RSSMRA85T10A5621", ErrCharacter, 16, "cf_character"},
		{"RSSMRA85Ä10A562", ErrCharacter, 9, "cf_character"}, // 16 bytes, non-ASCII
		{"RSSMRA85F10A562S", ErrMonth, 9, "cf_month"},
		{"RSSMRA85T32A562S", ErrDay, 10, "cf_day"},
		{"RSSMRA85T00A562S", ErrDay, 10, "cf_day"},
		{"RSSMRA85T72A562S", ErrDay, 10, "cf_day"},
		{"RSSMRA85B30A562S", ErrDay, 10, "cf_day"},
		{"RSSMRA85B29A562S", ErrDay, 10, "cf_day"}, // 85 is never a leap year
		{"RSSMRA85D31A562S", ErrDay, 10, "cf_day"}, // 31 April
		{"12345678904", ErrCheckChar, 11, "cf_checksum"},
		{"1234567890A", ErrCharacter, 11, "cf_character"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			c, err := Parse(tc.in)
			require.Error(t, err)
			assert.True(t, c.IsZero())
			assert.ErrorIs(t, err, tc.err)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, tc.pos, e.Pos)
			assert.Equal(t, tc.code, e.Code())
			assert.Equal(t, tc.code, ErrorCode(err))
			assert.NotEmpty(t, e.MessageIT())
			assert.NotEmpty(t, e.MessageEN())
			if len(tc.in) > 6 {
				assert.NotContains(t, err.Error(), tc.in)
				assert.NotContains(t, e.MessageIT(), tc.in)
			}
		})
	}
}

func TestLeapDay(t *testing.T) {
	// 29 February is accepted when the two-digit year may be a leap year.
	b := []byte("RSSMRA00B29A562?")
	b[15] = checkChar(b)
	_, err := Parse(string(b))
	require.NoError(t, err)
}

func TestProvisional(t *testing.T) {
	// 1+3+5+7+9 = 25; 2→4 4→8 6→3 8→7 0→0 = 22; 47 → check 3
	// 8+1+3+5+7 = 24; 0→0 2→4 4→8 6→3 8→7 = 22; 46 → check 4
	for _, s := range []string{"12345678903", "80123456784", "00000000000"} {
		c, err := Parse(s)
		require.NoError(t, err, s)
		assert.True(t, c.IsProvisional())
		assert.Equal(t, 11, c.Len())
		assert.Equal(t, s, c.String())
		assert.False(t, c.IsOmocodic())
		assert.Equal(t, c, c.Base())
		assert.Nil(t, Variants(c))
		assert.Equal(t, byte(0), c.Sex())
		assert.Empty(t, c.PlacePart())
	}
	assert.Equal(t, "123*******3", MustParse("12345678903").Masked())
}

func TestMaskedAndText(t *testing.T) {
	c := MustParse("RSSMRA85T10A562S")
	assert.Equal(t, "RSSMRA*********S", c.Masked())
	assert.Equal(t, "RSSMRA*********S", c.LogValue().String())
	b, err := c.MarshalText()
	require.NoError(t, err)
	var back Code
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, c, back)
	assert.Error(t, back.UnmarshalText([]byte("RSSMRA85T10A562X")))
	var zero Code
	assert.Equal(t, "", zero.String())
	assert.Equal(t, "", zero.Masked())
	assert.True(t, zero.IsZero())
}

func TestParts(t *testing.T) {
	c := MustParse("RSSMRAURTMLARSNL") // all seven digits replaced
	assert.Equal(t, "RSS", c.SurnamePart())
	assert.Equal(t, "MRA", c.NamePart())
	assert.Equal(t, "A562", c.PlacePart())
	assert.Equal(t, byte('M'), c.Sex())
	assert.Equal(t, byte('F'), MustParse("RSSMRA85T50A562W").Sex())
}

func TestOmocodia(t *testing.T) {
	base := MustParse("RSSMRA85T10A562S")
	assert.False(t, base.IsOmocodic())
	vs := Variants(base)
	require.Len(t, vs, 7)
	want := []string{
		"RSSMRA85T10A56NH", // position 15
		"RSSMRA85T10A5SNT", // 14, 15
		"RSSMRA85T10ARSN",  // 13, 14, 15 (check char below)
		"RSSMRA85T1LARSN",  // 11…
		"RSSMRA85TMLARSN",  // 10…
		"RSSMRA8RTMLARSN",  // 8…
		"RSSMRAURTMLARSN",  // 7…
	}
	for i, v := range vs {
		assert.Equal(t, want[i], v.String()[:len(want[i])], "variant %d", i+1)
		assert.True(t, v.IsOmocodic())
		assert.Equal(t, base, v.Base())
		again, err := Parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, again)
		assert.Equal(t, vs, Variants(v), "variants of a variant are the same list")
	}
	// A pattern the agency does not assign is still accepted.
	b := []byte("RSSMRAU5T1LA5S2?")
	b[15] = checkChar(b)
	c, err := Parse(string(b))
	require.NoError(t, err)
	assert.Equal(t, base, c.Base())
}

func TestAll128Patterns(t *testing.T) {
	base := MustParse("BNCGFR70A01F205R")
	for mask := 0; mask < 128; mask++ {
		b := []byte(base.String())
		for k, i := range omoPositions {
			if mask&(1<<k) != 0 {
				b[i] = omoLetters[b[i]-'0']
			}
		}
		b[15] = checkChar(b)
		c, err := Parse(string(b))
		require.NoError(t, err, string(b))
		assert.Equal(t, mask != 0, c.IsOmocodic())
		assert.Equal(t, base, c.Base())
	}
}

func TestErrorMessages(t *testing.T) {
	_, err := Parse("RSSMRA85T10A562T")
	assert.Equal(t, "carattere di controllo errato: il codice contiene un errore di battitura (posizione 16)", MessageIT(err))
	assert.Equal(t, "wrong check character: the code holds a typing error (position 16)", MessageEN(err))
	assert.Equal(t, "cf: wrong check character at position 16", err.Error())
	assert.Equal(t, "", ErrorCode(errors.New("other")))
}

func FuzzParse(f *testing.F) {
	for _, tc := range handChecked {
		f.Add(tc.code)
	}
	for _, s := range []string{"12345678903", "RSSMRA85T10A562T", "", "rssmra85t10a562s", "RSSMRA00B29A562X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			if ErrorCode(err) == "" {
				t.Fatalf("error without a code: %v", err)
			}
			return
		}
		again, err := Parse(c.String())
		if err != nil || again != c {
			t.Fatalf("valid code %q does not re-parse to itself: %v", c, err)
		}
		b := c.Base()
		if _, err := Parse(b.String()); err != nil || b.IsOmocodic() {
			t.Fatalf("Base %q of %q invalid: %v", b, c, err)
		}
		for _, v := range Variants(c) {
			if _, err := Parse(v.String()); err != nil || v.Base() != b {
				t.Fatalf("variant %q of %q invalid: %v", v, c, err)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"personal", "RSSMRA85T10A562S"},
		{"omocodic", "RSSMRAURTMLARSNL"},
		{"provisional", "12345678903"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(bc.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := Validate("RSSMRA85T10A562S"); err != nil {
			b.Fatal(err)
		}
	}
}
