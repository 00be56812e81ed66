package eli2

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// xsdFrame is an open element of the document checked by checkXSD.
type xsdFrame struct {
	name   string
	kids   []xsdElement   // children of a complex element; nil for a leaf
	simple *xsdSimpleType // type of a leaf
	pos    int            // index in kids of the last child seen, -1 at start
	count  int            // occurrences of kids[pos]
	branch int            // alternative of the choice in use
	text   strings.Builder
}

// checkXSD checks an XML document against the generated XSD table with
// encoding/xml, independently of the Decoder: element names, order and
// occurrences, choices, required children, attributes, every leaf's
// lengths, patterns, enumerations, ranges and built-in type, unique
// Pratica ids. It is the in-process stand-in for xmllint in fuzzing.
func checkXSD(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*xsdFrame
	ids := map[string]bool{}
	c := newChecker(ValidateOptions{}.withDefaults())
	value := func(name string, st *xsdSimpleType, lex string) error {
		c.probs = nil
		c.schemaValue(xsdField{field: name, simple: st}, fieldPath{field: name, index: -1}, lex)
		if len(c.probs) > 0 {
			return fmt.Errorf("%s: %s (%s)", name, c.probs[0].Code, c.probs[0].Message)
		}
		return nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) != 0 {
				return errors.New("unexpected end")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != Namespace {
				return fmt.Errorf("<%s> in namespace %q", t.Name.Local, t.Name.Space)
			}
			var typ string
			var complexType bool
			if len(stack) == 0 {
				if t.Name.Local != xsdRoot {
					return fmt.Errorf("root <%s>", t.Name.Local)
				}
				typ, complexType = xsdRoot, true
			} else {
				parent := stack[len(stack)-1]
				if parent.kids == nil {
					return fmt.Errorf("<%s> inside the leaf <%s>", t.Name.Local, parent.name)
				}
				idx := -1
				for i := max(parent.pos, 0); i < len(parent.kids); i++ {
					if parent.kids[i].Name == t.Name.Local {
						idx = i
						break
					}
				}
				if idx < 0 {
					return fmt.Errorf("<%s> not expected in <%s>", t.Name.Local, parent.name)
				}
				k := parent.kids[idx]
				if idx == parent.pos {
					parent.count++
					if k.MaxOccurs >= 0 && parent.count > k.MaxOccurs {
						return fmt.Errorf("<%s> repeated", k.Name)
					}
				} else {
					branch := parent.branch
					if k.Branch != 0 {
						branch = k.Branch
					}
					if err := missing(parent, idx, branch); err != nil {
						return err
					}
					parent.pos, parent.count = idx, 1
				}
				if k.Branch != 0 {
					if parent.branch != 0 && parent.branch != k.Branch {
						return fmt.Errorf("<%s>: two alternatives of a choice", k.Name)
					}
					parent.branch = k.Branch
				}
				typ, complexType = k.Type, k.Complex
			}
			fr := &xsdFrame{name: t.Name.Local, pos: -1}
			attrs := xsdAttributes[typ]
			for _, a := range t.Attr {
				if a.Name.Local == "xmlns" || a.Name.Space == "xmlns" {
					continue
				}
				found := false
				for _, want := range attrs {
					if a.Name.Space == "" && a.Name.Local == want.Name {
						found = true
						if want.Fixed != "" && a.Value != want.Fixed {
							return fmt.Errorf("@%s=%q, fixed %q", want.Name, a.Value, want.Fixed)
						}
						if want.Type != "" {
							if err := value("@"+want.Name, xsdSimpleTypes[want.Type], a.Value); err != nil {
								return err
							}
						}
						if typ == "Pratica" && want.Name == "id" {
							if ids[a.Value] {
								return fmt.Errorf("id %q repeated", a.Value)
							}
							ids[a.Value] = true
						}
					}
				}
				if !found {
					return fmt.Errorf("attribute %s on <%s>", a.Name.Local, t.Name.Local)
				}
			}
			for _, want := range attrs {
				seen := false
				for _, a := range t.Attr {
					seen = seen || a.Name.Space == "" && a.Name.Local == want.Name
				}
				if want.Required && !seen {
					return fmt.Errorf("<%s> without @%s", t.Name.Local, want.Name)
				}
			}
			if complexType {
				fr.kids = xsdComplexTypes[typ]
				if fr.kids == nil {
					fr.kids = []xsdElement{}
				}
			} else {
				fr.simple = xsdSimpleTypes[typ]
			}
			stack = append(stack, fr)
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			fr := stack[len(stack)-1]
			if fr.kids != nil {
				if len(bytes.TrimSpace(t)) > 0 {
					return fmt.Errorf("text in <%s>", fr.name)
				}
				continue
			}
			fr.text.Write(t)
		case xml.EndElement:
			fr := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if fr.kids != nil {
				if err := missing(fr, len(fr.kids), fr.branch); err != nil {
					return err
				}
				continue
			}
			lex := fr.text.String()
			if b := fr.simple.Base; b != "string" {
				lex = strings.TrimSpace(lex) // whiteSpace collapse of the non-string built-ins
			}
			if err := value(fr.name, fr.simple, lex); err != nil {
				return err
			}
		}
	}
}

// missing returns an error if a required child of fr between the last one
// seen and index upto was skipped (upto == len(kids) at the end tag); branch
// is the alternative of the choice in effect (the new child's, if it is in
// the choice). At the end, a choice must have an alternative.
func missing(fr *xsdFrame, upto, branch int) error {
	for i := fr.pos + 1; i < upto; i++ {
		k := fr.kids[i]
		if k.MinOccurs > 0 && (k.Branch == 0 || k.Branch == branch) {
			return fmt.Errorf("<%s> missing in <%s>", k.Name, fr.name)
		}
	}
	if upto == len(fr.kids) && branch == 0 {
		for _, k := range fr.kids {
			if k.Branch != 0 {
				return fmt.Errorf("<%s>: no alternative of the choice", fr.name)
			}
		}
	}
	return nil
}

// TestCheckXSD shows the in-process checker accepts the golden files and
// rejects what the XSD rejects, so that the fuzz target can fail.
func TestCheckXSD(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "eli2", "valid", "*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		require.NoError(t, checkXSD(data), name)
	}
	base, err := os.ReadFile(filepath.Join("..", "testdata", "eli2", "valid", "batch.xml"))
	require.NoError(t, err)
	for _, tt := range []struct{ name, old, new string }{
		{"surname of 101", "<Cognome>HORVAT<", "<Cognome>" + strings.Repeat("A", 101) + "<"},
		{"lower case", "<Cognome>HORVAT<", "<Cognome>Horvat<"},
		{"sex", "<Sesso>M<", "<Sesso>X<"},
		{"order", "<Nome>IVAN</Nome>", ""},
		{"unknown", "<CAP>", "<Citofono>1</Citofono><CAP>"},
		{"duplicate id", `id="FI-2026-0003"`, `id="FI-2026-0002"`},
		{"impossible date", "<DataNascita>1975-08-21<", "<DataNascita>1975-02-30<"},
		{"kit 0", "<Tipologia>15<", "<Tipologia>0<"},
		{"both places", "<StatoEstero>250</StatoEstero>", "<Comune>D612</Comune><StatoEstero>250</StatoEstero>"},
		{"no place", "<StatoEstero>250</StatoEstero>", ""},
		{"three forms", "<Modulo>1</Modulo>", "<Modulo>1</Modulo><Modulo>1</Modulo><Modulo>1</Modulo>"},
		{"version", `versione="1"`, `versione="2"`},
		{"offset", "+01:00</DataCreazione>", "+15:00</DataCreazione>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, string(base), tt.old)
			require.Error(t, checkXSD([]byte(strings.Replace(string(base), tt.old, tt.new, 1))))
		})
	}
}

// FuzzEncodeMeetsXSD decodes arbitrary input, validates it, and encodes
// what Validate accepts: the output must meet the XSD's constraints
// (checkXSD, from the generated table).
func FuzzEncodeMeetsXSD(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "eli2", "valid", "*.xml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, name := range files {
		data, _ := os.ReadFile(name)
		// Seeds near the limits: long values in the first surname and street.
		for _, n := range []int{99, 100, 101, 200, 201} {
			s := strings.Replace(string(data), "<Cognome>", "<Cognome>"+strings.Repeat("A", n-r.IntN(2)), 1)
			f.Add([]byte(strings.Replace(s, "<Denominazione>", "<Denominazione>"+strings.Repeat("È", n), 1)))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := NewDecoder(bytes.NewReader(data))
		d.MaxTextSize, d.MaxFieldSize = 1<<16, 1<<12
		h, err := d.Header()
		if err != nil {
			return
		}
		file := ImportFile{Intestazione: h}
		for {
			p, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return
			}
			file.Pratiche = append(file.Pratiche, *p)
		}
		file.Intestazione.NumeroPratiche = len(file.Pratiche)
		if ValidateFile(&file, ValidateOptions{}).HasErrors() {
			return
		}
		var buf bytes.Buffer
		if err := EncodeFile(&buf, &file); err != nil {
			t.Fatalf("a file Validate accepts does not encode: %v", err)
		}
		if err := checkXSD(buf.Bytes()); err != nil {
			t.Fatalf("a file Validate accepts breaks the XSD: %v\n%s", err, buf.Bytes())
		}
	})
}
