package anagrafe

import (
	"github.com/retecomuni/eli2sdk/codes/cf"
	"github.com/retecomuni/eli2sdk/eli2"
)

// MaskPersonID masks a register id that is a codice fiscale — a valid one,
// 16-character or 11-digit provisional, or anything with the shape of a
// 16-character code — with eli2.MaskCodiceFiscale, and returns any other id
// unchanged. Errors and reports name persons through it.
func MaskPersonID(id string) string {
	if _, err := cf.Parse(id); err == nil {
		return eli2.MaskCodiceFiscale(id)
	}
	return maskIfCF(id)
}
