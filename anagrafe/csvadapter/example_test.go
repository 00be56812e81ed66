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
