package adaptertest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/codes"
)

// Opener returns a fresh source holding f, for Check. Check closes it
// (anagrafe.Close).
type Opener func(f Fixture) (anagrafe.Source, error)

// Check runs the conformance suite on the sources open returns and
// reports what departs from the contract as an *Error listing every
// failure; it returns nil when the source conforms. It is what Run and
// RunConfig call, usable outside go test (as testing/fstest.TestFS is).
func Check(ctx context.Context, cfg Config, open Opener) error {
	if err := checkOmissions(cfg.Omits); err != nil {
		return err
	}
	fx := cfg.fixture()
	on := cfg.On
	if on == 0 {
		on = anagrafetest.RefDate
	}
	om := newOmitter(cfg.Omits, fx.Records)
	want := make([]*anagrafe.Record, len(fx.Records))
	for i, r := range fx.Records {
		want[i] = normalize(om.strip(r.Clone()))
	}
	slices.SortFunc(want, func(a, b *anagrafe.Record) int { return strings.Compare(a.Person.ID, b.Person.ID) })
	s := &suite{ctx: ctx, want: want, om: om, on: on, cfg: cfg, open: open, fixture: fx}

	var failures []Failure
	src, err := open(fx.clone())
	if err == nil && src == nil {
		err = errors.New("opener returned a nil source")
	}
	if err != nil {
		return &Error{Failures: []Failure{{Check: "Open", Msg: err.Error()}}}
	}
	s.src = src
	for _, c := range []struct {
		name string
		run  func(*recorder)
	}{
		{"Declaration", s.declaration},
		{"Persons", s.persons},
		{"Person", s.person},
		{"Copies", s.copies},
		{"Queries", s.queries},
		{"EarlyBreak", s.earlyBreak},
		{"Cancel", s.cancel},
		{"Concurrent", s.concurrent},
		{"Empty", s.empty},
	} {
		r := &recorder{check: c.name}
		func() {
			defer func() {
				if p := recover(); p != nil {
					r.failf("", "panic: %v", p)
				}
			}()
			c.run(r)
		}()
		failures = append(failures, r.failures()...)
	}
	if err := anagrafe.Close(src); err != nil {
		failures = append(failures, Failure{Check: "Close", Msg: err.Error()})
	}
	if len(failures) > 0 {
		return &Error{Failures: failures}
	}
	return nil
}

type suite struct {
	ctx  context.Context
	src  anagrafe.Source
	want []*anagrafe.Record // normalized, omissions stripped, ascending ID
	om   *omitter
	on   codes.Date
	cfg  Config
	open Opener

	fixture Fixture
}

// got normalizes a record the source returned and strips omitted data.
func (s *suite) got(rec *anagrafe.Record) *anagrafe.Record {
	return normalize(s.om.strip(rec.Clone()))
}

func (s *suite) wantByID(id string) *anagrafe.Record {
	i, ok := slices.BinarySearchFunc(s.want, id, func(r *anagrafe.Record, id string) int { return strings.Compare(r.Person.ID, id) })
	if !ok {
		return nil
	}
	return s.want[i]
}

func (s *suite) ids() []string {
	ids := make([]string, len(s.want))
	for i, w := range s.want {
		ids[i] = w.Person.ID
	}
	return ids
}

// fidelity compares each record with the fixture and records the
// differences. A household member's difference that the member's own
// record shows too (Family.Members[9].Citizenships and person 9's
// Person.Citizenships) is reported once, on the member's record; others
// once per member, on the first record showing them.
func (s *suite) fidelity(r *recorder, recs []*anagrafe.Record) {
	var all []Failure
	own := map[string]bool{} // person|field|want|got of top-level diffs
	for _, rec := range recs {
		id := rec.Person.ID
		w := s.wantByID(id)
		if w == nil {
			continue // checkIDs reports it
		}
		for _, d := range diffRecords(w, s.got(rec)) {
			all = append(all, Failure{Person: id, Field: d.Field, Want: d.Want, Got: d.Got})
			if rest, ok := strings.CutPrefix(d.Field, "Person."); ok {
				own[id+"|"+rest+"|"+d.Want+"|"+d.Got] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, f := range all {
		if m, rest, ok := memberField(f.Field); ok {
			key := m + "|" + rest + "|" + f.Want + "|" + f.Got
			if own[key] || seen[key] {
				continue
			}
			seen[key] = true
		}
		r.add(f)
	}
}

// memberField splits "Family.Members[9].Citizenships" into "9" and
// "Citizenships".
func memberField(field string) (id, rest string, ok bool) {
	inner, ok := strings.CutPrefix(field, "Family.Members[")
	if !ok {
		return "", "", false
	}
	id, rest, ok = strings.Cut(inner, "].")
	return id, rest, ok
}

// sameAsPerson records how a record a query yielded differs from what
// Person returns for the same ID: a query must yield the same record (the
// current permit, not a past one). Differences from the fixture itself are
// Persons' and Person's to report, once.
func (s *suite) sameAsPerson(r *recorder, what string, rec *anagrafe.Record) {
	id := rec.Person.ID
	ref, err := s.src.Person(s.ctx, id)
	if err != nil || ref == nil {
		r.failf(id, "%s yielded a person Person(%q) does not return: %v", what, id, err)
		return
	}
	for _, d := range diffRecords(s.got(ref), s.got(rec)) {
		r.add(Failure{Person: id, Field: d.Field, Msg: "record from " + what + " differs from Person's", Want: d.Want, Got: d.Got})
	}
}

func (s *suite) declaration(r *recorder) {
	if slices.Contains(s.cfg.Omits, ResidenceDeclaration) && anagrafe.TracksResidenceDeclaration(s.src) {
		r.failf("", "the source declares it does not store the declaration of residence (omission %q) but TracksResidenceDeclaration reports true", ResidenceDeclaration)
	}
}

// collect reads a stream, reporting errors and nil records.
func collect(r *recorder, what string, seq iter.Seq2[*anagrafe.Record, error]) ([]*anagrafe.Record, bool) {
	var out []*anagrafe.Record
	for rec, err := range seq {
		if err != nil {
			r.failf("", "%s yielded an error: %v", what, err)
			return out, false
		}
		if rec == nil {
			r.failf("", "%s yielded a nil record", what)
			continue
		}
		out = append(out, rec)
	}
	return out, true
}

func recIDs(recs []*anagrafe.Record) []string {
	ids := make([]string, len(recs))
	for i, rec := range recs {
		ids[i] = rec.Person.ID
	}
	return ids
}

// checkIDs reports a stream whose IDs are not exactly want, in order:
// missing, unexpected and repeated persons, then the order.
func checkIDs(r *recorder, what string, want, got []string) {
	seen := map[string]int{}
	for _, id := range got {
		seen[id]++
	}
	ok := true
	for _, id := range want {
		if seen[id] == 0 {
			r.failf(id, "%s: missing", what)
			ok = false
		}
	}
	for _, id := range got {
		switch n := seen[id]; {
		case n > 1:
			r.failf(id, "%s: yielded %d times", what, n)
			seen[id] = -1
			ok = false
		case n == 1 && !slices.Contains(want, id):
			r.failf(id, "%s: unexpected (the fixture does not select this person)", what)
			ok = false
		}
	}
	if !ok {
		return
	}
	for i := 1; i < len(got); i++ {
		if got[i-1] >= got[i] {
			r.failf("", "%s: not in ascending ID order (byte order): %q came after %q; want %v, got %v", what, got[i], got[i-1], want, got)
			return
		}
	}
}

func (s *suite) persons(r *recorder) {
	recs, _ := collect(r, "Persons", s.src.Persons(s.ctx))
	checkIDs(r, "Persons", s.ids(), recIDs(recs))
	done := map[string]bool{}
	var unique []*anagrafe.Record
	for _, rec := range recs {
		if !done[rec.Person.ID] {
			done[rec.Person.ID] = true
			unique = append(unique, rec)
		}
	}
	s.fidelity(r, unique)
}

// notFoundIDs are IDs no fixture has; Person must say ErrNotFound.
var notFoundIDs = []string{"", "does-not-exist", "P00", "p001", "P001 ", "0", "010", "1e1", "'; DROP TABLE persone; --"}

func (s *suite) person(r *recorder) {
	var recs []*anagrafe.Record
	for _, w := range s.want {
		id := w.Person.ID
		rec, err := s.src.Person(s.ctx, id)
		switch {
		case err != nil:
			r.failf(id, "Person(%q): %v", id, err)
		case rec == nil:
			r.failf(id, "Person(%q) returned nil and no error", id)
		case rec.Person.ID != id:
			r.failf(id, "Person(%q) returned person %q", id, rec.Person.ID)
		default:
			recs = append(recs, rec)
		}
	}
	s.fidelity(r, recs)
	for _, id := range notFoundIDs {
		if s.wantByID(id) != nil {
			continue
		}
		if _, err := s.src.Person(s.ctx, id); !errors.Is(err, anagrafe.ErrNotFound) {
			r.failf("", "Person(%q): want an error wrapping anagrafe.ErrNotFound, got %v", id, err)
		}
	}
}

// mutate changes every part of rec a source might share with its store.
func mutate(rec *anagrafe.Record) {
	p := &rec.Person
	p.Surname, p.Name = "CHANGED", "CHANGED"
	for i := range p.Citizenships {
		p.Citizenships[i] = "000"
	}
	if p.Permit != nil {
		p.Permit.Number, p.Permit.ExpiryDate = "CHANGED", 0
	}
	for i := range p.Documents {
		p.Documents[i].Number = "CHANGED"
	}
	if rec.Family != nil {
		for i := range rec.Family.Members {
			rec.Family.Members[i].Surname = "CHANGED"
			for j := range rec.Family.Members[i].Citizenships {
				rec.Family.Members[i].Citizenships[j] = "000"
			}
		}
		if len(rec.Family.Members) > 0 {
			rec.Family.Members[0].Relation = "99"
		}
	}
}

// copies checks that records belong to the caller: mutating one changes
// nothing the source returns later. It compares the source with itself,
// before and after, never with the fixture: a fidelity difference is
// reported by Persons and Person, not here. It works on a source of its
// own, so that an aliasing bug does not show up in the other checks.
func (s *suite) copies(r *recorder) {
	if len(s.want) == 0 {
		return
	}
	src, err := s.open(s.fixture.clone())
	if err != nil || src == nil {
		r.failf("", "opening a second source: %v", err)
		return
	}
	defer func() {
		if err := anagrafe.Close(src); err != nil {
			r.failf("", "Close: %v", err)
		}
	}()
	// The fixture record with the most shared parts.
	id, best := s.want[0].Person.ID, -1
	for _, w := range s.want {
		n := len(w.Person.Citizenships) + len(w.Person.Documents)
		if w.Person.Permit != nil {
			n++
		}
		if w.Family != nil {
			n += len(w.Family.Members)
		}
		if n > best {
			id, best = w.Person.ID, n
		}
	}
	snapshot := func() *anagrafe.Record {
		rec, err := src.Person(s.ctx, id)
		if err != nil || rec == nil {
			r.failf(id, "Person(%q): %v", id, err)
			return nil
		}
		return normalize(rec.Clone())
	}
	// Each way of getting records: mutate what it returns, then compare
	// the source's answer after with its answer before.
	for _, how := range []struct {
		name string
		get  func() iter.Seq2[*anagrafe.Record, error]
	}{
		{"Person", func() iter.Seq2[*anagrafe.Record, error] {
			return func(yield func(*anagrafe.Record, error) bool) { yield(src.Person(s.ctx, id)) }
		}},
		{"Persons", func() iter.Seq2[*anagrafe.Record, error] { return src.Persons(s.ctx) }},
		{"Search", func() iter.Seq2[*anagrafe.Record, error] { return anagrafe.Search(s.ctx, src, anagrafe.All().At(s.on)) }},
	} {
		before := snapshot()
		if before == nil {
			return
		}
		for rec, err := range how.get() {
			if err == nil && rec != nil {
				mutate(rec)
			}
		}
		after := snapshot()
		if after == nil {
			return
		}
		for _, d := range diffRecords(before, after) {
			r.add(Failure{Person: id, Field: d.Field, Msg: "mutating a record returned by " + how.name + " changed the source", Want: d.Want, Got: d.Got})
		}
	}
}

// Queries returns the queries the suite checks (reference date unset).
func Queries() []anagrafe.Query {
	return []anagrafe.Query{
		anagrafe.All(),
		anagrafe.ExpiringWithin(30),
		anagrafe.ExpiringWithin(0),
		anagrafe.ExpiringWithin(120),
		anagrafe.ExpiredMoreThan(6),
		anagrafe.ExpiredMoreThan(0),
		anagrafe.MissingResidenceDeclaration(),
		anagrafe.ChangedSince(anagrafetest.ChangedSinceTime),
	}
}

// describe names a query in failure messages: expiring(30), expired(6).
func describe(q anagrafe.Query) string {
	switch q.Kind {
	case anagrafe.KindExpiringWithin:
		return fmt.Sprintf("expiring(%d)", q.Days)
	case anagrafe.KindExpiredMoreThan:
		return fmt.Sprintf("expired(%d)", q.Months)
	case anagrafe.KindChangedSince:
		return "changed-since(" + q.Since.UTC().Format(time.RFC3339) + ")"
	}
	return q.Kind.String()
}

func (s *suite) queries(r *recorder) {
	for _, q := range Queries() {
		q := q.At(s.on)
		qr := &recorder{check: "Query " + describe(q)}
		s.query(qr, q)
		for _, f := range qr.failures() {
			r.list = append(r.list, f) // keep the query's own check name and cap
		}
	}
	if _, err := firstErr(anagrafe.Search(s.ctx, s.src, anagrafe.ExpiringWithin(-1).At(s.on))); !errors.Is(err, anagrafe.ErrBadQuery) {
		r.failf("", "Search(expiring(-1)): want an error wrapping anagrafe.ErrBadQuery, got %v", err)
	}
	if _, err := anagrafe.Count(s.ctx, s.src, anagrafe.Query{Kind: 99, On: s.on}); !errors.Is(err, anagrafe.ErrBadQuery) {
		r.failf("", "Count(kind 99): want an error wrapping anagrafe.ErrBadQuery, got %v", err)
	}
}

func firstErr(seq iter.Seq2[*anagrafe.Record, error]) (*anagrafe.Record, error) {
	for rec, err := range seq {
		return rec, err
	}
	return nil, nil
}

func (s *suite) query(r *recorder, q anagrafe.Query) {
	expect := []string{}
	for _, w := range s.want {
		if anagrafe.Match(w, q) {
			expect = append(expect, w.Person.ID)
		}
	}
	tracks := anagrafe.TracksResidenceDeclaration(s.src)
	unsupported := q.Kind == anagrafe.KindMissingResidenceDeclaration && !tracks

	search := func(what string, src anagrafe.Source) {
		if unsupported {
			rec, err := firstErr(anagrafe.Search(s.ctx, src, q))
			if rec != nil || !errors.Is(err, anagrafe.ErrUnsupported) {
				r.failf("", "%s on a source that does not track the declaration: want a single error wrapping anagrafe.ErrUnsupported, got %v", what, err)
			}
			return
		}
		recs, _ := collect(r, what, anagrafe.Search(s.ctx, src, q))
		checkIDs(r, what, expect, recIDs(recs))
		for _, rec := range recs {
			s.sameAsPerson(r, what, rec)
		}
	}
	search("Search", s.src)
	search("Search without Querier and Counter (fallback)", trackerOnly{fallbackOnly{s.src}, tracks})

	// The Querier itself, when present, either handles the kind or says
	// ErrUnsupported as its first and only element.
	if qr, ok := s.src.(anagrafe.Querier); ok {
		var ids []string
		handled := true
		for rec, err := range qr.Query(s.ctx, q) {
			if errors.Is(err, anagrafe.ErrUnsupported) {
				if rec != nil || len(ids) > 0 {
					r.failf("", "Querier.Query: ErrUnsupported must be the first and only element")
				}
				handled = false
				break
			}
			if err != nil {
				r.failf("", "Querier.Query yielded an error: %v", err)
				handled = false
				break
			}
			if rec != nil {
				ids = append(ids, rec.Person.ID)
			}
		}
		if handled && !unsupported {
			if ids == nil {
				ids = []string{}
			}
			checkIDs(r, "Querier.Query", expect, ids)
		}
	}

	n, err := anagrafe.Count(s.ctx, s.src, q)
	switch {
	case unsupported && !errors.Is(err, anagrafe.ErrUnsupported):
		r.failf("", "Count on a source that does not track the declaration: want an error wrapping anagrafe.ErrUnsupported, got %d, %v", n, err)
	case !unsupported && err != nil:
		r.failf("", "Count: %v", err)
	case !unsupported && n != len(expect):
		r.add(Failure{Field: "Count", Want: fmt.Sprint(len(expect)), Got: fmt.Sprint(n)})
	}
	if c, ok := s.src.(anagrafe.Counter); ok && !unsupported {
		n, err := c.Count(s.ctx, q)
		switch {
		case errors.Is(err, anagrafe.ErrUnsupported):
		case err != nil:
			r.failf("", "Counter.Count: %v", err)
		case n != len(expect):
			r.add(Failure{Field: "Counter.Count", Want: fmt.Sprint(len(expect)), Got: fmt.Sprint(n)})
		}
	}
}

func (s *suite) earlyBreak(r *recorder) {
	if len(s.want) < 2 {
		return
	}
	// Breaking many times must release whatever the stream holds
	// (database rows, connections, files).
	for range 50 {
		for _, err := range s.src.Persons(s.ctx) {
			if err != nil {
				r.failf("", "Persons yielded an error: %v", err)
				return
			}
			break
		}
	}
	for range 20 {
		for _, err := range anagrafe.Search(s.ctx, s.src, anagrafe.All().At(s.on)) {
			if err != nil {
				r.failf("", "Search yielded an error: %v", err)
				return
			}
			break
		}
	}
	if _, err := s.src.Person(s.ctx, s.want[0].Person.ID); err != nil {
		r.failf(s.want[0].Person.ID, "source unusable after early breaks: %v", err)
	}
}

func (s *suite) cancel(r *recorder) {
	cctx, cancel := context.WithCancel(s.ctx)
	cancel()
	saw := false
	for rec, err := range s.src.Persons(cctx) {
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				r.failf("", "cancelled stream: want an error wrapping context.Canceled, got %v", err)
			}
			saw = true
			break
		}
		if rec != nil {
			r.failf(rec.Person.ID, "stream yielded a record after cancellation")
		}
		break
	}
	if !saw {
		r.failf("", "a stream on a cancelled context must yield ctx.Err()")
	}
	if len(s.want) >= 3 {
		cctx, cancel := context.WithCancel(s.ctx)
		defer cancel()
		n, saw := 0, false
		for rec, err := range s.src.Persons(cctx) {
			if err != nil {
				if !errors.Is(err, context.Canceled) {
					r.failf("", "stream cancelled midway: want an error wrapping context.Canceled, got %v", err)
				}
				saw = true
				break
			}
			if rec != nil {
				n++
			}
			cancel()
		}
		if !saw {
			r.failf("", "stream cancelled midway did not report the cancellation")
		}
		if n >= len(s.want) {
			r.failf("", "stream went on after cancellation (%d records)", n)
		}
		if _, err := s.src.Person(cctx, s.want[0].Person.ID); !errors.Is(err, context.Canceled) {
			r.failf(s.want[0].Person.ID, "Person with a cancelled context: want an error wrapping context.Canceled, got %v", err)
		}
	}
}

func (s *suite) concurrent(r *recorder) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range 4 {
		wg.Go(func() {
			n := 0
			for _, err := range s.src.Persons(s.ctx) {
				if err != nil {
					mu.Lock()
					r.failf("", "concurrent stream yielded an error: %v", err)
					mu.Unlock()
					return
				}
				n++
			}
			if n != len(s.want) {
				mu.Lock()
				r.failf("", "concurrent stream yielded %d persons, want %d", n, len(s.want))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
}

func (s *suite) empty(r *recorder) {
	empty, err := s.open(Fixture{})
	if err != nil || empty == nil {
		r.failf("", "opening an empty source: %v", err)
		return
	}
	defer func() {
		if err := anagrafe.Close(empty); err != nil {
			r.failf("", "Close: %v", err)
		}
	}()
	for rec, err := range empty.Persons(s.ctx) {
		if err != nil {
			r.failf("", "empty source: Persons yielded an error: %v", err)
		} else if rec != nil {
			r.failf(rec.Person.ID, "empty source yielded a record")
		}
		break
	}
	if n, err := anagrafe.Count(s.ctx, empty, anagrafe.All().At(s.on)); err != nil || n != 0 {
		r.failf("", "empty source: Count(all) = %d, %v; want 0, nil", n, err)
	}
	if _, err := empty.Person(s.ctx, "P001"); !errors.Is(err, anagrafe.ErrNotFound) {
		r.failf("", "empty source: Person(\"P001\"): want an error wrapping anagrafe.ErrNotFound, got %v", err)
	}
}

// fallbackOnly hides every optional interface of a Source.
type fallbackOnly struct{ s anagrafe.Source }

func (f fallbackOnly) Person(ctx context.Context, id string) (*anagrafe.Record, error) {
	return f.s.Person(ctx, id)
}

func (f fallbackOnly) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return f.s.Persons(ctx)
}

// trackerOnly hides Querier and Counter but keeps the tracker answer.
type trackerOnly struct {
	fallbackOnly
	tracks bool
}

func (t trackerOnly) TracksResidenceDeclaration() bool { return t.tracks }
