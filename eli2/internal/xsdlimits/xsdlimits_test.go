package xsdlimits

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2/schema"
)

func TestGoRegexp(t *testing.T) {
	tests := []struct {
		xsd         string
		match       []string
		nomatch     []string
		unsupported bool
	}{
		{xsd: `[A-Z][0-9]{3}`, match: []string{"D612"}, nomatch: []string{"D6123", "xD612", "d612"}},
		{xsd: `[^@\s]+@[^@\s]+\.[^@\s]+`, match: []string{"a@b.it"}, nomatch: []string{"a b@c.it", "a@b", "a@b.c\t"}},
		{xsd: `\+?[0-9][0-9 ]{4,19}`, match: []string{"+39 055"}, nomatch: []string{"+39-055"}},
		{xsd: `[A-Z][A-Z' \-\.]*`, match: []string{"V.LE", "D'AMICO-ROSSI"}, nomatch: []string{"via"}},
		{xsd: `a|b`, match: []string{"a", "b"}, nomatch: []string{"ab"}}, // anchored around the alternation
		{xsd: `\d{3}`, unsupported: true},
		{xsd: `\p{Lu}`, unsupported: true},
		{xsd: `a.b`, unsupported: true},
		{xsd: `a$`, unsupported: true},
		{xsd: `[a-z-[aeiou]]`, unsupported: true},
	}
	for _, tt := range tests {
		t.Run(tt.xsd, func(t *testing.T) {
			re, err := GoRegexp(tt.xsd)
			if tt.unsupported {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			r := regexp.MustCompile(re)
			for _, s := range tt.match {
				assert.True(t, r.MatchString(s), s)
			}
			for _, s := range tt.nomatch {
				assert.False(t, r.MatchString(s), s)
			}
		})
	}
}

func TestParseV1(t *testing.T) {
	s, err := Parse(schema.V1XSD)
	require.NoError(t, err)
	assert.Equal(t, "ELI2Import", s.Root)
	nom := s.Simple["Nominativo"]
	assert.Equal(t, 100, nom.MaxLength)
	assert.Equal(t, [][]string{{`[A-Z][A-Z' \-]*`}}, nom.Patterns)
	// DataParziale restricts a union with a pattern: both kept.
	dp := s.Simple["DataParziale"]
	assert.Equal(t, Union, dp.Base)
	assert.Equal(t, []Base{GYear, GYearMonth, Date}, dp.Members)
	require.Len(t, dp.Patterns, 1)
	assert.Equal(t, int64(999), *s.Simple["Numero"].MaxInclusive)
	luogo := s.Complex["LuogoNascita"]
	require.Len(t, luogo, 3)
	assert.Equal(t, []int{1, 2, 2}, []int{luogo[0].Branch, luogo[1].Branch, luogo[2].Branch})
	assert.Equal(t, []Attribute{{Name: "id", Type: "Identificativo", Required: true}}, s.Attributes["Pratica"])
}

func TestParseRejectsWhatItDoesNotUnderstand(t *testing.T) {
	const head = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">`
	tests := map[string]string{
		"list":         `<xs:simpleType name="L"><xs:list itemType="xs:string"/></xs:simpleType>`,
		"unknown base": `<xs:simpleType name="D"><xs:restriction base="xs:decimal"/></xs:simpleType>`,
		"totalDigits":  `<xs:simpleType name="D"><xs:restriction base="xs:positiveInteger"><xs:totalDigits value="3"/></xs:restriction></xs:simpleType>`,
		"pattern \\d":  `<xs:simpleType name="P"><xs:restriction base="xs:string"><xs:pattern value="\d"/></xs:restriction></xs:simpleType>`,
		"no root":      ``,
		"all group":    `<xs:complexType name="C"><xs:all><xs:element name="a" type="xs:boolean"/></xs:all></xs:complexType><xs:element name="R"><xs:complexType/></xs:element>`,
		"unknown type": `<xs:element name="R"><xs:complexType><xs:sequence><xs:element name="a" type="T"/></xs:sequence></xs:complexType></xs:element>`,
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(head + body + `</xs:schema>`))
			require.Error(t, err)
		})
	}
}
