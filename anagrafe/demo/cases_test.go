package demo_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

func TestGenerateCases(t *testing.T) {
	// Issue 10: the demo register exercises every rule, some of each case.
	const n = 3000
	ps, st := generate(t, n, 1)
	for _, k := range demo.CaseKinds {
		assert.GreaterOrEqual(t, st.Cases[k], 3, k)
	}
	assert.Len(t, st.Cases, len(demo.CaseKinds), "only the documented cases")

	// Recount from the records what each case says.
	var seen = map[string]int{}
	byID := map[string]*anagrafe.Person{}
	spouses := map[string]int{}
	heads := map[string]string{}
	for i := range ps {
		if ps[i].Relation == anagrafe.RelHead {
			heads[ps[i].FamilyID] = ps[i].ID
		}
		byID[ps[i].ID] = &ps[i]
		if ps[i].Relation == anagrafe.RelSpouse {
			spouses[ps[i].FamilyID]++
		}
	}
	for _, p := range ps {
		age := codes.YearsBetween(p.BirthDate.Latest(), on)
		switch {
		case slices.Contains(p.Citizenships, "999"):
			seen[demo.CaseStateless]++
			require.Len(t, p.Documents, 1)
			assert.Equal(t, anagrafe.TravelDocument, p.Documents[0].Kind, "stateless: travel document")
		case slices.Contains(p.Citizenships, "997") || slices.Contains(p.Citizenships, "998"):
			seen[demo.CaseUndetermined]++
		}
		if p.Relation == anagrafe.RelSpouse && age == 15 {
			seen[demo.CaseSpouseUnder16]++
		}
		parents := []string{p.FatherID, p.MotherID}
		if p.FatherID == "" && p.MotherID == "" && p.Relation == anagrafe.RelChild {
			parents = []string{heads[p.FamilyID]} // relation 3: child of the head
		}
		for _, parent := range parents {
			if q, ok := byID[parent]; ok && codes.YearsBetween(q.BirthDate.Earliest(), p.BirthDate.Earliest()) < 12 {
				seen[demo.CaseParentUnder12]++
			}
		}
		if p.Relation == anagrafe.RelHead && len(p.Documents) > 0 &&
			!slices.ContainsFunc(p.Documents, func(d anagrafe.IdentityDocument) bool { return d.Kind.PassportLike() }) &&
			p.Permit != nil {
			seen[demo.CaseNoPassport]++
		}
		if pm := p.Permit; pm != nil && pm.Kit == 0 {
			assert.Empty(t, pm.Motive, "ANPR-shaped: no kit, no motive")
			seen[demo.CaseNoKit]++
		}
		if p.Relation == "77" || p.MaritalStatus == "77" || p.Permit != nil && p.Permit.Type == "77" ||
			slices.ContainsFunc(p.Documents, func(d anagrafe.IdentityDocument) bool { return d.Kind == "77" }) {
			seen[demo.CaseUnknownCode]++
		}
	}
	for _, k := range spouses {
		if k > 1 {
			seen[demo.CaseTwoSpouses] += k - 1
		}
	}
	for _, k := range []string{demo.CaseStateless, demo.CaseUndetermined, demo.CaseSpouseUnder16, demo.CaseTwoSpouses,
		demo.CaseUnknownCode, demo.CaseNoKit} {
		assert.Equal(t, st.Cases[k], seen[k], k)
	}
	// A child born before the parent was 12 is an injected case; the
	// random draws never make one.
	assert.Equal(t, st.Cases[demo.CaseParentUnder12], seen[demo.CaseParentUnder12])
	// The defect missing_permit strips a permit too: no-passport heads
	// are counted among permit holders only.
	assert.LessOrEqual(t, st.Cases[demo.CaseNoPassport], seen[demo.CaseNoPassport])
}

func TestGenerateMapsEveryCase(t *testing.T) {
	// Mapping the demo register: the persons of the not_subject case and
	// the Italian households are not subject to a permit (art. 1 c.1
	// d.lgs. 286/1998); stateless and 997/998 applicants are mapped; the
	// no_kit case leaves the kit code to the desk (no code derived).
	const n = 3000
	ps, st := generate(t, n, 1)
	recs := anagrafe.Assemble(ps)
	notSubject, italians, noKit := 0, 0, 0
	for _, rec := range recs {
		p := &rec.Person
		if slices.Equal(p.Citizenships, []string{"100"}) {
			italians++
		}
		pr, _, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: on, SkipValidation: true})
		switch {
		case errors.Is(err, anagrafe.ErrNotSubject):
			notSubject++
			continue
		case errors.Is(err, anagrafe.ErrNoPermit):
			continue
		}
		var ne *eli2.NameError
		if errors.As(err, &ne) {
			continue
		}
		require.NoError(t, err, p.ID)
		if p.Permit.Kit == 0 && p.Permit.Type == "1" {
			noKit++
			assert.Zero(t, pr.Richiesta.Tipologia, "%s: no kit code derived from nothing", p.ID)
		}
		if slices.Contains(p.Citizenships, "999") {
			assert.Equal(t, "999", pr.Richiedente.Cittadinanza)
		}
	}
	assert.Equal(t, italians+st.Cases[demo.CaseNotSubject], notSubject)
	assert.Positive(t, noKit)
}
