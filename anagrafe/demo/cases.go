package demo

import (
	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Cases: the situations of issue 10's rules that the demo register
// exercises, some of each (Stats.Cases counts the persons in each). The
// first three and CaseDiacritics and CaseRelationsOnly arise from the
// random draws; the others are given to one foreign household in six, in
// turn, when the household fits the case.
const (
	CaseExpiringSoon  = "expiring_soon"    // permit expiring in less than 60 days (art. 5 c.4 d.lgs. 286/1998)
	CaseExpiredGrace  = "expired_60_days"  // expired more than 60 days, up to six months (art. 13 c.2 lett. b)
	CaseExpiredReview = "expired_6_months" // expired more than six months (DPR 223/1989 art. 11 c.1 lett. c)
	CaseDiacritics    = "diacritics"       // a name with letters the passport's MRZ writes otherwise (José María, Müller, Nicolò)
	CaseRelationsOnly = "relations_only"   // a spouse in a household without filiation links, with children of the head
	CaseNotSubject    = "not_subject"      // citizen of Italy (naturalised, permit still recorded) or of an EU state
	CaseStateless     = "stateless"        // citizenship 999, a travel document for stateless persons
	CaseUndetermined  = "citizenship_99x"  // citizenship 997 (being defined) or 998 (not attributable)
	CaseSpouseUnder16 = "spouse_under_16"  // a spouse aged 15
	CaseParentUnder12 = "parent_under_12"  // a child born when the parent was 11
	CaseTwoSpouses    = "two_spouses"      // two members with relation 2 (art. 29 c.1-ter d.lgs. 286/1998)
	CaseUnknownCode   = "unknown_code"     // a relation, marital status, document or permit type code not in the ANPR tables
	CaseNoPassport    = "no_passport"      // an applicant with no passport or equivalent document
	CaseNoKit         = "no_kit"           // ANPR-shaped permit: no kit code and no motive recorded
)

// CaseKinds lists every case, in the order of the constants.
var CaseKinds = []string{CaseExpiringSoon, CaseExpiredGrace, CaseExpiredReview, CaseDiacritics, CaseRelationsOnly,
	CaseNotSubject, CaseStateless, CaseUndetermined, CaseSpouseUnder16, CaseParentUnder12, CaseTwoSpouses,
	CaseUnknownCode, CaseNoPassport, CaseNoKit}

// injected are the cases given to households in turn.
var injected = CaseKinds[5:]

// caseEvery: one foreign household in caseEvery receives the next case.
const caseEvery = 6

// euOrigins are ISO3 codes of EU states whose citizens register without a
// permit (d.lgs. 30/2007).
var euOrigins = []string{"ROU", "POL", "DEU"}

// unknownCode is a code absent from the ANPR tables it is used for.
const unknownCode = "77"

// injectCase gives out (a foreign household, head first) the pending case
// when it fits; left is the number of persons still to generate.
func (g *generator) injectCase(out []*anagrafe.Person, o *origin, cit state, left int) []*anagrafe.Person {
	g.foreign++
	if g.foreign%caseEvery != caseEvery/2 || len(out) == 0 {
		return out
	}
	kind := injected[g.nextCase%len(injected)]
	head := out[0]
	var spouse *anagrafe.Person
	if len(out) > 1 && out[1].Relation == anagrafe.RelSpouse {
		spouse = out[1]
	}
	kids := out[min(len(out), 1+btoi(spouse != nil)):]
	n := 0 // persons in the case; 0 = the household does not fit, try the next
	switch kind {
	case CaseNotSubject:
		if g.stats.Cases[kind]%2 == 0 {
			// Naturalised: Italian citizenship acquired, the old permit
			// still on record.
			head.Citizenships = append(head.Citizenships, "100")
			n = 1
			break
		}
		eu := g.eu[g.r.IntN(len(g.eu))]
		for _, p := range out {
			p.Citizenships = []string{eu.istat}
			p.Permit = nil
			p.ResidenceDeclaredOn = 0
			p.Documents = []anagrafe.IdentityDocument{{Kind: anagrafe.IdentityCard, Number: "ID" + pad(g.r.IntN(1e7), 7),
				IssueDate: g.on.AddDays(-g.r.IntN(3000)), IssuingState: eu.istat}}
			p.Documents[0].ExpiryDate = p.Documents[0].IssueDate.AddMonths(120)
			if p.BirthComune == "" {
				p.BirthState = eu.istat
				p.CodiceFiscale = g.taxCode(p, eu.belfiore)
			}
		}
		n = len(out)
	case CaseStateless:
		head.Citizenships = []string{"999"}
		head.Documents = []anagrafe.IdentityDocument{{Kind: anagrafe.TravelDocument, Number: "TV" + pad(g.r.IntN(1e7), 7),
			IssueDate: g.on.AddDays(-g.r.IntN(1500)), Authority: "Questura di Firenze", IssuingState: "100"}}
		head.Documents[0].ExpiryDate = head.Documents[0].IssueDate.AddMonths(60)
		if head.Permit != nil && g.kitUsable(kitStateless) {
			g.setKit(head.Permit, kitStateless)
		}
		n = 1
	case CaseUndetermined:
		head.Citizenships = []string{[]string{"997", "998"}[g.stats.Cases[kind]%2]}
		n = 1
	case CaseSpouseUnder16:
		if spouse != nil && len(kids) == 0 {
			spouse.BirthDate = eli2.DateFrom(g.birth(15, 15))
			g.refreshTaxCode(spouse)
			n = 1
		}
	case CaseParentUnder12:
		// The eldest child, aged 8–13 (listed on the parent's application),
		// born when the parent was 11: the other children were born later.
		if len(kids) == 0 {
			break
		}
		k := kids[0]
		for _, x := range kids[1:] {
			if mustDate(x.BirthDate) < mustDate(k.BirthDate) {
				k = x
			}
		}
		age := codes.YearsBetween(mustDate(k.BirthDate), g.on)
		parent := head
		if spouse != nil && (k.FatherID == spouse.ID || k.FatherID == "" && k.MotherID == spouse.ID) {
			parent = spouse
		}
		if age < 8 || age >= 14 || !k.BirthDate.IsComplete() {
			break
		}
		parent.BirthDate = eli2.DateFrom(mustDate(k.BirthDate).AddMonths(-11 * 12))
		g.refreshTaxCode(parent)
		n = 1
	case CaseTwoSpouses:
		if spouse != nil && left > len(out) {
			p := g.person(o, head.FamilyID, head.Address, spouse.Sex, g.birth(25, 55))
			g.foreignBirth(p, o, cit)
			p.Citizenships = []string{cit.istat}
			p.Relation = anagrafe.RelSpouse
			p.MaritalStatus = "2"
			g.permit(p, 0)
			out = append(out, p) // registered last: the second spouse joined later
			n = 1
		}
	case CaseUnknownCode:
		switch g.stats.Cases[kind] % 4 {
		case 0:
			if len(out) < 2 {
				return out
			}
			out[len(out)-1].Relation = unknownCode
		case 1:
			head.MaritalStatus = unknownCode
		case 2:
			head.Documents = append(head.Documents, anagrafe.IdentityDocument{Kind: anagrafe.DocumentKind(unknownCode),
				Number: "X" + pad(g.r.IntN(1e6), 6), IssueDate: g.on.AddDays(-100)})
		case 3:
			if head.Permit == nil {
				return out
			}
			head.Permit.Type = unknownCode
		}
		n = 1
	case CaseNoPassport:
		head.Documents = []anagrafe.IdentityDocument{{Kind: anagrafe.OtherDocument, Number: "FI" + pad(g.r.IntN(1e7), 7),
			IssueDate: g.on.AddDays(-g.r.IntN(3000)), Authority: "Motorizzazione civile", IssuingState: "100"}}
		n = 1
	case CaseNoKit:
		if head.Permit != nil && head.Permit.Type == "1" {
			head.Permit.Kit = 0
			head.Permit.Motive = ""
			n = 1
		}
	}
	if n > 0 {
		g.stats.Cases[kind] += n
		g.nextCase++
	} else {
		g.foreign-- // try the next foreign household
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// refreshTaxCode recomputes p's codice fiscale after a change of birth
// date, with the birthplace recorded.
func (g *generator) refreshTaxCode(p *anagrafe.Person) {
	place := p.BirthComune
	if place == "" {
		s, ok := g.t.StateByIstat(p.BirthState, 0)
		if !ok {
			return
		}
		place = s.Belfiore
	}
	p.CodiceFiscale = g.taxCode(p, place)
}

// countCases counts the cases that arise from the random draws.
func (g *generator) countCases(members []*anagrafe.Person) {
	links, spouses, children := false, 0, 0
	for _, p := range members {
		if p.FatherID != "" || p.MotherID != "" {
			links = true
		}
		switch p.Relation {
		case anagrafe.RelSpouse:
			spouses++
		case anagrafe.RelChild:
			children++
		}
		if hasDiacritics(p.Name) || hasDiacritics(p.Surname) {
			g.stats.Cases[CaseDiacritics]++
		}
		pm := p.Permit
		if pm == nil || pm.ExpiryDate == 0 || pm.PendingRenewal() {
			continue
		}
		switch e := pm.ExpiryDate; {
		case e >= g.on && e < g.on.AddDays(60):
			g.stats.Cases[CaseExpiringSoon]++
		case e < g.on.AddMonths(-6):
			g.stats.Cases[CaseExpiredReview]++
		case e < g.on.AddDays(-60):
			g.stats.Cases[CaseExpiredGrace]++
		}
	}
	if !links && children > 0 {
		g.stats.Cases[CaseRelationsOnly] += spouses
	}
}

func hasDiacritics(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
