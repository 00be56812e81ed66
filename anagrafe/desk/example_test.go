package desk_test

import (
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// ExampleFees estimates what a 24-month renewal for lavoro subordinato
// costs at the post office.
func ExampleFees() {
	p := &eli2.Pratica{
		Richiesta:   eli2.Richiesta{TipoRichiesta: eli2.Rinnovo, Tipologia: 16, DurataMesi: 24},
		Richiedente: eli2.Richiedente{DataNascita: eli2.DateFrom(codes.NewDate(1990, 3, 1))},
	}
	est, err := desk.Fees(p, codes.NewDate(2026, 6, 15), desk.FeeOptions{})
	if err != nil {
		panic(err)
	}
	for _, l := range est.Lines {
		fmt.Printf("%-22s %-7s %6.2f\n", l.Voce, l.Status, float64(l.Amount)/100)
	}
	fmt.Printf("totale %.2f (%s, complete=%v)\n", float64(est.Total)/100, est.Note, est.Complete)
	// Output:
	// contributo_fino_2_anni due      50.00
	// permesso_elettronico   due      30.46
	// marca_da_bollo         due      16.00
	// servizio_postale       due      30.00
	// totale 126.46 (importi indicativi, complete=true)
}
