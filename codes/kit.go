package codes

import (
	"cmp"
	"slices"
	"strings"

	"github.com/retecomuni/eli2sdk/codes/internal/source"
)

// KitOp is an operation requested with a kit code (the operations the
// Poste Italiane 2024 table lists per code).
type KitOp uint8

// The kit operations. The zero KitOp is no operation.
const (
	KitRilascio      KitOp = iota + 1 // first issue
	KitRinnovo                        // renewal
	KitConversione                    // conversion to another permit type
	KitAggiornamento                  // update (address, civil status, children, passport)
	KitDuplicato                      // duplicate
)

// String returns the operation's name as the kit tables write it
// (RILASCIO, RINNOVO, CONVERSIONE, AGGIORNAMENTO, DUPLICATO), "" for the
// zero or an unknown KitOp.
func (op KitOp) String() string {
	if op < KitRilascio || op > KitDuplicato {
		return ""
	}
	return source.OpNames[op-1]
}

// ParseKitOp parses an operation name (case-insensitive, surrounding spaces
// ignored): RILASCIO, RINNOVO, CONVERSIONE, AGGIORNAMENTO or DUPLICATO.
func ParseKitOp(s string) (KitOp, bool) {
	s = strings.TrimSpace(s)
	for i, n := range source.OpNames {
		if strings.EqualFold(s, n) {
			return KitOp(i + 1), true
		}
	}
	return 0, false
}

// KitOps is a set of KitOp.
type KitOps uint8

// KitOpsOf returns the set holding ops.
func KitOpsOf(ops ...KitOp) KitOps {
	var s KitOps
	for _, op := range ops {
		if op.String() != "" {
			s |= 1 << (op - 1)
		}
	}
	return s
}

// Allows reports whether op is in the set.
func (s KitOps) Allows(op KitOp) bool {
	return op.String() != "" && s&(1<<(op-1)) != 0
}

// List returns the operations of the set in the order of the KitOp
// constants.
func (s KitOps) List() []KitOp {
	var out []KitOp
	for op := KitRilascio; op <= KitDuplicato; op++ {
		if s.Allows(op) {
			out = append(out, op)
		}
	}
	return out
}

// String returns the operations joined by "+" (RILASCIO+RINNOVO), "" for
// the empty set.
func (s KitOps) String() string {
	var names []string
	for _, op := range s.List() {
		names = append(names, op.String())
	}
	return strings.Join(names, "+")
}

// KitEdition is an edition of the kit table: a file is judged by the
// edition in force on its date. The editions, their files and start dates
// are data (codes/data/kit_edizioni.csv): 2006 (the 2006–2009 kit ELI2 was
// built for) and 2024 (the table Poste Italiane dates 2024-05-30; the
// published table may continue past code 32, the copy the data holds ends
// there: a newer copy is given to Load as KitEditionSource).
type KitEdition struct {
	Name   string // "2006", "2024"
	From   Date   // first day in force; zero for the first edition
	Source string // where the table and its date come from
}

// KitType is a permit type of the post-office kit in one edition: the code
// written on Modulo 1, the operations it allows and, where a source gives
// them, its maximum duration and the code that replaced it.
type KitType struct {
	Code        int    // kit code (16 lavoro subordinato)
	Description string // description on the kit
	Titolo      string // PERMESSO or CARTA
	// Operazione is the 2006 table's column: RILASCIO_RINNOVO, RINNOVO,
	// AGGIORNAMENTO, CONVERSIONE or DUPLICATO; "" in later editions (use Ops).
	Operazione string
	ValidTo    Date   // last day the code may be used; 0 = no end (code 8: 2007-04-10)
	Note       string // notes of the table (later legal changes)

	Edition string // edition the row belongs to ("2006", "2024")
	Ops     KitOps // operations the code allows (2006: RILASCIO_RINNOVO = rilascio + rinnovo)

	// MaxMonths is the longest duration a source gives for the permit, in
	// months, for the operations in MaxMonthsOps (36 applies to renewals
	// only); 0 = no limit known. NoDuration is set instead when the permit
	// has no duration at all (9, UE long-term). See codes/data/kit_durate.csv.
	MaxMonths      int
	MaxMonthsOps   KitOps
	NoDuration     bool
	DurationSource string // source of MaxMonths or NoDuration

	// Successor is the code of the next edition to use instead of this one
	// (22 → 27, 25 → 24); 0 = none. SuccessorSource cites the source, and is
	// also set when a source records that there is no successor (1, 8, 26).
	Successor       int
	SuccessorSource string
}

// ValidOn reports whether the row's own end date (ValidTo) allows it on d.
// It does not look at editions: see Tables.KitOn.
func (k KitType) ValidOn(d Date) bool { return k.ValidTo == 0 || d <= k.ValidTo }

// Allows reports whether the code allows operation op.
func (k KitType) Allows(op KitOp) bool { return k.Ops.Allows(op) }

// MaxMonthsFor returns the maximum duration in months for operation op, 0
// when none is known or the permit has no duration.
func (k KitType) MaxMonthsFor(op KitOp) int {
	if k.MaxMonthsOps.Allows(op) {
		return k.MaxMonths
	}
	return 0
}

// kitEdition is an edition with its rows, sorted by code.
type kitEdition struct {
	KitEdition
	file string // file name used in issues
	rows []KitType
}

// Kit returns the kit type with code code in the first edition (2006, the
// table ELI2 was built for), whatever the date; use KitOn to judge a file
// by the edition in force on its date. It does not allocate.
func (t *Tables) Kit(code int) (KitType, bool) {
	return findKit(t.kit[0].rows, code)
}

// KitTypes returns a copy of every kit type of the first edition (2006),
// sorted by code; KitTypesOn gives the edition in force on a date.
func (t *Tables) KitTypes() []KitType { return slices.Clone(t.kit[0].rows) }

// KitEditions returns the editions, sorted by start date.
func (t *Tables) KitEditions() []KitEdition {
	out := make([]KitEdition, len(t.kit))
	for i, e := range t.kit {
		out[i] = e.KitEdition
	}
	return out
}

// KitEditionOn returns the edition in force on d: the last one starting on
// or before d. The zero Date gives the latest edition.
func (t *Tables) KitEditionOn(d Date) KitEdition { return t.kit[t.editionOn(d)].KitEdition }

func (t *Tables) editionOn(d Date) int {
	if d == 0 {
		return len(t.kit) - 1
	}
	i := 0
	for j, e := range t.kit {
		if e.From <= d {
			i = j
		}
	}
	return i
}

// KitOn returns the row of code code in the edition in force on d; a code
// absent from that edition, or whose row ended (ValidTo) before d, is not
// in force and gives false. It does not allocate.
func (t *Tables) KitOn(code int, d Date) (KitType, bool) {
	k, ok := findKit(t.kit[t.editionOn(d)].rows, code)
	if !ok || (d != 0 && !k.ValidOn(d)) {
		return KitType{}, false
	}
	return k, true
}

// KitIn returns the row of code code in the edition named edition. It does
// not allocate.
func (t *Tables) KitIn(edition string, code int) (KitType, bool) {
	for _, e := range t.kit {
		if e.Name == edition {
			return findKit(e.rows, code)
		}
	}
	return KitType{}, false
}

// KitTypesOn returns the codes in force on d (edition in force, rows not
// ended), sorted by code.
func (t *Tables) KitTypesOn(d Date) []KitType {
	var out []KitType
	for _, k := range t.kit[t.editionOn(d)].rows {
		if d == 0 || k.ValidOn(d) {
			out = append(out, k)
		}
	}
	return out
}

// KitSuccessor tells what to use on d instead of code, for a code not in
// force on d. prev is code's row in the most recent earlier edition that
// has it: its Successor and SuccessorSource say what replaced it, or (with
// Successor 0 and a source) that nothing did (1 Adozione, 26 Turismo). next
// is the successor's row in the edition in force on d, and ok reports
// whether there is one in force (22 → 27, 25 → 24 from 2024-05-30). A code
// in force on d, or one no earlier edition has, gives zero rows and false.
func (t *Tables) KitSuccessor(code int, d Date) (next, prev KitType, ok bool) {
	if _, inForce := t.KitOn(code, d); inForce {
		return KitType{}, KitType{}, false
	}
	for i := t.editionOn(d); i >= 0; i-- {
		k, found := findKit(t.kit[i].rows, code)
		if !found || (i == t.editionOn(d) && k.ValidOn(d)) {
			continue
		}
		if k.Successor == 0 {
			return KitType{}, k, false
		}
		n, ok := t.KitOn(k.Successor, d)
		return n, k, ok
	}
	return KitType{}, KitType{}, false
}

func findKit(rows []KitType, code int) (KitType, bool) {
	i, ok := slices.BinarySearchFunc(rows, code, func(k KitType, c int) int { return cmp.Compare(k.Code, c) })
	if !ok {
		return KitType{}, false
	}
	return rows[i], true
}

// kitFromRow converts a source row.
func kitFromRow(k source.Kit) KitType {
	return KitType{
		Code: k.Code, Description: k.Description, Titolo: k.Titolo, Operazione: k.Operazione,
		ValidTo: Date(k.ValidTo), Note: k.Note, Edition: k.Edition, Ops: KitOps(k.Ops),
		MaxMonths: k.MaxMonths, MaxMonthsOps: KitOps(k.MaxMonthsOps), NoDuration: k.NoDuration,
		DurationSource: k.DurationSource, Successor: k.Successor, SuccessorSource: k.SuccessorSource,
	}
}

// kitToRow converts a row back without the facts of the duration and
// successor tables (they are applied again after a Load).
func kitToRow(k KitType) source.Kit {
	return source.Kit{
		Code: k.Code, Description: k.Description, Titolo: k.Titolo, Operazione: k.Operazione,
		ValidTo: int32(k.ValidTo), Note: k.Note, Edition: k.Edition, Ops: uint8(k.Ops),
	}
}
