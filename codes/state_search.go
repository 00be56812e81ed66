package codes

import (
	"cmp"
	"slices"
	"strings"
)

// StateAlias is a common or former Italian name of a state that ANPR's
// names do not contain as words (CINA → 314, RUSSIA → 245, MOLDAVIA → 254,
// BIRMANIA → 307), from shared/data/anpr/stati_esteri_alias.csv.
type StateAlias struct {
	Alias string // the name as written in the table (CINA)
	Istat string // ISTAT code of the state it names
	Note  string // what the alias stands for
}

// StateAliases returns a copy of the alias table, sorted by normalized
// alias.
func (t *Tables) StateAliases() []StateAlias {
	out := make([]StateAlias, len(t.stateAliases))
	for i, a := range t.stateAliases {
		out[i] = StateAlias{Alias: a.Alias, Istat: a.Istat, Note: a.Note}
	}
	return out
}

// FindStates looks a state up by name (accent-, case- and
// punctuation-insensitive, see NormalizeName); with on != 0 only rows
// valid on on are returned. It returns the best of three kinds of match, so
// that a precise name is not drowned by looser ones:
//
//  1. the whole ANPR name (DENOMINAZIONE), ISTAT Italian or English name
//     (DENOMINAZIONEISTAT, _EN) or an alias of stati_esteri_alias.csv
//     ("Croazia", "Cina", "RUSSIA", "MOLDAVIA", "STATI UNITI");
//  2. otherwise, names containing the query as whole consecutive words
//     ("MACEDONIA" in REPUBBLICA DI MACEDONIA, "COREA DEL SUD" in
//     "Corea, Repubblica (Corea del Sud)");
//  3. otherwise, names whose consecutive words start with the query's words
//     ("STATI UNIT", "REP CEC").
//
// Within a kind, newest first (by end, then start of validity); every
// candidate is returned, never one picked for the caller ("COREA" gives both
// Koreas). nil when nothing matches.
func (t *Tables) FindStates(name string, on Date) []State {
	key := NormalizeName(name)
	if key == "" {
		return nil
	}
	var rows []int32
	add := func(r int32) {
		if (on == 0 || t.states[r].ValidOn(on)) && !slices.Contains(rows, r) {
			rows = append(rows, r)
		}
	}
	lo, hi := nameRange(t.statesByName, key)
	for _, ref := range t.statesByName[lo:hi] {
		add(ref.row)
	}
	alo := searchIdx(len(t.stateAliases), func(i int) bool { return t.stateAliases[i].Key >= key })
	for i := alo; i < len(t.stateAliases) && t.stateAliases[i].Key == key; i++ {
		slo, shi := t.stateRange(t.statesByIstat, t.stateAliases[i].Istat, func(s *State) string { return s.Istat })
		for _, r := range t.statesByIstat[slo:shi] {
			add(r)
		}
	}
	query := strings.Split(key, " ")
	for _, prefix := range []bool{false, true} {
		if len(rows) > 0 {
			break
		}
		for _, ref := range t.statesByName {
			if containsWords(ref.key, query, prefix) {
				add(ref.row)
			}
		}
	}
	out := make([]State, 0, len(rows))
	for _, r := range rows {
		out = append(out, t.states[r])
	}
	slices.SortStableFunc(out, func(a, b State) int {
		return cmp.Or(cmp.Compare(b.To, a.To), cmp.Compare(b.From, a.From), strings.Compare(a.Istat, b.Istat), strings.Compare(a.Belfiore, b.Belfiore))
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// containsWords reports whether the normalized name holds the query's words
// as consecutive words (or word prefixes, with prefix).
func containsWords(name string, query []string, prefix bool) bool {
	words := strings.Split(name, " ")
	for i := 0; i+len(query) <= len(words); i++ {
		ok := true
		for k, q := range query {
			w := words[i+k]
			if w != q && !(prefix && strings.HasPrefix(w, q)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
