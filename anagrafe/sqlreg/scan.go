package sqlreg

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// ColumnError reports a value the adapter cannot decode. Streams yield it
// for the person concerned and go on with the next one.
type ColumnError struct {
	PersonID string // persone.id of the row
	Column   string // table.column
	Err      error
}

// Error names the person, the column and the value's problem.
func (e *ColumnError) Error() string {
	return fmt.Sprintf("sqlreg: person %q: column %s: %v", e.PersonID, e.Column, e.Err)
}

// Unwrap returns the underlying error.
func (e *ColumnError) Unwrap() error { return e.Err }

// nstring scans NULL as "" and trims surrounding spaces (CHAR columns of
// vendors' views come padded).
type nstring struct{ String string }

func (n *nstring) Scan(v any) error {
	var ns sql.NullString
	if err := ns.Scan(v); err != nil {
		return err
	}
	n.String = strings.TrimSpace(ns.String)
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
	permitOwner, permitType                                       nstring
	kit                                                           sql.NullInt64
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

func (r *personRow) decode(p *anagrafe.Person, withPermit bool) error {
	colErr := func(col string, err error) error {
		return &ColumnError{PersonID: r.id.String, Column: col, Err: err}
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
	var err error
	if p.BirthDate, err = eli2.ParsePartialDate(r.birth.String); err != nil {
		return colErr("persone.data_nascita", err)
	}
	if p.ResidenceDeclaredOn, err = parseDate(r.declared.String); err != nil {
		return colErr("persone.dichiarazione_dimora", err)
	}
	if r.updated.String != "" {
		if p.UpdatedAt, err = time.Parse(time.RFC3339Nano, r.updated.String); err != nil {
			return colErr("persone.aggiornato_il", err)
		}
		p.UpdatedAt = p.UpdatedAt.UTC()
	}
	if !withPermit || r.permitOwner.String == "" {
		return nil
	}
	pm := &anagrafe.Permit{
		Type: r.permitType.String, Motive: r.motive.String, Number: r.permitNumber.String, Questura: r.questura.String,
	}
	if r.kit.Valid {
		pm.Kit = int(r.kit.Int64)
	}
	if pm.IssueDate, err = parseDate(r.issue.String); err != nil {
		return colErr("permessi.data_rilascio", err)
	}
	if pm.ExpiryDate, err = parseDate(r.expiry.String); err != nil {
		return colErr("permessi.data_scadenza", err)
	}
	if pm.RenewedOn, err = parseDate(r.renewed.String); err != nil {
		return colErr("permessi.data_rinnovo", err)
	}
	p.Permit = pm
	return nil
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
