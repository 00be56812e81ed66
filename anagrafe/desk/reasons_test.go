package desk

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReasonCatalogues: every reason code has an Italian and an English
// text, and both catalogues hold the same codes.
func TestReasonCatalogues(t *testing.T) {
	codes := []string{ReasonDue, ReasonExemptMinor, ReasonExemptAsylum, ReasonExemptValid, ReasonOverTwoYears,
		ReasonUpToThreeMonths, ReasonNoDuration, ReasonBirthUncertain, ReasonLongTermRenewal, ReasonArt27,
		ReasonNotRilascioRinn, ReasonNotInForce, ReasonMissingFee, ReasonUnknownKit}
	slices.Sort(codes)
	assert.Equal(t, codes, slices.Sorted(maps.Keys(reasonsIT)))
	assert.Equal(t, codes, slices.Sorted(maps.Keys(reasonsEN)))
	for _, c := range codes {
		assert.NotEmpty(t, reasonsIT[c], c)
		assert.NotEmpty(t, reasonsEN[c], c)
	}
}
