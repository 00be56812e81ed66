package codes

import (
	"slices"

	"github.com/retecomuni/eli2sdk/codes/internal/source"
)

// Tables is a complete, indexed set of code tables. A Tables value is never
// modified after it is built, so it is safe for concurrent use; look-ups
// return copies. Default returns the embedded tables, Load builds new ones.
type Tables struct {
	comuni           []Comune
	comuniByBelfiore []int32 // rows sorted by (Belfiore, From)
	comuniByIstat    []int32 // rows sorted by (Istat, From)
	comuniByName     []nameRef

	states           []State
	statesByIstat    []int32
	statesByBelfiore []int32
	statesByISO3     []int32
	statesByName     []nameRef
	stateAliases     []source.StateAlias // sorted by Key

	provinces []Province // sorted by Sigla
	decoding  [numTables][]Entry

	kit           []kitEdition // sorted by From; rows sorted by Code
	kitDurations  []source.KitDuration
	kitSuccessors []source.KitSuccessor

	freeMovement []FreeMovementState // sorted by Istat, From

	fees          []Fee // file order
	feeExemptions []FeeExemption

	issues []Issue
}

// nameRef is an entry of a name index: normalized name and row number.
type nameRef struct {
	key string
	row int32
}

// Issue describes an irregular row found in a source file: the row was kept
// (or dropped, as Msg says) and is reported so that a human can look at it.
type Issue struct {
	File string // source file base name (ANPR_archivio_comuni.csv)
	Line int    // line of the row, 0 when the issue spans rows
	Key  string // identifying values of the row
	Msg  string // what is irregular (Italian)
}

// String formats the issue as "file:line [key]: msg".
func (i Issue) String() string {
	return source.Issue{File: i.File, Line: i.Line, Key: i.Key, Msg: i.Msg}.String()
}

// Default returns the tables embedded in the package, generated from the
// files described by DataVersion. It costs nothing at start-up.
func Default() *Tables { return &defaultTables }

// Issues returns the irregular rows found while building t (for Default, by
// the generator).
func (t *Tables) Issues() []Issue { return slices.Clone(t.issues) }

// NormalizeName folds a place name the way name searches compare names:
// accents and other marks are dropped (Unicode NFD), letters are upper-cased,
// apostrophes, hyphens, dots and other punctuation become spaces and runs of
// spaces collapse, so "Paternò", "PATERNO'" and "paterno" all give "PATERNO"
// and "Sant'Agata" gives "SANT AGATA".
func NormalizeName(s string) string { return source.NormalizeName(s) }

// nameRange returns the bounds of the entries of idx whose key is key.
func nameRange(idx []nameRef, key string) (int, int) {
	lo := searchIdx(len(idx), func(i int) bool { return idx[i].key >= key })
	hi := lo
	for hi < len(idx) && idx[hi].key == key {
		hi++
	}
	return lo, hi
}

// decodingFiles names the decoding tables; the array type makes the build
// fail if source and Table disagree on their number.
var decodingFiles [numTables]string = source.DecodingFiles
