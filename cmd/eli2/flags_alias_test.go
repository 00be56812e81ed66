package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFlagNamesEveryCommand: every command's --help lists the Italian
// names, and each deprecated English name next to them as deprecated;
// no command defines an English name of its own.
func TestFlagNamesEveryCommand(t *testing.T) {
	tests := []struct {
		args []string
		has  []string // primary names the command must have
	}{
		{[]string{"export"}, []string{"riferimento", "operatore", "finalita", "audit-log", "persona"}},
		{[]string{"preview"}, []string{"operatore", "finalita", "audit-log", "persona"}},
		{[]string{"validate"}, []string{"riferimento"}},
		{[]string{"promemoria"}, []string{"riferimento", "operatore", "finalita", "audit-log"}},
		{[]string{"art11"}, []string{"riferimento", "operatore", "finalita", "audit-log"}},
		{[]string{"codes", "comune"}, []string{"riferimento"}},
		{[]string{"demo"}, []string{"riferimento"}},
		{[]string{"cf", "decode"}, []string{"riferimento"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, help := exportRun(append(tt.args, "--help")...)
			for _, name := range tt.has {
				assert.Contains(t, help, "  -"+name+" ", "primary flag --%s", name)
			}
			for old, name := range flagAliases {
				if !strings.Contains(help, "  -"+name+" ") {
					assert.NotContains(t, help, "  -"+old+" ", "--%s without --%s", old, name)
					continue
				}
				assert.Contains(t, help, "  -"+old+" string\n    \t"+deprecatedUsage+name, "alias --%s listed as deprecated", old)
			}
		})
	}
}

// TestFlagAliasesSameResult: an old name gives exactly what the new name
// gives.
func TestFlagAliasesSameResult(t *testing.T) {
	tests := [][2][]string{
		{{"codes", "comune", "prato", "--on", "1990-01-01"}, {"codes", "comune", "prato", "--riferimento", "1990-01-01"}},
		{{"codes", "comune", "prato", "--on", "bad"}, {"codes", "comune", "prato", "--riferimento", "bad"}},
	}
	files, err := filepath.Glob(filepath.Join(validDir, "*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	tests = append(tests, [2][]string{{"validate", files[0], "--on", "2026-06-15"}, {"validate", files[0], "--riferimento", "2026-06-15"}})
	for _, tt := range tests {
		rc1, out1, err1 := exportRun(tt[0]...)
		rc2, out2, err2 := exportRun(tt[1]...)
		assert.Equal(t, rc2, rc1, "%q", tt[0])
		assert.Equal(t, out2, out1, "%q", tt[0])
		assert.Equal(t, err2, err1, "%q", tt[0])
		assert.NotEmpty(t, out1+err1)
	}
}
