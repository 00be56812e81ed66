package codes

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCrossTableConsistency checks that the embedded tables agree with each
// other: every active comune lies in a known province, every successor of a
// dissolved state is a known state, and every province that lacks a questura
// is served by one that has it.
func TestCrossTableConsistency(t *testing.T) {
	tb := Default()
	for _, c := range tb.comuni {
		if !c.Active() {
			continue
		}
		p, ok := tb.Province(c.Province)
		if assert.True(t, ok, "%s %s: unknown province %q", c.Belfiore, c.Name, c.Province) {
			assert.Equal(t, c.ProvinceIstat, p.Istat, "%s %s", c.Belfiore, c.Name)
		}
	}
	for _, s := range tb.states {
		for _, succ := range s.Successors {
			_, ok := tb.StateByIstat(succ, 0)
			assert.True(t, ok, "%s: successor %s unknown", s.Belfiore, succ)
		}
	}
	for _, p := range tb.provinces {
		q, ok := tb.Province(p.Questura)
		assert.True(t, ok && q.HasQuestura, "%s served by %s", p.Sigla, p.Questura)
	}
}
