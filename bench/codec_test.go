package bench

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/retecomuni/eli2sdk/bench/codecbench"
	"github.com/retecomuni/eli2sdk/eli2"
)

// codecN is the number of applications in the benchmark document.
const codecN = 1000

// BenchmarkCodec runs every case of codecbench: the eli2 codec and
// encoding/xml, encoding and decoding the same records.
func BenchmarkCodec(b *testing.B) {
	cases, err := codecbench.Cases(codecN)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		b.Run(c.Op+"/"+strings.ReplaceAll(c.Codec, " ", "_"), func(b *testing.B) {
			b.SetBytes(c.Bytes)
			b.ReportAllocs()
			c.Run(b)
		})
	}
}

// TestMirrorEquivalent checks that the comparison is like for like: the
// document encoding/xml writes from the mirror is read by the eli2 Decoder
// as the same records, and encoding/xml reading the eli2 document and
// converting gives the same records too.
func TestMirrorEquivalent(t *testing.T) {
	f := codecbench.Records(25)
	var ours bytes.Buffer
	if err := eli2.EncodeFile(&ours, f); err != nil {
		t.Fatal(err)
	}
	var theirs bytes.Buffer
	enc := xml.NewEncoder(&theirs)
	enc.Indent("", "  ")
	if err := enc.Encode(codecbench.ToMirror(f)); err != nil {
		t.Fatal(err)
	}
	got, err := eli2.DecodeFile(&theirs)
	if err != nil {
		t.Fatalf("eli2 Decoder on the encoding/xml document: %v", err)
	}
	sameRecords(t, f, got)

	var m codecbench.File
	if err := xml.Unmarshal(ours.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	back, err := codecbench.FromMirror(&m)
	if err != nil {
		t.Fatal(err)
	}
	sameRecords(t, f, back)
}

// sameRecords compares two files through their eli2 encoding, which is
// deterministic and covers every field.
func sameRecords(t *testing.T, want, got *eli2.ImportFile) {
	t.Helper()
	var a, b bytes.Buffer
	if err := eli2.EncodeFile(&a, want); err != nil {
		t.Fatal(err)
	}
	if err := eli2.EncodeFile(&b, got); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatalf("records differ:\n--- want\n%s\n--- got\n%s", a.String(), b.String())
	}
}
