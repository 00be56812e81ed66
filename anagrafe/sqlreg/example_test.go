package sqlreg_test

import (
	"context"
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// Open a register database, create the schema, load persons and query it.
// A file path (sqlite:/var/lib/anagrafe.db) or a postgres:// URL works the
// same way with Options{Writable: true}; without it Open only reads an
// existing register.
func ExampleOpen() {
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite::memory:", sqlreg.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer src.Close()
	if err := sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()); err != nil {
		fmt.Println(err)
		return
	}
	if err := src.Insert(ctx, anagrafetest.Persons()...); err != nil {
		fmt.Println(err)
		return
	}
	q := anagrafe.MissingResidenceDeclaration().At(anagrafetest.RefDate)
	for rec, err := range anagrafe.Search(ctx, src, q) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rec.Person.ID, "renewed on", rec.Person.Permit.RenewedOn)
	}
	n, _ := anagrafe.Count(ctx, src, anagrafe.All())
	fmt.Println(n, "persons")
	// Output:
	// P002 renewed on 2026-04-15
	// P010 renewed on 2026-03-01
	// 12 persons
}
