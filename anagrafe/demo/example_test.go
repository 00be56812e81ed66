package demo_test

import (
	"context"
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
)

// Generate streams synthetic persons to any Writer; the same seed always
// gives the same register.
func ExampleGenerate() {
	var first *anagrafe.Person
	st, err := demo.Generate(context.Background(), demo.WriterFunc(func(p *anagrafe.Person) error {
		if first == nil {
			c := p.Clone()
			first = &c
		}
		return nil
	}), demo.Options{Persons: 100, Seed: 1, On: 20260615})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Persons, first.ID, first.Relation == anagrafe.RelHead)
	// Output: 100 P0000018 true
}
