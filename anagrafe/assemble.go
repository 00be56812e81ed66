package anagrafe

import (
	"cmp"
	"slices"
)

// Assemble builds one Record per person from a flat list, grouping persons
// into households by FamilyID as Family.Members requires: head (relation 1)
// first, then ascending ID; members carry no Permit and no Documents.
// Persons with an empty FamilyID get a nil Family. Records are returned in
// ascending ID order; the persons are copied, not aliased.
func Assemble(persons []Person) []*Record {
	families := map[string][]Person{}
	for _, p := range persons {
		if p.FamilyID != "" {
			families[p.FamilyID] = append(families[p.FamilyID], p.MemberView())
		}
	}
	built := make(map[string]*Family, len(families))
	for id, ms := range families {
		SortMembers(ms)
		built[id] = &Family{ID: id, Members: ms}
	}
	out := make([]*Record, 0, len(persons))
	for _, p := range persons {
		rec := &Record{Person: p.Clone()}
		if f := built[p.FamilyID]; f != nil {
			rec.Family = f.Clone()
		}
		out = append(out, rec)
	}
	slices.SortStableFunc(out, func(a, b *Record) int { return cmp.Compare(a.Person.ID, b.Person.ID) })
	return out
}

// SortMembers orders household members as Family.Members requires: head
// first, then ascending ID.
func SortMembers(ms []Person) {
	slices.SortStableFunc(ms, func(a, b Person) int {
		ah, bh := a.Relation == RelHead, b.Relation == RelHead
		switch {
		case ah && !bh:
			return -1
		case bh && !ah:
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// MemberView returns a copy of p as it appears in Family.Members: without
// Permit and Documents.
func (p Person) MemberView() Person {
	m := p.Clone()
	m.Permit = nil
	m.Documents = nil
	return m
}

// Clone returns a deep copy of p.
func (p Person) Clone() Person {
	if p.Citizenships != nil {
		p.Citizenships = slices.Clone(p.Citizenships)
	}
	if p.Documents != nil {
		p.Documents = slices.Clone(p.Documents)
	}
	if p.Permit != nil {
		pm := *p.Permit
		p.Permit = &pm
	}
	return p
}

// Clone returns a deep copy of f (nil for nil).
func (f *Family) Clone() *Family {
	if f == nil {
		return nil
	}
	c := &Family{ID: f.ID, Members: make([]Person, len(f.Members))}
	for i, m := range f.Members {
		c.Members[i] = m.Clone()
	}
	return c
}

// Clone returns a deep copy of r (nil for nil).
func (r *Record) Clone() *Record {
	if r == nil {
		return nil
	}
	return &Record{Person: r.Person.Clone(), Family: r.Family.Clone()}
}
