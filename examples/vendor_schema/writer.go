package main

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/codes"
)

// Insert writes records and past permit rows in the vendor's format: the
// reverse of the mapping Source does, as the vendor's own software would
// have stored them (ISTAT comune codes of today, the birth state by name,
// one citizenship, "VIA ROMA" and "12/A" as single strings, "QUESTURA DI
// FIRENZE", the permit type as text). Person IDs must be decimal integers
// (adaptertest.IntegerIDs renumbers a fixture).
func (s *Source) Insert(ctx context.Context, records []*anagrafe.Record, past []anagrafetest.PastPermit) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w := writer{tx: tx, tables: s.tables, families: map[string]int64{}, permits: map[string]int64{}}
	for _, r := range records {
		if err := w.person(ctx, &r.Person); err != nil {
			return fmt.Errorf("person %s: %w", r.Person.ID, err)
		}
	}
	for _, pp := range past {
		if err := w.pastPermit(ctx, pp); err != nil {
			return fmt.Errorf("past permit of %s: %w", pp.PersonID, err)
		}
	}
	return tx.Commit()
}

type writer struct {
	tx       *sql.Tx
	tables   *codes.Tables
	families map[string]int64 // codice → id
	permits  map[string]int64 // person ID → current permit row
}

func null(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func nullDate(d codes.Date) sql.NullString {
	if d == 0 {
		return sql.NullString{}
	}
	return sql.NullString{String: d.String(), Valid: true}
}

func nullID(id string) (sql.NullInt64, error) {
	if id == "" {
		return sql.NullInt64{}, nil
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return sql.NullInt64{}, fmt.Errorf("id %q is not an integer", id)
	}
	return sql.NullInt64{Int64: n, Valid: true}, nil
}

func (w *writer) person(ctx context.Context, p *anagrafe.Person) error {
	id, err := nullID(p.ID)
	if err != nil {
		return err
	}
	father, err := nullID(p.FatherID)
	if err != nil {
		return err
	}
	mother, err := nullID(p.MotherID)
	if err != nil {
		return err
	}
	var fam sql.NullInt64
	if p.FamilyID != "" {
		k, ok := w.families[p.FamilyID]
		if !ok {
			res, err := w.tx.ExecContext(ctx, `INSERT INTO famiglie (codice) VALUES (?)`, p.FamilyID)
			if err != nil {
				return err
			}
			if k, err = res.LastInsertId(); err != nil {
				return err
			}
			w.families[p.FamilyID] = k
		}
		fam = sql.NullInt64{Int64: k, Valid: true}
	}
	var birth, birthComune, birthState, citizenship sql.NullString
	if d, ok := p.BirthDate.Date(); ok {
		birth = nullDate(d) // partial dates cannot be stored
	}
	if p.BirthComune != "" {
		// Today's ISTAT code, as vendor software keeps it (Prato: 100005
		// even for a birth in 1990, when it was 048034).
		c, ok := w.tables.ComuneByBelfiore(p.BirthComune, 0)
		if !ok {
			return fmt.Errorf("birth comune %s unknown", p.BirthComune)
		}
		birthComune = null(c.Istat)
	}
	if p.BirthState != "" {
		st, ok := w.tables.StateByIstat(p.BirthState, 0)
		if !ok {
			return fmt.Errorf("birth state %s unknown", p.BirthState)
		}
		birthState = null(st.Name)
	}
	if len(p.Citizenships) > 0 {
		citizenship = null(p.Citizenships[0]) // one citizenship only
	}
	a := p.Address
	var comune sql.NullString
	if a.Comune != "" {
		c, ok := w.tables.ComuneByBelfiore(a.Comune, 0)
		if !ok {
			return fmt.Errorf("residence comune %s unknown", a.Comune)
		}
		comune = null(c.Istat)
	}
	street := strings.TrimSpace(a.Specie + " " + a.Street)
	number := a.Number
	if a.Exponent != "" {
		number += "/" + a.Exponent
	}
	var updated sql.NullString
	if !p.UpdatedAt.IsZero() {
		updated = null(p.UpdatedAt.UTC().Format(time.RFC3339Nano))
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO individui (id, codice_fiscale, cognome, nome, sesso, data_nascita,
		comune_nascita_istat, stato_nascita, luogo_estero, cittadinanza, stato_civile, comune_istat, indirizzo, civico,
		scala, interno, cap, presso, telefono, email, famiglia_id, parentela, padre_id, madre_id, aggiornato)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, null(p.CodiceFiscale), p.Surname, p.Name, string(p.Sex), birth,
		birthComune, birthState, null(p.BirthLocality), citizenship, null(p.MaritalStatus), comune, null(street), null(number),
		null(a.Staircase), null(a.Interior), null(a.CAP), null(a.CareOf), null(p.Phone), null(p.Email), fam, null(p.Relation), father, mother, updated)
	if err != nil {
		return err
	}
	for i, d := range p.Documents {
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO documenti (individuo_id, ordine, tipo, numero, rilascio, scadenza, autorita, stato_istat)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i, string(d.Kind), null(d.Number), nullDate(d.IssueDate), nullDate(d.ExpiryDate), null(d.Authority), null(d.IssuingState)); err != nil {
			return err
		}
	}
	if p.Permit != nil {
		k, err := w.permit(ctx, id.Int64, *p.Permit, false, sql.NullInt64{})
		if err != nil {
			return err
		}
		w.permits[p.ID] = k
	}
	return nil
}

// pastPermit stores a superseded row (pointing at the current permit) or a
// cancelled one.
func (w *writer) pastPermit(ctx context.Context, pp anagrafetest.PastPermit) error {
	id, err := nullID(pp.PersonID)
	if err != nil {
		return err
	}
	var by sql.NullInt64
	if pp.Status == anagrafetest.Superseded {
		k, ok := w.permits[pp.PersonID]
		if !ok {
			return fmt.Errorf("superseded permit of a person without a current one")
		}
		by = sql.NullInt64{Int64: k, Valid: true}
	}
	_, err = w.permit(ctx, id.Int64, pp.Permit, pp.Status == anagrafetest.Cancelled, by)
	return err
}

func (w *writer) permit(ctx context.Context, person int64, pm anagrafe.Permit, cancelled bool, supersededBy sql.NullInt64) (int64, error) {
	var questura sql.NullString
	if pm.Questura != "" {
		p, ok := w.tables.Province(pm.Questura)
		if !ok {
			return 0, fmt.Errorf("questura %s unknown", pm.Questura)
		}
		questura = null("QUESTURA DI " + strings.ToUpper(p.Name))
	}
	annullato := 0
	if cancelled {
		annullato = 1
	}
	res, err := w.tx.ExecContext(ctx, `INSERT INTO permessi (individuo_id, tipo, titolo, numero, rilascio, scadenza, rinnovo, questura, annullato, sostituito_da)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, person, pm.Motive, pm.Type, null(pm.Number), nullDate(pm.IssueDate), nullDate(pm.ExpiryDate), nullDate(pm.RenewedOn), questura, annullato, supersededBy)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}
