package translit_test

import (
	"errors"
	"fmt"

	"github.com/retecomuni/eli2sdk/codes/translit"
)

func ExampleName() {
	for _, s := range []string{"Müller", "Niccolò", "Ọkọnkwọ", "D’Angelo", "Łukasz"} {
		n, _ := translit.Name(s)
		fmt.Println(n)
	}
	_, err := translit.Name("Иванов")
	fmt.Println(errors.Is(err, translit.ErrUntransliterable))
	// Output:
	// MUELLER
	// NICCOLO'
	// OKONKWO
	// D'ANGELO
	// LUKASZ
	// true
}

func ExampleLetters() {
	n, _ := translit.Name("D’Angelo Nicolò")
	fmt.Println(translit.Letters(n))
	// Output: DANGELONICOLO
}

func ExamplePassport() {
	for _, s := range []string{"José María", "Nicolò", "NICOLO'", "D’Angelo", "Müller", "Ørsted", "Muñoz", "TIRANË"} {
		p, _ := translit.Passport(s)
		fmt.Println(p)
	}
	// Output:
	// JOSE MARIA
	// NICOLO
	// NICOLO
	// D'ANGELO
	// MUELLER
	// OERSTED
	// MUNOZ
	// TIRANE
}
