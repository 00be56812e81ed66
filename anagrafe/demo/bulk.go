package demo

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
)

// bulkRows is the number of persons buffered before their rows are
// inserted with one multi-row INSERT per table.
const bulkRows = 256

// bulkTable is one table of the sqlreg schema as the bulk loader fills it.
type bulkTable struct {
	name, cols, suffix string
	ncols              int
}

var bulkTables = [...]bulkTable{
	{"famiglie", "id", " ON CONFLICT (id) DO NOTHING", 1},
	{"persone", "id, codice_fiscale, cognome, nome, sesso, data_nascita, comune_nascita, stato_nascita, localita_nascita, stato_civile, telefono, email, titolo_studio, posizione_professione, condizione_non_professionale, famiglia_id, relazione_parentela, padre_id, madre_id, dichiarazione_dimora, aggiornato_il", "", 21},
	{"indirizzi", "persona_id, comune, provincia, specie, denominazione, civico, esponente, scala, interno, cap, presso", "", 11},
	{"cittadinanze", "persona_id, ordine, stato", "", 3},
	{"permessi", "persona_id, tipo, tipologia_kit, motivo, numero, data_rilascio, data_scadenza, questura, data_rinnovo", "", 9},
	{"documenti", "persona_id, ordine, tipo, numero, data_rilascio, data_scadenza, autorita, stato_rilascio", "", 8},
}

// updatedLayout is the schema's fixed-width UTC form of aggiornato_il.
const updatedLayout = "2006-01-02T15:04:05.000000000Z"

// bulkWriter loads persons into the tables of package sqlreg's schema
// (schema.sql: the same columns and value formats as sqlreg.Writer) with
// multi-row INSERT statements, committing every batch persons: for a demo
// register of hundreds of thousands of persons, one statement per row
// costs several times more.
type bulkWriter struct {
	ctx     context.Context
	db      *sql.DB
	tx      *sql.Tx
	batch   int
	pending int // persons buffered
	inTx    int // persons in the open transaction
	vals    [len(bulkTables)][]any
	lastFam string
	sb      strings.Builder
}

func newBulkWriter(ctx context.Context, db *sql.DB, batch int) *bulkWriter {
	return &bulkWriter{ctx: ctx, db: db, batch: batch}
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

// Write buffers one person.
func (w *bulkWriter) Write(p *anagrafe.Person) error {
	v := &w.vals
	if p.FamilyID != "" && p.FamilyID != w.lastFam {
		v[0] = append(v[0], p.FamilyID)
		w.lastFam = p.FamilyID
	}
	var updated any
	if !p.UpdatedAt.IsZero() {
		updated = p.UpdatedAt.UTC().Format(updatedLayout)
	}
	v[1] = append(v[1], p.ID, nullStr(p.CodiceFiscale), p.Surname, p.Name, nullStr(string(p.Sex)),
		nullStr(p.BirthDate.String()), nullStr(p.BirthComune), nullStr(p.BirthState), nullStr(p.BirthLocality),
		nullStr(p.MaritalStatus), nullStr(p.Phone), nullStr(p.Email), nullStr(p.Education), nullStr(p.Occupation),
		nullStr(p.NonProfessional), nullStr(p.FamilyID), nullStr(p.Relation), nullStr(p.FatherID), nullStr(p.MotherID),
		nullDate(p.ResidenceDeclaredOn), updated)
	if a := p.Address; !a.IsZero() {
		v[2] = append(v[2], p.ID, nullStr(a.Comune), nullStr(a.Province), nullStr(a.Specie), nullStr(a.Street),
			nullStr(a.Number), nullStr(a.Exponent), nullStr(a.Staircase), nullStr(a.Interior), nullStr(a.CAP), nullStr(a.CareOf))
	}
	for i, c := range p.Citizenships {
		v[3] = append(v[3], p.ID, i+1, c)
	}
	if pm := p.Permit; pm != nil {
		var kit any
		if pm.Kit != 0 {
			kit = pm.Kit
		}
		v[4] = append(v[4], p.ID, pm.Type, kit, nullStr(pm.Motive), nullStr(pm.Number), nullDate(pm.IssueDate),
			nullDate(pm.ExpiryDate), nullStr(pm.Questura), nullDate(pm.RenewedOn))
	}
	for i, d := range p.Documents {
		v[5] = append(v[5], p.ID, i+1, string(d.Kind), nullStr(d.Number), nullDate(d.IssueDate), nullDate(d.ExpiryDate),
			nullStr(d.Authority), nullStr(d.IssuingState))
	}
	w.pending++
	if w.pending >= bulkRows {
		return w.flush()
	}
	return nil
}

// flush inserts the buffered rows, and commits when the batch is full.
func (w *bulkWriter) flush() error {
	if w.pending == 0 {
		return nil
	}
	if w.tx == nil {
		tx, err := w.db.BeginTx(w.ctx, nil)
		if err != nil {
			return err
		}
		w.tx = tx
	}
	for i, t := range bulkTables {
		vals := w.vals[i]
		if len(vals) == 0 {
			continue
		}
		w.sb.Reset()
		w.sb.WriteString("INSERT INTO ")
		w.sb.WriteString(t.name)
		w.sb.WriteString(" (")
		w.sb.WriteString(t.cols)
		w.sb.WriteString(") VALUES ")
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", t.ncols), ", ") + ")"
		for r := 0; r < len(vals)/t.ncols; r++ {
			if r > 0 {
				w.sb.WriteString(", ")
			}
			w.sb.WriteString(row)
		}
		w.sb.WriteString(t.suffix)
		if _, err := w.tx.ExecContext(w.ctx, w.sb.String(), vals...); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
		clear(vals)
		w.vals[i] = vals[:0]
	}
	w.inTx += w.pending
	w.pending = 0
	if w.inTx >= w.batch {
		return w.commit()
	}
	return nil
}

func (w *bulkWriter) commit() error {
	if w.tx == nil {
		return nil
	}
	err := w.tx.Commit()
	w.tx, w.inTx = nil, 0
	return err
}

// Close writes what is buffered and commits.
func (w *bulkWriter) Close() error {
	if err := w.flush(); err != nil {
		return err
	}
	return w.commit()
}

// Abort rolls back the open transaction.
func (w *bulkWriter) Abort() {
	if w.tx != nil {
		w.tx.Rollback()
		w.tx = nil
	}
}
