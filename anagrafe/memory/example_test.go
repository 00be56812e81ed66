package memory_test

import (
	"context"
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
	"github.com/retecomuni/eli2sdk/eli2"
)

// FromPersons groups persons into households by FamilyID.
func ExampleFromPersons() {
	src := memory.FromPersons(
		anagrafe.Person{ID: "2", Surname: "Rossi", Name: "Bea", Sex: eli2.Femmina, FamilyID: "F", Relation: anagrafe.RelChild},
		anagrafe.Person{ID: "1", Surname: "Rossi", Name: "Anna", Sex: eli2.Femmina, FamilyID: "F", Relation: anagrafe.RelHead},
	)
	rec, err := src.Person(context.Background(), "2")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range rec.Family.Members {
		fmt.Println(m.ID, m.Name, m.Relation)
	}
	// Output:
	// 1 Anna 1
	// 2 Bea 3
}
