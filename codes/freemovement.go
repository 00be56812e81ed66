package codes

import (
	"slices"

	"github.com/retecomuni/eli2sdk/codes/internal/source"
)

// FreeMovementState tells that, over [From, To], the citizens of a state
// are Italian or enjoy free movement in Italy (EU, EEA, Switzerland) and so
// are not eligible for a residence permit (art. 1 c.1 d.lgs. 286/1998: the
// testo unico applies to citizens of non-EU states and stateless persons).
// The rows come from codes/data/libera_circolazione.csv, each citing its
// treaty or agreement.
//
// The table says who is a free-movement citizen on a date, nothing more:
// the status of a former EU citizen resident before the state left (United
// Kingdom citizens covered by the Withdrawal Agreement) is not decided here.
type FreeMovementState struct {
	Istat  string // ISTAT code of the state (250 Croazia)
	ISO3   string // ISO 3166-1 alpha-3 (HRV)
	Name   string // Italian name (Croazia)
	Scope  string // "IT" Italy, "UE" EU member, "SEE" EEA, "CH" Switzerland
	From   Date   // first day; zero = always (Italy)
	To     Date   // last day; MaxDate while in force (United Kingdom: 2020-12-31)
	Source string // treaty or agreement
}

// FreeMovement returns the free-movement row of the state with ISTAT code
// istat in force on on; ok false means that on that date its citizens are
// third-country nationals (or that the code is unknown: 999 apolide, 998,
// 997 are never free-movement). With on zero it returns the row still in
// force today (To is MaxDate). It does not allocate.
func (t *Tables) FreeMovement(istat string, on Date) (FreeMovementState, bool) {
	for i := range t.freeMovement {
		f := &t.freeMovement[i]
		if f.Istat != istat {
			continue
		}
		if (on == 0 && f.To == MaxDate) || (on != 0 && f.From <= on && on <= f.To) {
			return *f, true
		}
	}
	return FreeMovementState{}, false
}

// FreeMovementStates returns a copy of every row, sorted by ISTAT code and
// start date.
func (t *Tables) FreeMovementStates() []FreeMovementState { return slices.Clone(t.freeMovement) }

func freeMovementFromRows(rows []source.FreeMovement) []FreeMovementState {
	var out []FreeMovementState
	for _, f := range rows {
		out = append(out, FreeMovementState{Istat: f.Istat, ISO3: f.ISO3, Name: f.Name, Scope: f.Scope,
			From: Date(f.From), To: Date(f.To), Source: f.Source})
	}
	return out
}

func freeMovementToRows(rows []FreeMovementState) []source.FreeMovement {
	var out []source.FreeMovement
	for _, f := range rows {
		out = append(out, source.FreeMovement{ISO3: f.ISO3, Name: f.Name, Scope: f.Scope,
			From: int32(f.From), To: int32(f.To), Source: f.Source})
	}
	return out
}
