// Package codecbench compares the eli2 codec with encoding/xml on the same
// records: an encoding/xml mirror of format v1 (struct tags giving the same
// element names, order and omitted optional elements), conversions between
// the mirror and eli2.Pratica, and the benchmark bodies shared by the Go
// benchmarks and by cmd/codecbench.
package codecbench

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"time"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// File is the encoding/xml mirror of an import file.
type File struct {
	XMLName      xml.Name  `xml:"urn:eli2sdk:import:1 ELI2Import"`
	Versione     string    `xml:"versione,attr"`
	Intestazione Header    `xml:"Intestazione"`
	Pratiche     []Pratica `xml:"Pratica"`
}

// Header mirrors eli2.Intestazione.
type Header struct {
	ComuneBelfiore   string `xml:"ComuneBelfiore"`
	ComuneIstat      string `xml:"ComuneIstat"`
	Sportello        string `xml:"Sportello,omitempty"`
	Operatore        string `xml:"Operatore,omitempty"`
	DataCreazione    string `xml:"DataCreazione"`
	Software         string `xml:"Software,omitempty"`
	VersioneSoftware string `xml:"VersioneSoftware,omitempty"`
	NumeroPratiche   int    `xml:"NumeroPratiche"`
}

// Luogo mirrors eli2.LuogoNascita.
type Luogo struct {
	Comune      string `xml:"Comune,omitempty"`
	StatoEstero string `xml:"StatoEstero,omitempty"`
	Localita    string `xml:"Localita,omitempty"`
}

// Richiesta mirrors eli2.Richiesta.
type Richiesta struct {
	TipoRichiesta      string `xml:"TipoRichiesta"`
	TipoTitolo         string `xml:"TipoTitolo"`
	Tipologia          int    `xml:"Tipologia"`
	TipologiaRichiesta int    `xml:"TipologiaRichiesta,omitempty"`
	DurataMesi         int    `xml:"DurataMesi,omitempty"`
	AggiornamentoFoto  *bool  `xml:"AggiornamentoFoto,omitempty"`
}

// Titolo mirrors eli2.TitoloPosseduto.
type Titolo struct {
	Tipo             string `xml:"Tipo"`
	Numero           string `xml:"Numero,omitempty"`
	Motivo           string `xml:"Motivo,omitempty"`
	DataRilascio     string `xml:"DataRilascio,omitempty"`
	DataScadenza     string `xml:"DataScadenza,omitempty"`
	QuesturaRilascio string `xml:"QuesturaRilascio,omitempty"`
}

// Richiedente mirrors eli2.Richiedente.
type Richiedente struct {
	CodiceFiscale string `xml:"CodiceFiscale,omitempty"`
	Cognome       string `xml:"Cognome"`
	Nome          string `xml:"Nome"`
	Sesso         string `xml:"Sesso"`
	DataNascita   string `xml:"DataNascita"`
	LuogoNascita  Luogo  `xml:"LuogoNascita"`
	Cittadinanza  string `xml:"Cittadinanza"`
	StatoCivile   string `xml:"StatoCivile,omitempty"`
}

// Toponimo mirrors eli2.Toponimo.
type Toponimo struct {
	Specie        string `xml:"Specie"`
	Denominazione string `xml:"Denominazione"`
}

// Domicilio mirrors eli2.Domicilio.
type Domicilio struct {
	Comune       string   `xml:"Comune"`
	Provincia    string   `xml:"Provincia"`
	Toponimo     Toponimo `xml:"Toponimo"`
	NumeroCivico string   `xml:"NumeroCivico,omitempty"`
	Esponente    string   `xml:"Esponente,omitempty"`
	Scala        string   `xml:"Scala,omitempty"`
	Interno      string   `xml:"Interno,omitempty"`
	CAP          string   `xml:"CAP"`
	Presso       string   `xml:"Presso,omitempty"`
}

// Recapiti mirrors eli2.Recapiti.
type Recapiti struct {
	Telefono string `xml:"Telefono,omitempty"`
	Email    string `xml:"Email,omitempty"`
}

// Documento mirrors eli2.Documento.
type Documento struct {
	Tipo             string `xml:"Tipo"`
	Numero           string `xml:"Numero"`
	DataRilascio     string `xml:"DataRilascio,omitempty"`
	DataScadenza     string `xml:"DataScadenza,omitempty"`
	AutoritaRilascio string `xml:"AutoritaRilascio,omitempty"`
	StatoRilascio    string `xml:"StatoRilascio,omitempty"`
}

// Visto mirrors eli2.Visto.
type Visto struct {
	Tipo         string `xml:"Tipo"`
	Numero       string `xml:"Numero,omitempty"`
	DataRilascio string `xml:"DataRilascio,omitempty"`
}

// Familiare mirrors eli2.Familiare.
type Familiare struct {
	Relazione     string `xml:"Relazione"`
	CodiceFiscale string `xml:"CodiceFiscale,omitempty"`
	Cognome       string `xml:"Cognome"`
	Nome          string `xml:"Nome"`
	Sesso         string `xml:"Sesso"`
	DataNascita   string `xml:"DataNascita"`
	LuogoNascita  Luogo  `xml:"LuogoNascita"`
	Cittadinanza  string `xml:"Cittadinanza"`
}

// Familiari wraps the repeated Familiare elements.
type Familiari struct {
	Familiare []Familiare `xml:"Familiare"`
}

// Genitore mirrors eli2.GenitoreTutore.
type Genitore struct {
	Ruolo         string `xml:"Ruolo"`
	CodiceFiscale string `xml:"CodiceFiscale,omitempty"`
	Cognome       string `xml:"Cognome"`
	Nome          string `xml:"Nome"`
}

// Istanza mirrors eli2.Istanza.
type Istanza struct {
	Modulo      []int `xml:"Modulo"`
	FogliTotali int   `xml:"FogliTotali"`
}

// Socio mirrors eli2.DatiSocioProfessionali.
type Socio struct {
	TitoloStudio               string `xml:"TitoloStudio,omitempty"`
	PosizioneProfessione       string `xml:"PosizioneProfessione,omitempty"`
	CondizioneNonProfessionale string `xml:"CondizioneNonProfessionale,omitempty"`
}

// Pratica mirrors eli2.Pratica.
type Pratica struct {
	ID                     string      `xml:"id,attr"`
	Questura               string      `xml:"Questura"`
	Richiesta              Richiesta   `xml:"Richiesta"`
	TitoloPosseduto        *Titolo     `xml:"TitoloPosseduto,omitempty"`
	Richiedente            Richiedente `xml:"Richiedente"`
	Domicilio              Domicilio   `xml:"Domicilio"`
	Recapiti               *Recapiti   `xml:"Recapiti,omitempty"`
	Documento              *Documento  `xml:"Documento,omitempty"`
	Visto                  *Visto      `xml:"Visto,omitempty"`
	Familiari              *Familiari  `xml:"Familiari,omitempty"`
	GenitoreTutore         *Genitore   `xml:"GenitoreTutore,omitempty"`
	Istanza                Istanza     `xml:"Istanza"`
	DatiSocioProfessionali *Socio      `xml:"DatiSocioProfessionali,omitempty"`
}

func date(d codes.Date) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

func luogo(l eli2.LuogoNascita) Luogo { return Luogo(l) }

// ToMirror converts an import file to the mirror (outside timed loops).
func ToMirror(f *eli2.ImportFile) *File {
	m := &File{Versione: eli2.FormatVersion, Intestazione: Header{
		ComuneBelfiore: f.Intestazione.ComuneBelfiore, ComuneIstat: f.Intestazione.ComuneIstat,
		Sportello: f.Intestazione.Sportello, Operatore: f.Intestazione.Operatore,
		DataCreazione: f.Intestazione.DataCreazione.Format(time.RFC3339), Software: f.Intestazione.Software,
		VersioneSoftware: f.Intestazione.VersioneSoftware, NumeroPratiche: len(f.Pratiche),
	}}
	for i := range f.Pratiche {
		p := &f.Pratiche[i]
		q := Pratica{ID: p.ID, Questura: p.Questura,
			Richiesta: Richiesta{TipoRichiesta: string(p.Richiesta.TipoRichiesta), TipoTitolo: string(p.Richiesta.TipoTitolo),
				Tipologia: p.Richiesta.Tipologia, TipologiaRichiesta: p.Richiesta.TipologiaRichiesta,
				DurataMesi: p.Richiesta.DurataMesi, AggiornamentoFoto: p.Richiesta.AggiornamentoFoto},
			Richiedente: Richiedente{CodiceFiscale: p.Richiedente.CodiceFiscale, Cognome: p.Richiedente.Cognome,
				Nome: p.Richiedente.Nome, Sesso: string(p.Richiedente.Sesso), DataNascita: p.Richiedente.DataNascita.String(),
				LuogoNascita: luogo(p.Richiedente.LuogoNascita), Cittadinanza: p.Richiedente.Cittadinanza, StatoCivile: p.Richiedente.StatoCivile},
			Domicilio: Domicilio{Comune: p.Domicilio.Comune, Provincia: p.Domicilio.Provincia,
				Toponimo:     Toponimo(p.Domicilio.Toponimo),
				NumeroCivico: p.Domicilio.NumeroCivico, Esponente: p.Domicilio.Esponente, Scala: p.Domicilio.Scala,
				Interno: p.Domicilio.Interno, CAP: p.Domicilio.CAP, Presso: p.Domicilio.Presso},
			Istanza: Istanza{Modulo: p.Istanza.Moduli, FogliTotali: p.Istanza.FogliTotali},
		}
		if t := p.TitoloPosseduto; t != nil {
			q.TitoloPosseduto = &Titolo{Tipo: t.Tipo, Numero: t.Numero, Motivo: t.Motivo, DataRilascio: date(t.DataRilascio),
				DataScadenza: date(t.DataScadenza), QuesturaRilascio: t.QuesturaRilascio}
		}
		if r := p.Recapiti; r != nil {
			q.Recapiti = &Recapiti{Telefono: r.Telefono, Email: r.Email}
		}
		if d := p.Documento; d != nil {
			q.Documento = &Documento{Tipo: string(d.Tipo), Numero: d.Numero, DataRilascio: date(d.DataRilascio),
				DataScadenza: date(d.DataScadenza), AutoritaRilascio: d.AutoritaRilascio, StatoRilascio: d.StatoRilascio}
		}
		if v := p.Visto; v != nil {
			q.Visto = &Visto{Tipo: v.Tipo, Numero: v.Numero, DataRilascio: date(v.DataRilascio)}
		}
		if len(p.Familiari) > 0 {
			q.Familiari = &Familiari{}
			for _, fm := range p.Familiari {
				q.Familiari.Familiare = append(q.Familiari.Familiare, Familiare{Relazione: string(fm.Relazione),
					CodiceFiscale: fm.CodiceFiscale, Cognome: fm.Cognome, Nome: fm.Nome, Sesso: string(fm.Sesso),
					DataNascita: fm.DataNascita.String(), LuogoNascita: luogo(fm.LuogoNascita), Cittadinanza: fm.Cittadinanza})
			}
		}
		if g := p.GenitoreTutore; g != nil {
			q.GenitoreTutore = &Genitore{Ruolo: string(g.Ruolo), CodiceFiscale: g.CodiceFiscale, Cognome: g.Cognome, Nome: g.Nome}
		}
		if s := p.DatiSocioProfessionali; s != nil {
			q.DatiSocioProfessionali = &Socio{TitoloStudio: s.TitoloStudio, PosizioneProfessione: s.PosizioneProfessione,
				CondizioneNonProfessionale: s.CondizioneNonProfessionale}
		}
		m.Pratiche = append(m.Pratiche, q)
	}
	return m
}

// converter turns mirror values into records, keeping the first error.
type converter struct{ err error }

func (c *converter) date(s string) codes.Date {
	if s == "" || c.err != nil {
		return 0
	}
	d, err := codes.ParseDate(s)
	if err != nil {
		c.err = err
	}
	return d
}

func (c *converter) partial(s string) eli2.PartialDate {
	if c.err != nil {
		return eli2.PartialDate{}
	}
	d, err := eli2.ParsePartialDate(s)
	if err != nil {
		c.err = err
	}
	return d
}

// FromMirror converts the mirror back to records, parsing dates as the eli2
// Decoder does: with it, encoding/xml gives the same result as the Decoder.
func FromMirror(m *File) (*eli2.ImportFile, error) {
	var c converter
	t, err := time.Parse(time.RFC3339, m.Intestazione.DataCreazione)
	if err != nil {
		return nil, err
	}
	if m.Versione != eli2.FormatVersion {
		return nil, fmt.Errorf("versione %q", m.Versione)
	}
	f := &eli2.ImportFile{Intestazione: eli2.Intestazione{ComuneBelfiore: m.Intestazione.ComuneBelfiore,
		ComuneIstat: m.Intestazione.ComuneIstat, Sportello: m.Intestazione.Sportello, Operatore: m.Intestazione.Operatore,
		DataCreazione: t, Software: m.Intestazione.Software, VersioneSoftware: m.Intestazione.VersioneSoftware,
		NumeroPratiche: m.Intestazione.NumeroPratiche}}
	f.Pratiche = make([]eli2.Pratica, len(m.Pratiche))
	for i := range m.Pratiche {
		q := &m.Pratiche[i]
		p := &f.Pratiche[i]
		*p = eli2.Pratica{ID: q.ID, Questura: q.Questura,
			Richiesta: eli2.Richiesta{TipoRichiesta: eli2.TipoRichiesta(q.Richiesta.TipoRichiesta),
				TipoTitolo: eli2.TipoTitolo(q.Richiesta.TipoTitolo), Tipologia: q.Richiesta.Tipologia,
				TipologiaRichiesta: q.Richiesta.TipologiaRichiesta, DurataMesi: q.Richiesta.DurataMesi,
				AggiornamentoFoto: q.Richiesta.AggiornamentoFoto},
			Richiedente: eli2.Richiedente{CodiceFiscale: q.Richiedente.CodiceFiscale, Cognome: q.Richiedente.Cognome,
				Nome: q.Richiedente.Nome, Sesso: eli2.Sesso(q.Richiedente.Sesso), DataNascita: c.partial(q.Richiedente.DataNascita),
				LuogoNascita: eli2.LuogoNascita(q.Richiedente.LuogoNascita), Cittadinanza: q.Richiedente.Cittadinanza,
				StatoCivile: q.Richiedente.StatoCivile},
			Domicilio: eli2.Domicilio{Comune: q.Domicilio.Comune, Provincia: q.Domicilio.Provincia,
				Toponimo:     eli2.Toponimo(q.Domicilio.Toponimo),
				NumeroCivico: q.Domicilio.NumeroCivico, Esponente: q.Domicilio.Esponente, Scala: q.Domicilio.Scala,
				Interno: q.Domicilio.Interno, CAP: q.Domicilio.CAP, Presso: q.Domicilio.Presso},
			Istanza: eli2.Istanza{Moduli: q.Istanza.Modulo, FogliTotali: q.Istanza.FogliTotali},
		}
		if t := q.TitoloPosseduto; t != nil {
			p.TitoloPosseduto = &eli2.TitoloPosseduto{Tipo: t.Tipo, Numero: t.Numero, Motivo: t.Motivo,
				DataRilascio: c.date(t.DataRilascio), DataScadenza: c.date(t.DataScadenza), QuesturaRilascio: t.QuesturaRilascio}
		}
		if r := q.Recapiti; r != nil {
			p.Recapiti = &eli2.Recapiti{Telefono: r.Telefono, Email: r.Email}
		}
		if d := q.Documento; d != nil {
			p.Documento = &eli2.Documento{Tipo: eli2.TipoDocumento(d.Tipo), Numero: d.Numero, DataRilascio: c.date(d.DataRilascio),
				DataScadenza: c.date(d.DataScadenza), AutoritaRilascio: d.AutoritaRilascio, StatoRilascio: d.StatoRilascio}
		}
		if v := q.Visto; v != nil {
			p.Visto = &eli2.Visto{Tipo: v.Tipo, Numero: v.Numero, DataRilascio: c.date(v.DataRilascio)}
		}
		if q.Familiari != nil {
			for _, fm := range q.Familiari.Familiare {
				p.Familiari = append(p.Familiari, eli2.Familiare{Relazione: eli2.Relazione(fm.Relazione),
					CodiceFiscale: fm.CodiceFiscale, Cognome: fm.Cognome, Nome: fm.Nome, Sesso: eli2.Sesso(fm.Sesso),
					DataNascita: c.partial(fm.DataNascita), LuogoNascita: eli2.LuogoNascita(fm.LuogoNascita), Cittadinanza: fm.Cittadinanza})
			}
		}
		if g := q.GenitoreTutore; g != nil {
			p.GenitoreTutore = &eli2.GenitoreTutore{Ruolo: eli2.RuoloTutela(g.Ruolo), CodiceFiscale: g.CodiceFiscale,
				Cognome: g.Cognome, Nome: g.Nome}
		}
		if s := q.DatiSocioProfessionali; s != nil {
			p.DatiSocioProfessionali = &eli2.DatiSocioProfessionali{TitoloStudio: s.TitoloStudio,
				PosizioneProfessione: s.PosizioneProfessione, CondizioneNonProfessionale: s.CondizioneNonProfessionale}
		}
		if c.err != nil {
			return nil, fmt.Errorf("pratica %s: %w", strconv.Quote(q.ID), c.err)
		}
	}
	return f, nil
}
