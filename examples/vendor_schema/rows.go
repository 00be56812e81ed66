package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/vendormap"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

const personColumns = `i.id, i.codice_fiscale, i.cognome, i.nome, i.sesso, i.data_nascita, i.comune_nascita_istat,
	i.stato_nascita, i.luogo_estero, i.cittadinanza, i.stato_civile, i.comune_istat, i.indirizzo, i.civico,
	i.scala, i.interno, i.cap, i.presso, i.telefono, i.email, f.codice, i.parentela, i.padre_id, i.madre_id,
	i.aggiornato, i.famiglia_id`

// individuo is one row of individui (with the household code).
type individuo struct {
	id                                                   int64
	cf, cognome, nome, sesso, nascita, comuneNascita     sql.NullString
	statoNascita, luogoEstero, cittadinanza, statoCivile sql.NullString
	comune, indirizzo, civico, scala, interno, cap       sql.NullString
	presso, telefono, email, famiglia, parentela         sql.NullString
	padre, madre                                         sql.NullInt64
	aggiornato                                           sql.NullString
	famigliaID                                           sql.NullInt64
}

func (r *individuo) dest() []any {
	return []any{&r.id, &r.cf, &r.cognome, &r.nome, &r.sesso, &r.nascita, &r.comuneNascita,
		&r.statoNascita, &r.luogoEstero, &r.cittadinanza, &r.statoCivile, &r.comune, &r.indirizzo, &r.civico,
		&r.scala, &r.interno, &r.cap, &r.presso, &r.telefono, &r.email, &r.famiglia, &r.parentela, &r.padre, &r.madre,
		&r.aggiornato, &r.famigliaID}
}

// person reads one individuo and maps it; it returns the household key.
func (s *Source) person(ctx context.Context, id int64) (anagrafe.Person, sql.NullInt64, error) {
	var r individuo
	err := s.db.QueryRowContext(ctx, `SELECT `+personColumns+` FROM individui i LEFT JOIN famiglie f ON f.id = i.famiglia_id WHERE i.id = ?`, id).Scan(r.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return anagrafe.Person{}, sql.NullInt64{}, fmt.Errorf("%w: id %d", anagrafe.ErrNotFound, id)
	}
	if err != nil {
		return anagrafe.Person{}, sql.NullInt64{}, err
	}
	p, err := s.mapPerson(&r)
	return p, r.famigliaID, err
}

// mapPerson maps an individuo to the register model with the vendormap
// helpers and the code tables.
func (s *Source) mapPerson(r *individuo) (anagrafe.Person, error) {
	id := strconv.FormatInt(r.id, 10)
	rowErr := func(field string, err error) error { return rowError(id, field, err) }
	p := anagrafe.Person{
		ID: id, CodiceFiscale: r.cf.String, Surname: r.cognome.String, Name: r.nome.String, Sex: eli2.Sesso(r.sesso.String),
		BirthLocality: r.luogoEstero.String, MaritalStatus: r.statoCivile.String,
		Phone: r.telefono.String, Email: r.email.String, FamilyID: r.famiglia.String, Relation: r.parentela.String,
		Address: anagrafe.Address{Staircase: r.scala.String, Interior: r.interno.String, CAP: r.cap.String, CareOf: r.presso.String},
	}
	if r.cittadinanza.String != "" {
		p.Citizenships = []string{r.cittadinanza.String}
	}
	if r.padre.Valid {
		p.FatherID = strconv.FormatInt(r.padre.Int64, 10)
	}
	if r.madre.Valid {
		p.MotherID = strconv.FormatInt(r.madre.Int64, 10)
	}
	var birth codes.Date
	if r.nascita.String != "" {
		d, err := codes.ParseDate(r.nascita.String)
		if err != nil {
			return p, rowErr("individui.data_nascita", err)
		}
		birth = d
		p.BirthDate = eli2.PartialDate{Year: d.Year(), Month: d.Month(), Day: d.Day()}
	}
	if code := r.comuneNascita.String; code != "" {
		// Today's code at the birth date: codes follows the comune
		// through province changes (Prato 100005 in 1990 was 048034).
		c, ok := s.tables.ComuneByIstat(code, birth)
		if !ok {
			return p, rowErr("individui.comune_nascita_istat", fmt.Errorf("no comune has ISTAT code %q on %s", clip(code), birth))
		}
		p.BirthComune = c.Belfiore
	}
	if name := r.statoNascita.String; name != "" {
		st, err := vendormap.StateIn(s.tables, name, 0)
		if err != nil {
			return p, rowErr("individui.stato_nascita", err)
		}
		p.BirthState = st.Istat
	}
	if err := s.mapAddress(r, &p.Address); err != nil {
		return p, rowErr("individui.indirizzo", err)
	}
	if r.aggiornato.String != "" {
		t, err := time.Parse(time.RFC3339Nano, r.aggiornato.String)
		if err != nil {
			return p, rowErr("individui.aggiornato", err)
		}
		p.UpdatedAt = t.UTC()
	}
	return p, nil
}

// mapAddress fills the residence: the comune from today's ISTAT code, the
// street line split into ANPR specie and denominazione, the house number
// into number and esponente. A line that starts with no ANPR specie is kept
// whole as the street name (the validator then reports the missing specie);
// an unreadable house number is kept as written.
func (s *Source) mapAddress(r *individuo, a *anagrafe.Address) error {
	if code := r.comune.String; code != "" {
		c, ok := s.tables.ComuneByIstat(code, 0)
		if !ok {
			return fmt.Errorf("no comune has ISTAT code %q", clip(code))
		}
		a.Comune, a.Province = c.Belfiore, c.Province
	}
	t, err := vendormap.SplitStreet(r.indirizzo.String)
	if err != nil && !errors.Is(err, vendormap.ErrNoSpecie) {
		return err
	}
	a.Specie, a.Street = t.Specie, t.Name
	h, err := vendormap.SplitHouseNumber(r.civico.String)
	switch {
	case err != nil:
		a.Number = strings.TrimSpace(r.civico.String)
	case h.Kilometre != "":
		a.Number = "KM " + h.Kilometre
	default:
		a.Number, a.Exponent = h.Number, h.Exponent
	}
	return nil
}

// current reads the person's current permit: neither cancelled nor
// superseded; the latest issued if the data hold several.
func (s *Source) current(ctx context.Context, id int64, p *anagrafe.Person) error {
	var tipo, titolo, numero, rilascio, scadenza, rinnovo, questura sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT tipo, titolo, numero, rilascio, scadenza, rinnovo, questura FROM permessi
		WHERE individuo_id = ? AND annullato = 0 AND sostituito_da IS NULL ORDER BY rilascio DESC, id DESC LIMIT 1`, id).
		Scan(&tipo, &titolo, &numero, &rilascio, &scadenza, &rinnovo, &questura)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	rowErr := func(field string, err error) error { return rowError(p.ID, field, err) }
	pm := &anagrafe.Permit{Type: titolo.String, Motive: tipo.String, Number: numero.String}
	for _, d := range []struct {
		field string
		in    sql.NullString
		out   *codes.Date
	}{{"permessi.rilascio", rilascio, &pm.IssueDate}, {"permessi.scadenza", scadenza, &pm.ExpiryDate}, {"permessi.rinnovo", rinnovo, &pm.RenewedOn}} {
		if d.in.String == "" {
			continue
		}
		v, err := codes.ParseDate(d.in.String)
		if err != nil {
			return rowErr(d.field, err)
		}
		*d.out = v
	}
	if q := questura.String; q != "" {
		sigla, err := vendormap.Questura(q)
		if err != nil {
			return rowErr("permessi.questura", err)
		}
		pm.Questura = sigla
	}
	// The schema has no kit code: derive it from the text, in the kit
	// edition in force on the source's date; an unknown text stays 0 and
	// the help desk chooses.
	if kit, err := s.permits.Kit(tipo.String, s.on); err == nil {
		pm.Kit = kit
	}
	p.Permit = pm
	return nil
}

func (s *Source) documents(ctx context.Context, id int64, p *anagrafe.Person) error {
	rows, err := s.db.QueryContext(ctx, `SELECT tipo, numero, rilascio, scadenza, autorita, stato_istat FROM documenti WHERE individuo_id = ? ORDER BY ordine`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var tipo, numero, rilascio, scadenza, autorita, stato sql.NullString
		if err := rows.Scan(&tipo, &numero, &rilascio, &scadenza, &autorita, &stato); err != nil {
			return err
		}
		d := anagrafe.IdentityDocument{Kind: anagrafe.DocumentKind(tipo.String), Number: numero.String, Authority: autorita.String, IssuingState: stato.String}
		for _, v := range []struct {
			in  string
			out *codes.Date
		}{{rilascio.String, &d.IssueDate}, {scadenza.String, &d.ExpiryDate}} {
			if v.in == "" {
				continue
			}
			if *v.out, err = codes.ParseDate(v.in); err != nil {
				return rowError(p.ID, "documenti", err)
			}
		}
		p.Documents = append(p.Documents, d)
	}
	return rows.Err()
}

// family reads the household: every member, head first then ascending ID
// (byte order), without permits and documents.
func (s *Source) family(ctx context.Context, key int64) (*anagrafe.Family, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+personColumns+` FROM individui i JOIN famiglie f ON f.id = i.famiglia_id WHERE i.famiglia_id = ?`, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var f *anagrafe.Family
	for rows.Next() {
		var r individuo
		if err := rows.Scan(r.dest()...); err != nil {
			return nil, err
		}
		m, err := s.mapPerson(&r)
		if err != nil {
			return nil, err
		}
		if f == nil {
			f = &anagrafe.Family{ID: m.FamilyID}
		}
		f.Members = append(f.Members, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if f != nil {
		anagrafe.SortMembers(f.Members)
	}
	return f, nil
}

// clip shortens a value quoted in an error.
func clip(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}
