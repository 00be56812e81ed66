package main

// Personal data test: the commands that print about applications must not
// show a whole codice fiscale nor a whole name (surname and given name)
// unless --show-personal-data is given — in their output, in their errors
// and in the audit log. With the flag, the data must appear where the
// command documents it.

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// person is what must not leak: a codice fiscale and a full name.
type person struct {
	cf, surname, name string
}

// leaks lists every personal datum of people found in text: a whole code
// (any case), or a surname and a given name both present as words. With
// contiguous set, a name counts only as "SURNAME NAME" or "NAME SURNAME"
// (for registers with short, common names that a summary may hold by chance).
func leaks(text string, people []person, contiguous bool) []string {
	// Words are runs of A–Z and apostrophes; text and names are compared
	// as space-separated words, so "ROSSI" does not match "ROSSINI". One
	// pass over the text, then a look-up per person (a regexp per person
	// took minutes under -race on large outputs).
	norm := func(s string) string {
		f := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r == '\'') })
		return " " + strings.Join(f, " ") + " "
	}
	up, words := strings.ToUpper(text), norm(text)
	has := func(w string) bool { return strings.Contains(words, w) }
	var found []string
	for _, p := range people {
		if len(p.cf) >= 11 && strings.Contains(up, strings.ToUpper(p.cf)) {
			found = append(found, "codice fiscale "+p.cf)
		}
		if p.surname == "" || p.name == "" {
			continue
		}
		s, n := norm(p.surname), norm(p.name)
		if s == "  " || n == "  " {
			continue
		}
		if contiguous {
			if has(s[:len(s)-1]+n) || has(n[:len(n)-1]+s) {
				found = append(found, "nome "+strings.TrimSpace(s)+" "+strings.TrimSpace(n))
			}
		} else if has(s) && has(n) {
			found = append(found, "nome "+strings.TrimSpace(s)+" "+strings.TrimSpace(n))
		}
	}
	return found
}

// requireCommand fails the test when a command it checks does not exist:
// a renamed command must not turn the personal-data checks into skips.
func requireCommand(t *testing.T, name string) {
	t.Helper()
	if _, ok := commands[name]; !ok {
		t.Fatalf("the command `eli2 %s` does not exist: update this personal-data test", name)
	}
}

// personalFile writes an import file whose applications carry distinctive
// names and codes, with problems that make validate talk about them: a wrong
// check character, a code that disagrees with the name, a name with a digit,
// a family member and a guardian. It returns the path and the people.
func personalFile(t *testing.T) (string, []person) {
	t.Helper()
	var people []person
	add := func(cf, surname, name string) { people = append(people, person{cf, surname, name}) }

	p1 := eli2test.AggiornamentoCarta()
	p1.ID = "P1"
	p1.Richiedente.Cognome, p1.Richiedente.Nome = "QUERVANTISKA", "ORQUIDEA"
	birth, ok := p1.Richiedente.DataNascita.Date()
	require.True(t, ok)
	place := p1.Richiedente.LuogoNascita.Comune
	if place == "" {
		st, ok := codes.Default().StateByIstat(p1.Richiedente.LuogoNascita.StatoEstero, 0)
		require.True(t, ok)
		place = st.Belfiore
	}
	// A code computed from other names: valid, but cf_mismatch on the name.
	p1.Richiedente.CodiceFiscale = eli2test.ComputeCF("BRANDOLFINI", "TEODOSIO", p1.Richiedente.Sesso, birth, place)
	add(p1.Richiedente.CodiceFiscale, p1.Richiedente.Cognome, p1.Richiedente.Nome)

	p2 := eli2test.RinnovoFamiglia()
	p2.ID = "P2"
	p2.Richiedente.Cognome, p2.Richiedente.Nome = "ZELIMKHANOVA", "RUKIYAT2" // name_charset
	cf2 := p2.Richiedente.CodiceFiscale
	require.Len(t, cf2, 16, "the sample applicant has a code")
	last := byte('A')
	if cf2[15] == 'A' {
		last = 'B'
	}
	p2.Richiedente.CodiceFiscale = cf2[:15] + string(last) // cf_checksum
	add(p2.Richiedente.CodiceFiscale, p2.Richiedente.Cognome, p2.Richiedente.Nome)
	require.NotEmpty(t, p2.Familiari, "the sample has a family")
	for i := range p2.Familiari {
		f := &p2.Familiari[i]
		f.Cognome, f.Nome = "ZELIMKHANOV", []string{"MAGOMED", "KHEDA", "ISLAM", "AMINA"}[i%4]
		add(f.CodiceFiscale, f.Cognome, f.Nome)
	}

	p3 := eli2test.MinoreConGenitore()
	p3.ID = "P3"
	require.NotNil(t, p3.GenitoreTutore)
	p3.GenitoreTutore.Cognome, p3.GenitoreTutore.Nome = "OKONKWOADEBAYO", "CHIMAMANDA"
	add(p3.GenitoreTutore.CodiceFiscale, p3.GenitoreTutore.Cognome, p3.GenitoreTutore.Nome)
	add(p3.Richiedente.CodiceFiscale, p3.Richiedente.Cognome, p3.Richiedente.Nome)

	f := eli2.ImportFile{Intestazione: eli2test.Header("D612", "048017", 3), Pratiche: []eli2.Pratica{p1, p2, p3}}
	var buf bytes.Buffer
	require.NoError(t, eli2.EncodeFile(&buf, &f))
	path := filepath.Join(t.TempDir(), "pratiche.xml")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o600))
	return path, people
}

func TestPersonalDataValidateInspect(t *testing.T) {
	path, people := personalFile(t)
	p1, p2 := people[0], people[1]
	cases := []struct {
		cmd  string
		args []string
		// shown lists what must appear with --show-personal-data.
		shown []string
	}{
		{"validate", []string{"validate", path}, []string{p2.cf, p1.cf}},
		{"validate", []string{"validate", "--json", path}, []string{p2.cf, p1.cf}},
		{"validate", []string{"validate", "--lang", "en", path}, []string{p2.cf}},
		{"inspect", []string{"inspect", path}, []string{p1.cf, p1.surname, p1.name, p2.surname}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args[:len(c.args)-1], " "), func(t *testing.T) {
			requireCommand(t, c.cmd)
			code, out, errOut := runCLI(c.args...)
			require.NotEqual(t, 2, code, "stderr: %s", errOut)
			all := out + errOut
			require.NotEmpty(t, out)
			assert.Empty(t, leaks(all, people, false), "personal data printed without --show-personal-data:\n%s", all)

			args := append([]string{c.args[0], "--show-personal-data"}, c.args[1:]...)
			_, out, errOut = runCLI(args...)
			assert.NotEmpty(t, leaks(out+errOut, people, false), "the leak detector finds the data shown on request")
			for _, s := range c.shown {
				assert.Contains(t, out+errOut, s, "with --show-personal-data")
			}
		})
	}
}

// TestPersonalDataParseErrors: a file that cannot be read says where, not
// what: the broken value is a name.
func TestPersonalDataParseErrors(t *testing.T) {
	requireCommand(t, "validate")
	path, people := personalFile(t)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for name, broken := range map[string]string{
		"NUL in surname":      strings.Replace(string(data), "QUERVANTISKA", "QUERVANTISKA\x00", 1),
		"bad UTF-8 in name":   strings.Replace(string(data), "ORQUIDEA", "ORQUIDEA\xff", 1),
		"element in surname":  strings.Replace(string(data), "QUERVANTISKA", "QUERVANTISKA<b/>", 1),
		"duplicate id":        strings.Replace(string(data), `id="P2"`, `id="P1"`, 1),
		"text after the code": strings.Replace(string(data), "<Cognome>QUERVANTISKA</Cognome>", "<Cognome>QUERVANTISKA</Cognome>ORQUIDEA", 1),
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "broken.xml")
			require.NoError(t, os.WriteFile(p, []byte(broken), 0o600))
			for _, args := range [][]string{{"validate", p}, {"validate", "--json", p}, {"inspect", p}} {
				if _, ok := commands[args[0]]; !ok {
					continue
				}
				_, out, errOut := runCLI(args...)
				assert.Empty(t, leaks(out+errOut, people, false), "%v:\n%s%s", args, out, errOut)
			}
		})
	}
}

func TestPersonalDataCF(t *testing.T) {
	requireCommand(t, "cf")
	good := eli2test.ComputeCF("QUERVANTISKA", "ORQUIDEA", eli2.Femmina, codes.NewDate(1987, 6, 23), "D612")
	bad := good[:15] + string("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(strings.IndexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZ", good[15])+1)%26])
	people := []person{{cf: bad, surname: "QUERVANTISKA", name: "ORQUIDEA"}}
	for _, args := range [][]string{
		{"cf", "check", bad},
		{"cf", "check", strings.ToLower(bad)},
		{"cf", "check", bad[:14]},
		{"cf", "decode", bad},
		{"cf", "decode", "--json", bad},
		{"cf", "varianti", bad},
		{"cf", "compute", "--cognome", "QUERVANTISKA", "--nome", "ORQUIDEA", "--sesso", "F", "--data", "1987-06-23", "--luogo", "NOWHERELAND"},
		{"cf", "compute", "--cognome", "QUERVANTISKA", "--nome", "ORQUIDEA", "--sesso", "X", "--data", "1987-06-23", "--luogo", "D612"},
		{"cf", "compute", "--cognome", "QUERVANTISKA", "--nome", "ORQUIDEA", "--sesso", "F", "--data", "1987-02-30", "--luogo", "D612"},
	} {
		t.Run(strings.Join(args[1:2], " ")+" "+args[len(args)-1], func(t *testing.T) {
			code, out, errOut := runCLI(args...)
			assert.NotEqual(t, 0, code, "an error case")
			assert.Empty(t, leaks(out+errOut, people, false), "%v:\n%s%s", args, out, errOut)
			p := []person{{cf: bad[:14]}}
			if len(args[2]) == 14 {
				// a code too short is not a code; only the whole input counts
				assert.NotContains(t, out+errOut, p[0].cf)
			}
		})
	}
}

// TestPersonalDataExport exports a demo register and checks the summary, the
// per-record details of rejected records and the audit log against every
// person of the register.
func TestPersonalDataExport(t *testing.T) {
	requireCommand(t, "demo")
	requireCommand(t, "export")
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	code, _, errOut := runCLI("demo", "--out", db, "--persons", "400", "--seed", "7", "--on", "2026-03-15")
	require.Equal(t, 0, code, errOut)

	src, err := sqlreg.Open(context.Background(), "sqlite:"+db, sqlreg.Options{})
	require.NoError(t, err)
	var people []person
	for r, err := range src.Persons(context.Background()) {
		require.NoError(t, err)
		people = append(people, person{cf: r.Person.CodiceFiscale, surname: r.Person.Surname, name: r.Person.Name})
	}
	require.NoError(t, src.Close())
	require.NotEmpty(t, people)

	audit := filepath.Join(dir, "audit.jsonl")
	for _, args := range [][]string{
		{"export", "--db", "sqlite:" + db, "--all", "--out", filepath.Join(dir, "all.xml"), "--quiet", "--on", "2026-03-15", "--audit-log", audit, "--operatore", "op1"},
		{"export", "--db", "sqlite:" + db, "--all", "--dettagli", "--out", filepath.Join(dir, "all2.xml"), "--on", "2026-03-15", "--audit-log", audit, "--operatore", "op1"},
		{"export", "--db", "sqlite:" + db, "--expiring", "60d", "--split", filepath.Join(dir, "split"), "--quiet", "--on", "2026-03-15", "--audit-log", audit, "--operatore", "op1"},
		{"export", "--db", "sqlite:" + db, "--all", "--strict", "--out", filepath.Join(dir, "strict.xml"), "--quiet", "--on", "2026-03-15", "--audit-log", audit, "--operatore", "op1"},
		{"export", "--db", "sqlite:" + db, "--person", "NOPE-404", "--out", filepath.Join(dir, "one.xml"), "--quiet", "--on", "2026-03-15", "--audit-log", audit},
	} {
		code, out, errOut := runCLI(args...)
		t.Logf("%v → exit %d", args[3:5], code)
		require.NotEqual(t, 2, code, "usage or I/O error: %s", errOut)
		assert.Empty(t, leaks(out+errOut, people, true), "%v:\n%s%s", args, out, errOut)
	}
	log, err := os.ReadFile(audit)
	require.NoError(t, err)
	require.NotEmpty(t, log, "the audit log records the exports")
	assert.Empty(t, leaks(string(log), people, true), "audit log holds personal data")

	t.Run("with --show-personal-data", func(t *testing.T) {
		// export summaries are always masked: the flag does not exist. If
		// it is added, this fails until the test checks what it shows.
		var errb bytes.Buffer
		code := run([]string{"export", "--show-personal-data"}, &bytes.Buffer{}, &errb)
		assert.Equal(t, exitCannotRun, code)
		assert.Contains(t, errb.String(), "not defined: -show-personal-data",
			"eli2 export accepts --show-personal-data: extend this test to check what it shows")
	})
}

// TestLeaks: the detector itself finds what it must and only that.
func TestLeaks(t *testing.T) {
	people := []person{{cf: "RSSMRA80A01H501U", surname: "Rossi", name: "Mario"}, {surname: "D'Angelo", name: "Anna Maria"}}
	assert.Len(t, leaks("scartata: MARIO ROSSI", people, true), 1)
	assert.Len(t, leaks("rossi mario, riga 3", people, true), 1)
	assert.Empty(t, leaks("ROSSINI MARIO", people, true))
	assert.Empty(t, leaks("ROSSI, poi MARIO", people, true))
	assert.Len(t, leaks("ROSSI, poi MARIO", people, false), 1)
	assert.Len(t, leaks("codice rssmra80a01h501u", people, true), 1)
	assert.Len(t, leaks("D'ANGELO ANNA MARIA", people, true), 1)
	assert.Empty(t, leaks("D'ANGELO ANNA", people, true))
}
