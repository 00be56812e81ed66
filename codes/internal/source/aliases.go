package source

import (
	"cmp"
	"io"
	"slices"
	"strings"
)

// StateAliasesFile is the base name of the table of common and former
// state names (shared/data/anpr).
const StateAliasesFile = "stati_esteri_alias.csv"

// StateAlias is one row of stati_esteri_alias.csv: a common or former name
// of a state, pointing at an ANPR CODISTAT.
type StateAlias struct {
	Key   string // NormalizeName(Alias), the search key
	Alias string // ALIAS as written (CINA)
	Istat string // CODISTAT (314)
	Note  string // NOTA
}

// ReadStateAliases reads stati_esteri_alias.csv (ALIAS, CODISTAT, NOTA) and
// returns the rows sorted by Key. A row without alias or code is reported
// and dropped.
func ReadStateAliases(r io.Reader) ([]StateAlias, []Issue, error) {
	t, err := readTable(StateAliasesFile, r, "ALIAS", "CODISTAT")
	if err != nil {
		return nil, nil, err
	}
	var rows []StateAlias
	var issues []Issue
	for i := range t.rows {
		a := StateAlias{Alias: t.field(i, "ALIAS"), Istat: t.field(i, "CODISTAT"), Note: t.field(i, "NOTA")}
		a.Key = NormalizeName(a.Alias)
		if a.Key == "" || a.Istat == "" {
			issues = append(issues, Issue{File: StateAliasesFile, Line: t.line[i], Key: a.Alias, Msg: "ALIAS o CODISTAT vuoti: riga scartata"})
			continue
		}
		rows = append(rows, a)
	}
	slices.SortStableFunc(rows, func(a, b StateAlias) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.Istat, b.Istat))
	})
	return rows, issues, nil
}

// CheckStateAliases reports the aliases whose CODISTAT no state row has.
func CheckStateAliases(aliases []StateAlias, states []State) []Issue {
	var issues []Issue
	for _, a := range aliases {
		if !slices.ContainsFunc(states, func(s State) bool { return s.Istat == a.Istat }) {
			issues = append(issues, Issue{File: StateAliasesFile, Key: a.Alias,
				Msg: "CODISTAT " + a.Istat + " assente dalla tabella degli stati: alias senza effetto"})
		}
	}
	return issues
}
