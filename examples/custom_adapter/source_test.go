package main

import (
	"bytes"
	"strings"
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

// FuzzReadSchede feeds arbitrary input to the vendor-format reader and
// converter: errors are fine, panics are not, and what converts must
// convert back to the same row.
func FuzzReadSchede(f *testing.F) {
	f.Add(`{"matricola":"A1","cognome":"Rossi","nome":"Anna","data_nascita":"05/1980","luogo_nascita":"S:436"}`)
	f.Add(`{"matricola":"A2","cognome":"X","nome":"Y","permesso":{"Tipo":"1","Scadenza":"31/12/2026"}}`)
	f.Add("not json")
	f.Fuzz(func(t *testing.T, s string) {
		rows, err := ReadSchede(strings.NewReader(s))
		if err != nil {
			return
		}
		for i := range rows {
			p, err := FromScheda(&rows[i])
			if err != nil {
				continue
			}
			again, err := FromScheda(ptr(ToScheda(&p)))
			require.NoError(t, err)
			require.Equal(t, p.BirthDate, again.BirthDate)
		}
	})
}

func ptr[T any](v T) *T { return &v }
