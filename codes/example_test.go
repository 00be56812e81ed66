package codes_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

func ExampleTables_ComuneByBelfiore() {
	t := codes.Default()
	for _, on := range []codes.Date{codes.NewDate(1920, 1, 1), codes.NewDate(2020, 1, 1)} {
		c, ok := t.ComuneByBelfiore("A089", on)
		fmt.Println(on, ok, c.Name, c.Province)
	}
	_, ok := t.ComuneByBelfiore("B860", codes.NewDate(1935, 1, 1)) // Casagiove, merged 1928–1946
	fmt.Println(ok)
	// Output:
	// 1920-01-01 true GIRGENTI AG
	// 2020-01-01 true AGRIGENTO AG
	// false
}

func ExampleTables_FindComuni() {
	t := codes.Default()
	for _, c := range t.FindComuni("paterno'", codes.Query{On: codes.NewDate(2024, 1, 1)}) {
		fmt.Println(c.Belfiore, c.Name, c.Province)
	}
	// Output:
	// G371 PATERNÒ CT
	// M269 PATERNO PZ
}

func ExampleTables_ComuneHistory() {
	for _, c := range codes.Default().ComuneHistory("F991") {
		fmt.Println(c.From, c.To, c.Province, c.Istat)
	}
	// Output:
	// 1958-01-26 1965-01-07 CA 092077
	// 1965-01-08 1974-08-19 CA 092077
	// 1974-08-20 2005-12-31 CA 092043
	// 2006-01-01 2016-04-27 CI 107013
	// 2016-04-28 9999-12-31 SU 111049
}

func ExampleTables_StateByBelfiore() {
	t := codes.Default()
	yu, _ := t.StateByBelfiore("Z118")
	hr, _ := t.StateByIstat("250", 0)
	fmt.Println(yu.Name, yu.Dissolved, yu.HasSuccessor(hr.Istat), hr.Name)

	_, err := t.StateByBelfiore("Z998")
	fmt.Println(errors.Is(err, codes.ErrUnknownState))
	// Output:
	// Jugoslavia true true CROAZIA
	// true
}

func ExampleTables_Province() {
	p, _ := codes.Default().Province("SU")
	fmt.Println(p.Name, p.HasQuestura, p.Questura)
	// Output: Sud Sardegna false CA
}

func ExampleTables_Kit() {
	k, _ := codes.Default().Kit(8)
	fmt.Println(k.Description, k.ValidOn(codes.NewDate(2007, 4, 10)), k.ValidOn(codes.NewDate(2007, 4, 11)))
	// Output: Carta di soggiorno cittadini U.E. true false
}

func ExampleTables_Decode() {
	e, _ := codes.Default().Decode(codes.StatoCivile, "2")
	fmt.Println(e.Description)
	// Output: Coniugato/a
}

func ExampleNormalizeName() {
	fmt.Println(codes.NormalizeName("Paternò"), codes.NormalizeName("PATERNO'"), codes.NormalizeName("Sant'Agata"))
	// Output: PATERNO PATERNO SANT AGATA
}

func ExampleLoad() {
	// A newer kit table replaces the embedded one; everything else is kept.
	kit := "CODICE,DESCRIZIONE,TITOLO,OPERAZIONE,VALIDO_AL,NOTE\n" +
		"9,Permesso UE per soggiornanti di lungo periodo,CARTA,RILASCIO_RINNOVO,,\n"
	t, err := codes.Load(codes.Sources{Kit: strings.NewReader(kit)})
	if err != nil {
		fmt.Println(err)
		return
	}
	k, _ := t.Kit(9)
	_, ok := t.Kit(16)
	c, _ := t.ComuneByBelfiore("L885", 0)
	fmt.Println(k.Description, ok, c.Name)
	// Output: Permesso UE per soggiornanti di lungo periodo false VIGNOLA
}

func ExampleTables_KitOn() {
	t := codes.Default()
	for _, on := range []codes.Date{codes.NewDate(2024, 5, 29), codes.NewDate(2024, 5, 30)} {
		_, ok := t.KitOn(26, on)
		fmt.Println(on, t.KitEditionOn(on).Name, "26 in force:", ok)
	}
	old, _ := t.KitIn("2006", 25)
	k, _ := t.KitOn(old.Successor, codes.NewDate(2026, 1, 1))
	fmt.Println(old.Description, "->", k.Code, k.Description)
	fmt.Println(k.Allows(codes.KitRilascio), k.MaxMonthsFor(codes.KitRinnovo))
	// Output:
	// 2024-05-29 2006 26 in force: true
	// 2024-05-30 2024 26 in force: false
	// Tirocinio formazione professionale -> 24 Motivi di studio (art. 39 Testo Unico Immigrazione)
	// true 12
}

func ExampleParseKitOp() {
	op, ok := codes.ParseKitOp("rinnovo")
	k, _ := codes.Default().KitIn("2024", 23)
	fmt.Println(op, ok, k.Allows(op), k.Allows(codes.KitRilascio), k.Ops)
	// Output: RINNOVO true true false RINNOVO
}

func ExampleLoad_kitEdition() {
	// A newer kit table, in force from its start date, is added at run time.
	rows := "CODICE,DESCRIZIONE,TITOLO,RILASCIO,RINNOVO,CONVERSIONE,AGGIORNAMENTO,DUPLICATO,NOTE\n" +
		"16,Lavoro subordinato,PERMESSO,SI,SI,SI,SI,SI,\n"
	t, err := codes.Load(codes.Sources{KitEditions: []codes.KitEditionSource{
		{Name: "2030", From: codes.NewDate(2030, 1, 1), Source: "Poste Italiane", Rows: strings.NewReader(rows)},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, ok := t.KitOn(24, codes.NewDate(2030, 1, 1))
	fmt.Println(t.KitEditionOn(codes.NewDate(2029, 12, 31)).Name, t.KitEditionOn(codes.NewDate(2030, 1, 1)).Name, ok)
	// Output: 2024 2030 false
}

func ExampleTables_FreeMovement() {
	t := codes.Default()
	for _, on := range []codes.Date{codes.NewDate(2012, 1, 1), codes.NewDate(2014, 1, 1)} {
		_, ok := t.FreeMovement("250", on) // Croazia
		fmt.Println(on, ok)
	}
	uk, ok := t.FreeMovement("219", codes.NewDate(2020, 12, 31))
	_, after := t.FreeMovement("219", codes.NewDate(2021, 1, 1))
	fmt.Println(uk.Scope, ok, after)
	_, apolide := t.FreeMovement("999", codes.NewDate(2026, 1, 1))
	fmt.Println(apolide)
	// Output:
	// 2012-01-01 false
	// 2014-01-01 true
	// UE true false
	// false
}

func ExampleTables_Fee() {
	t := codes.Default()
	f, _ := t.Fee("contributo_fino_2_anni")
	fmt.Printf("%s € %d,%02d (%s)\n", f.Voce, f.Amount/100, f.Amount%100, f.Source)
	minors := t.FeeExemptions()[0]
	fmt.Println(minors.Description, minors.Covers(f.Voce), minors.Covers("marca_da_bollo"))
	// Output:
	// contributo_fino_2_anni € 50,00 (DM 5 maggio 2017 art. 1 c.1 lett. b)
	// richiedente con meno di 18 anni (anche minori ricongiunti) true false
}

func ExampleTables_FindStates() {
	t := codes.Default()
	for _, q := range []string{"Cina", "RUSSIA", "MACEDONIA", "COREA DEL SUD", "COREA"} {
		var names []string
		for _, s := range t.FindStates(q, 0) {
			names = append(names, s.Istat+" "+s.Name)
		}
		fmt.Println(q, "→", strings.Join(names, ", "))
	}
	// Output:
	// Cina → 314 REPUBBLICA POPOLARE CINESE
	// RUSSIA → 245 FEDERAZIONE RUSSA
	// MACEDONIA → 253 REPUBBLICA DI MACEDONIA
	// COREA DEL SUD → 320 REPUBBLICA DI COREA
	// COREA → 319 REPUBBLICA POPOLARE DEMOCRATICA DI COREA, 320 REPUBBLICA DI COREA
}

func ExampleTables_ComuneByIstat() {
	// Today's ISTAT code of Prato at a birth date before the province of
	// Prato existed: the comune is followed through its Belfiore code.
	c, ok := codes.Default().ComuneByIstat("100005", codes.NewDate(1990, 1, 1))
	fmt.Println(ok, c.Name, c.Istat, c.Province, c.Belfiore)
	// Output: true PRATO 048034 FI G999
}

func ExampleTables_KitSuccessor() {
	t := codes.Default()
	on := codes.NewDate(2026, 11, 30)
	for _, code := range []int{25, 26} {
		next, prev, ok := t.KitSuccessor(code, on)
		if ok {
			fmt.Printf("%d %s: use %d %s\n", code, prev.Description, next.Code, next.Description)
		} else {
			fmt.Printf("%d %s: no successor\n", code, prev.Description)
		}
	}
	// Output:
	// 25 Tirocinio formazione professionale: use 24 Motivi di studio (art. 39 Testo Unico Immigrazione)
	// 26 Turismo: no successor
}
