package sqlreg_test

import (
	"cmp"
	"context"
	"database/sql"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/codes"
)

// Generated registers for the reader's identity tests and benchmarks.
//
// The demo register numbers the members of a household consecutively, so a
// chunk of persons holds whole households; real registers number people
// as they register, so households are scattered over the ID range.
// scatter gives a demo register that layout until package demo offers it.

// refDate is the reference date of the generated registers.
var refDate = codes.NewDate(2026, 3, 15)

// demoPersons returns the n persons of the demo register with seed 1.
func demoPersons(t testing.TB, n int) []anagrafe.Person {
	t.Helper()
	out := make([]anagrafe.Person, 0, n)
	_, err := demo.Generate(context.Background(), demo.WriterFunc(func(p *anagrafe.Person) error {
		out = append(out, p.Clone())
		return nil
	}), demo.Options{Persons: n, Seed: 1, On: refDate})
	require.NoError(t, err)
	return out
}

// scatter gives the persons of ps the same IDs in a random order (seeded),
// keeping the filiation links, and returns them in ascending ID order:
// households keep their members, whose IDs are now spread over the range.
func scatter(ps []anagrafe.Person, seed uint64) []anagrafe.Person {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	r := rand.New(rand.NewPCG(seed, seed))
	perm := slices.Clone(ids)
	r.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	newID := make(map[string]string, len(ids))
	for i, id := range ids {
		newID[id] = perm[i]
	}
	out := make([]anagrafe.Person, len(ps))
	for i, p := range ps {
		q := p.Clone()
		q.ID = newID[p.ID]
		if id, ok := newID[p.FatherID]; ok {
			q.FatherID = id
		}
		if id, ok := newID[p.MotherID]; ok {
			q.MotherID = id
		}
		out[i] = q
	}
	slices.SortFunc(out, func(a, b anagrafe.Person) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// bulkLoad writes ps into the schema of db (created by the caller) with
// multi-row INSERT statements of sqlreg.Tables, in one transaction.
func bulkLoad(t testing.TB, db *sql.DB, d sqlreg.Dialect, ps []anagrafe.Person) {
	t.Helper()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	require.NoError(t, err)
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	const batch = 50
	for start := 0; start < len(ps); start += batch {
		var rows sqlreg.Rows
		for i := start; i < min(start+batch, len(ps)); i++ {
			sqlreg.AppendRows(&rows, &ps[i])
		}
		for i, tab := range sqlreg.Tables {
			if len(rows[i]) == 0 {
				continue
			}
			q := tab.InsertSQL(len(rows[i]) / len(tab.Columns))
			if d == sqlreg.Postgres {
				q = rebind(q)
			}
			_, err := tx.ExecContext(ctx, q, rows[i]...)
			require.NoError(t, err, tab.Name)
		}
	}
	require.NoError(t, tx.Commit())
	_, err = db.ExecContext(ctx, "ANALYZE") // as demo.CreateSQLite does
	require.NoError(t, err)
}

// rebind turns ? placeholders into $1, $2… (the loader's texts hold no
// other '?').
func rebind(q string) string {
	var b []byte
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b = append(b, '$')
			b = strconv.AppendInt(b, int64(n), 10)
			continue
		}
		b = append(b, q[i])
	}
	return string(b)
}

// corrupt writes undecodable values into a few rows of the register: a
// birth date (the person's record and every record of the household
// fail), a permit expiry (only the holder's record fails) and a document
// date, each in a different household and at most one per household.
func corrupt(t testing.TB, db *sql.DB, d sqlreg.Dialect, ps []anagrafe.Person) (n int) {
	t.Helper()
	ctx := context.Background()
	used := map[string]bool{}
	stmts := []string{
		"UPDATE persone SET data_nascita = 'nato ieri' WHERE id = ?",
		"UPDATE permessi SET data_scadenza = '2026-13-01' WHERE persona_id = ?",
		"UPDATE documenti SET data_rilascio = 'x' WHERE persona_id = ?",
	}
	for i := 7; i < len(ps); i += 97 {
		p := ps[i]
		if p.FamilyID == "" || used[p.FamilyID] || p.Permit == nil || len(p.Documents) == 0 {
			continue
		}
		used[p.FamilyID] = true
		q := stmts[n%len(stmts)]
		if d == sqlreg.Postgres {
			q = rebind(q)
		}
		res, err := db.ExecContext(ctx, q, p.ID)
		require.NoError(t, err)
		k, err := res.RowsAffected()
		require.NoError(t, err)
		require.Positive(t, k, q)
		n++
	}
	return n
}
