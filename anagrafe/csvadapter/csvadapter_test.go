package csvadapter_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/adaptertest"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/csvadapter"
)

var update = golden.Update

func TestConformance(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts csvadapter.WriterOptions
	}{
		{"utf8-comma", csvadapter.WriterOptions{}},
		{"semicolon-crlf", csvadapter.WriterOptions{Comma: ';', UseCRLF: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			adaptertest.Run(t, func(t *testing.T, records []*anagrafe.Record) anagrafe.Source {
				var buf bytes.Buffer
				require.NoError(t, csvadapter.WriteRecords(&buf, records, tc.opts))
				src, err := csvadapter.Load(&buf, csvadapter.Options{})
				require.NoError(t, err)
				require.Empty(t, src.Errors())
				return src
			})
		})
	}
}

// The golden file is the fixture population as a CSV extract; it doubles
// as the documented sample in testdata/anagrafe.
func TestGolden(t *testing.T) {
	golden := filepath.Join("..", "..", "testdata", "anagrafe", "fixtures.csv")
	var buf bytes.Buffer
	require.NoError(t, csvadapter.WriteRecords(&buf, anagrafetest.Records(), csvadapter.WriterOptions{}))
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update to create the golden file")
	assert.Equal(t, string(want), buf.String())

	src, err := csvadapter.Open(golden, csvadapter.Options{})
	require.NoError(t, err)
	assert.Equal(t, len(anagrafetest.Persons()), src.Len())
	assert.Equal(t, csvadapter.EncodingUTF8, src.Encoding())
	assert.Equal(t, ',', src.Comma())
}

const smallHeader = "id;cognome;nome;sesso;data_nascita;cittadinanze;permesso_tipo;permesso_data_scadenza\n"

func TestDetection(t *testing.T) {
	latin := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		require.NoError(t, err)
		return string(b)
	}
	row := "P1;Müller;Zoë;F;1990-02-03;216|605;1;2027-01-01\n"
	tests := []struct {
		name  string
		input string
		opts  csvadapter.Options
		enc   csvadapter.Encoding
		comma rune
	}{
		{"utf8 semicolon", smallHeader + row, csvadapter.Options{}, csvadapter.EncodingUTF8, ';'},
		{"utf8 BOM", "\xEF\xBB\xBF" + smallHeader + row, csvadapter.Options{}, csvadapter.EncodingUTF8, ';'},
		{"windows-1252", latin(smallHeader + row), csvadapter.Options{}, csvadapter.EncodingWindows1252, ';'},
		{"comma", strings.ReplaceAll(smallHeader+row, ";", ","), csvadapter.Options{}, csvadapter.EncodingUTF8, ','},
		{"crlf", strings.ReplaceAll(smallHeader+row, "\n", "\r\n"), csvadapter.Options{}, csvadapter.EncodingUTF8, ';'},
		{"forced 1252", latin(smallHeader + row), csvadapter.Options{Encoding: csvadapter.EncodingWindows1252, Comma: ';'}, csvadapter.EncodingWindows1252, ';'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := csvadapter.Load(strings.NewReader(tt.input), tt.opts)
			require.NoError(t, err)
			require.Empty(t, src.Errors())
			assert.Equal(t, tt.enc, src.Encoding())
			assert.Equal(t, tt.comma, src.Comma())
			rec, err := src.Person(context.Background(), "P1")
			require.NoError(t, err)
			assert.Equal(t, "Müller", rec.Person.Surname)
			assert.Equal(t, "Zoë", rec.Person.Name)
			assert.Equal(t, []string{"216", "605"}, rec.Person.Citizenships)
			require.NotNil(t, rec.Person.Permit)
			assert.Equal(t, "2027-01-01", rec.Person.Permit.ExpiryDate.String())
			assert.False(t, src.TracksResidenceDeclaration(), "no dichiarazione_dimora column")
		})
	}
}

func TestRowErrors(t *testing.T) {
	input := smallHeader +
		"P1;Rossi;Anna;F;1990;;;\n" + // line 2 ok
		"P2;Bianchi;Luca;X;1990;;;\n" + // line 3 bad sex
		"P3;Verdi;Ugo;M;1990-13;;;\n" + // line 4 bad date
		"P4;Neri;Eva;F;1990;;;2027-02-30\n" + // line 5 bad permit date
		"P5;Gialli;Ada\n" + // line 6 field count
		"P6;\"Blu;Pia;F;1990;;;\n" + // line 7 quote error (runs to EOF)
		""
	src, err := csvadapter.Load(strings.NewReader(input), csvadapter.Options{})
	require.NoError(t, err)
	errs := src.Errors()
	type want struct {
		line   int
		column string
		is     error
	}
	wants := []want{
		{3, "sesso", csvadapter.ErrBadValue},
		{4, "data_nascita", anagrafe.ErrImpossibleDate},
		{5, "permesso_data_scadenza", anagrafe.ErrImpossibleDate},
		{6, "", csvadapter.ErrFieldCount},
		{7, "", nil},
	}
	require.Len(t, errs, len(wants), "%v", errs)
	for i, w := range wants {
		assert.Equal(t, w.line, errs[i].Line, "error %d: %v", i, errs[i])
		assert.Equal(t, w.column, errs[i].Field, "error %d", i)
		if w.is != nil {
			assert.ErrorIs(t, errs[i], w.is)
		}
	}
	assert.Equal(t, 1, src.Len())

	// The stream yields the row errors first, then the persons.
	var got []string
	for rec, err := range src.Persons(context.Background()) {
		if err != nil {
			var re *anagrafe.RecordError
			require.True(t, errors.As(err, &re))
			got = append(got, "err")
			continue
		}
		got = append(got, rec.Person.ID)
	}
	assert.Equal(t, []string{"err", "err", "err", "err", "err", "P1"}, got)

	// Search goes on after row errors too.
	n := 0
	for rec, err := range anagrafe.Search(context.Background(), src, anagrafe.All()) {
		if err == nil {
			require.Equal(t, "P1", rec.Person.ID)
			n++
		}
	}
	assert.Equal(t, 1, n)
}

func TestRowErrorsMore(t *testing.T) {
	h := "id,cognome,nome,permesso_motivo,documento2_numero,documento2_tipo,dichiarazione_dimora\n"
	tests := []struct {
		name, row, column string
		is                error
	}{
		{"missing id", ",Rossi,Anna,,,,", "id", csvadapter.ErrMissingValue},
		{"missing names", "P1,,,,,,", "cognome", csvadapter.ErrMissingValue},
		{"permit without type", "P1,Rossi,Anna,Lavoro,,,", "permesso_tipo", csvadapter.ErrMissingValue},
		{"document without type", "P1,Rossi,Anna,,X1,,", "documento2_tipo", csvadapter.ErrMissingValue},
		{"bad document type", "P1,Rossi,Anna,,X1,PATENTINO,", "documento2_tipo", csvadapter.ErrBadValue},
		{"bad declaration", "P1,Rossi,Anna,,,,01/02/20", "dichiarazione_dimora", csvadapter.ErrBadValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := csvadapter.NewReader(strings.NewReader(h+tt.row+"\n"), csvadapter.Options{})
			_, err := r.Read()
			var re *anagrafe.RecordError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, 2, re.Line)
			assert.Equal(t, tt.column, re.Field)
			assert.ErrorIs(t, err, tt.is)
			_, err = r.Read()
			assert.ErrorIs(t, err, io.EOF)
		})
	}
}

func TestDuplicateID(t *testing.T) {
	src, err := csvadapter.Load(strings.NewReader("id,cognome,nome\nP1,A,B\nP1,C,D\n"), csvadapter.Options{})
	require.NoError(t, err)
	require.Len(t, src.Errors(), 1)
	assert.ErrorIs(t, src.Errors()[0], csvadapter.ErrDuplicateID)
	assert.Equal(t, 3, src.Errors()[0].Line)
	rec, err := src.Person(context.Background(), "P1")
	require.NoError(t, err)
	assert.Equal(t, "A", rec.Person.Surname, "the first row wins")
}

func TestHeaderErrors(t *testing.T) {
	tests := []struct {
		name, input string
		is          error
		opts        csvadapter.Options
	}{
		{"empty", "", csvadapter.ErrEmptyInput, csvadapter.Options{}},
		{"unknown column", "id,cognome,nome,colore\n", csvadapter.ErrUnknownColumn, csvadapter.Options{}},
		{"missing id", "cognome,nome\n", csvadapter.ErrMissingColumn, csvadapter.Options{}},
		{"duplicate", "id,cognome,nome,nome\n", csvadapter.ErrDuplicateCol, csvadapter.Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := csvadapter.Load(strings.NewReader(tt.input), tt.opts)
			var he *csvadapter.HeaderError
			require.ErrorAs(t, err, &he)
			assert.ErrorIs(t, err, tt.is)
		})
	}
	// A file without a header: its first row is personal data, named by
	// position; a typo in a column name is quoted.
	_, err := csvadapter.Load(strings.NewReader("P1,ROSSI,MARIO,RSSMRA85T10A562S\n"), csvadapter.Options{})
	require.ErrorIs(t, err, csvadapter.ErrUnknownColumn)
	assert.Equal(t, "csvadapter: header: column 1: csvadapter: unknown column", err.Error())
	_, err = csvadapter.Load(strings.NewReader("id,cognome,nome,permesso_scadenza\n"), csvadapter.Options{})
	assert.Equal(t, `csvadapter: header: column "permesso_scadenza": csvadapter: unknown column`, err.Error())
	_, err = csvadapter.Load(strings.NewReader("id,cognome,nome,Nome\n"), csvadapter.Options{})
	assert.Equal(t, `csvadapter: header: column "Nome": csvadapter: duplicate column`, err.Error())

	src, err := csvadapter.Load(strings.NewReader("id,cognome,nome,colore\nP1,A,B,rosso\n"), csvadapter.Options{IgnoreUnknownColumns: true})
	require.NoError(t, err)
	assert.Equal(t, 1, src.Len())
}

func TestWriterWindows1252(t *testing.T) {
	var buf bytes.Buffer
	w := csvadapter.NewWriter(&buf, csvadapter.WriterOptions{Windows1252: true, Comma: ';', Documents: 3})
	p := anagrafetest.ByID("P020").Person // Müller da Silva João: representable
	require.NoError(t, w.Write(&p))
	p = anagrafetest.ByID("P010").Person // Ševčenko: č is not
	err := w.Write(&p)
	assert.ErrorIs(t, err, csvadapter.ErrNotWindows1252)
	assert.Contains(t, err.Error(), "column cognome")
	require.NoError(t, w.Flush())
	src, err := csvadapter.Load(&buf, csvadapter.Options{})
	require.NoError(t, err)
	assert.Equal(t, csvadapter.EncodingWindows1252, src.Encoding())
	rec, err := src.Person(context.Background(), "P020")
	require.NoError(t, err)
	assert.Equal(t, "Müller da Silva", rec.Person.Surname)
}

func TestWriterTooManyDocuments(t *testing.T) {
	w := csvadapter.NewWriter(io.Discard, csvadapter.WriterOptions{})
	p := anagrafetest.ByID("P010").Person
	assert.ErrorIs(t, w.Write(&p), csvadapter.ErrTooManyDocuments)
}

func TestInvalidUTF8AfterSniff(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,cognome,nome\n")
	for i := 0; b.Len() < csvadapter.SniffBytes+100; i++ {
		b.WriteString("P")
		b.WriteString(strings.Repeat("0", 6))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(",Rossi,Anna\n")
	}
	b.WriteString("PX,Ross\xE9,Anna\n")
	r := csvadapter.NewReader(strings.NewReader(b.String()), csvadapter.Options{IgnoreUnknownColumns: true})
	var last error
	for _, err := range r.All() {
		if err != nil {
			last = err
		}
	}
	assert.ErrorIs(t, last, csvadapter.ErrInvalidUTF8)
	assert.Equal(t, csvadapter.EncodingUTF8, r.Encoding())
}

func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	require.NoError(f, csvadapter.WriteRecords(&buf, anagrafetest.Records()[:3], csvadapter.WriterOptions{}))
	f.Add(buf.String())
	f.Add(smallHeader + "P1;Müller;Zoë;F;1990-02-03;216|605;1;2027-01-01\n")
	f.Add("id,cognome,nome,documento7_tipo\nP1,\"a\"\"b\",c,PASSAPORTO\n")
	f.Add("\xEF\xBB\xBFid;cognome;nome\n\"P1;x\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := csvadapter.NewReader(strings.NewReader(in), csvadapter.Options{})
		rows := 0
		for p, err := range r.All() {
			rows++
			if rows > len(in)+2 {
				t.Fatalf("more rows than input bytes")
			}
			if err != nil {
				continue
			}
			if p.ID == "" {
				t.Fatalf("person without id")
			}
			// A person read back must survive a write/read round trip.
			var out bytes.Buffer
			w := csvadapter.NewWriter(&out, csvadapter.WriterOptions{Documents: len(p.Documents)})
			if err := w.Write(p); err != nil {
				t.Fatalf("write: %v", err)
			}
			if err := w.Flush(); err != nil {
				t.Fatalf("flush: %v", err)
			}
			back, err := csvadapter.NewReader(&out, csvadapter.Options{Encoding: csvadapter.EncodingUTF8}).Read()
			if err != nil {
				t.Fatalf("read back: %v\n%s", err, out.String())
			}
			assert.Equal(t, p, back)
		}
	})
}

// TestFormulaCells is reproduction 7 of issue 11 (second half): the writer
// emitted "=cmd|…" cells as they were. Every value a spreadsheet could run
// is now written with a quote in front, and reads back unchanged.
func TestFormulaCells(t *testing.T) {
	p := anagrafe.Person{
		ID: "P1", Surname: "=cmd|' /C calc'!A0", Name: "@SUM(1+1)*cmd|' /C calc'!A0",
		Phone: "+39 055 123456", Email: "-2+3", BirthLocality: "\tx", Address: anagrafe.Address{Street: "\r=1"},
		Documents: []anagrafe.IdentityDocument{{Kind: anagrafe.Passport, Authority: "'=already quoted"}},
	}
	var buf bytes.Buffer
	require.NoError(t, csvadapter.WriteRecords(&buf, []*anagrafe.Record{{Person: p}}, csvadapter.WriterOptions{}))
	rows, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	for i, v := range rows[1] {
		if v != "" {
			assert.NotContains(t, "=+-@\t\r", v[:1], "column %s starts with a formula trigger: %q", rows[0][i], v)
		}
	}
	assert.Contains(t, buf.String(), ",'=cmd|' /C calc'!A0,")
	assert.Contains(t, buf.String(), ",'+39 055 123456,")

	src, err := csvadapter.Load(&buf, csvadapter.Options{})
	require.NoError(t, err)
	require.Empty(t, src.Errors())
	rec, err := src.Person(context.Background(), "P1")
	require.NoError(t, err)
	assert.Equal(t, p.Surname, rec.Person.Surname)
	assert.Equal(t, p.Name, rec.Person.Name)
	assert.Equal(t, p.Phone, rec.Person.Phone)
	assert.Equal(t, p.Email, rec.Person.Email)
	assert.Equal(t, p.Address.Street, rec.Person.Address.Street)
	assert.Equal(t, p.Documents[0].Authority, rec.Person.Documents[0].Authority)
}

// TestNoValuesInMessages is reproduction 8 of issue 11 for extracts:
// messages quoted the value ("1964-06-31", a name in the sex column, an
// address in a date column). They now name the line, the person, the
// column and the rule only.
func TestNoValuesInMessages(t *testing.T) {
	h := "id,cognome,nome,sesso,data_nascita,permesso_tipo,permesso_tipologia_kit,permesso_data_scadenza,documento_tipo,aggiornato_il,cittadinanze\n"
	tests := []struct{ name, row, value, column, reason string }{
		{"impossible date", "P1,Rossi,Mario,M,1964-06-31,,,,,,", "1964-06-31", "data_nascita", anagrafe.ReasonImpossibleDate},
		{"name in the sex column", "P1,Rossi,Mario,Mario Rossi,,,,,,,", "Mario Rossi", "sesso", anagrafe.ReasonBadValue},
		{"address in a date column", "P1,Rossi,Mario,M,,1,,Via Roma 12,,,", "Via Roma", "permesso_data_scadenza", anagrafe.ReasonBadValue},
		{"text in the kit column", "P1,Rossi,Mario,M,,1,Zorro,,,,", "Zorro", "permesso_tipologia_kit", anagrafe.ReasonBadValue},
		{"name in the document type", "P1,Rossi,Mario,M,,,,,Mario Rossi,,", "Mario Rossi", "documento_tipo", anagrafe.ReasonBadValue},
		{"address in a time column", "P1,Rossi,Mario,M,,,,,,Via Roma 12,", "Via Roma", "aggiornato_il", anagrafe.ReasonBadValue},
		{"empty citizenship", "P1,Rossi,Mario,M,,,,,,,436||Zorro", "Zorro", "cittadinanze", anagrafe.ReasonBadValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := csvadapter.NewReader(strings.NewReader(h+tt.row+"\n"), csvadapter.Options{}).Read()
			var re *anagrafe.RecordError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tt.column, re.Field)
			assert.Equal(t, tt.reason, re.Reason)
			assert.Equal(t, "P1", re.PersonID)
			assert.Equal(t, 2, re.Line)
			assert.NotContains(t, err.Error(), tt.value)
			assert.Contains(t, err.Error(), "line 2, person P1, field "+tt.column)
		})
	}
}

// A person asked for by id whose row could not be read is reported with
// the row's error, not as missing.
func TestPersonOfBadRow(t *testing.T) {
	src, err := csvadapter.Load(strings.NewReader("id,cognome,nome,sesso\nP1,A,B,X\nP2,C,D,F\n"), csvadapter.Options{})
	require.NoError(t, err)
	_, err = src.Person(context.Background(), "P1")
	var re *anagrafe.RecordError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "sesso", re.Field)
	assert.Equal(t, 2, re.Line)
	_, err = src.Person(context.Background(), "P9")
	assert.ErrorIs(t, err, anagrafe.ErrNotFound)
	_, err = src.Person(context.Background(), "P2")
	assert.NoError(t, err)
}
