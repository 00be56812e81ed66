package csvadapter

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Header is the header line of the layout with one document group, in the
// order Writer writes it. Readers accept the columns in any order; only id,
// cognome and nome are required.
const Header = "id,codice_fiscale,cognome,nome,sesso,data_nascita,comune_nascita,stato_nascita,localita_nascita," +
	"cittadinanze,stato_civile,comune,provincia,specie,denominazione,civico,esponente,scala,interno,cap,presso," +
	"telefono,email,titolo_studio,posizione_professione,condizione_non_professionale," +
	"famiglia_id,relazione_parentela,padre_id,madre_id," +
	"permesso_tipo,permesso_tipologia_kit,permesso_motivo,permesso_numero,permesso_data_rilascio," +
	"permesso_data_scadenza,permesso_questura,permesso_data_rinnovo,dichiarazione_dimora,aggiornato_il," +
	"documento_tipo,documento_numero,documento_data_rilascio,documento_data_scadenza,documento_autorita,documento_stato_rilascio"

// CitizenshipSeparator separates the state codes of the cittadinanze column.
const CitizenshipSeparator = "|"

// Sentinel errors wrapped by the *anagrafe.RecordError of a row (the ones
// that are anagrafe's sentinels keep their old names here) and by
// HeaderError.
var (
	ErrMissingValue   = anagrafe.ErrMissingValue
	ErrBadValue       = anagrafe.ErrBadValue
	ErrDuplicateID    = anagrafe.ErrDuplicateID
	ErrUnknownColumn  = errors.New("csvadapter: unknown column")
	ErrMissingColumn  = errors.New("csvadapter: required column missing")
	ErrDuplicateCol   = errors.New("csvadapter: duplicate column")
	ErrFieldCount     = fmt.Errorf("%w: wrong number of fields", anagrafe.ErrMalformedRow)
	ErrInvalidUTF8    = fmt.Errorf("%w: invalid UTF-8", anagrafe.ErrMalformedRow)
	ErrEmptyInput     = errors.New("csvadapter: empty input (no header)")
	errNoPermitType   = fmt.Errorf("%w: permesso_tipo is required when other permit columns are set", ErrMissingValue)
	errNoDocumentKind = fmt.Errorf("%w: document type is required when other document columns are set", ErrMissingValue)
)

// column is one person-level column: how to read and write it.
type column struct {
	name string
	get  func(p *anagrafe.Person) string
	set  func(p *anagrafe.Person, v string) error
}

func str(f func(p *anagrafe.Person) *string) (func(*anagrafe.Person) string, func(*anagrafe.Person, string) error) {
	return func(p *anagrafe.Person) string { return *f(p) },
		func(p *anagrafe.Person, v string) error { *f(p) = v; return nil }
}

func permit(p *anagrafe.Person) *anagrafe.Permit {
	if p.Permit == nil {
		p.Permit = &anagrafe.Permit{}
	}
	return p.Permit
}

func pstr(f func(pm *anagrafe.Permit) *string) (func(*anagrafe.Person) string, func(*anagrafe.Person, string) error) {
	return func(p *anagrafe.Person) string {
			if p.Permit == nil {
				return ""
			}
			return *f(p.Permit)
		}, func(p *anagrafe.Person, v string) error {
			if v != "" {
				*f(permit(p)) = v
			}
			return nil
		}
}

func pdate(f func(pm *anagrafe.Permit) *codes.Date) (func(*anagrafe.Person) string, func(*anagrafe.Person, string) error) {
	return func(p *anagrafe.Person) string {
			if p.Permit == nil {
				return ""
			}
			return f(p.Permit).String()
		}, func(p *anagrafe.Person, v string) error {
			if v == "" {
				return nil
			}
			d, err := parseDate(v)
			if err != nil {
				return err
			}
			*f(permit(p)) = d
			return nil
		}
}

func parseDate(v string) (codes.Date, error) {
	v = isoDate(v)
	d, err := codes.ParseDate(v)
	if err != nil {
		return 0, dateError(v, "YYYY-MM-DD or DD/MM/YYYY")
	}
	return d, nil
}

// dateError is the error of a date v that does not parse, in the format
// want: impossible (1964-06-31) or malformed. Like every error of the
// package, it does not quote the value.
func dateError(v, want string) error {
	if anagrafe.DateReason(v) == anagrafe.ReasonImpossibleDate {
		return anagrafe.ErrImpossibleDate
	}
	return fmt.Errorf("%w: want a date %s", ErrBadValue, want)
}

var personColumns = buildColumns()

func buildColumns() []column {
	c := func(name string, get func(*anagrafe.Person) string, set func(*anagrafe.Person, string) error) column {
		return column{name, get, set}
	}
	s := func(name string, f func(p *anagrafe.Person) *string) column {
		g, st := str(f)
		return c(name, g, st)
	}
	ps := func(name string, f func(pm *anagrafe.Permit) *string) column {
		g, st := pstr(f)
		return c(name, g, st)
	}
	pd := func(name string, f func(pm *anagrafe.Permit) *codes.Date) column {
		g, st := pdate(f)
		return c(name, g, st)
	}
	return []column{
		s("id", func(p *anagrafe.Person) *string { return &p.ID }),
		s("codice_fiscale", func(p *anagrafe.Person) *string { return &p.CodiceFiscale }),
		s("cognome", func(p *anagrafe.Person) *string { return &p.Surname }),
		s("nome", func(p *anagrafe.Person) *string { return &p.Name }),
		c("sesso", func(p *anagrafe.Person) string { return string(p.Sex) }, func(p *anagrafe.Person, v string) error {
			v = strings.ToUpper(v)
			if v != "" && !eli2.Sesso(v).Valid() {
				return fmt.Errorf("%w: want M or F", ErrBadValue)
			}
			p.Sex = eli2.Sesso(v)
			return nil
		}),
		c("data_nascita", func(p *anagrafe.Person) string { return p.BirthDate.String() }, func(p *anagrafe.Person, v string) error {
			v = isoDate(v)
			d, err := eli2.ParsePartialDate(v)
			if err != nil {
				return dateError(v, "YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY")
			}
			p.BirthDate = d
			return nil
		}),
		s("comune_nascita", func(p *anagrafe.Person) *string { return &p.BirthComune }),
		s("stato_nascita", func(p *anagrafe.Person) *string { return &p.BirthState }),
		s("localita_nascita", func(p *anagrafe.Person) *string { return &p.BirthLocality }),
		c("cittadinanze", func(p *anagrafe.Person) string { return strings.Join(p.Citizenships, CitizenshipSeparator) },
			func(p *anagrafe.Person, v string) error {
				p.Citizenships = nil
				if v == "" {
					return nil
				}
				for _, s := range strings.Split(v, CitizenshipSeparator) {
					s = strings.TrimSpace(s)
					if s == "" {
						return fmt.Errorf("%w: empty state code between separators %s", ErrBadValue, CitizenshipSeparator)
					}
					p.Citizenships = append(p.Citizenships, s)
				}
				return nil
			}),
		s("stato_civile", func(p *anagrafe.Person) *string { return &p.MaritalStatus }),
		s("comune", func(p *anagrafe.Person) *string { return &p.Address.Comune }),
		s("provincia", func(p *anagrafe.Person) *string { return &p.Address.Province }),
		s("specie", func(p *anagrafe.Person) *string { return &p.Address.Specie }),
		s("denominazione", func(p *anagrafe.Person) *string { return &p.Address.Street }),
		s("civico", func(p *anagrafe.Person) *string { return &p.Address.Number }),
		s("esponente", func(p *anagrafe.Person) *string { return &p.Address.Exponent }),
		s("scala", func(p *anagrafe.Person) *string { return &p.Address.Staircase }),
		s("interno", func(p *anagrafe.Person) *string { return &p.Address.Interior }),
		s("cap", func(p *anagrafe.Person) *string { return &p.Address.CAP }),
		s("presso", func(p *anagrafe.Person) *string { return &p.Address.CareOf }),
		s("telefono", func(p *anagrafe.Person) *string { return &p.Phone }),
		s("email", func(p *anagrafe.Person) *string { return &p.Email }),
		s("titolo_studio", func(p *anagrafe.Person) *string { return &p.Education }),
		s("posizione_professione", func(p *anagrafe.Person) *string { return &p.Occupation }),
		s("condizione_non_professionale", func(p *anagrafe.Person) *string { return &p.NonProfessional }),
		s("famiglia_id", func(p *anagrafe.Person) *string { return &p.FamilyID }),
		s("relazione_parentela", func(p *anagrafe.Person) *string { return &p.Relation }),
		s("padre_id", func(p *anagrafe.Person) *string { return &p.FatherID }),
		s("madre_id", func(p *anagrafe.Person) *string { return &p.MotherID }),
		ps("permesso_tipo", func(pm *anagrafe.Permit) *string { return &pm.Type }),
		c("permesso_tipologia_kit", func(p *anagrafe.Person) string {
			if p.Permit == nil || p.Permit.Kit == 0 {
				return ""
			}
			return strconv.Itoa(p.Permit.Kit)
		}, func(p *anagrafe.Person, v string) error {
			if v == "" {
				return nil
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 999 {
				return fmt.Errorf("%w: want a kit code from 1 to 999", ErrBadValue)
			}
			permit(p).Kit = n
			return nil
		}),
		ps("permesso_motivo", func(pm *anagrafe.Permit) *string { return &pm.Motive }),
		ps("permesso_numero", func(pm *anagrafe.Permit) *string { return &pm.Number }),
		pd("permesso_data_rilascio", func(pm *anagrafe.Permit) *codes.Date { return &pm.IssueDate }),
		pd("permesso_data_scadenza", func(pm *anagrafe.Permit) *codes.Date { return &pm.ExpiryDate }),
		ps("permesso_questura", func(pm *anagrafe.Permit) *string { return &pm.Questura }),
		pd("permesso_data_rinnovo", func(pm *anagrafe.Permit) *codes.Date { return &pm.RenewedOn }),
		c("dichiarazione_dimora", func(p *anagrafe.Person) string { return p.ResidenceDeclaredOn.String() },
			func(p *anagrafe.Person, v string) error {
				d, err := parseDate(v)
				p.ResidenceDeclaredOn = d
				return err
			}),
		c("aggiornato_il", func(p *anagrafe.Person) string {
			if p.UpdatedAt.IsZero() {
				return ""
			}
			return p.UpdatedAt.UTC().Format(time.RFC3339Nano)
		}, func(p *anagrafe.Person, v string) error {
			if v == "" {
				return nil
			}
			t, err := time.Parse(time.RFC3339Nano, v)
			if err != nil {
				return fmt.Errorf("%w: want an RFC 3339 time (2026-06-01T09:30:00Z)", ErrBadValue)
			}
			p.UpdatedAt = t.UTC()
			return nil
		}),
	}
}

// Document group columns: documento_<field> for the first document,
// documento2_<field>, documento3_<field>… for the next ones.
var docFields = []string{"tipo", "numero", "data_rilascio", "data_scadenza", "autorita", "stato_rilascio"}

func docPrefix(n int) string {
	if n == 1 {
		return "documento_"
	}
	return "documento" + strconv.Itoa(n) + "_"
}

func getDocField(d *anagrafe.IdentityDocument, field string) string {
	switch field {
	case "tipo":
		return string(d.Kind)
	case "numero":
		return d.Number
	case "data_rilascio":
		return d.IssueDate.String()
	case "data_scadenza":
		return d.ExpiryDate.String()
	case "autorita":
		return d.Authority
	case "stato_rilascio":
		return d.IssuingState
	}
	return ""
}

func setDocField(d *anagrafe.IdentityDocument, field, v string) error {
	var err error
	switch field {
	case "tipo":
		k := anagrafe.DocumentKind(strings.ToUpper(v))
		switch k {
		case anagrafe.Passport, anagrafe.EquivalentDocument, anagrafe.TravelDocument, anagrafe.IdentityCard, anagrafe.OtherDocument, "":
		default:
			return fmt.Errorf("%w: want PASSAPORTO, DOCUMENTO_EQUIPOLLENTE, TITOLO_VIAGGIO, CARTA_IDENTITA or ALTRO", ErrBadValue)
		}
		d.Kind = k
	case "numero":
		d.Number = v
	case "data_rilascio":
		if v != "" {
			d.IssueDate, err = parseDate(v)
		}
	case "data_scadenza":
		if v != "" {
			d.ExpiryDate, err = parseDate(v)
		}
	case "autorita":
		d.Authority = v
	case "stato_rilascio":
		d.IssuingState = v
	}
	return err
}

// Columns returns the column names Writer writes for documents document
// groups (at least one).
func Columns(documents int) []string {
	out := make([]string, 0, len(personColumns)+len(docFields)*max(documents, 1))
	for _, c := range personColumns {
		out = append(out, c.name)
	}
	for n := 1; n <= max(documents, 1); n++ {
		for _, f := range docFields {
			out = append(out, docPrefix(n)+f)
		}
	}
	return out
}
