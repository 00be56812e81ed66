package main

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"iter"
	"strconv"

	_ "modernc.org/sqlite" // driver "sqlite"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/vendormap"
	"github.com/retecomuni/eli2sdk/codes"
)

//go:embed schema.sql
var schemaSQL string

// Options configure a Source.
type Options struct {
	// On is the date kit codes are judged at (the kit edition in force);
	// 0 means today.
	On codes.Date
	// Permits maps the free-text permit types to kit codes; nil means
	// vendormap.DefaultPermitTable().
	Permits *vendormap.PermitTable
}

// Source is an anagrafe.Source over the vendor schema (schema.sql). It
// pushes the expiry queries down to SQL (anagrafe.Querier, anagrafe.Counter)
// and does not track the declaration of habitual residence.
type Source struct {
	db      *sql.DB
	tables  *codes.Tables
	permits *vendormap.PermitTable
	on      codes.Date
}

var (
	_ anagrafe.Source  = (*Source)(nil)
	_ anagrafe.Querier = (*Source)(nil)
	_ anagrafe.Counter = (*Source)(nil)
)

// Open opens (creating the tables if needed) the vendor database at path.
func Open(path string, opts Options) (*Source, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec(schemaSQL); err != nil {
		db.Close()
		return nil, fmt.Errorf("vendor schema: %w", err)
	}
	if opts.On == 0 {
		opts.On = codes.Today()
	}
	if opts.Permits == nil {
		opts.Permits = vendormap.DefaultPermitTable()
	}
	return &Source{db: db, tables: codes.Default(), permits: opts.Permits, on: opts.On}, nil
}

// Close closes the database.
func (s *Source) Close() error { return s.db.Close() }

// rowError reports a row that cannot be mapped to the register model as
// the SDK's per-record error: the stream yields it and goes on, and the
// export skips that person with the field and the reason, without knowing
// this adapter.
func rowError(id, field string, err error) error {
	return &anagrafe.RecordError{PersonID: id, Field: field, Reason: anagrafe.ReasonBadValue, Err: err}
}

// Person implements anagrafe.Source. IDs are the decimal integer keys of
// individui, as strconv writes them ("10", never "010").
func (s *Source) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || strconv.FormatInt(n, 10) != id {
		return nil, fmt.Errorf("%w: id %q", anagrafe.ErrNotFound, clip(id))
	}
	p, famKey, err := s.person(ctx, n)
	if err != nil {
		return nil, err
	}
	rec := &anagrafe.Record{Person: p}
	if err := s.current(ctx, n, &rec.Person); err != nil {
		return nil, err
	}
	if err := s.documents(ctx, n, &rec.Person); err != nil {
		return nil, err
	}
	if famKey.Valid {
		if rec.Family, err = s.family(ctx, famKey.Int64); err != nil {
			var re *anagrafe.RecordError
			if errors.As(err, &re) && re.PersonID != id {
				// Name the record asked for; the member is reported under
				// its own id when the stream reaches it.
				return nil, &anagrafe.RecordError{PersonID: id, Field: re.Field, Reason: anagrafe.ReasonHousehold}
			}
			return nil, err
		}
	}
	return rec, nil
}

// pageSize is the number of IDs read per page of a stream.
const pageSize = 256

// Persons implements anagrafe.Source: IDs in ascending byte order (the
// contract), which for integer keys is ORDER BY CAST(id AS TEXT), read by
// pages so that no cursor stays open while each record is built.
func (s *Source) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return s.stream(ctx, `SELECT CAST(id AS TEXT) FROM individui WHERE CAST(id AS TEXT) > ? ORDER BY CAST(id AS TEXT) LIMIT ?`, nil)
}

// expiryWhere returns the join and WHERE clause selecting the persons whose
// current permit (not cancelled, not superseded) matches an expiry query,
// with its arguments, exactly as anagrafe.Match; ok is false for other
// kinds.
func expiryWhere(q anagrafe.Query) (clause string, args []any, ok bool) {
	from, to, ok := q.Bounds()
	if !ok || (q.Kind != anagrafe.KindExpiringWithin && q.Kind != anagrafe.KindExpiredMoreThan) {
		return "", nil, false
	}
	clause = ` FROM individui i
		JOIN permessi p ON p.individuo_id = i.id AND p.annullato = 0 AND p.sostituito_da IS NULL
		WHERE p.scadenza BETWEEN ? AND ?`
	if q.Kind == anagrafe.KindExpiredMoreThan {
		clause += ` AND p.titolo NOT IN ('5', '6')` // receipt or renewal in progress: not expired
	}
	return clause, []any{from.String(), to.String()}, true
}

// Query implements anagrafe.Querier for the expiry queries, on current
// permits only; other kinds fall back (anagrafe.ErrUnsupported).
func (s *Source) Query(ctx context.Context, q anagrafe.Query) iter.Seq2[*anagrafe.Record, error] {
	clause, args, ok := expiryWhere(q)
	if !ok {
		return func(yield func(*anagrafe.Record, error) bool) { yield(nil, anagrafe.ErrUnsupported) }
	}
	query := `SELECT CAST(i.id AS TEXT)` + clause + `
		AND CAST(i.id AS TEXT) > ? GROUP BY i.id ORDER BY CAST(i.id AS TEXT) LIMIT ?`
	return s.stream(ctx, query, args)
}

// Count implements anagrafe.Counter for the expiry queries.
func (s *Source) Count(ctx context.Context, q anagrafe.Query) (int, error) {
	clause, args, ok := expiryWhere(q)
	if !ok {
		return 0, anagrafe.ErrUnsupported
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(DISTINCT i.id)`+clause, args...).Scan(&n)
	return n, err
}

// stream yields the record of every ID the paged query returns; the query
// takes args, then the last ID seen and the page size.
func (s *Source) stream(ctx context.Context, query string, args []any) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		last := ""
		for {
			ids, err := s.page(ctx, query, append(args[:len(args):len(args)], last, pageSize))
			if err != nil {
				yield(nil, err)
				return
			}
			for _, id := range ids {
				if err := ctx.Err(); err != nil {
					yield(nil, err)
					return
				}
				rec, err := s.Person(ctx, id)
				if err != nil && !anagrafe.IsRecordError(err) {
					yield(nil, err)
					return
				}
				if !yield(rec, err) {
					return
				}
			}
			if len(ids) < pageSize {
				return
			}
			last = ids[len(ids)-1]
		}
	}
}

func (s *Source) page(ctx context.Context, query string, args []any) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
