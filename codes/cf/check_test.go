package cf

import (
	"errors"
	"testing"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mario() PersonData {
	p := PersonData{Surname: "Rossi", Name: "Mario", Sex: 'M', BirthComune: "A562"}
	p.SetBirth(codes.NewDate(1985, 12, 10))
	return p
}

func TestCheckConsistent(t *testing.T) {
	tab := codes.Default()
	for _, code := range []string{"RSSMRA85T10A562S", "RSSMRA85T10A56NH", "RSSMRAURTMLARSNL"} {
		assert.Empty(t, Check(MustParse(code), mario(), tab), code)
	}
	// partial data: only known parts are compared
	assert.Empty(t, Check(MustParse("RSSMRA85T10A562S"), PersonData{BirthYear: 1985}, nil))
	assert.Empty(t, Check(MustParse("RSSMRA85T10A562S"), PersonData{BirthYear: 1985, BirthMonth: 12}, nil))
	assert.Empty(t, Check(MustParse("RSSMRA85T10A562S"), PersonData{Sex: 'm'}, nil))
	assert.Empty(t, Check(MustParse("RSSMRA85T10A562S"), PersonData{}, nil))
	// provisional codes hold no data
	assert.Empty(t, Check(MustParse("12345678903"), mario(), tab))
	// a name that cannot be transliterated is not compared
	p := mario()
	p.Name = "Марио"
	assert.Empty(t, Check(MustParse("RSSMRA85T10A562S"), p, tab))
}

func TestCheckMismatches(t *testing.T) {
	p := PersonData{Surname: "Russo", Name: "Marco", Sex: 'F', BirthComune: "H501"}
	p.SetBirth(codes.NewDate(1985, 12, 11))
	got := Check(MustParse("RSSMRA85T10A562S"), p, codes.Default())
	want := []Mismatch{
		{FieldNome, "MRC", "MRA"},
		{FieldSesso, "F", "M"},
		{FieldDataNascita, "1985-12-11", "1985-12-10"},
		{FieldLuogoNascita, "H501", "A562"},
	}
	assert.Equal(t, want, got) // Russo → RSS: the surname agrees
	assert.Equal(t, "nome: dai dati M**, nel codice M**", got[0].String())
	assert.Equal(t, "data di nascita: dai dati 1*********, nel codice 1*********", got[2].String())

	got = Check(MustParse("RSSMRA85T10A562S"), PersonData{BirthYear: 1986}, nil)
	assert.Equal(t, []Mismatch{{FieldDataNascita, "1986", "1985-12-10"}}, got)
	got = Check(MustParse("RSSMRA85T10A562S"), PersonData{BirthMonth: 11}, nil)
	assert.Equal(t, []Mismatch{{FieldDataNascita, "????-11", "??85-12-10"}}, got)
}

func TestCheckStates(t *testing.T) {
	tab := codes.Default()
	yu := withCheck("RSSMRA85T10Z118")
	hr := withCheck("RSSMRA85T10Z149")
	for _, tc := range []struct {
		code  Code
		state string
		ok    bool
	}{
		{yu, "250", true},  // Croazia is a successor of Jugoslavia
		{yu, "251", true},  // Slovenia
		{yu, "215", false}, // Francia is not
		{hr, "250", true},
		{hr, "251", false},
		{MustParse("RSSMRA85T10A562S"), "250", false}, // a comune is not a state
	} {
		got := Check(tc.code, PersonData{BirthState: tc.state}, tab)
		if tc.ok {
			assert.Empty(t, got, "%s %s", tc.code.PlacePart(), tc.state)
		} else {
			require.Len(t, got, 1, "%s %s", tc.code.PlacePart(), tc.state)
			assert.Equal(t, FieldLuogoNascita, got[0].Field)
		}
	}
	// a comune in the data and a state in the code
	got := Check(hr, PersonData{BirthComune: "A562"}, tab)
	assert.Equal(t, []Mismatch{{FieldLuogoNascita, "A562", "Z149"}}, got)
}

func TestResolvePlace(t *testing.T) {
	tab := codes.Default()
	d1925, d1985 := codes.NewDate(1925, 1, 1), codes.NewDate(1985, 12, 10)
	tests := []struct {
		place, prov string
		on          codes.Date
		kind        PlaceKind
		belfiore    string
	}{
		{"San Giuliano Terme", "", d1985, PlaceComune, "A562"},
		{"san giuliano terme", "PI", d1985, PlaceComune, "A562"},
		{"Bagni San Giuliano", "", codes.NewDate(1900, 1, 1), PlaceComune, "A562"},
		{"Vignola", "MO", d1925, PlaceComune, "L885"},
		{"Vignola", "", d1985, PlaceComune, "L885"},
		{"A562", "", d1985, PlaceComune, "A562"},
		{"a562", "", 0, PlaceComune, "A562"},
		{"050031", "", d1985, PlaceComune, "A562"},
		{"z118", "", d1985, PlaceState, "Z118"},
		{"250", "", d1985, PlaceState, "Z149"},
		{"Croazia", "", d1985, PlaceState, "Z149"},
		{"Paternò", "CT", d1985, PlaceComune, "G371"}, // PATERNO (PZ) also matches without the province
	}
	for _, tc := range tests {
		t.Run(tc.place, func(t *testing.T) {
			p, err := ResolvePlace(tab, tc.place, tc.prov, tc.on)
			require.NoError(t, err)
			assert.Equal(t, tc.kind, p.Kind)
			assert.Equal(t, tc.belfiore, p.Belfiore())
		})
	}
}

func TestResolvePlaceErrors(t *testing.T) {
	tab := codes.Default()
	_, err := ResolvePlace(tab, "Vignola", "", codes.NewDate(1925, 1, 1))
	var amb *AmbiguousPlaceError
	require.True(t, errors.As(err, &amb))
	assert.ErrorIs(t, err, ErrAmbiguousPlace)
	require.Len(t, amb.Candidates, 2)
	var got []string
	for _, c := range amb.Candidates {
		got = append(got, c.Belfiore()+" "+c.Province())
	}
	assert.ElementsMatch(t, []string{"L884 TN", "L885 MO"}, got)
	assert.Equal(t, "cf_place_ambiguous", ErrorCode(err))
	assert.Contains(t, MessageIT(err), "VIGNOLA (MO)")

	for _, s := range []string{"Atlantide", "Y999", "Z999", "999999"} {
		_, err = ResolvePlace(tab, s, "", codes.NewDate(1985, 1, 1))
		assert.ErrorIs(t, err, ErrUnknownPlace, s)
	}
	_, err = ResolvePlace(tab, "Vignola", "PI", codes.NewDate(1985, 1, 1))
	assert.ErrorIs(t, err, ErrUnknownPlace)
	_, err = ResolvePlace(nil, "Pisa", "", 0)
	assert.ErrorIs(t, err, ErrNoTables)
}

// FuzzComputeDecode checks that Decode gives back what Compute encoded and
// that Check finds the code consistent with its data.
func FuzzComputeDecode(f *testing.F) {
	f.Add("Rossi", "Mario", true, uint16(20000), uint8(0))
	f.Add("Müller", "Niccolò", false, uint16(100), uint8(1))
	f.Add("D'Angelo", "Ọkọnkwọ", true, uint16(36000), uint8(2))
	places := []string{"A562", "F205", "Z149", "Z210"}
	f.Fuzz(func(t *testing.T, surname, name string, male bool, days uint16, place uint8) {
		// births within the last century, when all the places above existed
		birth := ref.AddDays(-int(days % 36500))
		if birth < codes.NewDate(1936, 1, 1) {
			return
		}
		sex := byte('F')
		if male {
			sex = 'M'
		}
		pc := places[int(place)%len(places)]
		c, err := Compute(Person{surname, name, sex, birth, pc})
		if err != nil {
			if ErrorCode(err) == "" {
				t.Fatalf("error without a code: %v", err)
			}
			return
		}
		again, err := Parse(c.String())
		if err != nil || again != c {
			t.Fatalf("computed code %q does not parse: %v", c, err)
		}
		d, err := Decode(c, nil, WithReference(ref))
		if err != nil {
			t.Fatalf("decode %q: %v", c, err)
		}
		if d.Birth != birth || d.Sex != sex || d.Place.Belfiore() != pc || d.PlaceNotValidOnDate {
			t.Fatalf("decode %q = %v %c %s, want %v %c %s", c, d.Birth, d.Sex, d.Place.Belfiore(), birth, sex, pc)
		}
		p := PersonData{Surname: surname, Name: name, Sex: sex}
		p.SetBirth(birth)
		if pc[0] == 'Z' {
			p.BirthState = d.Place.Istat()
		} else {
			p.BirthComune = pc
		}
		if m := Check(c, p, nil); len(m) > 0 {
			t.Fatalf("Check finds %v", m)
		}
	})
}
