package eli2_test

import (
	"fmt"
	"os"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// Validate returns every problem of an application with a stable code and
// a path in the record model.
func ExampleValidate() {
	p := eli2test.RinnovoFamiglia()
	p.Domicilio.CAP = "6012"                    // four digits
	p.Richiesta.Tipologia = 12                  // a duplicate's kit code on a renewal
	p.Richiedente.Cognome = "Müller"            // not yet transliterated
	p.Richiedente.CodiceFiscale = ""            // optional: nothing to compare
	p.Richiedente.LuogoNascita.StatoEstero = "" // no birth place at all

	problems := eli2.Validate(&p, eli2.ValidateOptions{On: eli2test.FileDay})
	for _, pr := range problems {
		fmt.Println(pr.Path, pr.Code, pr.Severity == eli2.SeverityError)
	}
	fmt.Println(problems.HasErrors())
	// Output:
	// Richiesta.TipoRichiesta kit_operation_mismatch true
	// Richiedente.Cognome name_charset true
	// Richiedente.LuogoNascita birth_place_missing true
	// Domicilio.CAP cap_format true
	// true
}

// Messages are in Italian by default, in English on request; names and
// codici fiscali are masked unless ShowPersonalData is set.
func ExampleValidate_messages() {
	p := eli2test.RinnovoFamiglia()
	p.Richiedente.Cognome = "Müller"
	p.Richiedente.CodiceFiscale = ""
	for _, lang := range []string{"it", "en"} {
		for _, pr := range eli2.Validate(&p, eli2.ValidateOptions{On: eli2test.FileDay, Lang: lang}) {
			fmt.Println(pr.Message)
		}
	}
	// Output:
	// Cognome contiene caratteri non ammessi (solo lettere A-Z maiuscole, spazio, apostrofo, trattino); forma suggerita: M.
	// Cognome has characters outside upper-case A-Z, space, apostrophe, hyphen; suggested form: M.
}

// ChildMaxAge changes the age limit of the children section (14 in
// Modulo 1; l. 122/2016 did not raise it, it gave each child an individual
// permit). Policy.ChildMaxAge is the same value.
func ExampleValidateOptions_childMaxAge() {
	p := eli2test.RinnovoFamiglia()
	p.Familiari[1].DataNascita = eli2.PartialDate{Year: 2010, Month: 5}
	for _, maxAge := range []int{0, 18} {
		for _, pr := range eli2.Validate(&p, eli2.ValidateOptions{On: eli2test.FileDay, ChildMaxAge: maxAge}) {
			fmt.Println(maxAge, pr.Path, pr.Code)
		}
	}
	// Output:
	// 0 Familiari[1].CodiceFiscale cf_mismatch
	// 0 Familiari[1].DataNascita child_too_old
	// 18 Familiari[1].CodiceFiscale cf_mismatch
}

// ValidateStream checks a file of any size one application at a time.
func ExampleValidateStream() {
	f, err := os.Open("../testdata/eli2/invalid/id_duplicato.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	file, n, err := eli2.ValidateStream(f, eli2.ValidateOptions{}, func(pp eli2.PraticaProblems) {
		for _, p := range pp.Problems {
			fmt.Println(pp.ID, p.Path, p.Code)
		}
	})
	fmt.Println(len(file), n, err != nil)
	// Output:
	// P002 Domicilio.CAP cap_format
	// P002 ID duplicate_id
	// 0 3 true
}

// A FileValidator works with a Decoder, or with applications built in
// memory, keeping only the ids seen.
func ExampleFileValidator() {
	h := eli2test.Header("D612", "048017", 2)
	v := eli2.NewFileValidator(h, eli2.ValidateOptions{})
	fmt.Println(v.Options().On == codes.DateOf(h.DataCreazione), len(v.Header()))
	a, b := eli2test.RilascioConVisto(), eli2test.RilascioConVisto()
	fmt.Println(len(v.Pratica(&a)))
	for _, p := range v.Pratica(&b) {
		fmt.Println(p.Path, p.Code)
	}
	fmt.Println(len(v.Finish()))
	// Output:
	// true 0
	// 0
	// ID duplicate_id
	// 0
}

// Normalize writes every name as the passport does, as a mapper does
// before validation: never an apostrophe for an accent.
func ExampleNormalize() {
	p := eli2test.RinnovoFamiglia()
	p.Richiedente.Cognome = "Müller-Lüdenscheidt"
	p.Familiari[0].Nome = "Nicolò"
	fmt.Println(eli2.Normalize(&p), p.Richiedente.Cognome, p.Familiari[0].Nome)
	p.Familiari[1].Nome = "Ольга"
	fmt.Println(eli2.Normalize(&p))
	// Output:
	// <nil> MUELLER-LUEDENSCHEIDT NICOLO
	// eli2: Familiari[1].Nome: character 'О' (U+041E) cannot be transliterated
}

// Policy holds the time rules; a zero field keeps the law's default.
func ExampleValidateOptions_policy() {
	p := eli2test.RinnovoFamiglia() // permit expiring 2026-06-02, file of 2026-03-15
	for _, notice := range []string{"60d", "3m"} {
		period, _ := eli2.ParsePeriod(notice)
		opts := eli2.ValidateOptions{On: eli2test.FileDay, Policy: eli2.Policy{RenewalNotice: period}}
		fmt.Println(notice, len(eli2.Validate(&p, opts)))
	}
	fmt.Println(eli2.DefaultPolicy().RegisterReview)
	// Output:
	// 60d 0
	// 3m 1
	// 6m
}

// Rules is the catalogue of every problem code with its severity and
// source, as `eli2 validate --rules` prints it.
func ExampleRules() {
	for _, r := range eli2.Rules() {
		if r.Code == eli2.CodeRenewalLate || r.Code == eli2.CodeQuesturaMismatch {
			fmt.Println(r.Code, r.Severity == eli2.SeverityWarning, r.Source[:24])
		}
	}
	// Output:
	// questura_mismatch false art. 5 c.4 d.lgs. 286/19
	// renewal_late true art. 5 c.4 d.lgs. 286/19
}
