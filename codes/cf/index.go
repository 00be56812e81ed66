package cf

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/retecomuni/eli2sdk/codes"
)

// placeIndex is a dense index of the birthplaces of one *codes.Tables by
// Belfiore code, built once per Tables on first use (about 3 MB), so that
// Decode resolves a birthplace in a few nanoseconds and without allocating.
// codes.Tables is immutable, so the index never goes stale; it holds the
// Tables weakly and is dropped when the Tables is garbage collected (programs
// that Load newer tables now and then do not accumulate indexes).
type placeIndex struct {
	t      weak.Pointer[codes.Tables]
	comuni []codes.Comune // rows with a Belfiore code, by code then From
	start  [26*1000 + 1]int32
	states [1000]int32 // Z000…Z999 → index in statesRows + 1; 0 = none
	rows   []codes.State
}

var (
	lastIndex atomic.Pointer[placeIndex]
	indexes   sync.Map // weak.Pointer[codes.Tables] → *placeIndex
)

// indexOf returns the index of t, building it on first use.
func indexOf(t *codes.Tables) *placeIndex {
	if ix := lastIndex.Load(); ix != nil && ix.t.Value() == t {
		return ix
	}
	key := weak.Make(t)
	if v, ok := indexes.Load(key); ok {
		ix := v.(*placeIndex)
		lastIndex.Store(ix)
		return ix
	}
	ix := buildIndex(t)
	ix.t = key
	v, loaded := indexes.LoadOrStore(key, ix)
	if !loaded {
		runtime.AddCleanup(t, func(k weak.Pointer[codes.Tables]) { indexes.Delete(k) }, key)
	}
	ix = v.(*placeIndex)
	lastIndex.Store(ix)
	return ix
}

// slot returns the position of a Belfiore code (letter + 3 digits) in the
// dense index, or -1.
func slot(code string) int {
	if len(code) != 4 {
		return -1
	}
	l := code[0]
	if l >= 'a' && l <= 'z' {
		l -= 'a' - 'A'
	}
	if !isLetter(l) || !isDigit(code[1]) || !isDigit(code[2]) || !isDigit(code[3]) {
		return -1
	}
	return int(l-'A')*1000 + int(code[1]-'0')*100 + int(code[2]-'0')*10 + int(code[3]-'0')
}

func buildIndex(t *codes.Tables) *placeIndex {
	ix := &placeIndex{}
	type keyed struct {
		slot int
		c    codes.Comune
	}
	var rows []keyed
	for _, c := range t.Comuni() {
		if s := slot(c.Belfiore); s >= 0 {
			rows = append(rows, keyed{s, c})
		}
	}
	slices.SortStableFunc(rows, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.slot, b.slot), cmp.Compare(a.c.From, b.c.From))
	})
	ix.comuni = make([]codes.Comune, len(rows))
	counts := make([]int32, len(ix.start))
	for i, r := range rows {
		ix.comuni[i] = r.c
		counts[r.slot+1]++
	}
	for i := 1; i < len(ix.start); i++ {
		ix.start[i] = ix.start[i-1] + counts[i]
	}
	for _, s := range t.States() {
		n := slot(s.Belfiore)
		if n < 25000 { // Z codes only
			continue
		}
		// keep the row StateByBelfiore returns for the code
		if ix.states[n-25000] != 0 {
			continue
		}
		if st, err := t.StateByBelfiore(s.Belfiore); err == nil {
			ix.rows = append(ix.rows, st)
			ix.states[n-25000] = int32(len(ix.rows))
		}
	}
	return ix
}

// comune returns the row of the comune at slot s valid on on (on == 0: the
// most recent row).
func (ix *placeIndex) comune(s int, on codes.Date) (*codes.Comune, bool) {
	lo, hi := int(ix.start[s]), int(ix.start[s+1])
	if lo == hi {
		return nil, false
	}
	if on == 0 {
		return &ix.comuni[hi-1], true
	}
	for i := hi - 1; i >= lo; i-- {
		if c := &ix.comuni[i]; c.ValidOn(on) {
			return c, true
		}
	}
	return nil, false
}

// state returns the state with Z code at slot s.
func (ix *placeIndex) state(s int) (*codes.State, bool) {
	if s < 25000 {
		return nil, false
	}
	i := ix.states[s-25000]
	if i == 0 {
		return nil, false
	}
	return &ix.rows[i-1], true
}
