package anagrafetest

import (
	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/eli2"
)

// PermitStatus says why a past permit row is no longer the current one.
type PermitStatus int

// Statuses of past permit rows, as vendor schemas keep them.
const (
	Superseded PermitStatus = iota + 1 // replaced by a renewal or a later title
	Cancelled                          // annullato: entered in error or revoked
)

// String returns "superseded" or "cancelled".
func (s PermitStatus) String() string {
	switch s {
	case Superseded:
		return "superseded"
	case Cancelled:
		return "cancelled"
	}
	return "unknown"
}

// PastPermit is a permit row a register keeps besides the current one. A
// Source that stores them must still return Person.Permit, the current
// permit, and answer queries on it alone.
type PastPermit struct {
	PersonID string
	Status   PermitStatus
	Permit   anagrafe.Permit
}

// HistoryPersons returns a second fixture population, shaped like a vendor
// schema with integer ids and a permit history. It shares no ID with
// Persons, so the two can be loaded together. At RefDate (2026-06-15):
//
//	F10 Prato (members scattered in ID order: 10, 100, 9)
//	  10   head, Albania, current permit expiring 2027-06-30; a superseded permit expired
//	       2025-06-30 (more than six months) and a cancelled one, issued later than the
//	       current, expiring 2026-07-01 (within 30 days): neither may be returned or matched
//	  9    spouse, Albania, second citizenship Italy
//	  100  son, 11, born in Prato, filiation links to 10 and 9
//	F11 Prato
//	  2    head, Philippines, carta (no expiry); a superseded permit expired in 2020
//	  1000 daughter, 13, permit expiring 2026-07-10; a cancelled duplicate row of it
//
// Byte order (10, 100, 1000, 2, 9) differs from numeric order (2, 9, 10,
// 100, 1000): a source that sorts numerically fails the order check.
func HistoryPersons() []anagrafe.Person {
	po := anagrafe.Address{Comune: "G999", Province: "PO", Specie: "VIA", Street: "Roma", Number: "12", Exponent: "A", CAP: "59100"}
	po2 := anagrafe.Address{Comune: "G999", Province: "PO", Specie: "PIAZZA", Street: "del Duomo", Number: "3", CAP: "59100"}
	return []anagrafe.Person{
		{
			ID: "10", Surname: "Hoxha", Name: "Arben", Sex: eli2.Maschio,
			BirthDate: pd("1982-02-14"), BirthState: "201", BirthLocality: "Durrës",
			Citizenships: []string{"201"}, MaritalStatus: "2", Address: po, FamilyID: "F10", Relation: anagrafe.RelHead,
			Permit:    &anagrafe.Permit{Type: "1", Kit: 16, Motive: "LAVORO SUBORDINATO", Number: "H00000010", IssueDate: d("2025-07-01"), ExpiryDate: d("2027-06-30"), Questura: "PO", RenewedOn: d("2025-07-01")},
			Documents: []anagrafe.IdentityDocument{{Kind: anagrafe.Passport, Number: "BA1000010", IssueDate: d("2021-01-10"), ExpiryDate: d("2031-01-09"), IssuingState: "201"}},
			UpdatedAt: ts("2025-07-01T10:00:00Z"),
		},
		{
			ID: "9", Surname: "Hoxha", Name: "Elira", Sex: eli2.Femmina,
			BirthDate: pd("1985-08-30"), BirthState: "201", BirthLocality: "Tirana",
			Citizenships: []string{"201", "100"}, MaritalStatus: "2", Address: po, FamilyID: "F10", Relation: anagrafe.RelSpouse,
			Permit:    &anagrafe.Permit{Type: "1", Kit: 13, Motive: "MOTIVI FAMILIARI", Number: "H00000009", IssueDate: d("2025-09-01"), ExpiryDate: d("2027-08-31"), Questura: "PO"},
			UpdatedAt: ts("2025-09-01T10:00:00Z"),
		},
		{
			ID: "100", Surname: "Hoxha", Name: "Dritan", Sex: eli2.Maschio,
			BirthDate: pd("2015-03-03"), BirthComune: "G999",
			Citizenships: []string{"201"}, MaritalStatus: "1", Address: po, FamilyID: "F10", Relation: anagrafe.RelChild,
			FatherID: "10", MotherID: "9",
			Permit:    &anagrafe.Permit{Type: "1", Kit: 13, Motive: "MOTIVI FAMILIARI", Number: "H00000100", IssueDate: d("2025-09-01"), ExpiryDate: d("2027-08-31"), Questura: "PO"},
			UpdatedAt: ts("2025-09-01T10:00:00Z"),
		},
		{
			ID: "2", Surname: "Santos", Name: "Maria Luz", Sex: eli2.Femmina,
			BirthDate: pd("1975-12-08"), BirthState: "323", BirthLocality: "Manila",
			Citizenships: []string{"323"}, MaritalStatus: "4", Address: po2, FamilyID: "F11", Relation: anagrafe.RelHead,
			Occupation: "5",
			Permit:     &anagrafe.Permit{Type: "2", Kit: 9, Motive: "SOGGIORNANTE DI LUNGO PERIODO", Number: "H00000002", IssueDate: d("2020-02-01"), Questura: "PO"},
			UpdatedAt:  ts("2020-02-01T10:00:00Z"),
		},
		{
			ID: "1000", Surname: "Santos", Name: "Ana", Sex: eli2.Femmina,
			BirthDate: pd("2013-04-04"), BirthState: "323", BirthLocality: "Cebu",
			Citizenships: []string{"323"}, MaritalStatus: "1", Address: po2, FamilyID: "F11", Relation: anagrafe.RelChild,
			MotherID:  "2",
			Permit:    &anagrafe.Permit{Type: "1", Kit: 13, Motive: "MOTIVI FAMILIARI", Number: "H00001000", IssueDate: d("2024-07-11"), ExpiryDate: d("2026-07-10"), Questura: "PO"},
			UpdatedAt: ts("2024-07-11T10:00:00Z"),
		},
	}
}

// HistoryRecords returns HistoryPersons as records (households
// assembled), in ascending ID order.
func HistoryRecords() []*anagrafe.Record { return anagrafe.Assemble(HistoryPersons()) }

// PastPermits returns the past permit rows of HistoryPersons, for sources
// that store a permit history (see HistoryPersons for what each is for).
func PastPermits() []PastPermit {
	return []PastPermit{
		{PersonID: "10", Status: Superseded, Permit: anagrafe.Permit{Type: "1", Kit: 16, Motive: "LAVORO SUBORDINATO", Number: "H00000001", IssueDate: d("2023-07-01"), ExpiryDate: d("2025-06-30"), Questura: "PO"}},
		{PersonID: "10", Status: Cancelled, Permit: anagrafe.Permit{Type: "1", Kit: 15, Motive: "LAVORO AUTONOMO", Number: "H00000011", IssueDate: d("2026-05-01"), ExpiryDate: d("2026-07-01"), Questura: "PO"}},
		{PersonID: "2", Status: Superseded, Permit: anagrafe.Permit{Type: "1", Kit: 16, Motive: "LAVORO SUBORDINATO", Number: "H00000003", IssueDate: d("2018-01-01"), ExpiryDate: d("2020-01-01"), Questura: "PO"}},
		{PersonID: "1000", Status: Cancelled, Permit: anagrafe.Permit{Type: "1", Kit: 13, Motive: "MOTIVI FAMILIARI", Number: "H00001001", IssueDate: d("2024-07-11"), ExpiryDate: d("2026-07-10"), Questura: "PO"}},
	}
}
