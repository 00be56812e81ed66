// Package anagrafetest provides register fixtures for tests, examples and
// demos: a small population whose households exercise every query and
// mapping rule of package anagrafe. The records are built in Go (no files)
// and are fresh copies on every call.
package anagrafetest

import (
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// RefDate is the reference date the fixtures are designed around: the
// boundaries of every query fall on it (see Persons).
const RefDate codes.Date = 20260615

// ChangedSinceTime is the lower bound for which exactly two fixture persons
// (P002 at the bound itself, P020) have changed.
var ChangedSinceTime = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func d(s string) codes.Date {
	v, err := codes.ParseDate(s)
	if err != nil {
		panic("anagrafetest: bad fixture date " + s) // fixtures are constants: a typo is a programming error
	}
	return v
}

func pd(s string) eli2.PartialDate {
	v, err := eli2.ParsePartialDate(s)
	if err != nil {
		panic("anagrafetest: bad fixture date " + s)
	}
	return v
}

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic("anagrafetest: bad fixture time " + s)
	}
	return t.UTC()
}

// Persons returns the fixture population as a flat list. Households and
// what each person is for, at RefDate (2026-06-15):
//
//	F1 Firenze (filiation links recorded)
//	  P001 head, Morocco, permit expiring on RefDate+30 (ExpiringWithin(30) boundary), declaration done
//	  P002 spouse, renewed RefDate−61 days with an older declaration (MissingResidenceDeclaration boundary), changed at ChangedSinceTime
//	  P003 daughter, 10, born in Firenze
//	  P004 son, 15 (kit 14), permit expired RefDate−6 months−1 day (ExpiredMoreThan(6) boundary)
//	F2 Ancona (no filiation links)
//	  P010 head, Ukraine, accented name, partial birth date, renewal in progress (tipo 5/6 excluded from expired), renewed without declaration, two passports
//	  P011 son of the head, 11, permit expiring on RefDate
//	  P012 mother of the head, carta (no expiry)
//	F3 Ravenna
//	  P020 alone, citizenships Brazil and Peru, passport of Peru, name needing transliteration, changed after ChangedSinceTime
//	F4 Firenze
//	  P030 head, 15, Senegal, guardian in the household
//	  P031 guardian (relation 26) of the head, renewed RefDate−60 days (not yet missing)
//	P040 Italian citizen, no household, no permit
//	F6 Firenze
//	  P2 alone (sorts after P040 in byte order), permit expired RefDate−6 months exactly (not more), no passport
func Persons() []anagrafe.Person {
	fi := anagrafe.Address{Comune: "D612", Province: "FI", Specie: "VIA", Street: "dei Servi", Number: "12", Exponent: "A", Staircase: "B", Interior: "3", CAP: "50122"}
	an := anagrafe.Address{Comune: "A271", Province: "AN", Specie: "CORSO", Street: "Garibaldi", Number: "101", CAP: "60121"}
	ra := anagrafe.Address{Comune: "H199", Province: "RA", Specie: "PIAZZA", Street: "del Popolo", Number: "1", CAP: "48121", CareOf: "Collegio Universitario"}
	fi2 := anagrafe.Address{Comune: "D612", Province: "FI", Specie: "VIALE", Street: "dei Mille", Number: "40", CAP: "50131"}
	fi3 := anagrafe.Address{Comune: "D612", Province: "FI", Specie: "VIA", Street: "Pisana", Number: "200", Interior: "7", CAP: "50143"}
	return []anagrafe.Person{
		{
			ID: "P001", CodiceFiscale: "LMRYSF85C10Z330C", Surname: "El Amrani", Name: "Youssef", Sex: eli2.Maschio,
			BirthDate: pd("1985-03-10"), BirthState: "436", BirthLocality: "Casablanca",
			Citizenships: []string{"436"}, MaritalStatus: "2", Address: fi, Phone: "+39 333 1234567", Email: "youssef.elamrani@example.org",
			Education: "4", Occupation: "5", FamilyID: "F1", Relation: anagrafe.RelHead,
			Permit: &anagrafe.Permit{Type: "1", Kit: 16, Motive: "Lavoro subordinato", Number: "I00000001", IssueDate: d("2024-07-10"), ExpiryDate: d("2026-07-15"), Questura: "FI", RenewedOn: d("2024-07-10")},
			Documents: []anagrafe.IdentityDocument{
				{Kind: anagrafe.Passport, Number: "UZ1234567", IssueDate: d("2019-02-01"), ExpiryDate: d("2029-01-31"), Authority: "Consolato del Marocco, Firenze", IssuingState: "436"},
			},
			ResidenceDeclaredOn: d("2024-08-01"), UpdatedAt: ts("2024-08-01T09:30:00Z"),
		},
		{
			ID: "P002", Surname: "Bennani", Name: "Fatima", Sex: eli2.Femmina,
			BirthDate: pd("1988-11-02"), BirthState: "436", BirthLocality: "Rabat",
			Citizenships: []string{"436"}, MaritalStatus: "2", Address: fi, FamilyID: "F1", Relation: anagrafe.RelSpouse,
			NonProfessional:     "2",
			Permit:              &anagrafe.Permit{Type: "1", Kit: 13, Motive: "Motivi familiari", Number: "I00000002", IssueDate: d("2026-04-15"), ExpiryDate: d("2028-04-14"), Questura: "FI", RenewedOn: d("2026-04-15")},
			Documents:           []anagrafe.IdentityDocument{{Kind: anagrafe.Passport, Number: "UZ7654321", IssueDate: d("2020-05-05"), ExpiryDate: d("2030-05-04"), IssuingState: "436"}},
			ResidenceDeclaredOn: d("2025-01-01"), UpdatedAt: ChangedSinceTime,
		},
		{
			ID: "P003", Surname: "El Amrani", Name: "Sara", Sex: eli2.Femmina,
			BirthDate: pd("2016-04-05"), BirthComune: "D612",
			Citizenships: []string{"436"}, MaritalStatus: "1", Address: fi, FamilyID: "F1", Relation: anagrafe.RelChild,
			FatherID: "P001", MotherID: "P002",
			Permit:    &anagrafe.Permit{Type: "1", Kit: 13, Motive: "Motivi familiari", Number: "I00000003", IssueDate: d("2025-01-20"), ExpiryDate: d("2027-01-20"), Questura: "FI"},
			UpdatedAt: ts("2025-01-20T10:00:00Z"),
		},
		{
			ID: "P004", Surname: "El Amrani", Name: "Omar", Sex: eli2.Maschio,
			BirthDate: pd("2010-09-12"), BirthState: "436", BirthLocality: "Casablanca",
			Citizenships: []string{"436"}, MaritalStatus: "1", Address: fi, FamilyID: "F1", Relation: anagrafe.RelChild,
			FatherID: "P001", MotherID: "P002",
			Permit:    &anagrafe.Permit{Type: "1", Kit: 14, Motive: "Famiglia minore 14-18 anni", Number: "I00000004", IssueDate: d("2024-12-15"), ExpiryDate: d("2025-12-14"), Questura: "FI"},
			Documents: []anagrafe.IdentityDocument{{Kind: anagrafe.Passport, Number: "UZ5555555", IssueDate: d("2022-03-01"), ExpiryDate: d("2027-02-28"), IssuingState: "436"}},
			UpdatedAt: ts("2024-12-15T08:00:00Z"),
		},
		{
			ID: "P010", Surname: "Ševčenko", Name: "Olena", Sex: eli2.Femmina,
			BirthDate: pd("1979"), BirthState: "243", BirthLocality: "Kyiv",
			Citizenships: []string{"243"}, MaritalStatus: "4", Address: an, Phone: "071 555 0101", FamilyID: "F2", Relation: anagrafe.RelHead,
			Occupation: "7",
			Permit:     &anagrafe.Permit{Type: "6", Motive: "Lavoro subordinato", Number: "I00000010", IssueDate: d("2023-12-01"), ExpiryDate: d("2025-11-30"), Questura: "AN", RenewedOn: d("2026-03-01")},
			Documents: []anagrafe.IdentityDocument{
				{Kind: anagrafe.Passport, Number: "FE000001", IssueDate: d("2010-01-10"), ExpiryDate: d("2020-01-09"), IssuingState: "243"},
				{Kind: anagrafe.IdentityCard, Number: "CA00000AA", IssueDate: d("2022-02-02"), ExpiryDate: d("2032-02-02"), Authority: "Comune di Ancona", IssuingState: "100"},
				{Kind: anagrafe.Passport, Number: "FE000002", IssueDate: d("2021-06-01"), ExpiryDate: d("2031-05-31"), Authority: "Ministero degli Interni", IssuingState: "243"},
			},
			UpdatedAt: ts("2026-03-01T11:00:00Z"),
		},
		{
			ID: "P011", Surname: "Shevchenko", Name: "Dmytro", Sex: eli2.Maschio,
			BirthDate: pd("2015-02-20"), BirthComune: "A271",
			Citizenships: []string{"243"}, MaritalStatus: "1", Address: an, FamilyID: "F2", Relation: anagrafe.RelChild,
			Permit:    &anagrafe.Permit{Type: "1", Kit: 13, Motive: "Famiglia", Number: "I00000011", IssueDate: d("2024-06-15"), ExpiryDate: RefDate, Questura: "AN"},
			UpdatedAt: ts("2024-06-15T12:00:00Z"),
		},
		{
			ID: "P012", Surname: "Kovalenko", Name: "Halyna", Sex: eli2.Femmina,
			BirthDate: pd("1950-05-05"), BirthState: "243", BirthLocality: "Odesa",
			Citizenships: []string{"243"}, MaritalStatus: "3", Address: an, FamilyID: "F2", Relation: anagrafe.RelParent,
			Permit:    &anagrafe.Permit{Type: "2", Kit: 9, Motive: "Soggiornante di lungo periodo", Number: "I00000012", IssueDate: d("2015-05-05"), Questura: "AN"},
			UpdatedAt: ts("2015-05-05T12:00:00Z"),
		},
		{
			ID: "P020", Surname: "Müller da Silva", Name: "João", Sex: eli2.Maschio,
			BirthDate: pd("2001-12-24"), BirthState: "605", BirthLocality: "São Paulo",
			Citizenships: []string{"605", "615"}, MaritalStatus: "1", Address: ra, Email: "joao@example.org", FamilyID: "F3", Relation: anagrafe.RelHead,
			Education: "7", NonProfessional: "3",
			Permit: &anagrafe.Permit{Type: "1", Kit: 24, Motive: "Studio", Number: "I00000020", IssueDate: d("2025-10-01"), ExpiryDate: d("2026-09-30"), Questura: "RA"},
			Documents: []anagrafe.IdentityDocument{
				{Kind: anagrafe.OtherDocument, Number: "RG-123", IssueDate: d("2019-01-01"), IssuingState: "605"},
				{Kind: anagrafe.Passport, Number: "PE7777777", IssueDate: d("2023-03-03"), ExpiryDate: d("2033-03-02"), Authority: "Consulado del Perú", IssuingState: "615"},
			},
			UpdatedAt: ts("2026-06-10T15:45:00Z"),
		},
		{
			ID: "P030", Surname: "Diop", Name: "Awa", Sex: eli2.Femmina,
			BirthDate: pd("2011-01-20"), BirthState: "450", BirthLocality: "Dakar",
			Citizenships: []string{"450"}, MaritalStatus: "1", Address: fi2, FamilyID: "F4", Relation: anagrafe.RelHead,
			Permit:    &anagrafe.Permit{Type: "1", Kit: 2, Motive: "Affidamento", Number: "I00000030", IssueDate: d("2025-02-01"), ExpiryDate: d("2026-08-31"), Questura: "FI"},
			Documents: []anagrafe.IdentityDocument{{Kind: anagrafe.Passport, Number: "A0303030", IssueDate: d("2024-01-01"), ExpiryDate: d("2029-12-31"), IssuingState: "450"}},
			UpdatedAt: ts("2025-02-01T09:00:00Z"),
		},
		{
			ID: "P031", CodiceFiscale: "NDYMSS70E01Z343C", Surname: "Ndiaye", Name: "Moussa", Sex: eli2.Maschio,
			BirthDate: pd("1970-05-01"), BirthState: "450", BirthLocality: "Thiès",
			Citizenships: []string{"450"}, MaritalStatus: "2", Address: fi2, FamilyID: "F4", Relation: anagrafe.RelGuardian,
			Permit:    &anagrafe.Permit{Type: "1", Kit: 16, Motive: "Lavoro subordinato", Number: "I00000031", IssueDate: d("2026-04-16"), ExpiryDate: d("2028-04-15"), Questura: "FI", RenewedOn: d("2026-04-16")},
			UpdatedAt: ts("2026-04-16T09:00:00Z"),
		},
		{
			ID: "P040", CodiceFiscale: "RSSMRA80A01D612Y", Surname: "Rossi", Name: "Mario", Sex: eli2.Maschio,
			BirthDate: pd("1980-01-01"), BirthComune: "D612", Citizenships: []string{"100"}, MaritalStatus: "1",
			Address:   fi,
			Documents: []anagrafe.IdentityDocument{{Kind: anagrafe.IdentityCard, Number: "CA11111BB", IssueDate: d("2020-01-01"), ExpiryDate: d("2031-01-01"), Authority: "Comune di Firenze", IssuingState: "100"}},
		},
		{
			ID: "P2", Surname: "Hossain", Name: "Md Rafiq", Sex: eli2.Maschio,
			BirthDate: pd("1990-01"), BirthState: "305", BirthLocality: "Dhaka",
			Citizenships: []string{"305"}, MaritalStatus: "9", Address: fi3, FamilyID: "F6", Relation: anagrafe.RelHead,
			Permit:    &anagrafe.Permit{Type: "1", Motive: "Lavoro autonomo", Number: "I00000099", IssueDate: d("2023-12-15"), ExpiryDate: d("2025-12-15"), Questura: "FI"},
			UpdatedAt: ts("2025-05-31T23:59:59Z"),
		},
	}
}

// Records returns the fixture population as records (households
// assembled), in ascending ID order.
func Records() []*anagrafe.Record { return anagrafe.Assemble(Persons()) }

// ByID returns the fixture record with the given ID, or nil.
func ByID(id string) *anagrafe.Record {
	for _, r := range Records() {
		if r.Person.ID == id {
			return r
		}
	}
	return nil
}
