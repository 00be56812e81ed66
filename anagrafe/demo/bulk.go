package demo

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// bulkRows is the number of persons buffered before their rows are
// inserted with one multi-row INSERT per table.
const bulkRows = 256

// bulkWriter loads persons into the tables of package sqlreg's schema
// (the rows of sqlreg.AppendRows, as sqlreg.Writer writes them) with
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
	vals    sqlreg.Rows
	lastFam string
}

func newBulkWriter(ctx context.Context, db *sql.DB, batch int) *bulkWriter {
	return &bulkWriter{ctx: ctx, db: db, batch: batch}
}

// Write buffers one person.
func (w *bulkWriter) Write(p *anagrafe.Person) error {
	fams := len(w.vals[0])
	sqlreg.AppendRows(&w.vals, p)
	if p.FamilyID != "" {
		if p.FamilyID == w.lastFam {
			w.vals[0] = w.vals[0][:fams] // household already buffered or written
		}
		w.lastFam = p.FamilyID
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
	for i, t := range sqlreg.Tables {
		vals := w.vals[i]
		if len(vals) == 0 {
			continue
		}
		if _, err := w.tx.ExecContext(w.ctx, t.InsertSQL(len(vals)/len(t.Columns)), vals...); err != nil {
			return fmt.Errorf("%s: %w", t.Name, err)
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
