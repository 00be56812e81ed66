package csvadapter_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/csvadapter"
)

// Load detects the separator and the encoding; bad rows are reported with
// their line and column and do not stop the others.
func ExampleLoad() {
	extract := "id;cognome;nome;sesso;data_nascita;cittadinanze;famiglia_id;relazione_parentela\n" +
		"10;Diallo;Fatou;F;1991-07-02;450;F1;1\n" +
		"11;Diallo;Ibrahima;X;2019-03-03;450;F1;3\n" +
		"12;Diallo;Awa;F;2021-09-09;450;F1;3\n"
	src, err := csvadapter.Load(strings.NewReader(extract), csvadapter.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("separator %q, %s, %d persons\n", src.Comma(), src.Encoding(), src.Len())
	for rec, err := range src.Persons(context.Background()) {
		var re *anagrafe.RecordError
		if errors.As(err, &re) {
			fmt.Println("line", re.Line, "person", re.PersonID, "column", re.Field, re.Reason)
			continue
		}
		fmt.Println(rec.Person.ID, rec.Person.Name, len(rec.Family.Members), "in household")
	}
	// Output:
	// separator ';', UTF-8, 2 persons
	// line 3 person 11 column sesso bad_value
	// 10 Fatou 2 in household
	// 12 Awa 2 in household
}

// A spreadsheet saved as Windows-1252 ("ANSI") writes '?' for the letters
// that encoding lacks; such rows are read, and every lost letter is a
// warning naming line, person and column (never the value). Dates may be
// written the Italian way, day first.
func ExampleSource_Warnings() {
	extract := "id;cognome;nome;data_nascita\n" +
		"20;?UKI?;MARKO;18/12/1996\n" +
		"21;POPESCU;ION;1/2/1990\n"
	src, err := csvadapter.Load(strings.NewReader(extract), csvadapter.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range src.Warnings() {
		fmt.Println("line", w.Line, "person", w.PersonID, "column", w.Field, w.Code)
	}
	rec, _ := src.Person(context.Background(), "21")
	fmt.Println(rec.Person.BirthDate)
	// Output:
	// line 2 person 20 column cognome csv_lost_letter
	// 1990-02-01
}
