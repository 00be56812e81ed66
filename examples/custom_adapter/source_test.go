package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/adaptertest"
)

// TestConformance runs the SDK's adapter conformance suite: the fixture
// records go through the vendor's format (JSON lines) and back.
func TestConformance(t *testing.T) {
	adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
		var rows []Scheda
		for _, r := range records {
			rows = append(rows, ToScheda(&r.Person))
		}
		var b bytes.Buffer
		require.NoError(t, WriteSchede(&b, rows))
		back, err := ReadSchede(&b)
		require.NoError(t, err)
		src, err := NewSource(back)
		require.NoError(t, err)
		return src
	})
}

func TestBadDate(t *testing.T) {
	_, err := NewSource([]Scheda{{Matricola: "X1", Cognome: "A", Nome: "B", DataNascita: "31/02/1990"}})
	require.Error(t, err)
}
