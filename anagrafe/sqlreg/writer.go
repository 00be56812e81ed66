package sqlreg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
)

// ErrWriterClosed is returned by Writer.Write after Close or Abort.
var ErrWriterClosed = errors.New("sqlreg: writer closed")

// Writer loads persons into the schema's tables, committing every
// BatchSize persons. It is meant for demo registers, tests and migrations;
// it is not safe for concurrent use.
type Writer struct {
	s     *Source
	ctx   context.Context
	tx    *sql.Tx
	stmts [6]*sql.Stmt
	n     int
	done  bool

	// BatchSize is the number of persons per transaction; set it before the
	// first Write. 0 means 1000.
	BatchSize int
}

var insertSQL = [6]string{
	`INSERT INTO famiglie (id) VALUES (?) ON CONFLICT (id) DO NOTHING`,
	`INSERT INTO persone (id, codice_fiscale, cognome, nome, sesso, data_nascita, comune_nascita, stato_nascita,
 localita_nascita, stato_civile, telefono, email, titolo_studio, posizione_professione, condizione_non_professionale,
 famiglia_id, relazione_parentela, padre_id, madre_id, dichiarazione_dimora, aggiornato_il)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	`INSERT INTO indirizzi (persona_id, comune, provincia, specie, denominazione, civico, esponente, scala, interno, cap, presso)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	`INSERT INTO cittadinanze (persona_id, ordine, stato) VALUES (?, ?, ?)`,
	`INSERT INTO permessi (persona_id, tipo, tipologia_kit, motivo, numero, data_rilascio, data_scadenza, questura, data_rinnovo)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	`INSERT INTO documenti (persona_id, ordine, tipo, numero, data_rilascio, data_scadenza, autorita, stato_rilascio)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
}

// NewWriter returns a Writer on s's database. The schema must exist.
func (s *Source) NewWriter(ctx context.Context) *Writer {
	return &Writer{s: s, ctx: ctx}
}

// Insert writes persons in one batch (see Writer).
func (s *Source) Insert(ctx context.Context, persons ...anagrafe.Person) error {
	w := s.NewWriter(ctx)
	for i := range persons {
		if err := w.Write(&persons[i]); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Close()
}

// InsertRecords writes the Person of each record (households are rebuilt
// from FamilyID when reading).
func (s *Source) InsertRecords(ctx context.Context, records ...*anagrafe.Record) error {
	w := s.NewWriter(ctx)
	for _, r := range records {
		if r == nil {
			continue
		}
		if err := w.Write(&r.Person); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Close()
}

func (w *Writer) begin() error {
	tx, err := w.s.db.BeginTx(w.ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlreg: write: %w", err)
	}
	for i, q := range insertSQL {
		st, err := tx.PrepareContext(w.ctx, w.s.dialect.rebind(q))
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("sqlreg: write: %w", err)
		}
		w.stmts[i] = st
	}
	w.tx = tx
	return nil
}

func (w *Writer) commit() error {
	if w.tx == nil {
		return nil
	}
	for _, st := range w.stmts {
		st.Close()
	}
	err := w.tx.Commit()
	w.tx = nil
	if err != nil {
		return fmt.Errorf("sqlreg: write: commit: %w", err)
	}
	return nil
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullDate(d codes.Date) any {
	if d == 0 {
		return nil
	}
	return d.String()
}

// Write inserts one person with address, citizenships, permit and
// documents. An error leaves the current batch uncommitted; call Abort.
func (w *Writer) Write(p *anagrafe.Person) error {
	if w.done {
		return ErrWriterClosed
	}
	if w.tx == nil {
		if err := w.begin(); err != nil {
			return err
		}
	}
	wrap := func(table string, err error) error {
		return fmt.Errorf("sqlreg: write person %q: %s: %w", p.ID, table, err)
	}
	ctx := w.ctx
	if p.FamilyID != "" {
		if _, err := w.stmts[0].ExecContext(ctx, p.FamilyID); err != nil {
			return wrap("famiglie", err)
		}
	}
	var updated any
	if !p.UpdatedAt.IsZero() {
		updated = formatTime(p.UpdatedAt)
	}
	if _, err := w.stmts[1].ExecContext(ctx, p.ID, nullStr(p.CodiceFiscale), p.Surname, p.Name, nullStr(string(p.Sex)),
		nullStr(p.BirthDate.String()), nullStr(p.BirthComune), nullStr(p.BirthState), nullStr(p.BirthLocality),
		nullStr(p.MaritalStatus), nullStr(p.Phone), nullStr(p.Email), nullStr(p.Education), nullStr(p.Occupation),
		nullStr(p.NonProfessional), nullStr(p.FamilyID), nullStr(p.Relation), nullStr(p.FatherID), nullStr(p.MotherID),
		nullDate(p.ResidenceDeclaredOn), updated); err != nil {
		return wrap("persone", err)
	}
	if a := p.Address; !a.IsZero() {
		if _, err := w.stmts[2].ExecContext(ctx, p.ID, nullStr(a.Comune), nullStr(a.Province), nullStr(a.Specie),
			nullStr(a.Street), nullStr(a.Number), nullStr(a.Exponent), nullStr(a.Staircase), nullStr(a.Interior),
			nullStr(a.CAP), nullStr(a.CareOf)); err != nil {
			return wrap("indirizzi", err)
		}
	}
	for i, c := range p.Citizenships {
		if _, err := w.stmts[3].ExecContext(ctx, p.ID, i+1, c); err != nil {
			return wrap("cittadinanze", err)
		}
	}
	if pm := p.Permit; pm != nil {
		var kit any
		if pm.Kit != 0 {
			kit = pm.Kit
		}
		if _, err := w.stmts[4].ExecContext(ctx, p.ID, pm.Type, kit, nullStr(pm.Motive), nullStr(pm.Number),
			nullDate(pm.IssueDate), nullDate(pm.ExpiryDate), nullStr(pm.Questura), nullDate(pm.RenewedOn)); err != nil {
			return wrap("permessi", err)
		}
	}
	for i, d := range p.Documents {
		if _, err := w.stmts[5].ExecContext(ctx, p.ID, i+1, string(d.Kind), nullStr(d.Number), nullDate(d.IssueDate),
			nullDate(d.ExpiryDate), nullStr(d.Authority), nullStr(d.IssuingState)); err != nil {
			return wrap("documenti", err)
		}
	}
	w.n++
	size := w.BatchSize
	if size <= 0 {
		size = 1000
	}
	if w.n%size == 0 {
		return w.commit()
	}
	return nil
}

// Written returns the number of persons written so far.
func (w *Writer) Written() int { return w.n }

// Close commits the last batch.
func (w *Writer) Close() error {
	if w.done {
		return nil
	}
	w.done = true
	return w.commit()
}

// Abort rolls back the current batch (earlier batches stay committed).
func (w *Writer) Abort() error {
	if w.done {
		return nil
	}
	w.done = true
	if w.tx == nil {
		return nil
	}
	for _, st := range w.stmts {
		st.Close()
	}
	err := w.tx.Rollback()
	w.tx = nil
	return err
}
