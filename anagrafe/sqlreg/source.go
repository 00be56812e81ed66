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

	personSQL  string // page query prefix (persons with address and permit)
	memberSQL  string // household members prefix
	citizenSQL string
	docSQL     string
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
	opts.PageSize = min(opts.PageSize, maxParams)
	return &Source{
		db: db, dialect: d, opts: opts,
		personSQL: "SELECT " + personCols + ", " + permitCols +
			" FROM persone p LEFT JOIN indirizzi i ON i.persona_id = p.id LEFT JOIN permessi m ON m.persona_id = p.id",
		memberSQL:  "SELECT " + personCols + " FROM persone p LEFT JOIN indirizzi i ON i.persona_id = p.id WHERE p.famiglia_id IN ",
		citizenSQL: "SELECT persona_id, stato FROM cittadinanze WHERE persona_id IN ",
		docSQL:     "SELECT persona_id, tipo, numero, data_rilascio, data_scadenza, autorita, stato_rilascio FROM documenti WHERE persona_id IN ",
	}
}

// DB returns the database handle.
func (s *Source) DB() *sql.DB { return s.db }

// Dialect returns the source's SQL dialect.
func (s *Source) Dialect() Dialect { return s.dialect }

// Close closes the database if the Source was made by Open.
func (s *Source) Close() error {
	if s.owned {
		return s.db.Close()
	}
	return nil
}

// TracksResidenceDeclaration implements anagrafe.ResidenceDeclarationTracker.
func (s *Source) TracksResidenceDeclaration() bool { return !s.opts.NoResidenceDeclaration }

// Person implements anagrafe.Source.
func (s *Source) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	recs, _, err := s.page(ctx, "p.id = ?", []any{id}, "", 1)
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

// item is one decoded row: a record or the error that prevented decoding it.
type item struct {
	rec *anagrafe.Record
	err error
}

// stream pages through persons matching where, in ascending ID order.
func (s *Source) stream(ctx context.Context, where string, args []any) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		after, first := "", true
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			cond := where
			a := append([]any(nil), args...)
			if !first {
				c := s.dialect.idExpr("p.id") + " > ?"
				if cond != "" {
					cond = "(" + cond + ") AND " + c
				} else {
					cond = c
				}
				a = append(a, after)
			}
			items, last, err := s.page(ctx, cond, a, " ORDER BY "+s.dialect.idExpr("p.id"), s.opts.PageSize)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, it := range items {
				if err := ctx.Err(); err != nil {
					yield(nil, err)
					return
				}
				if !yield(it.rec, it.err) {
					return
				}
			}
			if len(items) < s.opts.PageSize {
				return
			}
			after, first = last, false
		}
	}
}

// page reads up to limit persons matching cond, then their citizenships,
// documents and households with one query each. It returns the ID of the
// last person read (for keyset pagination).
func (s *Source) page(ctx context.Context, cond string, args []any, order string, limit int) ([]item, string, error) {
	query := s.personSQL
	if cond != "" {
		query += " WHERE " + cond
	}
	query += order + fmt.Sprintf(" LIMIT %d", limit)
	rows, err := s.db.QueryContext(ctx, s.dialect.rebind(query), args...)
	if err != nil {
		return nil, "", fmt.Errorf("sqlreg: query persons: %w", err)
	}
	var items []item
	var last string
	for rows.Next() {
		var r personRow
		if err := rows.Scan(r.dest(true)...); err != nil {
			rows.Close()
			return nil, "", fmt.Errorf("sqlreg: read persons: %w", err)
		}
		last = r.id.String
		rec := &anagrafe.Record{}
		err := r.decode(&rec.Person, true)
		items = append(items, item{rec: rec, err: err})
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, "", fmt.Errorf("sqlreg: read persons: %w", err)
	}
	rows.Close()
	if len(items) == 0 {
		return nil, last, nil
	}
	if err := s.fill(ctx, items); err != nil {
		return nil, "", err
	}
	return items, last, nil
}

// fill loads households, citizenships and documents for a page.
func (s *Source) fill(ctx context.Context, items []item) error {
	byID := make(map[string]*anagrafe.Person, len(items))
	var ids, famIDs []string
	famSeen := map[string]bool{}
	for _, it := range items {
		if it.err != nil {
			continue
		}
		p := &it.rec.Person
		byID[p.ID] = p
		ids = append(ids, p.ID)
		if p.FamilyID != "" && !famSeen[p.FamilyID] {
			famSeen[p.FamilyID] = true
			famIDs = append(famIDs, p.FamilyID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	// Household members (without permit and documents).
	families := map[string][]anagrafe.Person{}
	badFamily := map[string]error{}
	if len(famIDs) > 0 {
		rows, err := s.db.QueryContext(ctx, s.dialect.rebind(s.memberSQL+placeholders(len(famIDs))), toAny(famIDs)...)
		if err != nil {
			return fmt.Errorf("sqlreg: query households: %w", err)
		}
		for rows.Next() {
			var r personRow
			if err := rows.Scan(r.dest(false)...); err != nil {
				rows.Close()
				return fmt.Errorf("sqlreg: read households: %w", err)
			}
			var m anagrafe.Person
			if err := r.decode(&m, false); err != nil {
				// the member's own row reports the error; its household
				// cannot be built, so its members' records fail too
				if badFamily[r.family.String] == nil {
					badFamily[r.family.String] = err
				}
				continue
			}
			families[m.FamilyID] = append(families[m.FamilyID], m)
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return fmt.Errorf("sqlreg: read households: %w", err)
		}
		rows.Close()
	}
	// Citizenships of the page's persons and of their household members.
	citIDs := append([]string(nil), ids...)
	for _, ms := range families {
		for _, m := range ms {
			if byID[m.ID] == nil {
				citIDs = append(citIDs, m.ID)
			}
		}
	}
	cits := map[string][]string{}
	bad := map[string]error{}
	if err := s.eachChunk(ctx, s.citizenSQL, citIDs, " ORDER BY persona_id, ordine", func(rows *sql.Rows) error {
		var pid, state nstring
		if err := rows.Scan(&pid, &state); err != nil {
			return err
		}
		if state.err != nil && bad[pid.String] == nil {
			bad[pid.String] = recordError(pid.String, "cittadinanze.stato", anagrafe.ReasonBadValue, state.err)
		}
		cits[pid.String] = append(cits[pid.String], state.String)
		return nil
	}); err != nil {
		return fmt.Errorf("sqlreg: citizenships: %w", err)
	}
	if err := s.eachChunk(ctx, s.docSQL, ids, " ORDER BY persona_id, ordine", func(rows *sql.Rows) error {
		var pid, kind, num, issue, expiry, auth, state nstring
		if err := rows.Scan(&pid, &kind, &num, &issue, &expiry, &auth, &state); err != nil {
			return err
		}
		p := byID[pid.String]
		if p == nil {
			return nil
		}
		doc := anagrafe.IdentityDocument{Kind: anagrafe.DocumentKind(kind.String), Number: num.String, Authority: auth.String, IssuingState: state.String}
		var err error
		for _, c := range []struct {
			v   nstring
			col string
		}{{kind, "documenti.tipo"}, {num, "documenti.numero"}, {issue, "documenti.data_rilascio"},
			{expiry, "documenti.data_scadenza"}, {auth, "documenti.autorita"}, {state, "documenti.stato_rilascio"}} {
			if c.v.err != nil && bad[p.ID] == nil {
				bad[p.ID] = recordError(p.ID, c.col, anagrafe.ReasonBadValue, c.v.err)
			}
		}
		if doc.IssueDate, err = parseDate(issue.String); err != nil && bad[p.ID] == nil {
			bad[p.ID] = dateError(p.ID, "documenti.data_rilascio", issue.String)
		}
		if doc.ExpiryDate, err = parseDate(expiry.String); err != nil && bad[p.ID] == nil {
			bad[p.ID] = dateError(p.ID, "documenti.data_scadenza", expiry.String)
		}
		p.Documents = append(p.Documents, doc)
		return nil
	}); err != nil {
		return fmt.Errorf("sqlreg: documents: %w", err)
	}
	for i := range items {
		it := &items[i]
		if it.err != nil {
			continue
		}
		if err := bad[it.rec.Person.ID]; err != nil {
			it.rec, it.err = nil, err
			continue
		}
		if err := badFamily[it.rec.Person.FamilyID]; err != nil && it.rec.Person.FamilyID != "" {
			it.rec, it.err = nil, householdError(it.rec.Person.ID, err)
			continue
		}
		p := &it.rec.Person
		p.Citizenships = cits[p.ID]
		if p.FamilyID == "" {
			continue
		}
		ms := families[p.FamilyID]
		f := &anagrafe.Family{ID: p.FamilyID, Members: make([]anagrafe.Person, len(ms))}
		for i, m := range ms {
			m.Citizenships = cits[m.ID]
			f.Members[i] = m.Clone()
		}
		anagrafe.SortMembers(f.Members)
		it.rec.Family = f
	}
	return nil
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

// maxParams bounds the placeholders of one IN list (SQLite allows 32766,
// PostgreSQL 65535).
const maxParams = 1000

// eachChunk runs prefix + IN (…) + suffix over ids in chunks and calls fn
// for every row.
func (s *Source) eachChunk(ctx context.Context, prefix string, ids []string, suffix string, fn func(*sql.Rows) error) error {
	for len(ids) > 0 {
		n := min(len(ids), maxParams)
		chunk := ids[:n]
		ids = ids[n:]
		rows, err := s.db.QueryContext(ctx, s.dialect.rebind(prefix+placeholders(n)+suffix), toAny(chunk)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := fn(rows); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		rows.Close()
	}
	return nil
}

func placeholders(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")"
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
