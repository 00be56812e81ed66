// Command scatterreg copies a SQLite register (eli2 demo) with its
// households scattered over the ID range, as in a real register, where
// people are numbered when they register and the members of a household
// register at different times: the persons keep their data and households
// but get the same set of IDs in a random (seeded) order, filiation links
// following them, and are written in ascending ID order. The demo register
// numbers each household's members consecutively, which flatters a reader
// that reads households along with persons.
//
//	go run ./cmd/scatterreg -in demo.db -out scattered.db
//
// It holds the whole register in memory (about 1 KiB per person). Until
// `eli2 demo` has a scattered layout of its own, bench/run.sh measures the
// export of both layouts with it.
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

func main() {
	in := flag.String("in", "", "SQLite register to read")
	out := flag.String("out", "", "SQLite register to create (must not exist)")
	seed := flag.Uint64("seed", 42, "seed of the permutation of IDs")
	flag.Parse()
	if err := run(context.Background(), *in, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "scatterreg:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, in, out string, seed uint64) error {
	if in == "" || out == "" {
		return fmt.Errorf("-in and -out are required")
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists", out)
	}
	src, err := sqlreg.Open(ctx, "sqlite:"+in, sqlreg.Options{})
	if err != nil {
		return err
	}
	var ps []anagrafe.Person
	for rec, err := range src.Persons(ctx) {
		if err != nil {
			src.Close()
			return err
		}
		ps = append(ps, rec.Person)
	}
	if err := src.Close(); err != nil {
		return err
	}
	ps = scatter(ps, seed)
	tmp := out + ".tmp"
	os.Remove(tmp)
	if err := write(ctx, tmp, ps); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, out)
}

// scatter gives the persons of ps the same IDs in a random order, keeping
// the filiation links, and returns them in ascending ID order.
func scatter(ps []anagrafe.Person, seed uint64) []anagrafe.Person {
	perm := make([]string, len(ps))
	for i, p := range ps {
		perm[i] = p.ID
	}
	r := rand.New(rand.NewPCG(seed, seed))
	r.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	newID := make(map[string]string, len(ps))
	for i, p := range ps {
		newID[p.ID] = perm[i]
	}
	for i := range ps {
		p := &ps[i]
		p.ID = newID[p.ID]
		if id, ok := newID[p.FatherID]; ok {
			p.FatherID = id
		}
		if id, ok := newID[p.MotherID]; ok {
			p.MotherID = id
		}
	}
	slices.SortFunc(ps, func(a, b anagrafe.Person) int { return cmp.Compare(a.ID, b.ID) })
	return ps
}

// write creates the register at path with the rows of sqlreg.AppendRows,
// many rows per INSERT, and analyses it as demo.CreateSQLite does.
func write(ctx context.Context, path string, ps []anagrafe.Person) error {
	dst, err := sqlreg.Open(ctx, "sqlite:"+path, sqlreg.Options{Writable: true})
	if err != nil {
		return err
	}
	defer dst.Close()
	db := dst.DB()
	if err := sqlreg.CreateSchema(ctx, db, sqlreg.SQLite); err != nil {
		return err
	}
	const batch = 50
	for start := 0; start < len(ps); start += 5000 {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		for b := start; b < min(start+5000, len(ps)); b += batch {
			var rows sqlreg.Rows
			for i := b; i < min(b+batch, len(ps), start+5000); i++ {
				sqlreg.AppendRows(&rows, &ps[i])
			}
			for i, t := range sqlreg.Tables {
				if len(rows[i]) == 0 {
					continue
				}
				if _, err := tx.ExecContext(ctx, t.InsertSQL(len(rows[i])/len(t.Columns)), rows[i]...); err != nil {
					tx.Rollback()
					return fmt.Errorf("%s: %w", t.Name, err)
				}
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}
