package cf

import (
	"errors"
	"testing"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/translit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompute(t *testing.T) {
	tests := []struct {
		p    Person
		want string
	}{
		{Person{"Rossi", "Mario", 'M', codes.NewDate(1985, 12, 10), "A562"}, "RSSMRA85T10A562S"},
		{Person{"ROSSI", "MARIA", 'F', codes.NewDate(1985, 12, 10), "a562"}, "RSSMRA85T50A562W"},
		{Person{"Bianchi", "Gianfranco", 'M', codes.NewDate(1970, 1, 1), "F205"}, "BNCGFR70A01F205R"},
		{Person{"Fo", "Li", 'f', codes.NewDate(2001, 2, 28), "Z210"}, "FOXLIX01B68Z210I"},
		{Person{"Müller", "Niccolò", 'M', codes.NewDate(1990, 7, 4), "H501"}, "MLLNCL90L04H501M"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			c, err := Compute(tc.p)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.String())
		})
	}
}

func TestEncodeName(t *testing.T) {
	tests := []struct {
		in      string
		surname string
		name    string
	}{
		{"Rossi", "RSS", "RSS"},
		{"Gianfranco", "GNF", "GFR"}, // name: 1st, 3rd, 4th consonant
		{"Alberto", "LBR", "LRT"},
		{"Luca", "LCU", "LCU"},
		{"Ida", "DIA", "DIA"},
		{"Fo", "FOX", "FOX"},
		{"Li", "LIX", "LIX"},
		{"O", "OXX", "OXX"},
		{"D'Angelo", "DNG", "DGL"},
		{"De la Cruz", "DLC", "DCR"},
		{"Müller", "MLL", "MLR"}, // MUELLER
		{"Niccolò", "NCC", "NCL"},
		{"Ọkọnkwọ", "KNK", "KKW"},
		{"Maria Grazia", "MRG", "MGR"},
		{"Aeiou", "AEI", "AEI"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var s, n [3]byte
			require.NoError(t, encodeName(s[:], tc.in, false))
			require.NoError(t, encodeName(n[:], tc.in, true))
			assert.Equal(t, tc.surname, string(s[:]), "surname")
			assert.Equal(t, tc.name, string(n[:]), "name")
		})
	}
}

func TestComputeErrors(t *testing.T) {
	ok := Person{"Rossi", "Mario", 'M', codes.NewDate(1985, 12, 10), "A562"}
	tests := []struct {
		name  string
		edit  func(*Person)
		err   error
		field string
	}{
		{"cyrillic surname", func(p *Person) { p.Surname = "Иванов" }, ErrName, FieldCognome},
		{"empty name", func(p *Person) { p.Name = " " }, ErrName, FieldNome},
		{"sex", func(p *Person) { p.Sex = 'X' }, ErrSex, FieldSesso},
		{"no date", func(p *Person) { p.Birth = 0 }, ErrBirthDate, FieldDataNascita},
		{"bad date", func(p *Person) { p.Birth = codes.NewDate(1985, 2, 30) }, ErrBirthDate, FieldDataNascita},
		{"place name", func(p *Person) { p.PlaceCode = "Pisa" }, ErrPlaceCode, FieldLuogoNascita},
		{"place empty", func(p *Person) { p.PlaceCode = "" }, ErrPlaceCode, FieldLuogoNascita},
		{"place digits", func(p *Person) { p.PlaceCode = "1562" }, ErrPlaceCode, FieldLuogoNascita},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := ok
			tc.edit(&p)
			_, err := Compute(p)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.err)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, tc.field, e.Field)
			assert.NotContains(t, err.Error(), "Rossi")
			assert.NotContains(t, err.Error(), "Mario")
		})
	}
	_, err := Compute(Person{"Иванов", "Ivan", 'M', codes.NewDate(1985, 12, 10), "Z154"})
	assert.ErrorIs(t, err, translit.ErrUntransliterable)
	assert.Contains(t, MessageIT(err), "passaporto")
}

func BenchmarkCompute(b *testing.B) {
	for _, bc := range []struct {
		name string
		p    Person
	}{
		{"upper", Person{"ROSSI", "MARIO", 'M', codes.NewDate(1985, 12, 10), "A562"}},
		{"mixed", Person{"Rossi", "Mario", 'M', codes.NewDate(1985, 12, 10), "A562"}},
		{"diacritics", Person{"Müller", "Niccolò", 'M', codes.NewDate(1990, 7, 4), "H501"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compute(bc.p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestComputeNoAlloc(t *testing.T) {
	p := Person{"Müller", "Niccolò", 'M', codes.NewDate(1990, 7, 4), "H501"}
	allocs := testing.AllocsPerRun(100, func() { _, _ = Compute(p) })
	assert.Zero(t, allocs)
}
