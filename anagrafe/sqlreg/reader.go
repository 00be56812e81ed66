package sqlreg

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// The chunked reader. A stream reads persons in chunks of Options.PageSize
// (keyset pagination on persone.id) with a fixed set of prepared
// statements, whatever the chunk:
//
//   - the chunk's persons with address and permit, in ID order: the only
//     read of their persone and indirizzi rows;
//   - the members of the chunk's households that are not in the chunk,
//     once per household per chunk (households are scattered over the ID
//     range in real registers, where IDs follow registration; in the demo
//     register they are contiguous and this query returns little);
//   - the citizenships of the chunk's persons and of those members, and
//     the documents of the chunk's persons.
//
// The last three take their IDs in IN lists of a fixed arity (inArity
// placeholders, or smallArity for a few IDs; the unused ones NULL), so
// that no statement text depends on the data. Household members in the chunk are taken from the chunk's
// own rows. See BENCHMARKS.md for what this costs against the reader it
// replaces (reader_legacy.go).

// maxChunk bounds Options.PageSize.
const maxChunk = 1000

// inArity is the number of placeholders of the reader's IN lists, and
// smallArity that of their variant for a few IDs (Person, small chunks),
// which would otherwise bind hundreds of NULLs.
const (
	inArity    = 250
	smallArity = 8
)

// Statement texts shared by every stream.
const (
	personFrom = " FROM persone p LEFT JOIN indirizzi i ON i.persona_id = p.id"
	chunkSQL   = "SELECT " + personCols + ", " + permitCols + personFrom + " LEFT JOIN permessi m ON m.persona_id = p.id"
	memberSQL  = "SELECT " + personCols + personFrom + " WHERE p.famiglia_id IN "
	citizenSQL = "SELECT persona_id, stato FROM cittadinanze WHERE persona_id IN "
	docSQL     = "SELECT persona_id, tipo, numero, data_rilascio, data_scadenza, autorita, stato_rilascio FROM documenti WHERE persona_id IN "
	byPerson   = " ORDER BY persona_id, ordine"
)

// item is one decoded row: a record or the error that prevented decoding it.
type item struct {
	rec *anagrafe.Record
	err error
}

// stream reads persons matching where in chunks, in ascending ID order.
func (s *Source) stream(ctx context.Context, where string, args []any) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		after, first := "", true
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			items, last, err := s.readChunk(ctx, where, args, after, first, s.opts.PageSize)
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

// chunkRow is a person of the chunk: its record (or decoding error) and
// its household member view.
type chunkRow struct {
	id, family string
	member     anagrafe.Person // valid if memberErr is nil
	memberErr  error
}

// chunk is what readChunk gathers before assembling the records.
type chunk struct {
	items    []item
	rows     []chunkRow
	inChunk  map[string]bool              // IDs of the chunk's persons
	families map[string][]anagrafe.Person // household ID → members (views)
	badFam   map[string]error             // household ID → a member's decoding error
	cits     map[string][]string          // person ID → citizenships
	bad      map[string]error             // person ID → document decoding error
	byID     map[string]*anagrafe.Person  // the chunk's decoded persons
	outside  []string                     // members read outside the chunk
}

// readChunk reads up to limit persons matching where (after the ID after
// unless first) with their households, citizenships and documents. It
// returns the ID of the chunk's last person.
func (s *Source) readChunk(ctx context.Context, where string, args []any, after string, first bool, limit int) ([]item, string, error) {
	c := chunk{
		inChunk: map[string]bool{}, families: map[string][]anagrafe.Person{}, badFam: map[string]error{},
		cits: map[string][]string{}, bad: map[string]error{}, byID: map[string]*anagrafe.Person{},
	}
	if err := s.readPersons(ctx, &c, where, args, after, first, limit); err != nil {
		return nil, "", err
	}
	if len(c.rows) == 0 {
		return nil, after, nil
	}
	if err := s.readMembers(ctx, &c, where == ""); err != nil {
		return nil, "", err
	}
	if err := s.readCitizenships(ctx, &c); err != nil {
		return nil, "", err
	}
	if err := s.readDocuments(ctx, &c); err != nil {
		return nil, "", err
	}
	c.assemble()
	return c.items, c.rows[len(c.rows)-1].id, nil
}

// readPersons reads the chunk's persons.
func (s *Source) readPersons(ctx context.Context, c *chunk, where string, args []any, after string, first bool, limit int) error {
	id := s.dialect.idExpr("p.id")
	q := chunkSQL
	switch {
	case where != "" && !first:
		q += " WHERE (" + where + ") AND " + id + " > ?"
	case where != "":
		q += " WHERE " + where
	case !first:
		q += " WHERE " + id + " > ?"
	}
	q += " ORDER BY " + id + " LIMIT ?"
	a := make([]any, 0, len(args)+2)
	a = append(a, args...)
	if !first {
		a = append(a, after)
	}
	a = append(a, limit)
	st, err := s.stmts.get(ctx, s, q)
	if err != nil {
		return fmt.Errorf("sqlreg: query persons: %w", err)
	}
	rows, err := st.QueryContext(ctx, a...)
	if err != nil {
		return fmt.Errorf("sqlreg: query persons: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r personRow
		if err := rows.Scan(r.dest(true)...); err != nil {
			return fmt.Errorf("sqlreg: read persons: %w", err)
		}
		rec := &anagrafe.Record{}
		err := r.decode(&rec.Person, true)
		cr := chunkRow{id: r.id.String, family: r.family.String}
		if err == nil {
			c.byID[cr.id] = &rec.Person
			cr.member = rec.Person // no citizenships and documents yet
			cr.member.Permit = nil
		} else {
			// the record fails; the household still has the person as a
			// member if only the permit's columns are wrong
			cr.memberErr = r.decode(&cr.member, false)
		}
		c.items = append(c.items, item{rec: rec, err: err})
		c.rows = append(c.rows, cr)
		c.inChunk[cr.id] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlreg: read persons: %w", err)
	}
	return nil
}

// readMembers gathers the members of the households of the chunk's
// decoded persons: from the chunk's rows, and with one read per household
// of the members outside the chunk. When the stream reads every person
// (all), the chunk holds every person of its ID range and the query skips
// that range; otherwise it skips the chunk's persons as it reads them.
func (s *Source) readMembers(ctx context.Context, c *chunk, all bool) error {
	var famIDs []string
	want := map[string]bool{}
	for i, r := range c.rows {
		if r.family == "" {
			continue
		}
		if c.items[i].err == nil && !want[r.family] {
			want[r.family] = true
			famIDs = append(famIDs, r.family)
		}
	}
	for _, r := range c.rows {
		if r.family == "" || !want[r.family] {
			continue
		}
		if r.memberErr != nil {
			if c.badFam[r.family] == nil {
				c.badFam[r.family] = r.memberErr
			}
			continue
		}
		c.families[r.family] = append(c.families[r.family], r.member)
	}
	if len(famIDs) == 0 {
		return nil
	}
	var suffix string
	var extra []any
	if all {
		id := s.dialect.idExpr("p.id")
		suffix = " AND NOT (" + id + " >= ? AND " + id + " <= ?)"
		extra = []any{c.rows[0].id, c.rows[len(c.rows)-1].id}
	}
	err := s.eachIn(ctx, memberSQL, suffix, famIDs, extra, func(rows *sql.Rows) error {
		var r personRow
		if err := rows.Scan(r.dest(false)...); err != nil {
			return err
		}
		if c.inChunk[r.id.String] {
			return nil
		}
		var m anagrafe.Person
		if err := r.decode(&m, false); err != nil {
			// the member's own record reports the error; its household
			// cannot be built, so its members' records fail too
			if c.badFam[r.family.String] == nil {
				c.badFam[r.family.String] = err
			}
			return nil
		}
		c.families[m.FamilyID] = append(c.families[m.FamilyID], m)
		c.outside = append(c.outside, m.ID)
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlreg: read households: %w", err)
	}
	return nil
}

// readCitizenships reads the citizenships of the chunk's persons and of
// the household members read outside it.
func (s *Source) readCitizenships(ctx context.Context, c *chunk) error {
	ids := make([]string, 0, len(c.rows)+len(c.outside))
	for _, r := range c.rows {
		ids = append(ids, r.id)
	}
	ids = append(ids, c.outside...)
	err := s.eachIn(ctx, citizenSQL, byPerson, ids, nil, func(rows *sql.Rows) error {
		var pid, state nstring
		if err := rows.Scan(&pid, &state); err != nil {
			return err
		}
		if err := citizenshipError(pid.String, state); err != nil && c.bad[pid.String] == nil {
			c.bad[pid.String] = err
		}
		c.cits[pid.String] = append(c.cits[pid.String], state.String)
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlreg: citizenships: %w", err)
	}
	return nil
}

// readDocuments reads the documents of the chunk's decoded persons.
func (s *Source) readDocuments(ctx context.Context, c *chunk) error {
	ids := make([]string, 0, len(c.byID))
	for _, r := range c.rows {
		if c.byID[r.id] != nil {
			ids = append(ids, r.id)
		}
	}
	err := s.eachIn(ctx, docSQL, byPerson, ids, nil, func(rows *sql.Rows) error {
		var pid, kind, num, issue, expiry, auth, state nstring
		if err := rows.Scan(&pid, &kind, &num, &issue, &expiry, &auth, &state); err != nil {
			return err
		}
		p := c.byID[pid.String]
		if p == nil {
			return nil
		}
		doc, err := documentError(p.ID, kind, num, issue, expiry, auth, state)
		if err != nil && c.bad[p.ID] == nil {
			c.bad[p.ID] = err
		}
		p.Documents = append(p.Documents, doc)
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlreg: documents: %w", err)
	}
	return nil
}

// assemble completes the chunk's records: citizenships, households, and
// the errors of documents and households.
func (c *chunk) assemble() {
	for i := range c.items {
		it := &c.items[i]
		if it.err != nil {
			continue
		}
		p := &it.rec.Person
		if err := c.bad[p.ID]; err != nil {
			it.rec, it.err = nil, err
			continue
		}
		if err := c.badFam[p.FamilyID]; err != nil && p.FamilyID != "" {
			it.rec, it.err = nil, householdError(p.ID, err)
			continue
		}
		p.Citizenships = c.cits[p.ID]
		if p.FamilyID == "" {
			continue
		}
		ms := c.families[p.FamilyID]
		f := &anagrafe.Family{ID: p.FamilyID, Members: make([]anagrafe.Person, len(ms))}
		for i, m := range ms {
			m.Citizenships = c.cits[m.ID]
			f.Members[i] = m.Clone()
		}
		anagrafe.SortMembers(f.Members)
		it.rec.Family = f
	}
}

// eachIn runs the prepared statement prefix + IN list + suffix over ids,
// inArity at a time (smallArity when they are few), the unused
// placeholders NULL (which matches nothing), with extra as the arguments
// of suffix, and calls fn for every row.
func (s *Source) eachIn(ctx context.Context, prefix, suffix string, ids []string, extra []any, fn func(*sql.Rows) error) error {
	if len(ids) == 0 {
		return nil
	}
	arity := inArity
	if len(ids) <= smallArity {
		arity = smallArity
	}
	st, err := s.stmts.get(ctx, s, prefix+placeholders(arity)+suffix)
	if err != nil {
		return err
	}
	args := make([]any, arity+len(extra))
	copy(args[arity:], extra)
	for len(ids) > 0 {
		n := min(len(ids), arity)
		for i := range arity {
			if i < n {
				args[i] = ids[i]
			} else {
				args[i] = nil
			}
		}
		ids = ids[n:]
		if err := eachRow(ctx, st, args, fn); err != nil {
			return err
		}
	}
	return nil
}

// eachRow runs st with args and calls fn for every row.
func eachRow(ctx context.Context, st *sql.Stmt, args []any, fn func(*sql.Rows) error) error {
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func placeholders(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")"
}
