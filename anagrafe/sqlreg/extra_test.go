package sqlreg_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		url     string
		dialect sqlreg.Dialect
		dsn     string
		bad     bool
	}{
		{"sqlite::memory:", sqlreg.SQLite, ":memory:?_pragma=foreign_keys(1)", false},
		{"sqlite:/var/lib/anagrafe.db", sqlreg.SQLite, "/var/lib/anagrafe.db?", false},
		{`sqlite:C:\Anagrafe\reg.db`, sqlreg.SQLite, `C:\Anagrafe\reg.db?`, false},
		{"postgres://u:p@h/db?sslmode=disable", sqlreg.Postgres, "postgres://u:p@h/db?sslmode=disable", false},
		{"postgresql://h/db", sqlreg.Postgres, "postgresql://h/db", false},
		{"sqlite:", 0, "", true},
		{"sqlite:a.db?x=1", 0, "", true},
		{"mysql://h/db", 0, "", true},
		{"", 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			d, dsn, err := sqlreg.ParseURL(tt.url)
			if tt.bad {
				assert.ErrorIs(t, err, sqlreg.ErrBadURL)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.dialect, d)
			assert.True(t, strings.HasPrefix(dsn, tt.dsn), dsn)
		})
	}
	assert.Equal(t, "sqlite", sqlreg.SQLite.String())
	assert.Equal(t, "pgx", sqlreg.Postgres.DriverName())
}

func TestSchemaDocumented(t *testing.T) {
	s := sqlreg.Schema()
	for _, line := range strings.Split(s, "\n") {
		l := strings.TrimSpace(line)
		if l == "" || strings.HasPrefix(l, "--") || strings.HasPrefix(l, "CREATE") || strings.HasPrefix(l, ")") || strings.HasPrefix(l, "PRIMARY KEY") {
			continue
		}
		assert.Contains(t, l, "--", "column without a comment: %s", l)
		if i := strings.Index(l, "--"); i >= 0 {
			assert.NotContains(t, l[i:], ";", "';' in a comment breaks statement splitting")
		}
	}
	// CreateSchema is idempotent.
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite::memory:", sqlreg.Options{})
	require.NoError(t, err)
	defer src.Close()
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
}

func TestBadData(t *testing.T) {
	ctx := context.Background()
	src := openSQLite(t, anagrafetest.Records(), sqlreg.Options{PageSize: 2})
	defer src.Close()
	_, err := src.DB().ExecContext(ctx, `UPDATE permessi SET data_scadenza = '31/12/2026' WHERE persona_id = 'P003'`)
	require.NoError(t, err)
	_, err = src.DB().ExecContext(ctx, `UPDATE documenti SET data_rilascio = 'ieri' WHERE persona_id = 'P010' AND ordine = 2`)
	require.NoError(t, err)

	var ids []string
	var errs []*anagrafe.RecordError
	for rec, err := range src.Persons(ctx) {
		if err != nil {
			var re *anagrafe.RecordError
			require.ErrorAs(t, err, &re)
			errs = append(errs, re)
			continue
		}
		ids = append(ids, rec.Person.ID)
	}
	require.Len(t, errs, 2)
	assert.Equal(t, "P003", errs[0].PersonID)
	assert.Equal(t, "permessi.data_scadenza", errs[0].Field)
	assert.Equal(t, anagrafe.ReasonBadValue, errs[0].Reason)
	assert.Equal(t, "P010", errs[1].PersonID)
	assert.Equal(t, "documenti.data_rilascio", errs[1].Field)
	assert.Len(t, ids, len(anagrafetest.Persons())-2, "the stream goes on after a bad row")

	_, err = src.Person(ctx, "P003")
	var re *anagrafe.RecordError
	require.ErrorAs(t, err, &re)

	// A member whose row cannot be decoded fails the whole household: the
	// member's own record with the column, the others with reason household.
	_, err = src.DB().ExecContext(ctx, `UPDATE persone SET data_nascita = '2016-02-30' WHERE id = 'P012'`)
	require.NoError(t, err)
	_, err = src.Person(ctx, "P010")
	require.ErrorAs(t, err, &re, "P010's own document error comes first")
	assert.Equal(t, "documenti.data_rilascio", re.Field)
	_, err = src.Person(ctx, "P012")
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "P012", re.PersonID)
	assert.Equal(t, "persone.data_nascita", re.Field)
	assert.ErrorIs(t, err, anagrafe.ErrImpossibleDate)
	_, err = src.Person(ctx, "P011")
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "P011", re.PersonID)
	assert.Equal(t, anagrafe.ReasonHousehold, re.Reason)
	assert.ErrorIs(t, err, anagrafe.ErrHousehold)
	assert.ErrorIs(t, err, anagrafe.ErrImpossibleDate, "the member's reason is kept")
	assert.Contains(t, err.Error(), "member P012")
	n := 0
	for _, err := range src.Persons(ctx) {
		if err != nil {
			n++
		}
	}
	assert.Equal(t, 4, n, "P003, P010, P011, P012")
}

// TestRecordErrors is reproduction 4 of issue 11 and its relatives: one
// mistyped cell makes its person's record a *anagrafe.RecordError naming
// the person and the column, never the value, and every other person is
// still read.
func TestRecordErrors(t *testing.T) {
	// P020 heads a household of one: the error stays with that person.
	tests := []struct {
		name, update, value, field, reason string
	}{
		{"kit not a number", `UPDATE permessi SET tipologia_kit = 'xx' WHERE persona_id = 'P020'`, "xx", "permessi.tipologia_kit", anagrafe.ReasonBadValue},
		{"kit out of range", `UPDATE permessi SET tipologia_kit = 4000 WHERE persona_id = 'P020'`, "4000", "permessi.tipologia_kit", anagrafe.ReasonBadValue},
		{"impossible birth date", `UPDATE persone SET data_nascita = '1964-06-31' WHERE id = 'P020'`, "1964-06-31", "persone.data_nascita", anagrafe.ReasonImpossibleDate},
		{"malformed birth date", `UPDATE persone SET data_nascita = '31/06/1964' WHERE id = 'P020'`, "31/06/1964", "persone.data_nascita", anagrafe.ReasonBadValue},
		{"impossible expiry", `UPDATE permessi SET data_scadenza = '2026-02-30' WHERE persona_id = 'P020'`, "2026-02-30", "permessi.data_scadenza", anagrafe.ReasonImpossibleDate},
		{"address in a time column", `UPDATE persone SET aggiornato_il = 'Via Roma 1' WHERE id = 'P020'`, "Via Roma", "persone.aggiornato_il", anagrafe.ReasonBadValue},
		{"impossible document date", `UPDATE documenti SET data_scadenza = '2030-13-01' WHERE persona_id = 'P020'`, "2030-13-01", "documenti.data_scadenza", anagrafe.ReasonImpossibleDate},
		// a vendor's view passing through what its code tables cannot map:
		// reported, never exported with the place missing (birth_place_missing)
		{"state name as birth state", `UPDATE persone SET comune_nascita = NULL, stato_nascita = 'REPUBBLICA DI NARNIA' WHERE id = 'P020'`, "NARNIA", "persone.stato_nascita", anagrafe.ReasonBadValue},
		{"ISTAT code as birth comune", `UPDATE persone SET stato_nascita = NULL, comune_nascita = '048017' WHERE id = 'P020'`, "048017", "persone.comune_nascita", anagrafe.ReasonBadValue},
		{"ISTAT code as residence comune", `UPDATE indirizzi SET comune = '048017' WHERE persona_id = 'P020'`, "048017", "indirizzi.comune", anagrafe.ReasonBadValue},
		{"blob in a text column", `UPDATE persone SET cognome = x'00ff' WHERE id = 'P020'`, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			src := openSQLite(t, anagrafetest.Records(), sqlreg.Options{PageSize: 2})
			defer src.Close()
			_, err := src.DB().ExecContext(ctx, tt.update)
			require.NoError(t, err)
			var ids []string
			var errs []error
			for rec, err := range src.Persons(ctx) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				ids = append(ids, rec.Person.ID)
			}
			if tt.reason == "" { // a blob is text to database/sql: no error
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			var re *anagrafe.RecordError
			require.ErrorAs(t, errs[0], &re)
			assert.Equal(t, "P020", re.PersonID)
			assert.Equal(t, tt.field, re.Field)
			assert.Equal(t, tt.reason, re.Reason)
			assert.Contains(t, re.Error(), tt.field)
			assert.NotContains(t, re.Error(), tt.value, "the value is not echoed")
			assert.NotContains(t, ids, "P020")
			assert.Len(t, ids, len(anagrafetest.Persons())-1)
		})
	}
}

func TestWriterErrors(t *testing.T) {
	ctx := context.Background()
	src := openSQLite(t, nil, sqlreg.Options{})
	defer src.Close()
	p := anagrafetest.ByID("P001").Person
	require.NoError(t, src.Insert(ctx, p))
	err := src.Insert(ctx, p)
	require.Error(t, err, "duplicate id")
	assert.Contains(t, err.Error(), "P001")
	assert.Contains(t, err.Error(), "persone")

	w := src.NewWriter(ctx)
	w.BatchSize = 2
	for i := 0; i < 5; i++ {
		q := p
		q.ID = fmt.Sprintf("W%d", i)
		q.FamilyID = "FW"
		require.NoError(t, w.Write(&q))
	}
	assert.Equal(t, 5, w.Written())
	q := p
	q.ID = "W0"
	require.Error(t, w.Write(&q))
	require.NoError(t, w.Abort())
	assert.ErrorIs(t, w.Write(&q), sqlreg.ErrWriterClosed)
	n, err := anagrafe.Count(ctx, src, anagrafe.All())
	require.NoError(t, err)
	assert.Equal(t, 5, n, "P001 + the 4 persons of the two committed batches")
	rec, err := src.Person(ctx, "W0")
	require.NoError(t, err)
	assert.Len(t, rec.Family.Members, 4)
}

// A vendor exposes its own tables through views with the schema's names.
func TestVendorViews(t *testing.T) {
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite::memory:", sqlreg.Options{NoResidenceDeclaration: true})
	require.NoError(t, err)
	defer src.Close()
	db := src.DB()
	for _, s := range []string{
		`CREATE TABLE anag (cod INTEGER PRIMARY KEY, cogn CHAR(30), nom CHAR(30), sex TEXT, nasc TEXT, fam INTEGER, rel INTEGER)`,
		`INSERT INTO anag VALUES (7, 'Rossi   ', 'Anna', 'F', '1990-02-03', 1, 1), (12, 'Rossi', 'Bea', 'F', '2020-05-05', 1, 3)`,
		`CREATE VIEW famiglie AS SELECT DISTINCT CAST(fam AS TEXT) AS id FROM anag`,
		`CREATE VIEW persone AS SELECT printf('%08d', cod) AS id, NULL AS codice_fiscale, cogn AS cognome, nom AS nome, sex AS sesso,
			nasc AS data_nascita, NULL AS comune_nascita, '201' AS stato_nascita, NULL AS localita_nascita, NULL AS stato_civile,
			NULL AS telefono, NULL AS email, NULL AS titolo_studio, NULL AS posizione_professione, NULL AS condizione_non_professionale,
			CAST(fam AS TEXT) AS famiglia_id, CAST(rel AS TEXT) AS relazione_parentela, NULL AS padre_id, NULL AS madre_id,
			NULL AS dichiarazione_dimora, NULL AS aggiornato_il FROM anag`,
		`CREATE VIEW cittadinanze AS SELECT printf('%08d', cod) AS persona_id, 1 AS ordine, '201' AS stato FROM anag`,
		`CREATE VIEW indirizzi AS SELECT printf('%08d', cod) AS persona_id, 'D612' AS comune, 'FI' AS provincia, 'VIA' AS specie,
			'Roma' AS denominazione, '1' AS civico, NULL AS esponente, NULL AS scala, NULL AS interno, '50100' AS cap, NULL AS presso FROM anag`,
		`CREATE VIEW permessi AS SELECT printf('%08d', cod) AS persona_id, '1' AS tipo, 16 AS tipologia_kit, 'Lavoro' AS motivo,
			'N' || cod AS numero, '2025-01-01' AS data_rilascio, '2026-07-01' AS data_scadenza, 'FI' AS questura, NULL AS data_rinnovo FROM anag`,
		`CREATE VIEW documenti AS SELECT persona_id, 1 AS ordine, 'PASSAPORTO' AS tipo, 'X' AS numero, NULL AS data_rilascio,
			NULL AS data_scadenza, NULL AS autorita, '201' AS stato_rilascio FROM cittadinanze WHERE 0`,
	} {
		_, err := db.ExecContext(ctx, s)
		require.NoError(t, err, s)
	}
	var got []*anagrafe.Record
	for rec, err := range anagrafe.Search(ctx, src, anagrafe.ExpiringWithin(30).At(20260615)) {
		require.NoError(t, err)
		got = append(got, rec)
	}
	require.Len(t, got, 2)
	assert.Equal(t, "00000007", got[0].Person.ID)
	assert.Equal(t, "Rossi", got[0].Person.Surname, "CHAR padding trimmed")
	assert.Equal(t, 16, got[0].Person.Permit.Kit)
	require.Len(t, got[0].Family.Members, 2)
	assert.Equal(t, "00000012", got[1].Family.Members[1].ID)
	assert.Equal(t, []string{"201"}, got[1].Family.Members[1].Citizenships)
	for _, err := range anagrafe.Search(ctx, src, anagrafe.MissingResidenceDeclaration()) {
		assert.ErrorIs(t, err, anagrafe.ErrUnsupported)
	}
}

func FuzzParseURL(f *testing.F) {
	for _, s := range []string{"sqlite::memory:", "sqlite:/tmp/a.db", "postgres://u@h/db", "sqlite:", "mysql://x", "sqlite:a?b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, url string) {
		d, dsn, err := sqlreg.ParseURL(url)
		if err != nil {
			require.ErrorIs(t, err, sqlreg.ErrBadURL)
			require.Zero(t, d)
			return
		}
		require.True(t, d == sqlreg.SQLite || d == sqlreg.Postgres)
		require.NotEmpty(t, dsn)
		if d == sqlreg.SQLite {
			require.Equal(t, 1, strings.Count(dsn, "?"), "exactly the driver's own query")
		}
	})
}
