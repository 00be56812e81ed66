package sqlreg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// Source is an anagrafe.Source over a database holding the schema of
// schema.sql. It is safe for concurrent use.
type Source struct {
	db      *sql.DB
	dialect Dialect
	opts    Options
	owned   bool

	stmts stmtCache // the reader's prepared statements (reader.go)
}

var (
	_ anagrafe.Source                      = (*Source)(nil)
	_ anagrafe.Querier                     = (*Source)(nil)
	_ anagrafe.Counter                     = (*Source)(nil)
	_ anagrafe.ResidenceDeclarationTracker = (*Source)(nil)
)

const personCols = `p.id, p.codice_fiscale, p.cognome, p.nome, p.sesso, p.data_nascita,
 p.comune_nascita, p.stato_nascita, p.localita_nascita, p.stato_civile, p.telefono, p.email,
 p.titolo_studio, p.posizione_professione, p.condizione_non_professionale,
 p.famiglia_id, p.relazione_parentela, p.padre_id, p.madre_id, p.dichiarazione_dimora, p.aggiornato_il,
 i.comune, i.provincia, i.specie, i.denominazione, i.civico, i.esponente, i.scala, i.interno, i.cap, i.presso`

const permitCols = `m.persona_id, m.tipo, m.tipologia_kit, m.motivo, m.numero, m.data_rilascio,
 m.data_scadenza, m.questura, m.data_rinnovo`

// New returns a Source reading db, which the caller keeps ownership of
// (Close does not close it).
func New(db *sql.DB, d Dialect, opts Options) *Source {
	if opts.PageSize <= 0 {
		opts.PageSize = DefaultPageSize
	}
	opts.PageSize = min(opts.PageSize, maxChunk)
	return &Source{db: db, dialect: d, opts: opts}
}

// DB returns the database handle.
func (s *Source) DB() *sql.DB { return s.db }

// Dialect returns the source's SQL dialect.
func (s *Source) Dialect() Dialect { return s.dialect }

// Close closes the statements the Source prepared, and the database if the
// Source was made by Open.
func (s *Source) Close() error {
	err := s.stmts.close()
	if s.owned {
		return s.db.Close()
	}
	return err
}

// TracksResidenceDeclaration implements anagrafe.ResidenceDeclarationTracker.
func (s *Source) TracksResidenceDeclaration() bool { return !s.opts.NoResidenceDeclaration }

// Person implements anagrafe.Source.
func (s *Source) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	recs, _, err := s.readChunk(ctx, "p.id = ?", []any{id}, "", true, 1)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%w: id %s", anagrafe.ErrNotFound, anagrafe.MaskPersonID(strings.ToValidUTF8(id, "?")))
	}
	if recs[0].err != nil {
		return nil, recs[0].err
	}
	return recs[0].rec, nil
}

// Persons implements anagrafe.Source.
func (s *Source) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return s.stream(ctx, "", nil)
}

// Query implements anagrafe.Querier for every kind.
func (s *Source) Query(ctx context.Context, q anagrafe.Query) iter.Seq2[*anagrafe.Record, error] {
	q = q.Resolve()
	where, args, err := s.where(q)
	if err != nil {
		return func(yield func(*anagrafe.Record, error) bool) { yield(nil, err) }
	}
	return s.stream(ctx, where, args)
}

// Count implements anagrafe.Counter.
func (s *Source) Count(ctx context.Context, q anagrafe.Query) (int, error) {
	q = q.Resolve()
	where, args, err := s.where(q)
	if err != nil {
		return 0, err
	}
	query := "SELECT COUNT(*) FROM persone p LEFT JOIN permessi m ON m.persona_id = p.id"
	if where != "" {
		query += " WHERE " + where
	}
	var n int
	if err := s.db.QueryRowContext(ctx, s.dialect.rebind(query), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlreg: count: %w", err)
	}
	return n, nil
}

// where returns the SQL condition of q (on persone p and permessi m) with
// the semantics of anagrafe.Match.
func (s *Source) where(q anagrafe.Query) (string, []any, error) {
	if err := q.Validate(); err != nil {
		return "", nil, err
	}
	from, to, _ := q.Bounds()
	switch q.Kind {
	case anagrafe.KindAll:
		return "", nil, nil
	case anagrafe.KindExpiringWithin:
		return "m.data_scadenza >= ? AND m.data_scadenza <= ?", []any{from.String(), to.String()}, nil
	case anagrafe.KindExpiredMoreThan:
		return "m.data_scadenza >= ? AND m.data_scadenza <= ? AND m.tipo NOT IN ('5', '6')", []any{from.String(), to.String()}, nil
	case anagrafe.KindMissingResidenceDeclaration:
		if s.opts.NoResidenceDeclaration {
			return "", nil, anagrafe.ErrUnsupported
		}
		return "m.data_rinnovo >= ? AND m.data_rinnovo <= ? AND (p.dichiarazione_dimora IS NULL OR p.dichiarazione_dimora < m.data_rinnovo)",
			[]any{from.String(), to.String()}, nil
	case anagrafe.KindChangedSince:
		if q.Since.IsZero() {
			return "", nil, nil
		}
		return "p.aggiornato_il >= ?", []any{formatTime(q.Since)}, nil
	}
	return "", nil, fmt.Errorf("%w: kind %v", anagrafe.ErrBadQuery, q.Kind)
}

// documentError returns a document row of person id and its record error
// (a cell that cannot be read, an impossible date), or nil: the one reading
// of a documenti row, for every reader.
func documentError(id string, kind, num, issue, expiry, auth, state nstring) (doc anagrafe.IdentityDocument, err error) {
	doc = anagrafe.IdentityDocument{Kind: anagrafe.DocumentKind(kind.String), Number: num.String, Authority: auth.String, IssuingState: state.String}
	for _, c := range []struct {
		v   nstring
		col string
	}{{kind, "documenti.tipo"}, {num, "documenti.numero"}, {issue, "documenti.data_rilascio"},
		{expiry, "documenti.data_scadenza"}, {auth, "documenti.autorita"}, {state, "documenti.stato_rilascio"}} {
		if c.v.err != nil && err == nil {
			err = recordError(id, c.col, anagrafe.ReasonBadValue, c.v.err)
		}
	}
	var perr error
	if doc.IssueDate, perr = parseDate(issue.String); perr != nil && err == nil {
		err = dateError(id, "documenti.data_rilascio", issue.String)
	}
	if doc.ExpiryDate, perr = parseDate(expiry.String); perr != nil && err == nil {
		err = dateError(id, "documenti.data_scadenza", expiry.String)
	}
	return doc, err
}

// citizenshipError returns the record error of a citizenship row of person
// id whose state cell cannot be read, or nil.
func citizenshipError(id string, state nstring) error {
	if state.err == nil {
		return nil
	}
	return recordError(id, "cittadinanze.stato", anagrafe.ReasonBadValue, state.err)
}

// householdError is the error of person id whose household cannot be
// built because a member's row yields the record error member.
func householdError(id string, member error) error {
	var me *anagrafe.RecordError
	if !errors.As(member, &me) {
		return member
	}
	return &anagrafe.RecordError{PersonID: id, Field: me.Field, Reason: anagrafe.ReasonHousehold,
		Err: fmt.Errorf("%w: member %s: %w", anagrafe.ErrHousehold, anagrafe.MaskPersonID(me.PersonID), me.Err)}
}
