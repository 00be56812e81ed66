package eli2_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// The codec helper's sample applications are valid applications: the
// validator must find no problem at all in them (not even warnings).
func TestSamplesAreValid(t *testing.T) {
	for name, f := range eli2test.Samples() {
		t.Run(name, func(t *testing.T) {
			fp := eli2.ValidateFile(&f, eli2.ValidateOptions{})
			assert.Empty(t, fp.File)
			for _, pp := range fp.Pratiche {
				assert.Empty(t, pp.Problems, "pratica %s", pp.ID)
			}
		})
	}
}
