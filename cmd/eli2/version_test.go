package main

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVersionCommand(t *testing.T) {
	rc1, out1, err1 := exportRun("--version")
	rc2, out2, err2 := exportRun("version")
	assert.Equal(t, 0, rc1)
	assert.Equal(t, 0, rc2)
	assert.Empty(t, err1+err2)
	assert.Equal(t, out1, out2)
	assert.True(t, strings.HasPrefix(out1, "eli2 "), out1)
	assert.Contains(t, out1, "github.com/retecomuni/eli2sdk")
	assert.Contains(t, out1, runtime.Version())
	rc, _, stderr := exportRun("version", "extra")
	assert.Equal(t, 2, rc)
	assert.Contains(t, stderr, "argomenti non previsti")
}

func TestBuildVersionString(t *testing.T) {
	tests := []struct {
		v        buildVersion
		want     string
		released bool
	}{
		{buildVersion{Module: "m", Version: "v0.4.0", Go: "go1.26.0"}, "eli2 v0.4.0 (m) go1.26.0", true},
		{buildVersion{Module: "m", Version: "(devel)", Revision: "0123456789abcdef0123", Time: "2026-11-30T05:00:00Z", Go: "go1.26.0"},
			"eli2 (devel) (m, revisione 0123456789ab del 2026-11-30T05:00:00Z) go1.26.0", false},
		{buildVersion{Module: "m", Version: "(devel)", Revision: "abc", Modified: true, Go: "go1.26.0"},
			"eli2 (devel) (m, revisione abc, con modifiche non registrate) go1.26.0", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.v.String())
		assert.Equal(t, tt.released, tt.v.released())
	}
}
