package anagrafe

import (
	"time"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Person is one resident as the population register holds them. Codes are
// the register's own: Belfiore codes for Italian comuni, ISTAT 3-digit codes
// for foreign states, ANPR table codes (stato_civile, relazione_parentela,
// tipo_soggiorno, titolo_studio, posizione_professione,
// condizione_non_professionale) as decimal strings. Empty strings mean
// "not recorded".
type Person struct {
	ID            string     // register identifier, unique within the Source; streams are ordered by it (byte order)
	CodiceFiscale string     // 16-character code or 11-digit provisional code; may be empty
	Surname       string     // as recorded (accents allowed; the mapper transliterates)
	Name          string     // given names, as recorded
	Sex           eli2.Sesso // M or F
	BirthDate     eli2.PartialDate

	BirthComune   string // Belfiore code of the comune of birth (born in Italy)
	BirthState    string // ISTAT 3-digit code of the state of birth (born abroad)
	BirthLocality string // town of birth abroad, free text

	Citizenships  []string // ISTAT 3-digit state codes, in register order; 999 apolide
	MaritalStatus string   // ANPR stato_civile code

	Address Address // domicile (residence address in the register)
	Phone   string
	Email   string

	Education       string // ANPR titolo_studio code
	Occupation      string // ANPR posizione_professione code
	NonProfessional string // ANPR condizione_non_professionale code

	FamilyID string // household (famiglia anagrafica) identifier
	Relation string // ANPR relazione_parentela code, relative to the household head (1 = head)
	FatherID string // register ID of the father when the register keeps filiation links
	MotherID string // register ID of the mother when the register keeps filiation links

	Permit    *Permit            // residence permit held; nil for citizens or when not recorded
	Documents []IdentityDocument // identity and travel documents, in register order

	// ResidenceDeclaredOn is the date of the latest declaration of habitual
	// residence (DPR 223/1989 art. 7 c.3), to be renewed within 60 days of
	// each permit renewal; 0 when none is recorded. Meaningful only when
	// the Source tracks it (see ResidenceDeclarationTracker).
	ResidenceDeclaredOn codes.Date

	UpdatedAt time.Time // last change of the person's data in the register; zero if unknown
}

// Address is a domicile in Italy.
type Address struct {
	Comune    string // Belfiore code
	Province  string // province sigla (FI)
	Specie    string // ANPR specie_toponimo description, upper case (VIA, PIAZZA)
	Street    string // street name without the specie
	Number    string // house number
	Exponent  string // esponente (A, bis)
	Staircase string // scala
	Interior  string // interno
	CAP       string // postcode, 5 digits
	CareOf    string // presso (c/o)
}

// IsZero reports whether no field of a is set.
func (a Address) IsZero() bool { return a == Address{} }

// Permit is the residence permit or card a person holds, as registered.
type Permit struct {
	Type       string     // ANPR tipo_soggiorno code: 1 permesso, 2 carta/UE lungo periodo, 5 ricevuta, 6 rinnovo in corso…
	Kit        int        // kit code (kit/tipologie_permesso.csv) of the permit type when the register records it; 0 if unknown
	Motive     string     // motive as written on the permit (lavoro subordinato, famiglia…)
	Number     string     // document number
	IssueDate  codes.Date // issue date
	ExpiryDate codes.Date // expiry date; 0 when none is recorded
	Questura   string     // sigla of the issuing questura
	RenewedOn  codes.Date // date of the latest renewal recorded by the register; 0 if none
}

// PendingRenewal reports whether the register records the permit as a
// receipt or a renewal in progress (tipo_soggiorno 5 or 6).
func (p *Permit) PendingRenewal() bool { return p != nil && (p.Type == "5" || p.Type == "6") }

// DocumentKind is the kind of an identity document. The first three values
// equal eli2.TipoDocumento's: they are the "passport or equivalent" kinds
// Modulo 1 accepts.
type DocumentKind string

// Document kinds.
const (
	Passport           DocumentKind = DocumentKind(eli2.Passaporto)            // national passport
	EquivalentDocument DocumentKind = DocumentKind(eli2.DocumentoEquipollente) // travel document of equivalent value
	TravelDocument     DocumentKind = DocumentKind(eli2.TitoloViaggio)         // refugee or stateless travel document
	IdentityCard       DocumentKind = "CARTA_IDENTITA"                         // Italian identity card
	OtherDocument      DocumentKind = "ALTRO"                                  // anything else (driving licence…)
)

// PassportLike reports whether k is accepted as "passport or equivalent".
func (k DocumentKind) PassportLike() bool {
	return k == Passport || k == EquivalentDocument || k == TravelDocument
}

// IdentityDocument is an identity or travel document recorded in the register.
type IdentityDocument struct {
	Kind         DocumentKind
	Number       string
	IssueDate    codes.Date
	ExpiryDate   codes.Date
	Authority    string // issuing authority, free text
	IssuingState string // ISTAT 3-digit code of the issuing state
}

// Family is a household (famiglia anagrafica).
type Family struct {
	ID string
	// Members lists every member, the record's own person included, head
	// first then by register order (ascending Person.ID in the reference
	// adapters). Each member's relation to the head is Person.Relation;
	// members carry no Permit and no Documents (adapters need not load them).
	Members []Person
}

// Head returns the household head (relation 1) and true, if recorded.
func (f *Family) Head() (Person, bool) {
	if f == nil {
		return Person{}, false
	}
	for _, m := range f.Members {
		if m.Relation == RelHead {
			return m, true
		}
	}
	return Person{}, false
}

// Member returns the member with the given ID.
func (f *Family) Member(id string) (Person, bool) {
	if f == nil || id == "" {
		return Person{}, false
	}
	for _, m := range f.Members {
		if m.ID == id {
			return m, true
		}
	}
	return Person{}, false
}

// Record is what a Source returns for one person: the person with permit and
// documents, and their household. Family is nil when the person belongs to
// no recorded household.
type Record struct {
	Person Person
	Family *Family
}

// ANPR relazione_parentela codes the mapper relies on (relative to the
// household head).
const (
	RelHead     = "1"  // intestatario scheda
	RelSpouse   = "2"  // marito / moglie
	RelChild    = "3"  // figlio / figlia
	RelParent   = "6"  // padre / madre
	RelGuardian = "26" // tutore
	RelPartner  = "28" // unito civilmente
)
