package adaptertest_test

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/adaptertest"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/eli2"
)

// The self-test runs the suite, as testing/fstest tests TestFS, against a
// source shaped like a vendor schema (persons table, permits table with
// status, households computed by FamilyID), first correct, then with one
// deliberate bug at a time, and checks each bug is caught with a message
// that names person, field, want and got.

// bugs are the deliberate mapping bugs of issue 13.
type bugs struct {
	matchCancelled        bool // expiry queries join every permit row, cancelled and superseded included
	swapRelations         bool // relazione_parentela 2 and 3 swapped
	numericOrder          bool // integer-like ids sorted as numbers
	alias                 bool // returns its stored records, not copies
	dropSecondCitizenship bool // stores the first citizenship only
	completeDatesOnly     bool // stores full birth dates only
	latestPermit          bool // the permit is the latest issued row, whatever its status
}

type permitRow struct {
	personID string
	status   anagrafetest.PermitStatus // 0 = current
	permit   anagrafe.Permit
}

// tableSource is the vendor-like source of the self-test.
type tableSource struct {
	bugs    bugs
	persons map[string]anagrafe.Person // without permit
	permits []permitRow
	ids     []string
	cache   map[string]*anagrafe.Record // alias bug only
}

func openTable(b bugs, f adaptertest.Fixture) *tableSource {
	s := &tableSource{bugs: b, persons: map[string]anagrafe.Person{}, cache: map[string]*anagrafe.Record{}}
	for _, r := range f.Records {
		p := r.Person.Clone()
		if p.Permit != nil {
			s.permits = append(s.permits, permitRow{personID: p.ID, permit: *p.Permit})
		}
		p.Permit = nil
		if b.dropSecondCitizenship && len(p.Citizenships) > 1 {
			p.Citizenships = p.Citizenships[:1]
		}
		if b.completeDatesOnly && !p.BirthDate.IsComplete() {
			p.BirthDate = eli2.PartialDate{}
		}
		s.persons[p.ID] = p
		s.ids = append(s.ids, p.ID)
	}
	for _, pp := range f.PastPermits {
		s.permits = append(s.permits, permitRow{personID: pp.PersonID, status: pp.Status, permit: pp.Permit})
	}
	if b.numericOrder {
		slices.SortFunc(s.ids, func(a, b string) int {
			x, errA := strconv.Atoi(a)
			y, errB := strconv.Atoi(b)
			switch {
			case errA == nil && errB == nil:
				return cmp.Compare(x, y)
			case errA == nil:
				return -1
			case errB == nil:
				return 1
			}
			return strings.Compare(a, b)
		})
	} else {
		slices.Sort(s.ids)
	}
	return s
}

func (s *tableSource) relation(r string) string {
	if s.bugs.swapRelations {
		switch r {
		case anagrafe.RelSpouse:
			return anagrafe.RelChild
		case anagrafe.RelChild:
			return anagrafe.RelSpouse
		}
	}
	return r
}

// record builds a person's record with the given permit row (nil: the
// current one).
func (s *tableSource) record(id string, row *permitRow) *anagrafe.Record {
	if row == nil {
		if rec := s.cache[id]; rec != nil {
			return rec
		}
		for i := range s.permits {
			pr := &s.permits[i]
			switch {
			case pr.personID != id:
			case s.bugs.latestPermit && (row == nil || pr.permit.IssueDate > row.permit.IssueDate):
				row = pr
			case !s.bugs.latestPermit && pr.status == 0:
				row = pr
			}
		}
	}
	p := s.persons[id].Clone()
	p.Relation = s.relation(p.Relation)
	if row != nil {
		pm := row.permit
		p.Permit = &pm
	}
	rec := &anagrafe.Record{Person: p}
	if p.FamilyID != "" {
		f := &anagrafe.Family{ID: p.FamilyID}
		for _, mid := range s.ids {
			if m := s.persons[mid]; m.FamilyID == p.FamilyID {
				m = m.MemberView()
				m.Relation = s.relation(m.Relation)
				f.Members = append(f.Members, m)
			}
		}
		anagrafe.SortMembers(f.Members)
		rec.Family = f
	}
	if s.bugs.alias {
		s.cache[id] = rec
	}
	return rec
}

func (s *tableSource) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if _, ok := s.persons[id]; !ok {
		return nil, fmt.Errorf("%w: %q", anagrafe.ErrNotFound, id)
	}
	return s.record(id, nil), nil
}

func (s *tableSource) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		for _, id := range s.ids {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !yield(s.record(id, nil), nil) {
				return
			}
		}
	}
}

// Query pushes the expiry queries down, as a SQL join on the permits table
// would: with the matchCancelled bug the join forgets the status.
func (s *tableSource) Query(ctx context.Context, q anagrafe.Query) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		if q.Kind != anagrafe.KindExpiringWithin && q.Kind != anagrafe.KindExpiredMoreThan {
			yield(nil, anagrafe.ErrUnsupported)
			return
		}
		for _, id := range s.ids {
			for i := range s.permits {
				row := &s.permits[i]
				if row.personID != id || (row.status != 0 && !s.bugs.matchCancelled) {
					continue
				}
				if rec := s.record(id, row); anagrafe.Match(rec, q) && !yield(rec, nil) {
					return
				}
			}
		}
	}
}

func (s *tableSource) TracksResidenceDeclaration() bool { return true }

func check(t *testing.T, b bugs, omits ...adaptertest.Omission) []adaptertest.Failure {
	t.Helper()
	err := adaptertest.Check(context.Background(), adaptertest.Config{Omits: omits}, func(f adaptertest.Fixture) (anagrafe.Source, error) {
		return openTable(b, f), nil
	})
	if err == nil {
		return nil
	}
	var e *adaptertest.Error
	require.ErrorAs(t, err, &e)
	require.NotContains(t, err.Error(), "0xc", "failures never print pointer addresses")
	return e.Failures
}

func lines(fs []adaptertest.Failure) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}

func TestSelfCorrectSourcePasses(t *testing.T) {
	assert.Empty(t, lines(check(t, bugs{})))
}

func TestSelfCancelledPermitsMatched(t *testing.T) {
	fs := lines(check(t, bugs{matchCancelled: true}))
	assert.Contains(t, fs, "Query expiring(30): person 10: Search: unexpected (the fixture does not select this person)", "cancelled permit of 10 expires within 30 days")
	assert.Contains(t, fs, "Query expiring(30): person 1000: Search: yielded 2 times", "a cancelled duplicate row")
	assert.Contains(t, fs, "Query expired(6): person 2: Search: unexpected (the fixture does not select this person)", "superseded permit of 2 expired in 2020")
	assert.Contains(t, fs, `Query expiring(30): person 10: Person.Permit.Number: record from Search differs from Person's: want "H00000010", got "H00000011"`)
	for _, f := range fs {
		assert.True(t, strings.HasPrefix(f, "Query "), "only queries are wrong: %s", f)
	}
}

func TestSelfLatestPermitNotCurrent(t *testing.T) {
	ls := lines(check(t, bugs{latestPermit: true}))
	assert.Contains(t, ls, `Persons: person 10: Person.Permit.Number: want "H00000010", got "H00000011"`, "the cancelled permit, issued later")
	assert.Contains(t, ls, `Person: person 10: Person.Permit.ExpiryDate: want 2027-06-30, got 2026-07-01`)
}

func TestSelfRelationsSwapped(t *testing.T) {
	fs := check(t, bugs{swapRelations: true})
	ls := lines(fs)
	assert.Contains(t, ls, `Persons: person P002: Person.Relation: want "2", got "3"`)
	assert.Contains(t, ls, `Persons: person P003: Person.Relation: want "3", got "2"`)
	assert.Contains(t, ls, `Person: person 9: Person.Relation: want "2", got "3"`)
	assert.Len(t, ls, 14, "7 persons with a swapped code, reported by Persons and Person; household members' copies of the same difference are not repeated")
	assert.Contains(t, fs, adaptertest.Failure{Check: "Persons", Person: "P002", Field: "Person.Relation", Want: `"2"`, Got: `"3"`})
	for _, l := range ls {
		assert.NotContains(t, l, "mutating", "a fidelity bug is not an aliasing bug")
	}
}

func TestSelfWrongOrder(t *testing.T) {
	fs := check(t, bugs{numericOrder: true})
	require.NotEmpty(t, fs)
	ls := lines(fs)
	assert.Contains(t, ls[0], `Persons: Persons: not in ascending ID order (byte order): "10" came after "9"`)
	assert.Contains(t, ls[0], "want [10 100 1000 2 9 P001")
	assert.Contains(t, ls[0], "got [2 9 10 100 1000 P001")
	for _, f := range fs {
		assert.Empty(t, f.Field, "an order bug is not a fidelity bug: %s", f)
		assert.Contains(t, f.Msg, "order", f.String())
	}
}

func TestSelfAliasing(t *testing.T) {
	fs := check(t, bugs{alias: true})
	require.NotEmpty(t, fs)
	for _, f := range fs {
		assert.Equal(t, "Copies", f.Check, "aliasing shows only as aliasing: %s", f)
	}
	assert.Contains(t, lines(fs), `Copies: person P010: Person.Surname: mutating a record returned by Person changed the source: want "Ševčenko", got "CHANGED"`)
	assert.Contains(t, lines(fs), `Copies: person P010: Family.Members[P011].Surname: mutating a record returned by Person changed the source: want "Shevchenko", got "CHANGED"`)
}

func TestSelfUndeclaredOmission(t *testing.T) {
	fs := check(t, bugs{dropSecondCitizenship: true})
	ls := lines(fs)
	assert.Contains(t, ls, `Persons: person P020: Person.Citizenships: want ["605" "615"], got ["605"]`)
	assert.Contains(t, ls, `Person: person 9: Person.Citizenships: want ["201" "100"], got ["201"]`)
	for _, l := range ls {
		assert.NotContains(t, l, "mutating")
	}
	// Declared, the same source conforms.
	assert.Empty(t, lines(check(t, bugs{dropSecondCitizenship: true}, adaptertest.SecondCitizenships)))
}

func TestSelfPartialDates(t *testing.T) {
	ls := lines(check(t, bugs{completeDatesOnly: true}))
	assert.Contains(t, ls, `Person: person P010: Person.BirthDate: want 1979, got no date`)
	assert.Contains(t, ls, `Person: person P2: Person.BirthDate: want 1990-01, got no date`)
	assert.Empty(t, lines(check(t, bugs{completeDatesOnly: true}, adaptertest.PartialBirthDates)))
}

func TestSelfDeclaredButTracked(t *testing.T) {
	ls := lines(check(t, bugs{}, adaptertest.ResidenceDeclaration))
	assert.Contains(t, ls, `Declaration: the source declares it does not store the declaration of residence (omission "residence-declaration") but TracksResidenceDeclaration reports true`)
}

func TestSelfUnknownOmission(t *testing.T) {
	err := adaptertest.Check(context.Background(), adaptertest.Config{Omits: []adaptertest.Omission{"eye-colour"}}, nil)
	assert.ErrorContains(t, err, `unknown omission "eye-colour"`)
}

// The history fixtures are what catch the cancelled-permit bug: with only
// the standard fixture the bug goes unseen, as issue 13 found.
func TestSelfHistoryNeeded(t *testing.T) {
	cfg := adaptertest.Config{Fixture: adaptertest.Fixture{Records: anagrafetest.Records()}}
	err := adaptertest.Check(context.Background(), cfg, func(f adaptertest.Fixture) (anagrafe.Source, error) {
		return openTable(bugs{matchCancelled: true}, f), nil
	})
	assert.NoError(t, err)
}
