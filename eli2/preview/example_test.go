package preview_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/preview"
)

// Render an application with the problems the validator finds in it. The
// page would normally go to a file (see internal/atomicfile); here only its
// summary banner is printed.
func ExampleRender() {
	p := &eli2.Pratica{
		ID:        "P1",
		Questura:  "FI",
		Richiesta: eli2.Richiesta{TipoRichiesta: eli2.Rilascio, TipoTitolo: eli2.Permesso, Tipologia: 24},
		Richiedente: eli2.Richiedente{
			Cognome: "ESEMPIO", Nome: "ANNA", Sesso: eli2.Femmina,
			DataNascita:  eli2.PartialDate{Year: 2001, Month: 2, Day: 3},
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "201"},
			Cittadinanza: "201", StatoCivile: "1",
		},
		Domicilio: eli2.Domicilio{Comune: "D612", Provincia: "FI",
			Toponimo: eli2.Toponimo{Specie: "VIA", Denominazione: "ROMA"}, NumeroCivico: "1", CAP: "501"},
		Istanza: eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
	}
	problems := eli2.Validate(p, eli2.ValidateOptions{On: codes.NewDate(2026, 11, 20)})

	var page strings.Builder
	err := preview.Render(&page, preview.Document{
		Items: []preview.Item{{Pratica: p, Problems: problems}},
	}, preview.Options{MaskTaxCode: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	html := page.String()
	fmt.Println(strings.Contains(html, `data-path="Domicilio.CAP"`))
	fmt.Println(strings.Contains(html, "FIRENZE (FI)"))
	fmt.Println(len(problems) > 0, problems.HasErrors())
	// Output:
	// true
	// true
	// true true
}

// Embed the preview, with a fees box, in a page of your own: Fragment
// leaves out the page around the application, and the style sheet is
// served as a file, so the page needs no inline style.
func ExampleOptions_fragment() {
	p := &eli2.Pratica{ID: "P1", Questura: "FI",
		Richiesta: eli2.Richiesta{TipoRichiesta: eli2.Rinnovo, TipoTitolo: eli2.Permesso, Tipologia: 16}}
	fees := &preview.Fees{
		Lines: []preview.FeeLine{{Item: "marca da bollo", Amount: "€ 16,00", Reason: "dovuto"}},
		Total: "€ 16,00",
	}
	var b strings.Builder
	err := preview.Render(&b, preview.Document{Items: []preview.Item{{Pratica: p, Fees: fees}}},
		preview.Options{Fragment: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	html := b.String()
	fmt.Println(strings.HasPrefix(html, `<article class="pratica"`), strings.Contains(html, "<style"))
	fmt.Println(strings.Contains(html, "<h3>Importi indicativi</h3>"))
	fmt.Println(strings.Contains(preview.Stylesheet(), ".problem"))
	// Output:
	// true false
	// true
	// true
}
