// Command codice_fiscale computes an Italian tax code from personal data,
// decodes it back (sex, birth date, birthplace resolved as of the birth
// date) and checks a code against the data, reporting each disagreement.
//
//	go run ./examples/codice_fiscale -surname Müller -name Jürgen -sex M -birth 1980-05-12 -place "Firenze"
//	go run ./examples/codice_fiscale -check HRVVNI85A01Z118X -surname Horvat -name Ivan -sex M -birth 1985-01-01 -state 250
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
)

func main() {
	surname := flag.String("surname", "", "surname as on the passport")
	name := flag.String("name", "", "given names")
	sex := flag.String("sex", "M", "M or F")
	birth := flag.String("birth", "", "birth date YYYY-MM-DD")
	place := flag.String("place", "", "birthplace: comune or state name, or Belfiore code")
	province := flag.String("province", "", "province sigla to tell homonymous comuni apart")
	state := flag.String("state", "", "ISTAT code of the birth state, as a register holds it (for -check)")
	check := flag.String("check", "", "a tax code to check against the data instead of computing one")
	flag.Parse()
	if err := run(*surname, *name, *sex, *birth, *place, *province, *state, *check); err != nil {
		fmt.Fprintln(os.Stderr, "codice_fiscale:", err)
		os.Exit(1)
	}
}

func run(surname, name, sex, birth, place, province, state, check string) error {
	t := codes.Default()
	d, err := codes.ParseDate(birth)
	if err != nil {
		return err
	}
	if len(sex) != 1 {
		return fmt.Errorf("sex must be M or F")
	}
	if check != "" {
		c, err := cf.Parse(check)
		if err != nil {
			return fmt.Errorf("%s", cf.MessageEN(err))
		}
		data := cf.PersonData{Surname: surname, Name: name, Sex: sex[0], BirthState: state}
		data.SetBirth(d)
		if state == "" && place != "" {
			p, err := cf.ResolvePlace(t, place, province, d)
			if err != nil {
				return err
			}
			data.BirthComune = p.Belfiore()
		}
		ms := cf.Check(c, data, t)
		if len(ms) == 0 {
			fmt.Println("consistent")
		}
		for _, m := range ms {
			fmt.Printf("mismatch %s: %s\n", m.Field, m)
		}
		return nil
	}
	p, err := cf.ResolvePlace(t, place, province, d)
	if err != nil {
		return err
	}
	c, err := cf.Compute(cf.Person{Surname: surname, Name: name, Sex: sex[0], Birth: d, PlaceCode: p.Belfiore()})
	if err != nil {
		return fmt.Errorf("%s", cf.MessageEN(err))
	}
	fmt.Println("code:", c.String())
	dec, err := cf.Decode(c, t)
	if err != nil {
		return err
	}
	fmt.Printf("decoded: sex %c, born %s in %s\n", dec.Sex, dec.Birth, dec.Place)
	if vs := cf.Variants(c); len(vs) > 0 {
		fmt.Println("first omocodic variant:", vs[0].String())
	}
	return nil
}
