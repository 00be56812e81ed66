package sqlreg

// The reader the adapter used before reader.go: each page of persons is
// read, then read again as household members, with a new IN-list text per
// page. It is kept, unexported, as the reference the identity tests compare
// the chunked reader with and as the baseline of the read benchmarks
// (export_test.go exposes it to them); no exported API uses it.

import (
	"context"
	"database/sql"
	"fmt"
	"iter"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// legacyStream pages through persons matching where, in ascending ID order,
// as the adapter did before the chunked reader (reader.go).
// Query texts of the legacy reader (IN lists are appended per page).
const (
	legacyPersonSQL = "SELECT " + personCols + ", " + permitCols +
		" FROM persone p LEFT JOIN indirizzi i ON i.persona_id = p.id LEFT JOIN permessi m ON m.persona_id = p.id"
	legacyMemberSQL  = "SELECT " + personCols + " FROM persone p LEFT JOIN indirizzi i ON i.persona_id = p.id WHERE p.famiglia_id IN "
	legacyCitizenSQL = "SELECT persona_id, stato FROM cittadinanze WHERE persona_id IN "
	legacyDocSQL     = "SELECT persona_id, tipo, numero, data_rilascio, data_scadenza, autorita, stato_rilascio FROM documenti WHERE persona_id IN "
)

func (s *Source) legacyStream(ctx context.Context, where string, args []any) iter.Seq2[*anagrafe.Record, error] {
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
			items, last, err := s.legacyPage(ctx, cond, a, " ORDER BY "+s.dialect.idExpr("p.id"), s.opts.PageSize)
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

// legacyPage reads up to limit persons matching cond, then their citizenships,
// documents and households with one query each. It returns the ID of the
// last person read (for keyset pagination).
func (s *Source) legacyPage(ctx context.Context, cond string, args []any, order string, limit int) ([]item, string, error) {
	query := legacyPersonSQL
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
	if err := s.legacyFill(ctx, items); err != nil {
		return nil, "", err
	}
	return items, last, nil
}

// legacyFill loads households, citizenships and documents for a page.
func (s *Source) legacyFill(ctx context.Context, items []item) error {
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
		rows, err := s.db.QueryContext(ctx, s.dialect.rebind(legacyMemberSQL+placeholders(len(famIDs))), toAny(famIDs)...)
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
	if err := s.legacyEachChunk(ctx, legacyCitizenSQL, citIDs, " ORDER BY persona_id, ordine", func(rows *sql.Rows) error {
		var pid, state nstring
		if err := rows.Scan(&pid, &state); err != nil {
			return err
		}
		if err := citizenshipError(pid.String, state); err != nil && bad[pid.String] == nil {
			bad[pid.String] = err
		}
		cits[pid.String] = append(cits[pid.String], state.String)
		return nil
	}); err != nil {
		return fmt.Errorf("sqlreg: citizenships: %w", err)
	}
	if err := s.legacyEachChunk(ctx, legacyDocSQL, ids, " ORDER BY persona_id, ordine", func(rows *sql.Rows) error {
		var pid, kind, num, issue, expiry, auth, state nstring
		if err := rows.Scan(&pid, &kind, &num, &issue, &expiry, &auth, &state); err != nil {
			return err
		}
		p := byID[pid.String]
		if p == nil {
			return nil
		}
		doc, err := documentError(p.ID, kind, num, issue, expiry, auth, state)
		if err != nil && bad[p.ID] == nil {
			bad[p.ID] = err
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

// maxParams bounds the placeholders of one IN list (SQLite allows 32766,
// PostgreSQL 65535).
const maxParams = 1000

// legacyEachChunk runs prefix + IN (…) + suffix over ids in chunks and calls fn
// for every row.
func (s *Source) legacyEachChunk(ctx context.Context, prefix string, ids []string, suffix string, fn func(*sql.Rows) error) error {
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

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
