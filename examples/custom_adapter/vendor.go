package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Scheda is one row of the imaginary vendor's register export: its own
// field names and formats (dates dd/mm/yyyy, sex 1/2, citizenships joined
// by commas, the birthplace as "C:belfiore" or "S:istat", the address as
// separate fields, at most two documents). A real adapter would read
// the vendor's tables with database/sql; the conversion is the same.
type Scheda struct {
	Matricola      string     `json:"matricola"`
	CodFisc        string     `json:"cod_fisc,omitempty"`
	Cognome        string     `json:"cognome"`
	Nome           string     `json:"nome"`
	Sesso          int        `json:"sesso,omitempty"`        // 1 maschio, 2 femmina
	DataNascita    string     `json:"data_nascita,omitempty"` // dd/mm/yyyy, mm/yyyy or yyyy
	LuogoNascita   string     `json:"luogo_nascita,omitempty"`
	LocalitaEstera string     `json:"localita_estera,omitempty"`
	Cittadinanze   string     `json:"cittadinanze,omitempty"`
	StatoCivile    string     `json:"stato_civile,omitempty"`
	Indirizzo      Indirizzo  `json:"indirizzo"`
	Telefono       string     `json:"telefono,omitempty"`
	Email          string     `json:"email,omitempty"`
	Studio         string     `json:"studio,omitempty"`
	Professione    string     `json:"professione,omitempty"`
	NonProf        string     `json:"non_prof,omitempty"`
	Famiglia       string     `json:"famiglia,omitempty"`
	Parentela      string     `json:"parentela,omitempty"`
	Padre          string     `json:"padre,omitempty"`
	Madre          string     `json:"madre,omitempty"`
	Permesso       *Permesso  `json:"permesso,omitempty"`
	Documenti      []Doc      `json:"documenti,omitempty"`
	DimoraDich     string     `json:"dimora_dich,omitempty"`
	UltimaModifica *time.Time `json:"ultima_modifica,omitempty"`
}

// Indirizzo is the vendor's address block.
type Indirizzo struct {
	Belfiore, Sigla, Specie, Via, Civico, Esponente, Scala, Interno, CAP, Presso string `json:",omitempty"`
}

// Permesso is the vendor's permit block.
type Permesso struct {
	Tipo, Motivo, Numero, Questura string
	Kit                            int
	Rilascio, Scadenza, UltimoRinn string
}

// Doc is the vendor's document block.
type Doc struct {
	Tipo, Numero, Rilascio, Scadenza, Autorita, Stato string
}

func dmy(d codes.Date) string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day(), d.Month(), d.Year())
}

func parseDMY(s string) (codes.Date, error) {
	if s == "" {
		return 0, nil
	}
	return codes.ParseDateDMY(s)
}

func partialToVendor(p eli2.PartialDate) string {
	switch {
	case p.IsZero():
		return ""
	case p.Month == 0:
		return fmt.Sprintf("%04d", p.Year)
	case p.Day == 0:
		return fmt.Sprintf("%02d/%04d", p.Month, p.Year)
	}
	return fmt.Sprintf("%02d/%02d/%04d", p.Day, p.Month, p.Year)
}

func partialFromVendor(s string) (eli2.PartialDate, error) {
	parts := strings.Split(s, "/")
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	if s == "" {
		return eli2.PartialDate{}, nil
	}
	return eli2.ParsePartialDate(strings.Join(parts, "-"))
}

// ToScheda converts a register person to the vendor's row (how the sample
// data and the adapter's test are made).
func ToScheda(p *anagrafe.Person) Scheda {
	s := Scheda{
		Matricola: p.ID, CodFisc: p.CodiceFiscale, Cognome: p.Surname, Nome: p.Name,
		DataNascita: partialToVendor(p.BirthDate), LocalitaEstera: p.BirthLocality,
		Cittadinanze: strings.Join(p.Citizenships, ","), StatoCivile: p.MaritalStatus,
		Telefono: p.Phone, Email: p.Email, Studio: p.Education, Professione: p.Occupation, NonProf: p.NonProfessional,
		Famiglia: p.FamilyID, Parentela: p.Relation, Padre: p.FatherID, Madre: p.MotherID, DimoraDich: dmy(p.ResidenceDeclaredOn),
	}
	switch p.Sex {
	case eli2.Maschio:
		s.Sesso = 1
	case eli2.Femmina:
		s.Sesso = 2
	}
	switch {
	case p.BirthComune != "":
		s.LuogoNascita = "C:" + p.BirthComune
	case p.BirthState != "":
		s.LuogoNascita = "S:" + p.BirthState
	}
	a := p.Address
	s.Indirizzo = Indirizzo{a.Comune, a.Province, a.Specie, a.Street, a.Number, a.Exponent, a.Staircase, a.Interior, a.CAP, a.CareOf}
	if pm := p.Permit; pm != nil {
		s.Permesso = &Permesso{Tipo: pm.Type, Motivo: pm.Motive, Numero: pm.Number, Questura: pm.Questura, Kit: pm.Kit,
			Rilascio: dmy(pm.IssueDate), Scadenza: dmy(pm.ExpiryDate), UltimoRinn: dmy(pm.RenewedOn)}
	}
	for _, d := range p.Documents {
		s.Documenti = append(s.Documenti, Doc{string(d.Kind), d.Number, dmy(d.IssueDate), dmy(d.ExpiryDate), d.Authority, d.IssuingState})
	}
	if !p.UpdatedAt.IsZero() {
		t := p.UpdatedAt.UTC()
		s.UltimaModifica = &t
	}
	return s
}

// FromScheda converts the vendor's row to a register person.
func FromScheda(s *Scheda) (anagrafe.Person, error) {
	p := anagrafe.Person{
		ID: s.Matricola, CodiceFiscale: s.CodFisc, Surname: s.Cognome, Name: s.Nome, BirthLocality: s.LocalitaEstera,
		MaritalStatus: s.StatoCivile, Phone: s.Telefono, Email: s.Email, Education: s.Studio, Occupation: s.Professione,
		NonProfessional: s.NonProf, FamilyID: s.Famiglia, Relation: s.Parentela, FatherID: s.Padre, MotherID: s.Madre,
	}
	var err error
	fail := func(field string, err error) (anagrafe.Person, error) {
		return anagrafe.Person{}, fmt.Errorf("scheda %s: %s: %w", s.Matricola, field, err)
	}
	switch s.Sesso {
	case 1:
		p.Sex = eli2.Maschio
	case 2:
		p.Sex = eli2.Femmina
	}
	if p.BirthDate, err = partialFromVendor(s.DataNascita); err != nil {
		return fail("data_nascita", err)
	}
	if c, ok := strings.CutPrefix(s.LuogoNascita, "C:"); ok {
		p.BirthComune = c
	} else if st, ok := strings.CutPrefix(s.LuogoNascita, "S:"); ok {
		p.BirthState = st
	}
	if s.Cittadinanze != "" {
		p.Citizenships = strings.Split(s.Cittadinanze, ",")
	}
	i := s.Indirizzo
	p.Address = anagrafe.Address{Comune: i.Belfiore, Province: i.Sigla, Specie: i.Specie, Street: i.Via, Number: i.Civico,
		Exponent: i.Esponente, Staircase: i.Scala, Interior: i.Interno, CAP: i.CAP, CareOf: i.Presso}
	if p.ResidenceDeclaredOn, err = parseDMY(s.DimoraDich); err != nil {
		return fail("dimora_dich", err)
	}
	if pm := s.Permesso; pm != nil {
		q := &anagrafe.Permit{Type: pm.Tipo, Kit: pm.Kit, Motive: pm.Motivo, Number: pm.Numero, Questura: pm.Questura}
		if q.IssueDate, err = parseDMY(pm.Rilascio); err != nil {
			return fail("permesso.rilascio", err)
		}
		if q.ExpiryDate, err = parseDMY(pm.Scadenza); err != nil {
			return fail("permesso.scadenza", err)
		}
		if q.RenewedOn, err = parseDMY(pm.UltimoRinn); err != nil {
			return fail("permesso.ultimo_rinnovo", err)
		}
		p.Permit = q
	}
	for _, d := range s.Documenti {
		doc := anagrafe.IdentityDocument{Kind: anagrafe.DocumentKind(d.Tipo), Number: d.Numero, Authority: d.Autorita, IssuingState: d.Stato}
		if doc.IssueDate, err = parseDMY(d.Rilascio); err != nil {
			return fail("documento.rilascio", err)
		}
		if doc.ExpiryDate, err = parseDMY(d.Scadenza); err != nil {
			return fail("documento.scadenza", err)
		}
		p.Documents = append(p.Documents, doc)
	}
	if s.UltimaModifica != nil {
		p.UpdatedAt = s.UltimaModifica.UTC()
	}
	return p, nil
}

// WriteSchede writes rows as JSON lines.
func WriteSchede(w io.Writer, rows []Scheda) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range rows {
		if err := enc.Encode(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}

// ReadSchede reads JSON lines.
func ReadSchede(r io.Reader) ([]Scheda, error) {
	var rows []Scheda
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var s Scheda
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		rows = append(rows, s)
	}
	return rows, sc.Err()
}
