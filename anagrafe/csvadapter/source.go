package csvadapter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
)

// Source is an anagrafe.Source over a CSV extract. A CSV file has no index
// and need not be sorted, so Load reads it once (row by row) into memory:
// use the SQL adapter for registers too large for that. Rows that could not
// be read are kept as *anagrafe.RecordError and yielded, in line order, at
// the start of every stream (Persons, Query); the rest of the stream
// follows.
type Source struct {
	mem    *memory.Source
	errs   []*anagrafe.RecordError
	badIDs map[string]*anagrafe.RecordError // first row error by person id
	tracks bool
	enc    Encoding
	comma  rune
	warn   warnings
}

var (
	_ anagrafe.Source                      = (*Source)(nil)
	_ anagrafe.Querier                     = (*Source)(nil)
	_ anagrafe.Counter                     = (*Source)(nil)
	_ anagrafe.ResidenceDeclarationTracker = (*Source)(nil)
)

// Load reads a whole CSV extract. It fails only on a header error or an
// I/O error; bad rows are kept (see Errors). A second row with an ID
// already seen is a RecordError with reason duplicate_id.
func Load(r io.Reader, opts Options) (*Source, error) {
	rd := NewReader(r, opts)
	var persons []anagrafe.Person
	var errs []*anagrafe.RecordError
	seen := map[string]int{}
	for {
		p, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *anagrafe.RecordError
		if errors.As(err, &re) {
			errs = append(errs, re)
			continue
		}
		if err != nil {
			return nil, err
		}
		line := rd.Line()
		if first, dup := seen[p.ID]; dup {
			errs = append(errs, &anagrafe.RecordError{Line: line, PersonID: p.ID, Field: "id", Reason: anagrafe.ReasonDuplicateID,
				Err: fmt.Errorf("%w (first on line %d)", ErrDuplicateID, first)})
			continue
		}
		seen[p.ID] = line
		persons = append(persons, *p)
	}
	badIDs := map[string]*anagrafe.RecordError{}
	for _, e := range errs {
		if _, ok := seen[e.PersonID]; !ok && e.PersonID != "" && badIDs[e.PersonID] == nil {
			badIDs[e.PersonID] = e
		}
	}
	return &Source{
		mem:    memory.FromPersons(persons...),
		errs:   errs,
		badIDs: badIDs,
		tracks: rd.HasResidenceDeclaration(),
		enc:    rd.Encoding(),
		comma:  rd.Comma(),
		warn:   rd.warn,
	}, nil
}

// Open loads the CSV file at path (see Load).
func Open(path string, opts Options) (*Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("csvadapter: %w", err)
	}
	defer f.Close()
	return Load(f, opts)
}

// Errors returns the rows that could not be read, in line order.
func (s *Source) Errors() []*anagrafe.RecordError {
	return append([]*anagrafe.RecordError(nil), s.errs...)
}

// Len returns the number of persons read.
func (s *Source) Len() int { return s.mem.Len() }

// Encoding returns the encoding of the file (detected or forced).
func (s *Source) Encoding() Encoding { return s.enc }

// Comma returns the field separator of the file (detected or forced).
func (s *Source) Comma() rune { return s.comma }

// TracksResidenceDeclaration implements anagrafe.ResidenceDeclarationTracker:
// true when the file has the dichiarazione_dimora column.
func (s *Source) TracksResidenceDeclaration() bool { return s.tracks }

// Person implements anagrafe.Source. For an id found only on rows that
// could not be read it returns the first of their RecordErrors.
func (s *Source) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	rec, err := s.mem.Person(ctx, id)
	if errors.Is(err, anagrafe.ErrNotFound) && s.badIDs[id] != nil {
		return nil, s.badIDs[id]
	}
	return rec, err
}

// Persons implements anagrafe.Source: row errors first, then every person
// in ascending ID order.
func (s *Source) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return s.Query(ctx, anagrafe.All())
}

// Query implements anagrafe.Querier: row errors first, then the matching
// persons.
func (s *Source) Query(ctx context.Context, q anagrafe.Query) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		if q.Kind == anagrafe.KindMissingResidenceDeclaration && !s.tracks {
			yield(nil, anagrafe.ErrUnsupported)
			return
		}
		for _, e := range s.errs {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !yield(nil, e) {
				return
			}
		}
		for rec, err := range s.mem.Query(ctx, q) {
			if !yield(rec, err) {
				return
			}
		}
	}
}

// Count implements anagrafe.Counter (persons only, row errors excluded).
func (s *Source) Count(ctx context.Context, q anagrafe.Query) (int, error) {
	if q.Kind == anagrafe.KindMissingResidenceDeclaration && !s.tracks {
		return 0, anagrafe.ErrUnsupported
	}
	return s.mem.Count(ctx, q)
}
