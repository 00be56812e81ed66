package eli2test

import (
	"math/rand/v2"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Limits of the XSD the mutations aim at, at and past each bound. They are
// the inputs of the tests, not the rules: the rules come from the XSD.
var lengthsAround = []int{0, 1, 49, 50, 51, 99, 100, 101, 199, 200, 201, 253, 254, 255}

// textParts are pieces of free text: letters of the names' alphabet, white
// space of every kind XML distinguishes, markup characters, and letters
// outside ASCII and outside the BMP.
var textParts = []string{
	"A", "Z", "M", " ", "'", "-", ".", "0", "9",
	"a", "z", "\t", "\n", "\r", "\r\n", "  ", "&", "<", ">", "\"", "]]>",
	"È", "ñ", "Ø", "ß", "中", "🙂", "\u00a0", "\u2028",
}

func textOf(r *rand.Rand, n int, parts []string) string {
	var b strings.Builder
	for range n {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

// upper returns n characters of the names' alphabet, starting with a letter.
func upper(r *rand.Rand, n int) string {
	if n == 0 {
		return ""
	}
	return "A" + textOf(r, n-1, []string{"A", "B", "Z", " ", "'", "-"})
}

// lengthText returns free text of one of the lengths around the XSD limits,
// counted in characters, possibly multi-byte.
func lengthText(r *rand.Rand) string {
	n := lengthsAround[r.IntN(len(lengthsAround))]
	if r.IntN(2) == 0 {
		return strings.Repeat(string([]rune("AÈ中🙂")[r.IntN(4)]), n)
	}
	return strings.Repeat("X", n)
}

// Mutation is a named change of an application.
type Mutation struct {
	Name  string
	Apply func(r *rand.Rand, p *eli2.Pratica)
}

// setText returns a mutation setting a text field to values around the
// XSD's limits and with characters a codec must escape.
func setText(name string, field func(p *eli2.Pratica) *string) Mutation {
	return Mutation{name, func(r *rand.Rand, p *eli2.Pratica) {
		f := field(p)
		if f == nil {
			return
		}
		switch r.IntN(4) {
		case 0:
			*f = lengthText(r)
		case 1:
			*f = textOf(r, 1+r.IntN(12), textParts)
		case 2:
			*f = upper(r, lengthsAround[r.IntN(len(lengthsAround))])
		default:
			*f = " " + *f + "\t"
		}
	}}
}

func pick[T any](r *rand.Rand, vs ...T) T { return vs[r.IntN(len(vs))] }

// Mutations are the changes MutatePratica draws from: lengths at and past
// the XSD's limits, patterns, enumerations, optional parts dropped,
// numbers at their bounds, dates, choices, unicode and white space.
var Mutations = []Mutation{
	setText("Cognome", func(p *eli2.Pratica) *string { return &p.Richiedente.Cognome }),
	setText("Nome", func(p *eli2.Pratica) *string { return &p.Richiedente.Nome }),
	setText("Denominazione", func(p *eli2.Pratica) *string { return &p.Domicilio.Toponimo.Denominazione }),
	setText("Presso", func(p *eli2.Pratica) *string { return &p.Domicilio.Presso }),
	setText("NumeroCivico", func(p *eli2.Pratica) *string { return &p.Domicilio.NumeroCivico }),
	setText("Interno", func(p *eli2.Pratica) *string { return &p.Domicilio.Interno }),
	setText("Localita", func(p *eli2.Pratica) *string { return &p.Richiedente.LuogoNascita.Localita }),
	setText("ID", func(p *eli2.Pratica) *string { return &p.ID }),
	setText("Documento.Numero", func(p *eli2.Pratica) *string {
		if p.Documento == nil {
			return nil
		}
		return &p.Documento.Numero
	}),
	setText("Documento.AutoritaRilascio", func(p *eli2.Pratica) *string {
		if p.Documento == nil {
			return nil
		}
		return &p.Documento.AutoritaRilascio
	}),
	setText("TitoloPosseduto.Motivo", func(p *eli2.Pratica) *string {
		if p.TitoloPosseduto == nil {
			return nil
		}
		return &p.TitoloPosseduto.Motivo
	}),
	setText("Visto.Tipo", func(p *eli2.Pratica) *string {
		if p.Visto == nil {
			return nil
		}
		return &p.Visto.Tipo
	}),
	setText("Familiare.Cognome", func(p *eli2.Pratica) *string {
		if len(p.Familiari) == 0 {
			return nil
		}
		return &p.Familiari[0].Cognome
	}),
	setText("Familiare.NumeroPassaporto", func(p *eli2.Pratica) *string {
		if len(p.Familiari) == 0 {
			return nil
		}
		return &p.Familiari[0].NumeroPassaporto
	}),
	{"CodiceFiscale", func(r *rand.Rand, p *eli2.Pratica) {
		cf := p.Richiedente.CodiceFiscale
		p.Richiedente.CodiceFiscale = pick(r, "", strings.ToLower(cf), " "+cf, cf+"X", "12345678903", "1234567890")
	}},
	{"Sesso", func(r *rand.Rand, p *eli2.Pratica) {
		p.Richiedente.Sesso = eli2.Sesso(pick(r, "M", "F", "m", "X", "", " M"))
	}},
	{"Relazione", func(r *rand.Rand, p *eli2.Pratica) {
		if len(p.Familiari) > 0 {
			p.Familiari[0].Relazione = eli2.Relazione(pick(r, "FIGLIO", "CONIUGE", "figlio", "NIPOTE", ""))
		}
	}},
	{"Telefono", func(r *rand.Rand, p *eli2.Pratica) {
		p.Recapiti = &eli2.Recapiti{Telefono: pick(r, "+39 055 123456", "0551234", "+390551234567890123", "+39 055 1234 5678 9012", "1234", "055-123", "+3905512345678901234")}
	}},
	{"Email", func(r *rand.Rand, p *eli2.Pratica) {
		p.Recapiti = &eli2.Recapiti{Email: pick(r, "a@b.it", "a b@c.it", "a@b", strings.Repeat("a", 242)+"@example.com", strings.Repeat("a", 243)+"@example.com", "è@ñ.it", "a@b.c\t")}
	}},
	{"drop optional parts", func(r *rand.Rand, p *eli2.Pratica) {
		switch r.IntN(6) {
		case 0:
			p.Recapiti = nil
		case 1:
			p.Visto = nil
		case 2:
			p.DatiSocioProfessionali = nil
		case 3:
			p.Familiari = nil
		case 4:
			if p.TitoloPosseduto != nil {
				p.TitoloPosseduto.Numero, p.TitoloPosseduto.Motivo = "", ""
			}
		default:
			p.Richiedente.CodiceFiscale, p.Richiedente.StatoCivile = "", ""
		}
	}},
	{"numbers at their bounds", func(r *rand.Rand, p *eli2.Pratica) {
		switch r.IntN(4) {
		case 0:
			p.Richiesta.DurataMesi = pick(r, -1, 0, 1, 999, 1000)
		case 1:
			p.Istanza.FogliTotali = pick(r, 0, 1, 999, 1000)
		case 2:
			p.Istanza.Moduli = pick(r, []int{}, []int{1}, []int{1, 2}, []int{1, 2, 2}, []int{3}, []int{0})
		default:
			p.Richiesta.Tipologia = pick(r, -1, 0, 999, 1000)
		}
	}},
	{"dates", func(r *rand.Rand, p *eli2.Pratica) {
		switch r.IntN(3) {
		case 0:
			p.Richiedente.DataNascita = pick(r, eli2.PartialDate{Year: 1980}, eli2.PartialDate{Year: 1980, Month: 5},
				eli2.PartialDate{}, eli2.PartialDate{Year: 999, Month: 1, Day: 1}, eli2.PartialDate{Year: 1964, Month: 6, Day: 30})
		case 1:
			if p.Documento != nil {
				p.Documento.DataScadenza = pick(r, codes.NewDate(9999, 12, 31), codes.NewDate(2030, 2, 28), 0)
			}
		default:
			if p.TitoloPosseduto != nil {
				p.TitoloPosseduto.DataRilascio = pick(r, codes.NewDate(1000, 1, 1), codes.NewDate(2020, 2, 29), 0)
			}
		}
	}},
	{"birth place choice", func(r *rand.Rand, p *eli2.Pratica) {
		l := &p.Richiedente.LuogoNascita
		switch r.IntN(3) {
		case 0:
			l.Localita = pick(r, "PARIGI", "")
		case 1:
			*l = eli2.LuogoNascita{Comune: "D612", Localita: pick(r, "", "X")}
		default:
			*l = eli2.LuogoNascita{StatoEstero: "215", Localita: lengthText(r)}
		}
	}},
	{"codes", func(r *rand.Rand, p *eli2.Pratica) {
		switch r.IntN(4) {
		case 0:
			p.Domicilio.CAP = pick(r, "50124", "5012", "501245", "50 24", "ABCDE")
		case 1:
			p.Questura = pick(r, "FI", "fi", "F", "FIR")
		case 2:
			p.Richiedente.StatoCivile = pick(r, "1", "2", "12", "1234", "a")
		default:
			p.Domicilio.Toponimo.Specie = pick(r, "VIA", "VIALE", "via", "V.LE", strings.Repeat("V", 51))
		}
	}},
}

// MutatePratica applies one to three random Mutations to p and returns
// their names. The result may or may not pass Validate.
func MutatePratica(r *rand.Rand, p *eli2.Pratica) []string {
	var names []string
	for range 1 + r.IntN(3) {
		m := Mutations[r.IntN(len(Mutations))]
		m.Apply(r, p)
		names = append(names, m.Name)
	}
	return names
}

// MutateHeader changes a header field around the XSD's limits: lengths of
// the identifiers and texts, creation times with unusual offsets and
// fractions of a second.
func MutateHeader(r *rand.Rand, h *eli2.Intestazione) string {
	switch r.IntN(5) {
	case 0:
		h.Sportello = lengthText(r)
		return "Sportello"
	case 1:
		h.Operatore = textOf(r, 1+r.IntN(8), textParts)
		return "Operatore"
	case 2:
		h.Software = lengthText(r)
		return "Software"
	case 3:
		h.VersioneSoftware = lengthText(r)
		return "VersioneSoftware"
	}
	off := pick(r, 0, 3600, 14*3600, -14*3600, 14*3600+1800, -(12*3600 + 45*60))
	h.DataCreazione = time.Date(2026, 3, 15, 10, 0, 0, pick(r, 0, 1, 500_000_000), time.FixedZone("", off))
	return "DataCreazione"
}
