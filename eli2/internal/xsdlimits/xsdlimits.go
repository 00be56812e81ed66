// Package xsdlimits reads the XML Schema of the ELI2 import format and
// writes the Go table of its constraints (lengths, patterns, enumerations,
// ranges, occurrences) that eli2.Validate enforces, so that the XSD stays
// the one source of truth for them. It understands the subset of XSD 1.0
// the format uses and fails on anything else, rather than guessing.
package xsdlimits

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"go/format"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

const xsNS = "http://www.w3.org/2001/XMLSchema"

// Base is the built-in XSD type a simple type derives from.
type Base string

// The built-in types the format uses.
const (
	String             Base = "string"
	Date               Base = "date"
	DateTime           Base = "dateTime"
	GYear              Base = "gYear"
	GYearMonth         Base = "gYearMonth"
	Boolean            Base = "boolean"
	PositiveInteger    Base = "positiveInteger"
	NonNegativeInteger Base = "nonNegativeInteger"
	Union              Base = "union"
)

// SimpleType is a simple type with its facets merged along the derivation
// chain.
type SimpleType struct {
	Name      string
	Base      Base
	Members   []Base // member types of a union
	MinLength int    // -1 if none
	MaxLength int    // -1 if none
	// Patterns are ANDed groups (one per derivation step) of ORed XSD
	// regular expressions.
	Patterns     [][]string
	Enumerations []string
	MinInclusive *int64
	MaxInclusive *int64
}

// Element is a child element of a complex type, in document order.
type Element struct {
	Name      string
	Type      string // simple or complex type name, without prefix
	Complex   bool
	MinOccurs int
	MaxOccurs int // -1 unbounded
	// Branch is 0 outside a choice; inside a choice, the 1-based index of
	// the alternative the element belongs to.
	Branch int
}

// Attribute is an attribute of a complex type.
type Attribute struct {
	Name     string
	Type     string
	Required bool
	Fixed    string
}

// Schema is what the generator keeps of an XSD.
type Schema struct {
	Simple     map[string]*SimpleType
	Complex    map[string][]Element
	Attributes map[string][]Attribute
	Root       string // name of the top-level element
	RootType   string // name given to its anonymous complex type (the root's name)
}

// The raw XSD, as encoding/xml reads it.
type xsdSchema struct {
	Simple   []xsdSimple  `xml:"simpleType"`
	Complex  []xsdComplex `xml:"complexType"`
	Elements []xsdElement `xml:"element"`
}

type xsdSimple struct {
	Name        string          `xml:"name,attr"`
	Restriction *xsdRestriction `xml:"restriction"`
	Union       *struct {
		MemberTypes string `xml:"memberTypes,attr"`
	} `xml:"union"`
	List *struct{} `xml:"list"`
}

type xsdFacet struct {
	Value string `xml:"value,attr"`
}

type xsdRestriction struct {
	Base         string     `xml:"base,attr"`
	MinLength    []xsdFacet `xml:"minLength"`
	MaxLength    []xsdFacet `xml:"maxLength"`
	Length       []xsdFacet `xml:"length"`
	Pattern      []xsdFacet `xml:"pattern"`
	Enumeration  []xsdFacet `xml:"enumeration"`
	MinInclusive []xsdFacet `xml:"minInclusive"`
	MaxInclusive []xsdFacet `xml:"maxInclusive"`
	MinExclusive []xsdFacet `xml:"minExclusive"`
	MaxExclusive []xsdFacet `xml:"maxExclusive"`
	TotalDigits  []xsdFacet `xml:"totalDigits"`
	WhiteSpace   []xsdFacet `xml:"whiteSpace"`
}

type xsdComplex struct {
	Name       string       `xml:"name,attr"`
	Sequence   *xsdGroup    `xml:"sequence"`
	Choice     *xsdGroup    `xml:"choice"`
	All        *xsdGroup    `xml:"all"`
	Attributes []xsdAttr    `xml:"attribute"`
	Simple     *struct{}    `xml:"simpleContent"`
	ComplexC   *struct{}    `xml:"complexContent"`
	Any        []xsdElement `xml:"any"`
}

type xsdGroup struct {
	XMLName   xml.Name
	MinOccurs string `xml:"minOccurs,attr"`
	MaxOccurs string `xml:"maxOccurs,attr"`
	Items     []xsdItem
}

// UnmarshalXML keeps the children of a group in document order.
func (g *xsdGroup) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	g.XMLName = start.Name
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "minOccurs":
			g.MinOccurs = a.Value
		case "maxOccurs":
			g.MaxOccurs = a.Value
		}
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var it xsdItem
			switch t.Name.Local {
			case "element":
				it.Element = new(xsdElement)
				if err := d.DecodeElement(it.Element, &t); err != nil {
					return err
				}
			case "sequence", "choice":
				it.Group = new(xsdGroup)
				if err := d.DecodeElement(it.Group, &t); err != nil {
					return err
				}
			default:
				return fmt.Errorf("xsdlimits: unsupported <%s> in a model group", t.Name.Local)
			}
			g.Items = append(g.Items, it)
		case xml.EndElement:
			return nil
		}
	}
}

type xsdItem struct {
	Element *xsdElement
	Group   *xsdGroup
}

type xsdElement struct {
	Name      string      `xml:"name,attr"`
	Type      string      `xml:"type,attr"`
	MinOccurs string      `xml:"minOccurs,attr"`
	MaxOccurs string      `xml:"maxOccurs,attr"`
	Complex   *xsdComplex `xml:"complexType"`
	Simple    *xsdSimple  `xml:"simpleType"`
}

type xsdAttr struct {
	Name  string `xml:"name,attr"`
	Type  string `xml:"type,attr"`
	Use   string `xml:"use,attr"`
	Fixed string `xml:"fixed,attr"`
}

func local(qname string) (string, bool) {
	prefix, name, ok := strings.Cut(qname, ":")
	if !ok {
		return qname, false
	}
	return name, prefix == "xs" || prefix == "xsd"
}

func occurs(s string, def int) (int, error) {
	switch s {
	case "":
		return def, nil
	case "unbounded":
		return -1, nil
	}
	return strconv.Atoi(s)
}

// Parse reads an XSD.
func Parse(xsd []byte) (*Schema, error) {
	var raw xsdSchema
	if err := xml.Unmarshal(xsd, &raw); err != nil {
		return nil, fmt.Errorf("xsdlimits: %w", err)
	}
	s := &Schema{Simple: map[string]*SimpleType{}, Complex: map[string][]Element{}, Attributes: map[string][]Attribute{}}
	rawSimple := map[string]xsdSimple{}
	for _, st := range raw.Simple {
		rawSimple[st.Name] = st
	}
	var resolve func(name string, seen []string) (*SimpleType, error)
	resolve = func(name string, seen []string) (*SimpleType, error) {
		if st, ok := s.Simple[name]; ok {
			return st, nil
		}
		if slices.Contains(seen, name) {
			return nil, fmt.Errorf("xsdlimits: circular type %s", name)
		}
		r, ok := rawSimple[name]
		if !ok {
			return nil, fmt.Errorf("xsdlimits: unknown simple type %s", name)
		}
		st := &SimpleType{Name: name, MinLength: -1, MaxLength: -1}
		switch {
		case r.List != nil:
			return nil, fmt.Errorf("xsdlimits: %s: xs:list is not supported", name)
		case r.Union != nil:
			st.Base = Union
			for m := range strings.FieldsSeq(r.Union.MemberTypes) {
				b, builtin := local(m)
				if !builtin || !knownBase(Base(b)) || Base(b) == Union {
					return nil, fmt.Errorf("xsdlimits: %s: union member %s is not supported", name, m)
				}
				st.Members = append(st.Members, Base(b))
			}
		case r.Restriction != nil:
			b, builtin := local(r.Restriction.Base)
			if builtin {
				if !knownBase(Base(b)) {
					return nil, fmt.Errorf("xsdlimits: %s: base xs:%s is not supported", name, b)
				}
				st.Base = Base(b)
			} else {
				parent, err := resolve(b, append(seen, name))
				if err != nil {
					return nil, err
				}
				*st = *parent
				st.Name = name
				st.Patterns = slices.Clone(parent.Patterns)
				st.Members = slices.Clone(parent.Members)
			}
			if err := st.restrict(r.Restriction); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("xsdlimits: %s: empty simple type", name)
		}
		s.Simple[name] = st
		return st, nil
	}
	for _, st := range raw.Simple {
		if _, err := resolve(st.Name, nil); err != nil {
			return nil, err
		}
	}
	for _, ct := range raw.Complex {
		if err := s.addComplex(ct.Name, &ct); err != nil {
			return nil, err
		}
	}
	if len(raw.Elements) != 1 || raw.Elements[0].Complex == nil {
		return nil, errors.New("xsdlimits: exactly one top-level element with an anonymous complex type expected")
	}
	root := raw.Elements[0]
	s.Root, s.RootType = root.Name, root.Name
	if err := s.addComplex(root.Name, root.Complex); err != nil {
		return nil, err
	}
	// Every referenced type must exist.
	for ct, els := range s.Complex {
		for _, e := range els {
			if _, ok := s.Simple[e.Type]; !ok && !e.Complex {
				return nil, fmt.Errorf("xsdlimits: %s/%s: unknown type %s", ct, e.Name, e.Type)
			}
			if _, ok := s.Complex[e.Type]; e.Complex && !ok {
				return nil, fmt.Errorf("xsdlimits: %s/%s: unknown type %s", ct, e.Name, e.Type)
			}
		}
	}
	return s, nil
}

func knownBase(b Base) bool {
	switch b {
	case String, Date, DateTime, GYear, GYearMonth, Boolean, PositiveInteger, NonNegativeInteger:
		return true
	}
	return false
}

func (st *SimpleType) restrict(r *xsdRestriction) error {
	if len(r.MinExclusive)+len(r.MaxExclusive)+len(r.TotalDigits)+len(r.WhiteSpace) > 0 {
		return fmt.Errorf("xsdlimits: %s: unsupported facet", st.Name)
	}
	atoi := func(f []xsdFacet) (int, error) { return strconv.Atoi(strings.TrimSpace(f[0].Value)) }
	if len(r.Length) > 0 {
		n, err := atoi(r.Length)
		if err != nil {
			return err
		}
		st.MinLength, st.MaxLength = n, n
	}
	if len(r.MinLength) > 0 {
		n, err := atoi(r.MinLength)
		if err != nil {
			return err
		}
		st.MinLength = max(st.MinLength, n)
	}
	if len(r.MaxLength) > 0 {
		n, err := atoi(r.MaxLength)
		if err != nil {
			return err
		}
		if st.MaxLength < 0 || n < st.MaxLength {
			st.MaxLength = n
		}
	}
	if len(r.Pattern) > 0 {
		var group []string
		for _, p := range r.Pattern {
			if _, err := GoRegexp(p.Value); err != nil {
				return fmt.Errorf("xsdlimits: %s: %w", st.Name, err)
			}
			group = append(group, p.Value)
		}
		st.Patterns = append(st.Patterns, group)
	}
	if len(r.Enumeration) > 0 {
		var enum []string
		for _, e := range r.Enumeration {
			enum = append(enum, e.Value)
		}
		if st.Enumerations != nil {
			enum = slices.DeleteFunc(enum, func(v string) bool { return !slices.Contains(st.Enumerations, v) })
		}
		st.Enumerations = enum
	}
	for _, f := range []struct {
		facets []xsdFacet
		dst    **int64
		min    bool
	}{{r.MinInclusive, &st.MinInclusive, true}, {r.MaxInclusive, &st.MaxInclusive, false}} {
		if len(f.facets) == 0 {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(f.facets[0].Value), 10, 64)
		if err != nil {
			return fmt.Errorf("xsdlimits: %s: %w", st.Name, err)
		}
		if *f.dst == nil || (f.min && n > **f.dst) || (!f.min && n < **f.dst) {
			*f.dst = &n
		}
	}
	return nil
}

func (s *Schema) addComplex(name string, ct *xsdComplex) error {
	if ct.Simple != nil || ct.ComplexC != nil || ct.All != nil || len(ct.Any) > 0 {
		return fmt.Errorf("xsdlimits: %s: only sequence and choice are supported", name)
	}
	var els []Element
	var walk func(g *xsdGroup, branch int, optional bool) error
	branches := 0
	walk = func(g *xsdGroup, branch int, optional bool) error {
		if g.MinOccurs != "" || g.MaxOccurs != "" {
			return fmt.Errorf("xsdlimits: %s: occurrences on a model group are not supported", name)
		}
		choice := g.XMLName.Local == "choice"
		if choice && branch != 0 {
			return fmt.Errorf("xsdlimits: %s: nested choices are not supported", name)
		}
		for _, it := range g.Items {
			b := branch
			if choice {
				branches++
				b = branches
			}
			if it.Group != nil {
				if err := walk(it.Group, b, optional); err != nil {
					return err
				}
				continue
			}
			e := it.Element
			typ, builtin := local(e.Type)
			if builtin || e.Type == "" {
				if typ == "boolean" {
					// Built-in boolean: a simple type of its own.
					if _, ok := s.Simple["xs:boolean"]; !ok {
						s.Simple["xs:boolean"] = &SimpleType{Name: "xs:boolean", Base: Boolean, MinLength: -1, MaxLength: -1}
					}
					typ = "xs:boolean"
				} else {
					return fmt.Errorf("xsdlimits: %s/%s: type %q not supported", name, e.Name, e.Type)
				}
			}
			minO, err := occurs(e.MinOccurs, 1)
			if err != nil {
				return err
			}
			maxO, err := occurs(e.MaxOccurs, 1)
			if err != nil {
				return err
			}
			_, isSimple := s.Simple[typ]
			els = append(els, Element{Name: e.Name, Type: typ, Complex: !isSimple, MinOccurs: minO, MaxOccurs: maxO, Branch: b})
		}
		return nil
	}
	for _, g := range []*xsdGroup{ct.Sequence, ct.Choice} {
		if g != nil {
			if err := walk(g, 0, false); err != nil {
				return err
			}
		}
	}
	s.Complex[name] = els
	for _, a := range ct.Attributes {
		typ, builtin := local(a.Type)
		if builtin && typ != "string" {
			return fmt.Errorf("xsdlimits: %s@%s: type %q not supported", name, a.Name, a.Type)
		}
		if builtin {
			typ = ""
		}
		s.Attributes[name] = append(s.Attributes[name], Attribute{Name: a.Name, Type: typ, Required: a.Use == "required", Fixed: a.Fixed})
	}
	return nil
}

// xsdEscapes are the escapes of XSD regular expressions that mean the same
// in Go's RE2 syntax, inside and outside character classes.
var xsdEscapes = "\\-.^$?*+{}()[]|/nrts"

// GoRegexp translates an XSD regular expression (implicitly anchored) into
// an anchored Go regular expression. It accepts the subset with the same
// meaning in both: literals, character classes without subtraction,
// quantifiers, groups, alternation and the escapes \n \r \t \s and the
// metacharacters; anything else (\d, \w, \i, \c, \p{…}, class subtraction,
// the dot, whose XSD meaning differs) is an error.
func GoRegexp(xsdRE string) (string, error) {
	var b strings.Builder
	b.WriteString(`^(?:`)
	inClass := false
	for i := 0; i < len(xsdRE); i++ {
		c := xsdRE[i]
		switch {
		case c == '\\':
			if i+1 >= len(xsdRE) || !strings.ContainsRune(xsdEscapes, rune(xsdRE[i+1])) {
				return "", fmt.Errorf("pattern %q: escape not supported", xsdRE)
			}
			if xsdRE[i+1] == 's' {
				// XSD \s is space, tab, CR, LF (Go's also matches \f).
				if inClass {
					b.WriteString(`\t\n\r `)
				} else {
					b.WriteString(`[\t\n\r ]`)
				}
				i++
				continue
			}
			b.WriteByte(c)
			b.WriteByte(xsdRE[i+1])
			i++
			continue
		case c == '[':
			if inClass {
				return "", fmt.Errorf("pattern %q: class subtraction not supported", xsdRE)
			}
			inClass = true
		case c == ']':
			inClass = false
		case c == '.' && !inClass:
			return "", fmt.Errorf("pattern %q: unescaped dot not supported", xsdRE)
		case (c == '$' || c == '^') && !inClass:
			// Plain characters in XSD, anchors in Go.
			return "", fmt.Errorf("pattern %q: unescaped %c not supported", xsdRE, c)
		}
		b.WriteByte(c)
	}
	b.WriteString(`)$`)
	if _, err := regexp.Compile(b.String()); err != nil {
		return "", fmt.Errorf("pattern %q: %w", xsdRE, err)
	}
	return b.String(), nil
}

// Generate returns the gofmt-ed Go source of the table of s for package pkg.
// source names the XSD in the header.
func Generate(s *Schema, pkg, source string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by eli2/internal/xsdlimits/gen from %s; DO NOT EDIT.\n\n", source)
	fmt.Fprintf(&b, "package %s\n\nimport \"regexp\"\n\n", pkg)
	b.WriteString("// xsdSimpleTypes are the simple types of the XSD, facets merged along\n// each derivation chain.\n")
	b.WriteString("var xsdSimpleTypes = map[string]*xsdSimpleType{\n")
	for _, name := range sortedKeys(s.Simple) {
		st := s.Simple[name]
		fmt.Fprintf(&b, "%q: {Name: %q, Base: %q, MinLength: %d, MaxLength: %d,", name, name, string(st.Base), st.MinLength, st.MaxLength)
		if len(st.Members) > 0 {
			b.WriteString(" Members: []string{")
			for _, m := range st.Members {
				fmt.Fprintf(&b, "%q, ", string(m))
			}
			b.WriteString("},")
		}
		if len(st.Patterns) > 0 {
			b.WriteString("\nPatterns: [][]xsdPattern{")
			for _, g := range st.Patterns {
				b.WriteString("{")
				for _, p := range g {
					re, _ := GoRegexp(p)
					fmt.Fprintf(&b, "{XSD: %s, re: regexp.MustCompile(%s)}, ", strconv.Quote(p), strconv.Quote(re))
				}
				b.WriteString("}, ")
			}
			b.WriteString("},")
		}
		if len(st.Enumerations) > 0 {
			b.WriteString("\nEnumerations: []string{")
			for _, e := range st.Enumerations {
				fmt.Fprintf(&b, "%q, ", e)
			}
			b.WriteString("},")
		}
		if st.MinInclusive != nil {
			fmt.Fprintf(&b, " MinInclusive: xsdInt(%d),", *st.MinInclusive)
		}
		if st.MaxInclusive != nil {
			fmt.Fprintf(&b, " MaxInclusive: xsdInt(%d),", *st.MaxInclusive)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// xsdComplexTypes are the children of each complex type, in file order;\n// the root element's anonymous type is under the root's name.\n")
	b.WriteString("var xsdComplexTypes = map[string][]xsdElement{\n")
	for _, name := range sortedKeys(s.Complex) {
		fmt.Fprintf(&b, "%q: {\n", name)
		for _, e := range s.Complex[name] {
			fmt.Fprintf(&b, "{Name: %q, Type: %q, Complex: %t, MinOccurs: %d, MaxOccurs: %d, Branch: %d},\n",
				e.Name, e.Type, e.Complex, e.MinOccurs, e.MaxOccurs, e.Branch)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// xsdAttributes are the attributes of each complex type.\n")
	b.WriteString("var xsdAttributes = map[string][]xsdAttribute{\n")
	for _, name := range sortedKeys(s.Attributes) {
		fmt.Fprintf(&b, "%q: {\n", name)
		for _, a := range s.Attributes[name] {
			fmt.Fprintf(&b, "{Name: %q, Type: %q, Required: %t, Fixed: %q},\n", a.Name, a.Type, a.Required, a.Fixed)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// xsdRoot is the name of the root element.\nconst xsdRoot = %q\n", s.Root)
	src := b.Bytes()
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("xsdlimits: gofmt: %w", err)
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
