package cf_test

import (
	"errors"
	"fmt"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
)

func ExampleParse() {
	c, err := cf.Parse("rssmra85t10a562s")
	fmt.Println(c.Masked(), err)

	_, err = cf.Parse("RSSMRA85T10A562T")
	fmt.Println(errors.Is(err, cf.ErrCheckChar), cf.ErrorCode(err))
	fmt.Println(cf.MessageIT(err))
	// Output:
	// RSSMRA*********S <nil>
	// true cf_checksum
	// carattere di controllo errato: il codice contiene un errore di battitura (posizione 16)
}

func ExampleParse_provisional() {
	c, err := cf.Parse("12345678903")
	fmt.Println(c.IsProvisional(), err)
	// Output: true <nil>
}

func ExampleCompute() {
	c, err := cf.Compute(cf.Person{
		Surname:   "Rossi",
		Name:      "Mario",
		Sex:       'M',
		Birth:     codes.NewDate(1985, 12, 10),
		PlaceCode: "A562",
	})
	fmt.Println(c, err)
	// Output: RSSMRA85T10A562S <nil>
}

func ExampleDecode() {
	c := cf.MustParse("RSSMRA85T10A56NH") // omocodic
	d, err := cf.Decode(c, codes.Default(), cf.WithReference(codes.NewDate(2026, 1, 1)))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Omocodic, d.Base, string(d.Sex), d.Birth)
	fmt.Println(d.Place.Kind, d.Place.Belfiore(), d.Place.Istat(), d.Place)
	// Output:
	// true RSSMRA85T10A562S M 1985-12-10
	// comune A562 050031 SAN GIULIANO TERME (PI)
}

func ExampleVariants() {
	for _, v := range cf.Variants(cf.MustParse("RSSMRA85T10A562S"))[:3] {
		fmt.Println(v)
	}
	// Output:
	// RSSMRA85T10A56NH
	// RSSMRA85T10A5SNT
	// RSSMRA85T10ARSNO
}

func ExampleCheck() {
	c := cf.MustParse("RSSMRA85T10Z118N")                                            // born in Yugoslavia
	p := cf.PersonData{Surname: "Rossi", Name: "Mario", Sex: 'M', BirthState: "250"} // Croazia
	p.SetBirth(codes.NewDate(1985, 12, 10))
	fmt.Println(len(cf.Check(c, p, nil)))

	p.Name = "Marco"
	for _, m := range cf.Check(c, p, nil) {
		fmt.Println(m)
	}
	// Output:
	// 0
	// nome: dai dati M**, nel codice M**
}

func ExampleResolvePlace() {
	_, err := cf.ResolvePlace(codes.Default(), "Vignola", "", codes.NewDate(1925, 1, 1))
	var amb *cf.AmbiguousPlaceError
	if errors.As(err, &amb) {
		fmt.Println(len(amb.Candidates), "candidates")
	}
	p, _ := cf.ResolvePlace(codes.Default(), "Vignola", "MO", codes.NewDate(1925, 1, 1))
	fmt.Println(p.Belfiore(), p)
	// Output:
	// 2 candidates
	// L885 VIGNOLA (MO)
}

func ExampleDecode_unknownPlace() {
	// Z113 (Gibilterra) is a real territory code that ANPR's table lacks:
	// the code is valid and its place unknown.
	d, err := cf.Decode(cf.MustParse("RSSMRA80E05Z113C"), codes.Default(), cf.WithReference(codes.NewDate(2026, 1, 1)))
	fmt.Println(err, d.Birth, d.Place, cf.ErrorCode(d.PlaceError))
	// Output: <nil> 1980-05-05 luogo sconosciuto (Z113) cf_place_unknown
}
