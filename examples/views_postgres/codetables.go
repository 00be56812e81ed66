package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe/vendormap"
	"github.com/retecomuni/eli2sdk/codes"
)

// codeTable is one lookup table the views read, built from the SDK's code
// tables (package codes) and mapping helpers (package vendormap), so that
// the views map the vendor's codes exactly as the Go adapter
// (examples/vendor_schema) does. Until `eli2 codes dump --format sql`
// exists, this is how the tables reach SQL: nothing is retyped.
type codeTable struct {
	name string
	ddl  string // columns and constraints, after CREATE TABLE name
	// indexes are the column lists of the look-ups the views make
	indexes []string
	rows    [][]any
}

// codeTables builds the lookup tables. permits is the permit-text table
// and on the date its kit codes are judged at (the kit edition in force).
func codeTables(t *codes.Tables, permits *vendormap.PermitTable, on codes.Date) []codeTable {
	return []codeTable{comuniTable(t), statesTable(t), questureTable(t), specieTable(t), permitsTable(permits, on)}
}

// comuniTable: every row of ANPR's comuni archive with a Belfiore code, by
// ISTAT code and validity (dal NULL: the archive gives no start).
func comuniTable(t *codes.Tables) codeTable {
	ct := codeTable{name: "comuni_istat", ddl: "(istat TEXT NOT NULL, belfiore TEXT NOT NULL, provincia TEXT, dal DATE, al DATE NOT NULL)",
		indexes: []string{"(istat, dal)", "(belfiore, dal, al)"}}
	for _, c := range t.Comuni() {
		if c.Belfiore == "" || c.Belfiore == "ND" {
			continue
		}
		var from any
		if c.From != 0 {
			from = c.From.String()
		}
		ct.rows = append(ct.rows, []any{c.Istat, c.Belfiore, c.Province, from, c.To.String()})
	}
	return ct
}

// statesTable: state names, upper case, as a register writes them (the
// ANPR, ISTAT Italian and English names and the aliases of
// stati_esteri_alias.csv), each kept only when vendormap.StateIn resolves
// it to one ISTAT code. The Go adapter also accepts words and prefixes of
// names; a vendor whose data hold other spellings adds rows here.
func statesTable(t *codes.Tables) codeTable {
	ct := codeTable{name: "stati_nome", ddl: "(nome TEXT PRIMARY KEY, istat TEXT NOT NULL)"}
	seen := map[string]bool{}
	add := func(name string) {
		key := strings.ToUpper(strings.TrimSpace(name))
		if key == "" || seen[key] {
			return
		}
		seen[key] = true
		if st, err := vendormap.StateIn(t, key, 0); err == nil {
			ct.rows = append(ct.rows, []any{key, st.Istat})
		}
	}
	for _, s := range t.States() {
		add(s.Name)
		add(s.NameIT)
		add(s.NameEN)
	}
	for _, a := range t.StateAliases() {
		add(a.Alias)
	}
	return ct
}

// questureTable: "QUESTURA DI FIRENZE" and "FIRENZE" → FI for every
// province, kept only as vendormap.Questura resolves them.
func questureTable(t *codes.Tables) codeTable {
	ct := codeTable{name: "questure_nome", ddl: "(nome TEXT PRIMARY KEY, sigla TEXT NOT NULL)"}
	seen := map[string]bool{}
	f := vendormap.NewQuesturaFinder(t)
	for _, p := range t.Provinces() {
		for _, name := range []string{"QUESTURA DI " + strings.ToUpper(p.Name), strings.ToUpper(p.Name)} {
			if seen[name] {
				continue
			}
			seen[name] = true
			if sigla, err := f.Find(name); err == nil {
				ct.rows = append(ct.rows, []any{name, sigla})
			}
		}
	}
	return ct
}

// specieTable: ANPR's specie_toponimo descriptions (VIA, PIAZZA), without
// 998 ALTRO, as vendormap.SplitStreet uses them.
func specieTable(t *codes.Tables) codeTable {
	ct := codeTable{name: "specie_toponimo", ddl: "(specie TEXT PRIMARY KEY)"}
	seen := map[string]bool{}
	for _, e := range t.Entries(codes.SpecieToponimo) {
		d := strings.ToUpper(strings.TrimSpace(e.Description))
		if e.ID == "998" || seen[d] {
			continue
		}
		seen[d] = true
		ct.rows = append(ct.rows, []any{d})
	}
	return ct
}

// permitsTable: permit text (upper case) → kit code in force on on; texts
// whose code is not in force are left out (the permit then has no kit
// code and the help desk chooses, as with the Go adapter).
func permitsTable(p *vendormap.PermitTable, on codes.Date) codeTable {
	ct := codeTable{name: "permessi_kit", ddl: "(testo TEXT PRIMARY KEY, kit INTEGER NOT NULL)"}
	seen := map[string]bool{}
	for _, r := range p.Rows() {
		key := strings.ToUpper(strings.TrimSpace(r.Text))
		if seen[key] {
			continue
		}
		seen[key] = true
		if kit, err := p.Kit(r.Text, on); err == nil {
			ct.rows = append(ct.rows, []any{key, kit})
		}
	}
	return ct
}

// create creates the table in schema and fills it, many rows per INSERT.
func (ct codeTable) create(ctx context.Context, tx *sql.Tx, schema string) error {
	name := schema + "." + ct.name
	if _, err := tx.ExecContext(ctx, "CREATE TABLE "+name+" "+ct.ddl); err != nil {
		return fmt.Errorf("%s: %w", ct.name, err)
	}
	for _, cols := range ct.indexes {
		if _, err := tx.ExecContext(ctx, "CREATE INDEX ON "+name+" "+cols); err != nil {
			return fmt.Errorf("%s: %w", ct.name, err)
		}
	}
	return insertRows(ctx, tx, "INSERT INTO "+name+" VALUES ", ct.rows)
}

// insertRows inserts rows with prefix ("INSERT INTO t VALUES "), up to
// batch rows per statement.
func insertRows(ctx context.Context, tx *sql.Tx, prefix string, rows [][]any) error {
	const batch = 500
	for len(rows) > 0 {
		n := min(len(rows), batch)
		var b strings.Builder
		b.WriteString(prefix)
		args := make([]any, 0, n*len(rows[0]))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, v := range r {
				if j > 0 {
					b.WriteString(", ")
				}
				args = append(args, v)
				fmt.Fprintf(&b, "$%d", len(args))
			}
			b.WriteByte(')')
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("%s: %w", strings.TrimSpace(prefix), err)
		}
		rows = rows[n:]
	}
	return nil
}
