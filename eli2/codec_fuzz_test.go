package eli2_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/retecomuni/eli2sdk/eli2"
)

// FuzzDecoder feeds arbitrary input to the Decoder: it must never panic,
// every error must be a *ParseError (or a reader error), and whatever it
// accepts must survive encode → decode unchanged.
func FuzzDecoder(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(goldenDir, "*.xml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>`))
	f.Add([]byte("\xef\xbb\xbf<ELI2Import xmlns='urn:eli2sdk:import:1' versione='1'><![CDATA[x]]></ELI2Import>"))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><e:ELI2Import xmlns:e="urn:eli2sdk:import:1" versione="1"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := eli2.NewDecoder(bytes.NewReader(data))
		d.MaxTextSize, d.MaxFieldSize = 4096, 1024
		h, err := d.Header()
		var ps []eli2.Pratica
		for err == nil {
			var p *eli2.Pratica
			p, err = d.Next()
			if p != nil {
				ps = append(ps, *p)
			}
		}
		if err != io.EOF {
			var pe *eli2.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError: %v", err, err)
			}
			if pe.Line < 0 || pe.Column < 0 || pe.Err == nil {
				t.Fatalf("bad position in %v", err)
			}
			return
		}
		// Accepted: it must round trip through the encoder. The header
		// count is content (checked by the validator, not the Decoder).
		h.NumeroPratiche = len(ps)
		file := &eli2.ImportFile{Intestazione: h, Pratiche: ps}
		var buf bytes.Buffer
		if err := eli2.EncodeFile(&buf, file); err != nil {
			// Whatever the decoder accepts, the encoder must write.
			t.Fatalf("decoded file does not encode: %v", err)
		}
		again, err := eli2.DecodeFile(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("re-encoded file does not decode: %v\n%s", err, buf.Bytes())
		}
		var buf2 bytes.Buffer
		if err := eli2.EncodeFile(&buf2, again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
			t.Fatalf("decode → encode is not stable:\n%s\n---\n%s", buf.Bytes(), buf2.Bytes())
		}
	})
}
