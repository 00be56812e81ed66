package codes

import "testing"

var (
	sinkComune Comune
	sinkState  State
	sinkList   []Comune
)

func BenchmarkComuneByBelfiore(b *testing.B) {
	tb, on := Default(), NewDate(2010, 1, 1)
	b.ReportAllocs()
	for b.Loop() {
		sinkComune, _ = tb.ComuneByBelfiore("F991", on)
	}
}

func BenchmarkComuneByIstat(b *testing.B) {
	tb, on := Default(), NewDate(2010, 1, 1)
	b.ReportAllocs()
	for b.Loop() {
		sinkComune, _ = tb.ComuneByIstat("107013", on)
	}
}

func BenchmarkStateByBelfiore(b *testing.B) {
	tb := Default()
	b.ReportAllocs()
	for b.Loop() {
		sinkState, _ = tb.StateByBelfiore("Z118")
	}
}

func BenchmarkStateByIstat(b *testing.B) {
	tb, on := Default(), NewDate(2010, 1, 1)
	b.ReportAllocs()
	for b.Loop() {
		sinkState, _ = tb.StateByIstat("250", on)
	}
}

func BenchmarkFindComuni(b *testing.B) {
	tb := Default()
	b.ReportAllocs()
	for b.Loop() {
		sinkList = tb.FindComuni("Paternò", Query{})
	}
}

func BenchmarkFindComuniASCII(b *testing.B) {
	tb := Default()
	b.ReportAllocs()
	for b.Loop() {
		sinkList = tb.FindComuni("vignola", Query{Province: "TN"})
	}
}
