package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/retecomuni/eli2sdk/anagrafe"
)

// folder removes accents: NFD, drop combining marks, NFC.
var folder = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// fold returns s without accents, in upper case, with single spaces, so
// that "jose maria" finds "José María" and "muller" finds "Müller".
func fold(s string) string {
	out, _, err := transform.String(folder, s)
	if err != nil {
		out = s
	}
	return strings.Join(strings.Fields(strings.ToUpper(out)), " ")
}

// matches reports whether every word of the folded query q is found in the
// person's surname and name, or q is (a prefix of) the codice fiscale or
// the register ID.
func matches(p *anagrafe.Person, q string) bool {
	if q == "" {
		return false
	}
	compact := strings.ReplaceAll(q, " ", "")
	if strings.HasPrefix(strings.ToUpper(p.CodiceFiscale), compact) || strings.HasPrefix(strings.ToUpper(p.ID), compact) {
		return true
	}
	names := fold(p.Surname + " " + p.Name)
	for _, w := range strings.Fields(q) {
		if !strings.Contains(names, w) {
			return false
		}
	}
	return true
}
