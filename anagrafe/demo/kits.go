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
// edition in force on on accepts for a renewal, but the one reserved to
// minors: the codes the demo's adults hold.
func renewableKits(t *codes.Tables, on codes.Date) []int {
	var out []int
	for _, k := range t.KitTypes() {
		if k.Titolo == "PERMESSO" && k.Operazione == "RILASCIO_RINNOVO" && k.ValidOn(on) && k.Code != kitFamigliaMin {
			out = append(out, k.Code)
		}
	}
	return out
}

// kitUsable reports whether code may be renewed on the generator's date.
func (g *generator) kitUsable(code int) bool {
	k, ok := g.t.Kit(code)
	return ok && k.ValidOn(g.on)
}

// setKit records kit code code on pm with the motive the permit states
// (the kit's description).
func (g *generator) setKit(pm *anagrafe.Permit, code int) {
	pm.Kit = code
	pm.Motive = ""
	if k, ok := g.t.Kit(code); ok {
		pm.Motive = k.Description
	}
}
