package sqlreg

import (
	"context"
	"iter"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// LegacyPersons streams every person with the reader the chunked one
// replaced (reader_legacy.go), for the identity tests and the benchmarks.
func (s *Source) LegacyPersons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return s.legacyStream(ctx, "", nil)
}

// LegacyQuery runs q with the legacy reader.
func (s *Source) LegacyQuery(ctx context.Context, q anagrafe.Query) iter.Seq2[*anagrafe.Record, error] {
	q = q.Resolve()
	where, args, err := s.where(q)
	if err != nil {
		return func(yield func(*anagrafe.Record, error) bool) { yield(nil, err) }
	}
	return s.legacyStream(ctx, where, args)
}
