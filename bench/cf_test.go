package bench

import (
	"bytes"
	"testing"

	"github.com/retecomuni/eli2sdk/bench/cfbench"
	"github.com/retecomuni/eli2sdk/codes"
)

// TestCFSet checks the benchmark set: deterministic, written and read back
// unchanged, and every operation of package cf gives the expected answer on
// every record (the answers the Node libraries are checked against).
func TestCFSet(t *testing.T) {
	a, err := cfbench.Generate(2000, 7, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := cfbench.Generate(2000, 7, nil)
	var wa, wb bytes.Buffer
	if err := cfbench.Write(&wa, a); err != nil {
		t.Fatal(err)
	}
	cfbench.Write(&wb, b)
	if wa.String() != wb.String() {
		t.Fatal("Generate is not deterministic")
	}
	back, err := cfbench.Read(bytes.NewReader(wa.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(a) {
		t.Fatalf("read %d records, wrote %d", len(back), len(a))
	}
	omocodic := 0
	for i := range a {
		if back[i] != a[i] {
			t.Fatalf("record %d: read %+v, wrote %+v", i, back[i], a[i])
		}
		if a[i].Code != a[i].Base {
			omocodic++
		}
	}
	if omocodic == 0 {
		t.Error("no omocodic code in the set")
	}
	tab := codes.Default()
	for _, op := range cfbench.Ops {
		fn := cfbench.Op(op, tab)
		for i := range a {
			if !fn(&a[i]) {
				t.Errorf("%s: wrong answer on record %d (%s)", op, i, a[i].PlaceCode)
			}
		}
	}
}

// TestCFZeroAllocs checks the claim of package cf that validating and
// decoding allocate nothing, on the benchmark set.
func TestCFZeroAllocs(t *testing.T) {
	recs, err := cfbench.Generate(500, 11, nil)
	if err != nil {
		t.Fatal(err)
	}
	tab := codes.Default()
	for _, op := range []string{"validate", "decode"} {
		fn := cfbench.Op(op, tab)
		i := 0
		allocs := testing.AllocsPerRun(len(recs), func() {
			fn(&recs[i%len(recs)])
			i++
		})
		if allocs != 0 {
			t.Errorf("%s: %.2f allocs/op, want 0", op, allocs)
		}
	}
}

// BenchmarkCF times package cf on the benchmark set (the same codes that
// bench/run.sh gives to the Node libraries, fewer of them).
func BenchmarkCF(b *testing.B) {
	recs, err := cfbench.Generate(20000, 20260315, nil)
	if err != nil {
		b.Fatal(err)
	}
	tab := codes.Default()
	for _, op := range cfbench.Ops {
		fn := cfbench.Op(op, tab)
		b.Run(op, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				fn(&recs[i])
				if i++; i == len(recs) {
					i = 0
				}
			}
		})
	}
}
