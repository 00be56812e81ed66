package vendormap_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe/vendormap"
	"github.com/retecomuni/eli2sdk/codes"
)

func ExampleQuestura() {
	for _, name := range []string{"QUESTURA DI REGGIO EMILIA", "Questura di Reggio nell'Emilia", "Forlì", "questura dell'Aquila", "Sud Sardegna"} {
		sigla, err := vendormap.Questura(name)
		fmt.Printf("%s %v\n", sigla, err)
	}
	// Output:
	// RE <nil>
	// RE <nil>
	// FC <nil>
	// AQ <nil>
	//  vendormap: unknown questura: Sud Sardegna has no questura (served by CA)
}

func ExampleSplitStreet() {
	for _, line := range []string{"VIA ROMA", "Via dei Servi", "Località Pian di Mugnone", "VIA NUOVA MARINA", "Via Nuova"} {
		t, err := vendormap.SplitStreet(line)
		fmt.Printf("%s | %s | %v\n", t.Specie, t.Name, err)
	}
	// Output:
	// VIA | ROMA | <nil>
	// VIA | dei Servi | <nil>
	// LOCALITA' | Pian di Mugnone | <nil>
	// VIA NUOVA | MARINA | <nil>
	// VIA | Nuova | <nil>
}

func ExampleNewStreetSplitter() {
	// The vendor's data abbreviates: say how, in terms of ANPR's table.
	s, err := vendormap.NewStreetSplitter(nil, map[string]string{"P.ZZA": "PIAZZA", "V.LE": "VIALE"})
	if err != nil {
		panic(err)
	}
	t, _ := s.Split("P.zza della Signoria")
	fmt.Println(t.SpecieID, t.Specie, "|", t.Name)
	// Output: 125 PIAZZA | della Signoria
}

func ExampleSplitHouseNumber() {
	for _, s := range []string{"12/A", "12 bis", "7r", "S.N.C.", "KM 3,500", "12/A/3"} {
		h, err := vendormap.SplitHouseNumber(s)
		fmt.Printf("%q %q snc=%v km=%q err=%v\n", h.Number, h.Exponent, h.NoNumber, h.Kilometre, err != nil)
	}
	// Output:
	// "12" "A" snc=false km="" err=false
	// "12" "BIS" snc=false km="" err=false
	// "7" "R" snc=false km="" err=false
	// "" "" snc=true km="" err=false
	// "" "" snc=false km="3,500" err=false
	// "" "" snc=false km="" err=true
}

func ExampleDefaultPermitTable() {
	on := codes.NewDate(2024, 1, 15)
	tab := vendormap.DefaultPermitTable()
	for _, text := range []string{"MOTIVI FAMILIARI", "Lavoro subordinato", "STUDIO", "Carta di soggiorno", "PROTEZIONE SPECIALE"} {
		code, err := tab.Kit(text, on)
		fmt.Println(code, errors.Is(err, vendormap.ErrUnknownPermit))
	}
	// The edition in force decides: Turismo (26) left the table on 2024-05-30.
	_, err := tab.Kit("TURISMO", codes.NewDate(2024, 6, 1))
	fmt.Println(err)
	// Output:
	// 13 false
	// 16 false
	// 24 false
	// 9 false
	// 0 true
	// vendormap: unknown permit type: "TURISMO" maps to kit code 26, not in force on 2024-06-01 (no code replaced it)
}

func ExamplePermitTable_Extend() {
	// The vendor's own texts, on top of the default table.
	mine := "TESTO,KIT,FONTE\nLAV. SUB.,16,kit code 16 Lavoro subordinato\n"
	tab, err := vendormap.DefaultPermitTable().Extend(strings.NewReader(mine))
	if err != nil {
		panic(err)
	}
	code, _ := tab.Kit("lav. sub.", codes.NewDate(2024, 1, 15))
	fmt.Println(code)
	// Output: 16
}

func ExampleState() {
	for _, name := range []string{"Marocco", "Cina", "STATI UNITI", "Corea del Sud"} {
		s, err := vendormap.State(name, 0)
		fmt.Println(s.Istat, s.Name, err)
	}
	_, err := vendormap.State("Atlantide", 0)
	fmt.Println(errors.Is(err, vendormap.ErrUnknownStateName))
	_, err = vendormap.State("Corea", 0)
	fmt.Println(err)
	// Output:
	// 436 MAROCCO <nil>
	// 314 REPUBBLICA POPOLARE CINESE <nil>
	// 536 STATI UNITI D'AMERICA <nil>
	// 320 REPUBBLICA DI COREA <nil>
	// true
	// vendormap: ambiguous state name "Corea": candidates 319 REPUBBLICA POPOLARE DEMOCRATICA DI COREA, 320 REPUBBLICA DI COREA
}
