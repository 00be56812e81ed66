package eli2test

import (
	"math/rand/v2"
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// textAlphabet mixes plain letters with what a codec must escape or keep:
// markup characters, quotes, tabs and line breaks (including a carriage
// return), accented letters, and characters outside the BMP.
var textAlphabet = []string{
	"A", "B", "C", "M", "R", "Z", " ", " ", "'", "-", "0", "7",
	"&", "<", ">", "\"", "\t", "\n", "\r", "\r\n", "]]>",
	"È", "ñ", "Ø", "ß", "Ọ", "ş", "中", "🙂", "\u00a0", "\u2028",
}

// RandomText returns a random string of up to max parts of textAlphabet.
func RandomText(r *rand.Rand, max int) string {
	n := r.IntN(max + 1)
	var b []byte
	for range n {
		b = append(b, textAlphabet[r.IntN(len(textAlphabet))]...)
	}
	return string(b)
}

func nonEmpty(r *rand.Rand, max int) string {
	for {
		if s := RandomText(r, max); s != "" {
			return s
		}
	}
}

func randomDate(r *rand.Rand) codes.Date {
	y, m := 1900+r.IntN(150), 1+r.IntN(12)
	return codes.NewDate(y, m, 1+r.IntN(codes.DaysIn(y, m)))
}

func maybeDate(r *rand.Rand) codes.Date {
	if r.IntN(3) == 0 {
		return 0
	}
	return randomDate(r)
}

func randomPartial(r *rand.Rand) eli2.PartialDate {
	p := eli2.DateFrom(randomDate(r))
	switch r.IntN(5) {
	case 0:
		return eli2.PartialDate{}
	case 1:
		p.Month, p.Day = 0, 0
	case 2:
		p.Day = 0
	}
	return p
}

func randomLuogo(r *rand.Rand) eli2.LuogoNascita {
	return eli2.LuogoNascita{Comune: RandomText(r, 2), StatoEstero: RandomText(r, 2), Localita: RandomText(r, 4)}
}

// RandomPratica returns an application with random content for codec tests
// (round trips, fuzzing, benchmarks): every field of the record model is
// exercised, optional parts are present or absent at random, and texts hold
// characters a codec must escape. The content is not meant to pass
// Validate. Present optional parts always have a non-empty first field, so
// that an encode-decode round trip gives back an equal record.
func RandomPratica(r *rand.Rand, id string) eli2.Pratica {
	p := eli2.Pratica{
		ID:       id,
		Questura: RandomText(r, 2),
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.TipiRichiesta[r.IntN(len(eli2.TipiRichiesta))],
			TipoTitolo:    []eli2.TipoTitolo{eli2.Permesso, eli2.Carta}[r.IntN(2)],
			Tipologia:     r.IntN(27),
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: RandomText(r, 3),
			Cognome:       RandomText(r, 6),
			Nome:          RandomText(r, 6),
			Sesso:         []eli2.Sesso{eli2.Maschio, eli2.Femmina, ""}[r.IntN(3)],
			DataNascita:   randomPartial(r),
			LuogoNascita:  randomLuogo(r),
			Cittadinanza:  RandomText(r, 2),
			StatoCivile:   RandomText(r, 1),
		},
		Domicilio: eli2.Domicilio{
			Comune: RandomText(r, 2), Provincia: RandomText(r, 2),
			Toponimo:     eli2.Toponimo{Specie: RandomText(r, 3), Denominazione: RandomText(r, 8)},
			NumeroCivico: RandomText(r, 2), Esponente: RandomText(r, 1), Scala: RandomText(r, 1),
			Interno: RandomText(r, 1), CAP: RandomText(r, 3), Presso: RandomText(r, 4),
		},
		Istanza: eli2.Istanza{FogliTotali: r.IntN(5)},
	}
	if r.IntN(2) == 0 {
		p.Richiesta.TipologiaRichiesta = 1 + r.IntN(26)
	}
	if r.IntN(2) == 0 {
		p.Richiesta.DurataMesi = 1 + r.IntN(60)
	}
	if r.IntN(3) == 0 {
		v := r.IntN(2) == 0
		p.Richiesta.AggiornamentoFoto = &v
	}
	if r.IntN(2) == 0 {
		p.TitoloPosseduto = &eli2.TitoloPosseduto{
			Tipo: nonEmpty(r, 2), Numero: RandomText(r, 4), Motivo: RandomText(r, 6),
			DataRilascio: maybeDate(r), DataScadenza: maybeDate(r), QuesturaRilascio: RandomText(r, 2),
		}
	}
	if r.IntN(2) == 0 {
		p.Recapiti = &eli2.Recapiti{Telefono: nonEmpty(r, 4), Email: RandomText(r, 6)}
	}
	if r.IntN(2) == 0 {
		p.Documento = &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: RandomText(r, 4), DataRilascio: maybeDate(r),
			DataScadenza: maybeDate(r), AutoritaRilascio: RandomText(r, 6), StatoRilascio: RandomText(r, 2),
		}
	}
	if r.IntN(3) == 0 {
		p.Visto = &eli2.Visto{Tipo: nonEmpty(r, 3), Numero: RandomText(r, 3), DataRilascio: maybeDate(r)}
	}
	for range r.IntN(4) {
		p.Familiari = append(p.Familiari, eli2.Familiare{
			Relazione: eli2.Relazioni[r.IntN(len(eli2.Relazioni))], CodiceFiscale: RandomText(r, 3),
			Cognome: RandomText(r, 5), Nome: RandomText(r, 5), Sesso: eli2.Femmina,
			DataNascita: randomPartial(r), LuogoNascita: randomLuogo(r), Cittadinanza: RandomText(r, 2),
			NumeroPassaporto: RandomText(r, 3), NumeroPermesso: RandomText(r, 3),
		})
	}
	if r.IntN(4) == 0 {
		p.GenitoreTutore = &eli2.GenitoreTutore{Ruolo: eli2.Tutore, CodiceFiscale: RandomText(r, 3), Cognome: RandomText(r, 4), Nome: RandomText(r, 4)}
	}
	for range r.IntN(3) {
		p.Istanza.Moduli = append(p.Istanza.Moduli, 1+r.IntN(2))
	}
	if r.IntN(2) == 0 {
		p.DatiSocioProfessionali = &eli2.DatiSocioProfessionali{
			TitoloStudio: nonEmpty(r, 1), PosizioneProfessione: RandomText(r, 1), CondizioneNonProfessionale: RandomText(r, 1),
		}
	}
	return p
}

// RandomFile returns a file of n random applications with ids P1…Pn.
func RandomFile(r *rand.Rand, n int) eli2.ImportFile {
	f := eli2.ImportFile{Intestazione: Header("D612", "048017", n)}
	for i := range n {
		f.Pratiche = append(f.Pratiche, RandomPratica(r, "P"+strconv.Itoa(i+1)))
	}
	return f
}
