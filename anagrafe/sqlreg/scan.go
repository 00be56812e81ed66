package sqlreg

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// recordError returns the *anagrafe.RecordError of a value of person id
// in column col (table.column) that cannot be decoded. err is the cause;
// its text must not quote the value.
func recordError(id, col, reason string, err error) error {
	return &anagrafe.RecordError{PersonID: id, Field: col, Reason: reason, Err: err}
}

// dateError is the record error of a date column that does not parse.
func dateError(id, col, v string) error {
	reason := anagrafe.DateReason(v)
	if reason == anagrafe.ReasonImpossibleDate {
		return recordError(id, col, reason, anagrafe.ErrImpossibleDate)
	}
	return recordError(id, col, reason, errWantDate)
}

var (
	errWantDate        = fmt.Errorf("%w: want an ISO date (YYYY-MM-DD)", anagrafe.ErrBadValue)
	errWantPartialDate = fmt.Errorf("%w: want YYYY, YYYY-MM or YYYY-MM-DD", anagrafe.ErrBadValue)
	errWantTime        = fmt.Errorf("%w: want an RFC 3339 time", anagrafe.ErrBadValue)
	errWantKit         = fmt.Errorf("%w: want a kit code from 1 to 999", anagrafe.ErrBadValue)
	errWantText        = fmt.Errorf("%w: want text", anagrafe.ErrBadValue)
)

// nstring scans NULL as "" and trims surrounding spaces (CHAR columns of
// vendors' views come padded). A value that cannot be read as text is not
// a scan error, which would end the whole query: it is kept in err and
// reported by decode as a RecordError naming the column.
type nstring struct {
	String string
	err    error
}

func (n *nstring) Scan(v any) error {
	var ns sql.NullString
	if err := ns.Scan(v); err != nil {
		n.String, n.err = "", errWantText
		return nil
	}
	n.String, n.err = strings.TrimSpace(ns.String), nil
	return nil
}

// personRow holds the scanned columns of personCols (+ permitCols).
type personRow struct {
	id, cf, surname, name, sex, birth                             nstring
	birthComune, birthState, birthLocality, marital, phone, email nstring
	education, occupation, nonProf                                nstring
	family, relation, father, mother, declared, updated           nstring
	comune, province, specie, street, number, exponent            nstring
	staircase, interior, cap, careOf                              nstring
	permitOwner, permitType, kit                                  nstring
	motive, permitNumber, issue, expiry, questura, renewed        nstring
}

func (r *personRow) dest(withPermit bool) []any {
	d := []any{&r.id, &r.cf, &r.surname, &r.name, &r.sex, &r.birth,
		&r.birthComune, &r.birthState, &r.birthLocality, &r.marital, &r.phone, &r.email,
		&r.education, &r.occupation, &r.nonProf,
		&r.family, &r.relation, &r.father, &r.mother, &r.declared, &r.updated,
		&r.comune, &r.province, &r.specie, &r.street, &r.number, &r.exponent, &r.staircase, &r.interior, &r.cap, &r.careOf}
	if withPermit {
		d = append(d, &r.permitOwner, &r.permitType, &r.kit, &r.motive, &r.permitNumber, &r.issue, &r.expiry, &r.questura, &r.renewed)
	}
	return d
}

// nPersonCells is the number of columns of dest without the permit.
const nPersonCells = 31

// cells returns the fields of r in the order of dest, without allocating.
func (r *personRow) cells() [len(personColumns)]*nstring {
	return [...]*nstring{&r.id, &r.cf, &r.surname, &r.name, &r.sex, &r.birth,
		&r.birthComune, &r.birthState, &r.birthLocality, &r.marital, &r.phone, &r.email,
		&r.education, &r.occupation, &r.nonProf,
		&r.family, &r.relation, &r.father, &r.mother, &r.declared, &r.updated,
		&r.comune, &r.province, &r.specie, &r.street, &r.number, &r.exponent, &r.staircase, &r.interior, &r.cap, &r.careOf,
		&r.permitOwner, &r.permitType, &r.kit, &r.motive, &r.permitNumber, &r.issue, &r.expiry, &r.questura, &r.renewed}
}

// personColumns names the columns of dest, in its order, as table.column.
var personColumns = [...]string{"persone.id", "persone.codice_fiscale", "persone.cognome", "persone.nome",
	"persone.sesso", "persone.data_nascita", "persone.comune_nascita", "persone.stato_nascita",
	"persone.localita_nascita", "persone.stato_civile", "persone.telefono", "persone.email",
	"persone.titolo_studio", "persone.posizione_professione", "persone.condizione_non_professionale",
	"persone.famiglia_id", "persone.relazione_parentela", "persone.padre_id", "persone.madre_id",
	"persone.dichiarazione_dimora", "persone.aggiornato_il",
	"indirizzi.comune", "indirizzi.provincia", "indirizzi.specie", "indirizzi.denominazione", "indirizzi.civico",
	"indirizzi.esponente", "indirizzi.scala", "indirizzi.interno", "indirizzi.cap", "indirizzi.presso",
	"permessi.persona_id", "permessi.tipo", "permessi.tipologia_kit", "permessi.motivo", "permessi.numero",
	"permessi.data_rilascio", "permessi.data_scadenza", "permessi.questura", "permessi.data_rinnovo"}

// decode fills p from the scanned row. A value it cannot decode is an
// *anagrafe.RecordError naming the person and the column.
func (r *personRow) decode(p *anagrafe.Person, withPermit bool) error {
	cells := r.cells()
	n := len(cells)
	if !withPermit {
		n = nPersonCells
	}
	for i, c := range cells[:n] {
		if c.err != nil {
			return recordError(r.id.String, personColumns[i], anagrafe.ReasonBadValue, c.err)
		}
	}
	*p = anagrafe.Person{
		ID: r.id.String, CodiceFiscale: r.cf.String, Surname: r.surname.String, Name: r.name.String,
		Sex:         eli2.Sesso(r.sex.String),
		BirthComune: r.birthComune.String, BirthState: r.birthState.String, BirthLocality: r.birthLocality.String,
		MaritalStatus: r.marital.String, Phone: r.phone.String, Email: r.email.String,
		Education: r.education.String, Occupation: r.occupation.String, NonProfessional: r.nonProf.String,
		FamilyID: r.family.String, Relation: r.relation.String, FatherID: r.father.String, MotherID: r.mother.String,
		Address: anagrafe.Address{
			Comune: r.comune.String, Province: r.province.String, Specie: r.specie.String, Street: r.street.String,
			Number: r.number.String, Exponent: r.exponent.String, Staircase: r.staircase.String,
			Interior: r.interior.String, CAP: r.cap.String, CareOf: r.careOf.String,
		},
	}
	if err := placeCodeError(p); err != nil {
		return err
	}
	var err error
	if p.BirthDate, err = eli2.ParsePartialDate(r.birth.String); err != nil {
		if anagrafe.DateReason(r.birth.String) == anagrafe.ReasonImpossibleDate {
			return recordError(r.id.String, "persone.data_nascita", anagrafe.ReasonImpossibleDate, anagrafe.ErrImpossibleDate)
		}
		return recordError(r.id.String, "persone.data_nascita", anagrafe.ReasonBadValue, errWantPartialDate)
	}
	if p.ResidenceDeclaredOn, err = parseDate(r.declared.String); err != nil {
		return dateError(r.id.String, "persone.dichiarazione_dimora", r.declared.String)
	}
	if r.updated.String != "" {
		if p.UpdatedAt, err = time.Parse(time.RFC3339Nano, r.updated.String); err != nil {
			return recordError(r.id.String, "persone.aggiornato_il", anagrafe.ReasonBadValue, errWantTime)
		}
		p.UpdatedAt = p.UpdatedAt.UTC()
	}
	if !withPermit || r.permitOwner.String == "" {
		return nil
	}
	pm := &anagrafe.Permit{
		Type: r.permitType.String, Motive: r.motive.String, Number: r.permitNumber.String, Questura: r.questura.String,
	}
	if r.kit.String != "" {
		n, err := strconv.Atoi(r.kit.String)
		if err != nil || n < 1 || n > 999 {
			return recordError(r.id.String, "permessi.tipologia_kit", anagrafe.ReasonBadValue, errWantKit)
		}
		pm.Kit = n
	}
	if pm.IssueDate, err = parseDate(r.issue.String); err != nil {
		return dateError(r.id.String, "permessi.data_rilascio", r.issue.String)
	}
	if pm.ExpiryDate, err = parseDate(r.expiry.String); err != nil {
		return dateError(r.id.String, "permessi.data_scadenza", r.expiry.String)
	}
	if pm.RenewedOn, err = parseDate(r.renewed.String); err != nil {
		return dateError(r.id.String, "permessi.data_rinnovo", r.renewed.String)
	}
	p.Permit = pm
	return nil
}

// placeCodeError checks the shape of p's place codes: a Belfiore code (a
// letter and three digits) in persone.comune_nascita and indirizzi.comune,
// an ISTAT state code (three digits) in persone.stato_nascita. Anything
// else (a vendor's view passing through an ISTAT comune code or a state name
// its code tables do not map) is a bad value of that column: the person is
// reported and skipped, not exported with the place missing. Whether the
// code exists is the validator's business (unknown_comune…).
func placeCodeError(p *anagrafe.Person) error {
	for _, c := range []struct {
		v, col string
		ok     func(string) bool
	}{
		{p.BirthComune, "persone.comune_nascita", isBelfiore},
		{p.BirthState, "persone.stato_nascita", isStateCode},
		{p.Address.Comune, "indirizzi.comune", isBelfiore},
	} {
		if c.v != "" && !c.ok(c.v) {
			return recordError(p.ID, c.col, anagrafe.ReasonBadValue, errWantPlace[c.col])
		}
	}
	return nil
}

var errWantPlace = map[string]error{
	"persone.comune_nascita": fmt.Errorf("%w: want a Belfiore code (A123)", anagrafe.ErrBadValue),
	"indirizzi.comune":       fmt.Errorf("%w: want a Belfiore code (A123)", anagrafe.ErrBadValue),
	"persone.stato_nascita":  fmt.Errorf("%w: want an ISTAT 3-digit state code", anagrafe.ErrBadValue),
}

// isBelfiore reports whether s has the shape of a Belfiore code: an ASCII
// letter and three digits.
func isBelfiore(s string) bool {
	return len(s) == 4 && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') && isDigits(s[1:])
}

// isStateCode reports whether s has the shape of an ISTAT state code.
func isStateCode(s string) bool { return len(s) == 3 && isDigits(s) }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseDate parses an ISO date; PostgreSQL DATE columns seen through a
// view arrive as "YYYY-MM-DD" text or as time values formatted with a time
// part, which is dropped.
func parseDate(s string) (codes.Date, error) {
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	return codes.ParseDate(s)
}

// timeLayout is the fixed-width form of persone.aggiornato_il.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }
