package adaptertest

import (
	"fmt"
	"slices"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// Omission names a field or group of fields a register schema does not
// store. The suite compares everything else; queries are expected to
// behave as on fixtures without the omitted data.
type Omission string

// What a source may declare it does not store.
const (
	// SecondCitizenships: only the first citizenship is stored.
	SecondCitizenships Omission = "second-citizenships"
	// PartialBirthDates: birth dates are stored only when complete; the
	// birth date of a fixture person with a partial one (1979, 1990-01)
	// is not compared.
	PartialBirthDates Omission = "partial-birth-dates"
	// Education: Person.Education (ANPR titolo_studio).
	Education Omission = "education"
	// Occupation: Person.Occupation and Person.NonProfessional (ANPR
	// posizione_professione, condizione_non_professionale).
	Occupation Omission = "occupation"
	// ResidenceDeclaration: Person.ResidenceDeclaredOn. The source must
	// then not claim to track it (anagrafe.ResidenceDeclarationTracker).
	ResidenceDeclaration Omission = "residence-declaration"
	// PermitRenewal: Permit.RenewedOn.
	PermitRenewal Omission = "permit-renewal"
	// PermitKit: Permit.Kit.
	PermitKit Omission = "permit-kit"
	// Contacts: Person.Phone and Person.Email.
	Contacts Omission = "contacts"
	// Documents: Person.Documents.
	Documents Omission = "documents"
	// OtherDocuments: documents that are not passport-like
	// (DocumentKind.PassportLike).
	OtherDocuments Omission = "other-documents"
	// DocumentAuthority: IdentityDocument.Authority.
	DocumentAuthority Omission = "document-authority"
	// Filiation: Person.FatherID and Person.MotherID.
	Filiation Omission = "filiation"
	// BirthLocality: Person.BirthLocality.
	BirthLocality Omission = "birth-locality"
	// CareOf: Address.CareOf.
	CareOf Omission = "care-of"
	// UpdateTime: Person.UpdatedAt (ChangedSince then matches nobody).
	UpdateTime Omission = "update-time"
)

// omissions maps each Omission to what it removes from a person; fixture
// is the fixture person (for omissions that depend on its data).
var omissions = map[Omission]func(p, fixture *anagrafe.Person){
	SecondCitizenships: func(p, _ *anagrafe.Person) {
		if len(p.Citizenships) > 1 {
			p.Citizenships = p.Citizenships[:1]
		}
	},
	PartialBirthDates: func(p, fixture *anagrafe.Person) {
		if !fixture.BirthDate.IsComplete() {
			p.BirthDate = fixture.BirthDate
		}
	},
	Education:  func(p, _ *anagrafe.Person) { p.Education = "" },
	Occupation: func(p, _ *anagrafe.Person) { p.Occupation, p.NonProfessional = "", "" },
	ResidenceDeclaration: func(p, _ *anagrafe.Person) {
		p.ResidenceDeclaredOn = 0
	},
	PermitRenewal: func(p, _ *anagrafe.Person) {
		if p.Permit != nil {
			p.Permit.RenewedOn = 0
		}
	},
	PermitKit: func(p, _ *anagrafe.Person) {
		if p.Permit != nil {
			p.Permit.Kit = 0
		}
	},
	Contacts:  func(p, _ *anagrafe.Person) { p.Phone, p.Email = "", "" },
	Documents: func(p, _ *anagrafe.Person) { p.Documents = nil },
	OtherDocuments: func(p, _ *anagrafe.Person) {
		p.Documents = slices.DeleteFunc(p.Documents, func(d anagrafe.IdentityDocument) bool { return !d.Kind.PassportLike() })
	},
	DocumentAuthority: func(p, _ *anagrafe.Person) {
		for i := range p.Documents {
			p.Documents[i].Authority = ""
		}
	},
	Filiation:     func(p, _ *anagrafe.Person) { p.FatherID, p.MotherID = "", "" },
	BirthLocality: func(p, _ *anagrafe.Person) { p.BirthLocality = "" },
	CareOf:        func(p, _ *anagrafe.Person) { p.Address.CareOf = "" },
	UpdateTime:    func(p, _ *anagrafe.Person) { p.UpdatedAt = time.Time{} },
}

// Omissions returns every Omission the suite knows, sorted.
func Omissions() []Omission {
	out := make([]Omission, 0, len(omissions))
	for o := range omissions {
		out = append(out, o)
	}
	slices.Sort(out)
	return out
}

// checkOmissions reports an Omission the suite does not know.
func checkOmissions(os []Omission) error {
	for _, o := range os {
		if omissions[o] == nil {
			return fmt.Errorf("adaptertest: unknown omission %q (known: %v)", o, Omissions())
		}
	}
	return nil
}

// omitter removes the omitted data from records, so that a fixture and
// what the source returns compare on what the source stores.
type omitter struct {
	apply   []func(p, fixture *anagrafe.Person)
	fixture map[string]*anagrafe.Person // by ID
}

func newOmitter(os []Omission, fixtures []*anagrafe.Record) *omitter {
	o := &omitter{fixture: map[string]*anagrafe.Person{}}
	for _, name := range os {
		o.apply = append(o.apply, omissions[name])
	}
	for _, r := range fixtures {
		p := r.Person.Clone()
		o.fixture[p.ID] = &p
	}
	return o
}

// strip removes omitted data from rec in place (rec is a copy owned by
// the suite) and returns it.
func (o *omitter) strip(rec *anagrafe.Record) *anagrafe.Record {
	if rec == nil || len(o.apply) == 0 {
		return rec
	}
	o.person(&rec.Person)
	if rec.Family != nil {
		for i := range rec.Family.Members {
			o.person(&rec.Family.Members[i])
		}
	}
	return rec
}

func (o *omitter) person(p *anagrafe.Person) {
	fx := o.fixture[p.ID]
	if fx == nil {
		fx = p // not a fixture person: the comparison reports it anyway
	}
	for _, f := range o.apply {
		f(p, fx)
	}
}
