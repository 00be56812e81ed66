package translit

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rossi", "ROSSI"},
		{"ROSSI", "ROSSI"},
		{"Müller", "MUELLER"},
		{"MÜLLER", "MUELLER"},
		{"Mu\u0308ller", "MUELLER"}, // decomposed umlaut composes first
		{"Schröder", "SCHROEDER"},
		{"Jäger", "JAEGER"},
		{"Strauß", "STRAUSS"},
		{"Ørsted", "OERSTED"},
		{"Ångström", "AANGSTROEM"},
		{"Æsir", "AESIR"},
		{"Œuvre", "OEUVRE"},
		{"Đorđević", "DORDEVIC"},
		{"Þórr", "THORR"},
		{"Łukasz Wałęsa", "LUKASZ WALESA"},
		{"Ħaġar", "HAGAR"},
		{"İbrahim Yıldız", "IBRAHIM YILDIZ"},
		{"Ọkọnkwọ", "OKONKWO"},
		{"Nguyễn Văn Thắng", "NGUYEN VAN THANG"},
		{"François", "FRANCOIS"},
		{"Peña Núñez", "PENA NUNEZ"},
		{"Ştefănescu", "STEFANESCU"},
		{"Dvořák", "DVORAK"},
		{"NICOLÒ", "NICOLO'"},
		{"Niccolò", "NICCOLO'"},
		{"Nicolo\u0300", "NICOLO'"}, // decomposed grave accent
		{"Nicolò Maria", "NICOLO' MARIA"},
		{"Nicolò-Maria", "NICOLO'-MARIA"},
		{"Fortunè", "FORTUNE'"},
		{"José", "JOSE'"},
		{"Pèrsico", "PERSICO"}, // inside a word the accent is dropped
		{"Ö", "OE"},            // umlaut at the end is not an Italian accent
		{"Mamadou Ọ̀kẹ́", "MAMADOU OKE'"},
		{"NICOLO'", "NICOLO'"},
		{"Nicolò'", "NICOLO'"}, // no double apostrophe
		{"D’Angelo", "D'ANGELO"},
		{"D‘Angelo", "D'ANGELO"},
		{"D`Angelo", "D'ANGELO"},
		{"D´Angelo", "D'ANGELO"},
		{"  De   la\tCruz  ", "DE LA CRUZ"},
		{"Anne\u00a0Marie", "ANNE MARIE"},
		{"Jean–Luc", "JEAN-LUC"},
		{"ﬁlippo", "FILIPPO"},
		{"", ""},
		{"   ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := Name(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			again, err := Name(got)
			require.NoError(t, err)
			assert.Equal(t, got, again, "idempotent")
		})
	}
}

func TestNameErrors(t *testing.T) {
	tests := []struct {
		in     string
		r      rune
		offset int
	}{
		{"Иванов", 'И', 0},
		{"Ivan Иванов", 'И', 5},
		{"محمد", 'م', 0},
		{"王", '王', 0},
		{"Λάμπρος", 'Λ', 0},
		{"Rossi2", '2', 5},
		{"Rossi.", '.', 5},
		{"Rossi?", '?', 5},
		{"Ro\xffssi", utf8.RuneError, 2},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := Name(tc.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrUntransliterable)
			var te *Error
			require.True(t, errors.As(err, &te))
			assert.Equal(t, tc.r, te.Rune)
			assert.Equal(t, tc.offset, te.Offset)
			if utf8.RuneCountInString(tc.in) > 1 {
				assert.NotContains(t, err.Error(), tc.in, "the whole name must not be printed")
			}
			assert.Contains(t, te.MessageIT(), "passaporto")
			assert.NotEmpty(t, te.MessageEN())
		})
	}
}

func TestNameNoAllocWhenCanonical(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = Name("MARIO ROSSI D'ANGELO-BIANCHI")
	})
	assert.Zero(t, allocs)
}

func TestLetters(t *testing.T) {
	assert.Equal(t, "DANGELO", Letters("D'ANGELO"))
	assert.Equal(t, "DELACRUZ", Letters("DE LA CRUZ"))
	assert.Equal(t, "NICOLO", Letters("NICOLO'"))
	assert.Equal(t, "ROSSI", Letters("ROSSI"))
	assert.Equal(t, "ABC", Letters("a-b c"))
	assert.Equal(t, "", Letters(""))
}

func allowed(s string) bool {
	return strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ '-") == ""
}

func FuzzName(f *testing.F) {
	for _, s := range []string{"Müller", "NICOLÒ", "Ọkọnkwọ", "D’Angelo", "  a  b ", "Иван", "Nicolò'", "ǅ", "A\u0300\u0301 ", "-È-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Name(s)
		if err != nil {
			if !errors.Is(err, ErrUntransliterable) {
				t.Fatalf("error does not wrap ErrUntransliterable: %v", err)
			}
			return
		}
		if !allowed(got) {
			t.Fatalf("Name(%q) = %q holds a character outside A-Z ' -", s, got)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Fatalf("Name(%q) = %q: spaces not collapsed", s, got)
		}
		again, err := Name(got)
		if err != nil || again != got {
			t.Fatalf("not idempotent: Name(%q) = %q, Name(that) = %q, %v", s, got, again, err)
		}
	})
}

func BenchmarkName(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"canonical", "MARIO ROSSI"},
		{"ascii", "Mario Rossi"},
		{"diacritics", "Ọkọnkwọ Müller Niccolò"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Name(bc.in)
			}
		})
	}
}

func TestAppendName(t *testing.T) {
	buf := []byte("X:")
	out, err := AppendName(buf, "Niccolò  Müller")
	require.NoError(t, err)
	assert.Equal(t, "X:NICCOLO' MUELLER", string(out))
	out, err = AppendName([]byte("X:"), "Ivan Иванов")
	assert.ErrorIs(t, err, ErrUntransliterable)
	assert.Equal(t, "X:", string(out))
	var stack [64]byte
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = AppendName(stack[:0], "Ọkọnkwọ Niccolò Müller")
	})
	assert.Zero(t, allocs)
}
