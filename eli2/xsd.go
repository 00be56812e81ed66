package eli2

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/retecomuni/eli2sdk/codes"
)

// The XSD (schema/eli2-import-v1.xsd) is the one source of the lengths,
// patterns, enumerations, ranges and occurrences of format v1: the table
// xsd_gen.go is generated from it, and Validate checks every record against
// that table (schemaRules), on the value exactly as the Encoder writes it.
// A test fails when the table drifts from the XSD.
//
//go:generate go run ./internal/xsdlimits/gen -in schema/eli2-import-v1.xsd -out xsd_gen.go

// xsdSimpleType is a simple type of the XSD with its facets.
type xsdSimpleType struct {
	Name         string
	Base         string   // built-in base: string, date, dateTime, gYear, positiveInteger… or union
	Members      []string // built-in member types of a union
	MinLength    int      // in characters; -1 if none
	MaxLength    int      // in characters; -1 if none
	Patterns     [][]xsdPattern
	Enumerations []string
	MinInclusive *int64
	MaxInclusive *int64
}

// xsdPattern is one XSD pattern with its Go translation (anchored).
type xsdPattern struct {
	XSD string
	re  *regexp.Regexp
}

// xsdElement is a child element of a complex type.
type xsdElement struct {
	Name      string
	Type      string
	Complex   bool
	MinOccurs int
	MaxOccurs int // -1 unbounded
	Branch    int // alternative of a choice, 1-based; 0 outside a choice
}

// xsdAttribute is an attribute of a complex type.
type xsdAttribute struct {
	Name     string
	Type     string // "" for xs:string
	Required bool
	Fixed    string
}

func xsdInt(n int64) *int64 { return &n }

// fieldAliases name the record field of an element whose Go name differs
// from the element's (container.element → field).
var fieldAliases = map[string]string{
	"Istanza.Modulo": "Moduli",
	"Pratica@id":     "ID",
}

// xsdRecordTypes are the record types of the complex types checked by
// schemaRules; the complex types not listed are wrappers of a repeated
// element (Familiari) or the root.
var xsdRecordTypes = map[string]reflect.Type{
	"Intestazione":           reflect.TypeFor[Intestazione](),
	"Pratica":                reflect.TypeFor[Pratica](),
	"Richiesta":              reflect.TypeFor[Richiesta](),
	"TitoloPosseduto":        reflect.TypeFor[TitoloPosseduto](),
	"LuogoNascita":           reflect.TypeFor[LuogoNascita](),
	"Richiedente":            reflect.TypeFor[Richiedente](),
	"Toponimo":               reflect.TypeFor[Toponimo](),
	"Domicilio":              reflect.TypeFor[Domicilio](),
	"Recapiti":               reflect.TypeFor[Recapiti](),
	"Documento":              reflect.TypeFor[Documento](),
	"Visto":                  reflect.TypeFor[Visto](),
	"Familiare":              reflect.TypeFor[Familiare](),
	"GenitoreTutore":         reflect.TypeFor[GenitoreTutore](),
	"Istanza":                reflect.TypeFor[Istanza](),
	"DatiSocioProfessionali": reflect.TypeFor[DatiSocioProfessionali](),
}

// xsdField binds an element (or attribute) of a complex type to the field
// of its record.
type xsdField struct {
	name     string // element name, or attribute name
	field    string // record field name, used in paths
	index    int    // field index in the record struct
	simple   *xsdSimpleType
	complex  string // complex type of the element (of the repeated child, for a wrapper)
	min, max int
	branch   int
	wrapper  bool // the element wraps a repeated child (Familiari/Familiare)
}

var (
	dateType     = reflect.TypeFor[codes.Date]()
	partialType  = reflect.TypeFor[PartialDate]()
	timeType     = reflect.TypeFor[time.Time]()
	boolPtrType  = reflect.TypeFor[*bool]()
	intSliceType = reflect.TypeFor[[]int]()
)

// xsdPlan binds every element of the XSD's record types to a record field,
// once; it fails on an element without a field, or a field without an
// element, so that the records and the XSD cannot drift apart.
var xsdPlan = sync.OnceValues(func() (map[string][]xsdField, error) {
	plan := map[string][]xsdField{}
	for ct, rt := range xsdRecordTypes {
		els, ok := xsdComplexTypes[ct]
		if !ok {
			return nil, fmt.Errorf("eli2: record type %s is not a complex type of the XSD", ct)
		}
		used := map[string]bool{}
		bind := func(key, name string) (reflect.StructField, error) {
			field := name
			if a, ok := fieldAliases[key]; ok {
				field = a
			}
			sf, ok := rt.FieldByName(field)
			if !ok {
				return sf, fmt.Errorf("eli2: XSD %s has no field %s in %s", key, field, rt)
			}
			used[field] = true
			return sf, nil
		}
		var fields []xsdField
		for _, a := range xsdAttributes[ct] {
			sf, err := bind(ct+"@"+a.Name, a.Name)
			if err != nil {
				return nil, err
			}
			min := 0
			if a.Required {
				min = 1
			}
			f := xsdField{name: a.Name, field: sf.Name, index: sf.Index[0], min: min, max: 1}
			if a.Type != "" {
				f.simple = xsdSimpleTypes[a.Type]
			}
			fields = append(fields, f)
		}
		for _, e := range els {
			sf, err := bind(ct+"."+e.Name, e.Name)
			if err != nil {
				return nil, err
			}
			f := xsdField{name: e.Name, field: sf.Name, index: sf.Index[0], min: e.MinOccurs, max: e.MaxOccurs, branch: e.Branch}
			switch {
			case !e.Complex:
				f.simple = xsdSimpleTypes[e.Type]
			case xsdRecordTypes[e.Type] != nil:
				f.complex = e.Type
			default:
				kids := xsdComplexTypes[e.Type]
				if len(kids) != 1 || !kids[0].Complex || kids[0].MaxOccurs == 1 || sf.Type.Kind() != reflect.Slice {
					return nil, fmt.Errorf("eli2: XSD %s.%s: type %s has no record type", ct, e.Name, e.Type)
				}
				f.complex, f.wrapper = kids[0].Type, true
				f.max = kids[0].MaxOccurs
			}
			fields = append(fields, f)
		}
		for i := range rt.NumField() {
			if name := rt.Field(i).Name; !used[name] {
				return nil, fmt.Errorf("eli2: field %s.%s has no element in the XSD", rt.Name(), name)
			}
		}
		plan[ct] = fields
	}
	return plan, nil
})

// schemaRules checks p against the XSD table: lengths, patterns,
// enumerations, ranges, occurrences and choices, on each value as the
// Encoder writes it. A field that already has a problem (or whose parent
// has) is not reported again.
func (c *checker) schemaRules(p *Pratica) {
	c.schemaCheck("Pratica", "", reflect.ValueOf(p).Elem())
}

// schemaCheck checks the record v of complex type ct at path prefix.
func (c *checker) schemaCheck(ct, prefix string, v reflect.Value) {
	plan, err := xsdPlan()
	if err != nil {
		panic(err) // the records do not match the embedded XSD: a build defect, caught by TestXSDPlan
	}
	// A choice: the alternative in use is the first with a written element;
	// the elements of the others must be absent.
	chosen, chosenField, hasChoice := 0, "", false
	for _, f := range plan[ct] {
		if f.branch == 0 {
			continue
		}
		hasChoice = true
		if chosen == 0 && written(v.Field(f.index)) {
			chosen, chosenField = f.branch, f.field
		}
	}
	if hasChoice && chosen == 0 {
		c.schemaAdd(fieldPath{field: prefix, index: -1}, CodeRequired)
	}
	for _, f := range plan[ct] {
		path := fieldPath{prefix: prefix, field: f.field, index: -1}
		fv := v.Field(f.index)
		if f.branch != 0 && f.branch != chosen {
			if written(fv) {
				c.schemaAdd(path, CodeChoiceConflict, "field", f.field, "other", chosenField)
			}
			continue
		}
		c.schemaField(f, path, fv)
	}
}

// written reports whether the Encoder writes the optional field v.
func written(v reflect.Value) bool {
	switch {
	case v.Kind() == reflect.Pointer:
		return !v.IsNil() && !v.Elem().IsZero()
	case v.Kind() == reflect.Slice:
		return v.Len() > 0
	case v.Kind() == reflect.Struct && v.Type() != partialType && v.Type() != timeType:
		return true
	}
	return !v.IsZero()
}

// schemaField checks one field and reports whether the Encoder writes it.
func (c *checker) schemaField(f xsdField, path fieldPath, fv reflect.Value) bool {
	switch {
	case f.wrapper:
		n := fv.Len()
		if n == 0 {
			return false
		}
		for i := range n {
			c.schemaCheck(f.complex, fieldPath{prefix: path.prefix, field: path.field, index: i}.String(), fv.Index(i))
		}
		if f.max > 0 && n > f.max {
			c.schemaAdd(path, CodeTooMany, "field", f.field, "max", strconv.Itoa(f.max))
		}
		return true
	case f.complex != "":
		if fv.Kind() == reflect.Pointer {
			if fv.IsNil() || fv.Elem().IsZero() {
				if f.min > 0 {
					c.schemaAdd(path, CodeRequired)
				}
				return false
			}
			fv = fv.Elem()
		}
		c.schemaCheck(f.complex, path.String(), fv)
		return true
	case fv.Type() == intSliceType:
		n := fv.Len()
		for i := range n {
			c.schemaValue(f, fieldPath{prefix: path.prefix, field: path.field, index: i}, strconv.FormatInt(fv.Index(i).Int(), 10))
		}
		if n < f.min {
			c.schemaAdd(path, CodeRequired)
		}
		if f.max > 0 && n > f.max {
			c.schemaAdd(path, CodeTooMany, "field", f.field, "max", strconv.Itoa(f.max))
		}
		return n > 0
	}
	if st := f.simple; fv.Kind() == reflect.Int && st != nil && len(st.Patterns) == 0 && len(st.Enumerations) == 0 {
		// Numbers without patterns: the range alone, without formatting.
		n := fv.Int()
		if n == 0 && f.min == 0 {
			return false
		}
		c.schemaRange(f, path, n)
		return true
	}
	lex, present := lexical(fv, f.min > 0)
	if !present {
		return false
	}
	if lex == "" && f.min > 0 {
		c.schemaAdd(path, CodeRequired)
		return true
	}
	c.schemaValue(f, path, lex)
	return true
}

// lexical returns a simple value as the Encoder writes it, and whether it
// is written at all (optional values are omitted when zero).
func lexical(v reflect.Value, required bool) (string, bool) {
	switch v.Type() {
	case dateType:
		d := codes.Date(v.Int())
		if d.IsZero() {
			return "", false
		}
		return string(d.AppendISO(nil)), true
	case partialType:
		p := v.Interface().(PartialDate)
		return string(appendPartialDate(nil, p)), required || !p.IsZero()
	case timeType:
		t := v.Interface().(time.Time)
		if t.IsZero() {
			return "", required
		}
		return t.Format(timeLayout), true
	case boolPtrType:
		if v.IsNil() {
			return "", false
		}
		return strconv.FormatBool(v.Elem().Bool()), true
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), required || v.String() != ""
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10), required || v.Int() != 0
	}
	panic("eli2: no lexical form for " + v.Type().String()) // a record field of a new type: a build defect
}

// schemaValue checks a written value against its simple type.
func (c *checker) schemaValue(f xsdField, path fieldPath, lex string) {
	st := f.simple
	if st == nil {
		return
	}
	if n := utf8.RuneCountInString(lex); st.MaxLength >= 0 && n > st.MaxLength {
		c.schemaAdd(path, CodeTooLong, "field", f.field, "length", strconv.Itoa(n), "max", strconv.Itoa(st.MaxLength))
		return
	} else if st.MinLength >= 0 && n < st.MinLength {
		c.schemaAdd(path, CodeTooShort, "field", f.field, "min", strconv.Itoa(st.MinLength))
		return
	}
	for _, group := range st.Patterns {
		if !slices.ContainsFunc(group, func(p xsdPattern) bool { return p.re.MatchString(lex) }) {
			alts := make([]string, len(group))
			for i, p := range group {
				alts[i] = p.XSD
			}
			c.schemaAdd(path, CodePattern, "field", f.field, "pattern", strings.Join(alts, " | "))
			return
		}
	}
	if len(st.Enumerations) > 0 && !slices.Contains(st.Enumerations, lex) {
		c.schemaAdd(path, CodeInvalidValue, "value", c.value(lex), "allowed", strings.Join(st.Enumerations, ", "))
		return
	}
	members := st.Members
	if st.Base != "union" {
		members = []string{st.Base}
	}
	n, isInt := int64(0), false
	ok := slices.ContainsFunc(members, func(b string) bool {
		var good bool
		n, isInt, good = builtinValue(b, lex)
		return good
	})
	switch {
	case !ok && isInt:
		c.schemaAdd(path, CodeOutOfRange, "value", strconv.FormatInt(n, 10), "min", builtinMin(st.Base))
	case !ok:
		c.schemaAdd(path, CodeInvalidDate, "field", f.field)
	case isInt:
		c.schemaRange(f, path, n)
	}
}

// schemaRange checks a number against its built-in type and range.
func (c *checker) schemaRange(f xsdField, path fieldPath, n int64) {
	st := f.simple
	switch {
	case st.Base == "positiveInteger" && n < 1, st.Base == "nonNegativeInteger" && n < 0:
		c.schemaAdd(path, CodeOutOfRange, "value", strconv.FormatInt(n, 10), "min", builtinMin(st.Base))
	case st.MinInclusive != nil && n < *st.MinInclusive:
		c.schemaAdd(path, CodeOutOfRange, "value", strconv.FormatInt(n, 10), "min", strconv.FormatInt(*st.MinInclusive, 10))
	case st.MaxInclusive != nil && n > *st.MaxInclusive:
		c.schemaAdd(path, CodeAboveMaximum, "field", f.field, "max", strconv.FormatInt(*st.MaxInclusive, 10))
	}
}

func builtinMin(base string) string {
	if base == "positiveInteger" {
		return "1"
	}
	return "0"
}

// builtinValue checks lex against a built-in XSD type; for integer types it
// returns the number.
func builtinValue(base, lex string) (n int64, isInt, ok bool) {
	switch base {
	case "positiveInteger", "nonNegativeInteger":
		v, err := strconv.ParseInt(lex, 10, 64)
		if err != nil {
			return 0, true, false
		}
		return v, true, v >= 1 || (base == "nonNegativeInteger" && v == 0)
	case "date":
		_, ok := parseXSDDate(lex, 3)
		return 0, false, ok
	case "gYearMonth":
		_, ok := parseXSDDate(lex, 2)
		return 0, false, ok
	case "gYear":
		_, ok := parseXSDDate(lex, 1)
		return 0, false, ok
	case "dateTime":
		t, err := time.Parse(time.RFC3339Nano, lex)
		if err != nil || t.Year() < 1 {
			return 0, false, false
		}
		_, off := t.Zone()
		return 0, false, off >= -14*3600 && off <= 14*3600
	case "boolean":
		return 0, false, lex == "true" || lex == "false" || lex == "1" || lex == "0"
	}
	return 0, false, true // string
}

// parseXSDDate checks a date of parts parts (1 year, 2 year-month, 3 full
// date), four-digit year from 0001, no time zone.
func parseXSDDate(lex string, parts int) (PartialDate, bool) {
	if len(lex) != []int{0, 4, 7, 10}[parts] {
		return PartialDate{}, false
	}
	var p PartialDate
	var ok bool
	if p.Year, ok = atoiBytes([]byte(lex[:4])); !ok || p.Year < 1 || lex[0] < '0' || lex[0] > '9' {
		return p, false
	}
	if parts >= 2 {
		if lex[4] != '-' {
			return p, false
		}
		if p.Month, ok = atoiBytes([]byte(lex[5:7])); !ok || p.Month < 1 || p.Month > 12 || lex[5] < '0' {
			return p, false
		}
	}
	if parts == 3 {
		if lex[7] != '-' {
			return p, false
		}
		if p.Day, ok = atoiBytes([]byte(lex[8:10])); !ok || p.Day < 1 || p.Day > codes.DaysIn(p.Year, p.Month) || lex[8] < '0' {
			return p, false
		}
	}
	return p, true
}

// fieldPath is the path of a field, built only when a problem is reported.
type fieldPath struct {
	prefix, field string
	index         int // slice index, -1 if none
}

// String returns the record-model path: prefix.field[index].
func (p fieldPath) String() string {
	s := p.field
	if p.prefix != "" {
		s = p.prefix + "." + p.field
	}
	if p.index >= 0 {
		s = index(s, p.index)
	}
	return s
}

// schemaAdd adds a problem unless the field, or a field it belongs to,
// already has one: the rules' own message is more precise.
func (c *checker) schemaAdd(fp fieldPath, code string, args ...string) {
	path := fp.String()
	for _, p := range c.probs {
		if p.Severity == SeverityError && (p.Path == path || p.Path == "" ||
			strings.HasPrefix(path, p.Path) && (path[len(p.Path)] == '.' || path[len(p.Path)] == '[')) {
			return
		}
	}
	c.add(path, code, args...)
}

// codeValue returns a value that failed a code look-up as messages may
// show it: as it is when it has the shape of a code of the XSD type typ (a
// code is not personal data), masked otherwise unless personal data may be
// shown.
func (c *checker) codeValue(typ, s string) string {
	st := xsdSimpleTypes[typ]
	if st == nil || c.opts.ShowPersonalData {
		return c.value(s)
	}
	if st.MaxLength >= 0 && utf8.RuneCountInString(s) > st.MaxLength {
		return c.value(s)
	}
	for _, group := range st.Patterns {
		if !slices.ContainsFunc(group, func(p xsdPattern) bool { return p.re.MatchString(s) }) {
			return c.value(s)
		}
	}
	return s
}

// value returns a raw field value as messages may show it: masked unless
// personal data may be shown.
func (c *checker) value(s string) string {
	if c.opts.ShowPersonalData {
		return s
	}
	return MaskCodiceFiscale(s)
}
