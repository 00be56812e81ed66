package eli2_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Encoding one application: header, then Encode for each Pratica, then
// Close. Required elements are always written, optional ones only when set.
func ExampleEncoder() {
	enc := eli2.NewEncoder(os.Stdout)
	err := enc.WriteHeader(eli2.Intestazione{
		ComuneBelfiore: "H199",
		ComuneIstat:    "039014",
		Sportello:      "URP",
		DataCreazione:  time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC),
		Software:       "anagrafe-demo",
		NumeroPratiche: 1,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	err = enc.Encode(&eli2.Pratica{
		ID:       "RA-1",
		Questura: "RA",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Duplicato, TipoTitolo: eli2.Permesso, Tipologia: 12,
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{Tipo: "1", DataScadenza: codes.NewDate(2027, 6, 29)},
		Richiedente: eli2.Richiedente{
			Cognome: "DIALLO", Nome: "AWA", Sesso: eli2.Femmina,
			DataNascita:  eli2.PartialDate{Year: 1991},
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "450"},
			Cittadinanza: "450",
		},
		Domicilio: eli2.Domicilio{
			Comune: "H199", Provincia: "RA",
			Toponimo: eli2.Toponimo{Specie: "VIA", Denominazione: "DI ROMA"}, NumeroCivico: "1", CAP: "48121",
		},
		Istanza: eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := enc.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <ELI2Import xmlns="urn:eli2sdk:import:1" versione="1">
	//   <Intestazione>
	//     <ComuneBelfiore>H199</ComuneBelfiore>
	//     <ComuneIstat>039014</ComuneIstat>
	//     <Sportello>URP</Sportello>
	//     <DataCreazione>2026-03-15T09:00:00Z</DataCreazione>
	//     <Software>anagrafe-demo</Software>
	//     <NumeroPratiche>1</NumeroPratiche>
	//   </Intestazione>
	//   <Pratica id="RA-1">
	//     <Questura>RA</Questura>
	//     <Richiesta>
	//       <TipoRichiesta>DUPLICATO</TipoRichiesta>
	//       <TipoTitolo>PERMESSO</TipoTitolo>
	//       <Tipologia>12</Tipologia>
	//     </Richiesta>
	//     <TitoloPosseduto>
	//       <Tipo>1</Tipo>
	//       <DataScadenza>2027-06-29</DataScadenza>
	//     </TitoloPosseduto>
	//     <Richiedente>
	//       <Cognome>DIALLO</Cognome>
	//       <Nome>AWA</Nome>
	//       <Sesso>F</Sesso>
	//       <DataNascita>1991</DataNascita>
	//       <LuogoNascita>
	//         <StatoEstero>450</StatoEstero>
	//       </LuogoNascita>
	//       <Cittadinanza>450</Cittadinanza>
	//     </Richiedente>
	//     <Domicilio>
	//       <Comune>H199</Comune>
	//       <Provincia>RA</Provincia>
	//       <Toponimo>
	//         <Specie>VIA</Specie>
	//         <Denominazione>DI ROMA</Denominazione>
	//       </Toponimo>
	//       <NumeroCivico>1</NumeroCivico>
	//       <CAP>48121</CAP>
	//     </Domicilio>
	//     <Istanza>
	//       <Modulo>1</Modulo>
	//       <FogliTotali>1</FogliTotali>
	//     </Istanza>
	//   </Pratica>
	// </ELI2Import>
}

// Reading a file one application at a time, in constant memory.
func ExampleDecoder() {
	f, err := os.Open("../testdata/eli2/valid/batch.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	dec := eli2.NewDecoder(f)
	h, err := dec.Header()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("comune", h.ComuneBelfiore, "pratiche", h.NumeroPratiche)
	for {
		p, err := dec.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(p.ID, p.Richiesta.TipoRichiesta, p.Richiesta.Tipologia)
	}
	// Output:
	// comune D612 pratiche 3
	// FI-2026-0002 CONVERSIONE 10
	// FI-2026-0003 RINNOVO 15
	// FI-2026-0001 RILASCIO 16
}

// Decode errors carry the position, the application and the field, and
// wrap a sentinel error to branch on.
func ExampleParseError() {
	data, _ := os.ReadFile("../testdata/eli2/valid/duplicato.xml")
	bad := strings.Replace(string(data), "<CAP>", "<Citofono>3</Citofono><CAP>", 1)
	_, err := eli2.DecodeFile(strings.NewReader(bad))
	fmt.Println(err)
	var pe *eli2.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Line, pe.Pratica, pe.Path, errors.Is(err, eli2.ErrUnknownElement))
	}
	// Output:
	// riga 48, colonna 7 (pratica AN-2026-0108, Domicilio): elemento sconosciuto: <Citofono>
	// 48 AN-2026-0108 Domicilio true
}

// A whole small file in memory.
func ExampleDecodeFile() {
	data, _ := os.ReadFile("../testdata/eli2/valid/rinnovo_famiglia.xml")
	f, err := eli2.DecodeFile(bytes.NewReader(data))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := f.Pratiche[0]
	fmt.Println(p.Richiedente.Cognome, len(p.Familiari), p.Familiari[1].DataNascita)
	// Output:
	// HOXHA 3 2015-06-10
}
