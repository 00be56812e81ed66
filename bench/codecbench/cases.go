package codecbench

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"testing"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// Records returns an import file of n applications: the eli2test samples
// (every request type, families, a minor with a guardian…) in turn, each
// with a fresh id.
func Records(n int) *eli2.ImportFile {
	ps := eli2test.Pratiche()
	names := eli2test.SampleNames()
	f := &eli2.ImportFile{Intestazione: eli2test.Header("D612", "048017", n)}
	for i := 0; len(f.Pratiche) < n; i++ {
		p, ok := ps[names[i%len(names)]]
		if !ok {
			continue
		}
		p.ID = "P" + strconv.Itoa(len(f.Pratiche)+1)
		f.Pratiche = append(f.Pratiche, p)
	}
	return f
}

// Case is one benchmark: an operation (encode or decode) done by one codec
// on the same n records.
type Case struct {
	Op    string // "encode" or "decode"
	Codec string // "eli2", "encoding/xml", "encoding/xml+convert"…
	// Baseline marks the encoding/xml case the goals are measured against.
	Baseline bool
	Bytes    int64 // size of the document, for b.SetBytes
	// Once encodes or decodes the document once; Run calls it in a
	// benchmark loop. Cases share buffers: run them one at a time.
	Once func() error
	Run  func(b *testing.B)
}

// Cases returns the benchmarks on n records. The document is the eli2
// encoding; encoding/xml works on the mirror built from the same records.
//
//   - encoding/xml: Marshal of the prebuilt mirror / Unmarshal into it, dates
//     and codes left as strings (less work than the eli2 codec does);
//   - encoding/xml+convert: the same plus the conversion from/to
//     eli2.Pratica, dates parsed: the same result as the eli2 codec.
func Cases(n int) ([]Case, error) {
	f := Records(n)
	var buf bytes.Buffer
	if err := eli2.EncodeFile(&buf, f); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	m := ToMirror(f)
	size := int64(len(data))
	encXML := func(w io.Writer, m *File) error {
		enc := xml.NewEncoder(w)
		enc.Indent("", "  ")
		return enc.Encode(m)
	}
	var w bytes.Buffer
	decodeAll := func() error {
		d := eli2.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	cases := []Case{
		{Op: "encode", Codec: "eli2", Once: func() error {
			w.Reset()
			return eli2.EncodeFile(&w, f)
		}},
		{Op: "encode", Codec: "encoding/xml", Baseline: true, Once: func() error {
			w.Reset()
			return encXML(&w, m)
		}},
		{Op: "encode", Codec: "encoding/xml+convert", Once: func() error {
			w.Reset()
			return encXML(&w, ToMirror(f))
		}},
		{Op: "decode", Codec: "eli2", Once: func() error {
			_, err := eli2.DecodeFile(bytes.NewReader(data))
			return err
		}},
		{Op: "decode", Codec: "eli2 (streaming Next)", Once: decodeAll},
		{Op: "decode", Codec: "encoding/xml", Baseline: true, Once: func() error {
			var m File
			return xml.Unmarshal(data, &m)
		}},
		{Op: "decode", Codec: "encoding/xml+convert", Once: func() error {
			var m File
			if err := xml.Unmarshal(data, &m); err != nil {
				return err
			}
			_, err := FromMirror(&m)
			return err
		}},
	}
	for i := range cases {
		once := cases[i].Once
		cases[i].Bytes = size
		cases[i].Run = func(b *testing.B) {
			for b.Loop() {
				if err := once(); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	return cases, nil
}
