package demo

import (
	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
)

// Kit codes with a fixed role in the generator (present in the 2006 and
// 2024 editions of the kit table).
const (
	kitCarta       = 9  // permesso UE per soggiornanti di lungo periodo (carta)
	kitFamigliaMin = 14 // famiglia, applicant aged 14–17
	kitStateless   = 23 // status apolide, rinnovo
)

// renewableKits returns the codes of permits (not cards) that the kit
// edition in force on on accepts for a renewal (codes.Tables.KitTypesOn:
// the 2006 table up to 2024-05-29, Poste Italiane's 2024 table from
// 2024-05-30), but the ones reserved to minors (14) and stateless persons
// (23): the codes the demo's adults hold.
func renewableKits(t *codes.Tables, on codes.Date) []int {
	var out []int
	for _, k := range t.KitTypesOn(on) {
		if k.Titolo == "PERMESSO" && k.Allows(codes.KitRinnovo) && k.Code != kitFamigliaMin && k.Code != kitStateless {
			out = append(out, k.Code)
		}
	}
	return out
}

// kitUsable reports whether code may be renewed on the generator's date.
func (g *generator) kitUsable(code int) bool {
	k, ok := g.t.KitOn(code, g.on)
	return ok && k.Allows(codes.KitRinnovo)
}

// setKit records kit code code on pm with the motive the permit states
// (the description of the edition in force).
func (g *generator) setKit(pm *anagrafe.Permit, code int) {
	pm.Kit = code
	pm.Motive = ""
	if k, ok := g.t.KitOn(code, g.on); ok {
		pm.Motive = k.Description
	}
}

// freeMovement reports whether citizens of istat need no permit on on.
func freeMovement(t *codes.Tables, istat string, on codes.Date) bool {
	_, ok := t.FreeMovement(istat, on)
	return ok
}
