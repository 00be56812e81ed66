package main

import (
	"flag"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		in      []string
		pos     []string
		on      string
		asJSON  bool
		wantErr bool
	}{
		{in: []string{"vignola", "--json"}, pos: []string{"vignola"}, asJSON: true},
		{in: []string{"san", "--on", "2020-01-01", "giovanni"}, pos: []string{"san", "giovanni"}, on: "2020-01-01"},
		{in: []string{"--on=2020-01-01", "x"}, pos: []string{"x"}, on: "2020-01-01"},
		{in: []string{"x", "--", "--json"}, pos: []string{"x", "--json"}},
		{in: []string{"-", "--json"}, pos: []string{"-"}, asJSON: true},
		{in: []string{"--json"}, asJSON: true},
		{in: []string{"x", "--nope"}, wantErr: true},
	}
	for _, tc := range tests {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		on := fs.String("on", "", "")
		asJSON := fs.Bool("json", false, "")
		pos, err := parseInterspersed(fs, tc.in)
		if tc.wantErr {
			require.Error(t, err, "%q", tc.in)
			continue
		}
		require.NoError(t, err, "%q", tc.in)
		assert.Equal(t, tc.pos, pos, "%q", tc.in)
		assert.Equal(t, tc.on, *on, "%q", tc.in)
		assert.Equal(t, tc.asJSON, *asJSON, "%q", tc.in)
	}
}
