package vendormap

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
)

// ErrUnknownQuestura is wrapped by errors for a questura name that names no
// questura.
var ErrUnknownQuestura = errors.New("vendormap: unknown questura")

// questuraSeats lists the questure whose seat (the provincial capital) is
// not a word of the province's ISTAT name, so that "Questura di Aosta" and
// "Questura di Verbania" are recognised. Each entry is checked by
// TestQuesturaSeats against the comuni archive (an active comune of that
// province with that name). Source: the capital of each province, ISTAT
// "Elenco dei comuni italiani" (column "Flag Comune capoluogo di
// provincia").
var questuraSeats = map[string]string{
	"AOSTA":    "AO", // Valle d'Aosta/Vallée d'Aoste
	"VERBANIA": "VB", // Verbano-Cusio-Ossola
}

// stopWords are the articles and prepositions dropped before comparing
// names, so that "Reggio nell'Emilia" and "Reggio Emilia", "L'Aquila" and
// "dell'Aquila" compare equal.
var stopWords = []string{"D", "DA", "DEL", "DELL", "DELLA", "DELLE", "DEI", "DEGLI", "DELLO", "DI", "E", "IL", "L", "LA", "LE", "LO", "NEL", "NELL", "NELLA"}

// QuesturaFinder finds questure by name in one set of code tables. Build it
// with NewQuesturaFinder; it is safe for concurrent use.
type QuesturaFinder struct {
	byKey  map[string][]string // normalized key → questura siglas
	tables *codes.Tables
}

// NewQuesturaFinder indexes the provinces of t (codes.Default() when nil):
// each province with a questura is found by its whole ISTAT name and by each
// part of a compound name ("Forlì-Cesena": FORLI, CESENA; "Bolzano/Bozen";
// "Pesaro e Urbino"), by its sigla, and by the seat of its questura when the
// seat is not part of the name (Aosta, Verbania).
func NewQuesturaFinder(t *codes.Tables) *QuesturaFinder {
	if t == nil {
		t = codes.Default()
	}
	f := &QuesturaFinder{byKey: map[string][]string{}, tables: t}
	add := func(name, sigla string) {
		k := nameKey(name)
		if k != "" && !slices.Contains(f.byKey[k], sigla) {
			f.byKey[k] = append(f.byKey[k], sigla)
		}
	}
	for _, p := range t.Provinces() {
		if !p.HasQuestura {
			continue
		}
		add(p.Name, p.Sigla)
		for _, part := range splitCompound(p.Name) {
			add(part, p.Sigla)
		}
	}
	for seat, sigla := range questuraSeats {
		if p, ok := t.Province(sigla); ok && p.HasQuestura {
			add(seat, sigla)
		}
	}
	return f
}

var defaultQuesture = NewQuesturaFinder(nil)

// Questura returns the sigla of the questura named by name in the embedded
// tables; see QuesturaFinder.Find.
func Questura(name string) (string, error) { return defaultQuesture.Find(name) }

// Find returns the sigla of the questura that name designates: "QUESTURA DI
// REGGIO EMILIA", "Questura di Reggio nell'Emilia" and "RE" give RE,
// "Forlì" gives FC. Comparison ignores case, accents, apostrophes and
// punctuation, the leading word QUESTURA and articles and prepositions. A
// name that designates no questura, or a province without one (Sud
// Sardegna, served by Cagliari), gives an error wrapping
// ErrUnknownQuestura; a name matching several gives an error listing them.
func (f *QuesturaFinder) Find(name string) (string, error) {
	n := codes.NormalizeName(name)
	n = strings.TrimPrefix(n, "QUESTURA ")
	if n == "QUESTURA" {
		n = ""
	}
	if len(n) == 2 {
		if p, ok := f.tables.Province(n); ok {
			if p.HasQuestura {
				return p.Sigla, nil
			}
			return "", fmt.Errorf("%w: %s has no questura (served by %s)", ErrUnknownQuestura, p.Name, p.Questura)
		}
	}
	k := nameKey(n)
	switch got := f.byKey[k]; len(got) {
	case 1:
		return got[0], nil
	case 0:
		for _, p := range f.tables.Provinces() {
			if !p.HasQuestura && (nameKey(p.Name) == k) {
				return "", fmt.Errorf("%w: %s has no questura (served by %s)", ErrUnknownQuestura, p.Name, p.Questura)
			}
		}
		return "", fmt.Errorf("%w: %q", ErrUnknownQuestura, clip(name))
	default:
		return "", fmt.Errorf("%w: %q is ambiguous: %s", ErrUnknownQuestura, clip(name), strings.Join(got, ", "))
	}
}

// nameKey normalizes a name and drops stop words.
func nameKey(s string) string {
	words := strings.Fields(codes.NormalizeName(s))
	words = slices.DeleteFunc(words, func(w string) bool { return slices.Contains(stopWords, w) })
	return strings.Join(words, " ")
}

// splitCompound returns the parts of a compound province name: separated by
// "-", "/" or the word " e " ("Pesaro e Urbino", "Monza e della Brianza").
func splitCompound(name string) []string {
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '/' })
	var out []string
	for _, p := range parts {
		out = append(out, strings.Split(p, " e ")...)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// clip shortens s for an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
