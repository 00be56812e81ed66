// Package memory is an in-memory anagrafe.Source, for tests and for
// vendors' unit tests. It implements every optional interface (Querier,
// Counter, ResidenceDeclarationTracker) by evaluating anagrafe.Match.
package memory

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// Source holds records in memory. It is safe for concurrent use: it is
// never modified after New, and every record it returns is a fresh copy.
type Source struct {
	ids     []string
	byID    map[string]*anagrafe.Record
	untrack bool
}

// Options configure a Source.
type Options struct {
	// NoResidenceDeclaration makes the source report that the register does
	// not track the declaration of habitual residence.
	NoResidenceDeclaration bool
}

var (
	_ anagrafe.Source                      = (*Source)(nil)
	_ anagrafe.Querier                     = (*Source)(nil)
	_ anagrafe.Counter                     = (*Source)(nil)
	_ anagrafe.ResidenceDeclarationTracker = (*Source)(nil)
)

// New returns a Source holding copies of records. A later record with the
// same person ID replaces an earlier one.
func New(records ...*anagrafe.Record) *Source {
	return NewWithOptions(Options{}, records...)
}

// NewWithOptions is New with options.
func NewWithOptions(opts Options, records ...*anagrafe.Record) *Source {
	s := &Source{byID: make(map[string]*anagrafe.Record, len(records)), untrack: opts.NoResidenceDeclaration}
	for _, r := range records {
		if r == nil {
			continue
		}
		if _, dup := s.byID[r.Person.ID]; !dup {
			s.ids = append(s.ids, r.Person.ID)
		}
		s.byID[r.Person.ID] = r.Clone()
	}
	slices.Sort(s.ids)
	return s
}

// FromPersons returns a Source built from a flat list of persons, grouped
// into households with anagrafe.Assemble.
func FromPersons(persons ...anagrafe.Person) *Source {
	return New(anagrafe.Assemble(persons)...)
}

// Len returns the number of persons.
func (s *Source) Len() int { return len(s.ids) }

// Person implements anagrafe.Source.
func (s *Source) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r, ok := s.byID[id]
	if !ok {
		return nil, fmt.Errorf("%w: id %s", anagrafe.ErrNotFound, anagrafe.MaskPersonID(strings.ToValidUTF8(id, "?")))
	}
	return r.Clone(), nil
}

// Persons implements anagrafe.Source.
func (s *Source) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return s.Query(ctx, anagrafe.All())
}

// Query implements anagrafe.Querier for every kind (MissingResidenceDeclaration
// only when the source tracks it).
func (s *Source) Query(ctx context.Context, q anagrafe.Query) iter.Seq2[*anagrafe.Record, error] {
	q = q.Resolve()
	return func(yield func(*anagrafe.Record, error) bool) {
		if q.Kind == anagrafe.KindMissingResidenceDeclaration && s.untrack {
			yield(nil, anagrafe.ErrUnsupported)
			return
		}
		for _, id := range s.ids {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			r := s.byID[id]
			if !anagrafe.Match(r, q) {
				continue
			}
			if !yield(r.Clone(), nil) {
				return
			}
		}
	}
}

// Count implements anagrafe.Counter.
func (s *Source) Count(ctx context.Context, q anagrafe.Query) (int, error) {
	q = q.Resolve()
	if q.Kind == anagrafe.KindMissingResidenceDeclaration && s.untrack {
		return 0, anagrafe.ErrUnsupported
	}
	if q.Kind == anagrafe.KindAll {
		return len(s.ids), ctx.Err()
	}
	n := 0
	for _, id := range s.ids {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if anagrafe.Match(s.byID[id], q) {
			n++
		}
	}
	return n, nil
}

// TracksResidenceDeclaration implements anagrafe.ResidenceDeclarationTracker.
func (s *Source) TracksResidenceDeclaration() bool { return !s.untrack }
