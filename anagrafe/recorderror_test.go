package anagrafe_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
)

func TestRecordError(t *testing.T) {
	tests := []struct {
		name string
		err  *anagrafe.RecordError
		msg  string
		is   error
	}{
		{"all parts", &anagrafe.RecordError{Line: 7, PersonID: "P1", Field: "sesso", Reason: anagrafe.ReasonBadValue,
			Err: fmt.Errorf("%w: want M or F", anagrafe.ErrBadValue)},
			"anagrafe: record at line 7, person P1, field sesso: anagrafe: invalid value: want M or F", anagrafe.ErrBadValue},
		{"codice fiscale as id", &anagrafe.RecordError{PersonID: "RSSMRA85T10A562S", Field: "persone.data_nascita", Reason: anagrafe.ReasonImpossibleDate},
			"anagrafe: record person RSSMRA*********S, field persone.data_nascita: anagrafe: impossible date", anagrafe.ErrImpossibleDate},
		{"invalid code, same shape", &anagrafe.RecordError{PersonID: "RSSMRA85T10A562X", Reason: anagrafe.ReasonMissingValue},
			"anagrafe: record person RSSMRA*********X: anagrafe: required value missing", anagrafe.ErrMissingValue},
		{"line only", &anagrafe.RecordError{Line: 3, Reason: anagrafe.ReasonLineTooLong},
			"anagrafe: record at line 3: anagrafe: line too long", anagrafe.ErrLineTooLong},
		{"unknown reason", &anagrafe.RecordError{Field: "x", Reason: "vendor_code"},
			"anagrafe: record field x: vendor_code", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.msg, tt.err.Error())
			var err error = fmt.Errorf("wrapped: %w", tt.err)
			assert.True(t, anagrafe.IsRecordError(err))
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
				assert.Equal(t, tt.err.Reason, anagrafe.ReasonOf(err))
			}
			assert.NotErrorIs(t, err, anagrafe.ErrHousehold)
		})
	}
	assert.False(t, anagrafe.IsRecordError(errors.New("connection lost")))
	assert.Equal(t, anagrafe.ReasonBadValue, anagrafe.ReasonOf(fmt.Errorf("x: %w", anagrafe.ErrBadValue)))
	assert.Equal(t, "", anagrafe.ReasonOf(errors.New("x")))
}

func TestDateReason(t *testing.T) {
	for s, want := range map[string]string{
		"1964-06-31": anagrafe.ReasonImpossibleDate,
		"2026-02-29": anagrafe.ReasonImpossibleDate,
		"1990-13":    anagrafe.ReasonImpossibleDate,
		"31/06/1964": anagrafe.ReasonBadValue,
		"ieri":       anagrafe.ReasonBadValue,
		"1964-6-31":  anagrafe.ReasonBadValue,
		"Via Roma 1": anagrafe.ReasonBadValue,
	} {
		assert.Equal(t, want, anagrafe.DateReason(s), s)
	}
}

func TestMaskPersonID(t *testing.T) {
	for id, want := range map[string]string{
		"P001":             "P001",
		"RSSMRA85T10A562S": "RSSMRA*********S",
		"RSSMRA85T10A562X": "RSSMRA*********X", // checksum wrong, shape of a code
		"12345678903":      "123*******3",      // provisional code
		"12345678901":      "12345678901",      // 11 digits, not a provisional code
		"":                 "",
	} {
		assert.Equal(t, want, anagrafe.MaskPersonID(id), id)
	}
}

// streamSource is a Source with no optional interface that yields the
// records of recs and, before them, errs.
type streamSource struct {
	errs []error
	recs []*anagrafe.Record
}

func (s streamSource) Person(context.Context, string) (*anagrafe.Record, error) {
	return nil, anagrafe.ErrNotFound
}

func (s streamSource) Persons(ctx context.Context) iter.Seq2[*anagrafe.Record, error] {
	return func(yield func(*anagrafe.Record, error) bool) {
		for _, err := range s.errs {
			if !yield(nil, err) {
				return
			}
		}
		for _, r := range s.recs {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// Records that cannot be read are not counted and do not stop Count; a
// broken source does.
func TestCountSkipsRecordErrors(t *testing.T) {
	ctx := context.Background()
	recs := anagrafetest.Records()
	src := streamSource{errs: []error{&anagrafe.RecordError{Line: 2, Reason: anagrafe.ReasonMalformedRow}}, recs: recs}
	n, err := anagrafe.Count(ctx, src, anagrafe.All())
	require.NoError(t, err)
	assert.Equal(t, len(recs), n)

	broken := errors.New("connection lost")
	_, err = anagrafe.Count(ctx, streamSource{errs: []error{broken}, recs: recs}, anagrafe.All())
	assert.ErrorIs(t, err, broken)
}
