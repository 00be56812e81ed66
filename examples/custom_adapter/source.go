package main

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// Source is an anagrafe.Source over the vendor's rows. It implements only
// the two required methods: the SDK filters the stream for every query
// (anagrafe.Search) and counts it (anagrafe.Count), so export, validation
// and the command line work unchanged. Households are rebuilt from the
// family code with anagrafe.Assemble.
type Source struct {
	records []*anagrafe.Record // ascending ID
}

// NewSource converts the vendor's rows.
func NewSource(rows []Scheda) (*Source, error) {
	persons := make([]anagrafe.Person, 0, len(rows))
	for i := range rows {
		p, err := FromScheda(&rows[i])
		if err != nil {
			return nil, err
		}
		persons = append(persons, p)
	}
	return &Source{records: anagrafe.Assemble(persons)}, nil
}

// Person implements anagrafe.Source.
func (s *Source) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	i, ok := slices.BinarySearchFunc(s.records, id, func(r *anagrafe.Record, id string) int {
		return strings.Compare(r.Person.ID, id)
	})
	if !ok {
		return nil, fmt.Errorf("custom adapter: %q: %w", id, anagrafe.ErrNotFound)
	}
	return s.records[i].Clone(), nil
}

// Persons implements anagrafe.Source.
func (s *Source) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		for _, r := range s.records {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !yield(r.Clone(), nil) {
				return
			}
		}
	}
}
