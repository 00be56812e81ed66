package vendormap

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

func TestState(t *testing.T) {
	tests := []struct {
		name, istat string
	}{
		{"MAROCCO", "436"},
		{"marocco", "436"},
		{"Ucraina", "243"},
		{"Perù", "615"},
		{"PERU'", "615"},
		{"Morocco", "436"},
		{"Cina", "314"},
		{"RUSSIA", "245"},
		{"MOLDAVIA", "254"},
		{"MACEDONIA", "253"},
		{"STATI UNITI", "536"},
		{"COREA DEL SUD", "320"},
		{"rep. ceca", "257"},
	}
	for _, tt := range tests {
		s, err := State(tt.name, codes.NewDate(2024, 1, 1))
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.istat, s.Istat, tt.name)
	}
}

func TestStateUnknown(t *testing.T) {
	for _, name := range []string{"", "Atlantide", "Jugoslavia", "URSS"} {
		_, err := State(name, codes.NewDate(2024, 1, 1))
		assert.ErrorIs(t, err, ErrUnknownStateName, name)
		var amb *AmbiguousStateError
		assert.False(t, errors.As(err, &amb))
	}
}

func TestStateAmbiguous(t *testing.T) {
	// A newer table where one name designates two ISTAT codes: the
	// vendor must be told both, not given one.
	extra := "CODAT,DENOMINAZIONE,DATAINIZIOVALIDITA,DATAFINEVALIDITA,SUCCESSORI_CODISTAT,NOTE,CODISTAT\n" +
		"Z998,Marocco,1900-01-01,,,,998\n"
	tb, err := codes.Load(codes.Sources{ExtraStates: strings.NewReader(extra)})
	require.NoError(t, err)
	_, err = StateIn(tb, "Marocco", codes.NewDate(2024, 1, 1))
	require.ErrorIs(t, err, ErrAmbiguousStateName)
	var amb *AmbiguousStateError
	require.ErrorAs(t, err, &amb)
	assert.Len(t, amb.Candidates, 2)
	assert.Contains(t, err.Error(), `ambiguous state name "Marocco": candidates `)
	assert.Contains(t, err.Error(), "436 MAROCCO")
	assert.Contains(t, err.Error(), "998 Marocco")
}

func TestStateDissolved(t *testing.T) {
	_, err := State("Jugoslavia", 0)
	require.ErrorIs(t, err, ErrUnknownStateName)
	assert.ErrorContains(t, err, `"Jugoslavia" is a dissolved state (Z118): a register records one of its successors (`)
	assert.ErrorContains(t, err, "250 CROAZIA")
}

func TestStateAmbiguousKoreas(t *testing.T) {
	_, err := State("COREA", codes.NewDate(2024, 1, 1))
	var amb *AmbiguousStateError
	require.ErrorAs(t, err, &amb)
	var got []string
	for _, c := range amb.Candidates {
		got = append(got, c.Istat)
	}
	assert.ElementsMatch(t, []string{"319", "320"}, got)
}
