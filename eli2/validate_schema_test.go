package eli2_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemaTipologiaOptional: issue 10 widens v1 so that an application
// without a kit code is a valid file (ANPR holds no permit motive; the desk
// chooses it, eli2.Validate warns kit_to_choose). A kit code that is given
// must still be a positive number.
func TestSchemaTipologiaOptional(t *testing.T) {
	base := sampleXML(t, "batch")
	require.Contains(t, base, "<Tipologia>15</Tipologia>")
	without := strings.Replace(base, "<Tipologia>15</Tipologia>", "", 1)
	_, ok := xmllint(t, "senza_tipologia.xml", []byte(without))
	assert.True(t, ok, "a file without Tipologia is valid v1")
	_, ok = xmllint(t, "tipologia_zero.xml", []byte(strings.Replace(base, "<Tipologia>15<", "<Tipologia>0<", 1)))
	assert.False(t, ok, "0 is not a kit code")
}
