package codes

import (
	"slices"
)

// Province is a province or metropolitan city of ISTAT's table.
//
// Questure do not map one to one onto provinces: ISTAT's table has no
// questura column, and Sud Sardegna (SU) has no questura of its own (it is
// served by Cagliari). The generator keeps these exceptions in one named list
// (source.NoQuestura). The competent questura is the one serving the
// domicile's province (art. 5 c.4 d.lgs. 286/1998): Questura here.
type Province struct {
	Istat       string // ISTAT code (092)
	Sigla       string // two-letter sigla (CA)
	Name        string // name (Cagliari)
	Region      string // region name (Sardegna)
	HasQuestura bool   // the province has its own questura
	Questura    string // sigla of the province whose questura serves it (itself when HasQuestura)
}

// Province returns the province with sigla sigla (case-insensitive). It does
// not allocate.
func (t *Tables) Province(sigla string) (Province, bool) {
	i, ok := slices.BinarySearchFunc(t.provinces, sigla, func(p Province, s string) int { return cmpUpper(p.Sigla, s) })
	if !ok {
		return Province{}, false
	}
	return t.provinces[i], true
}

// Provinces returns a copy of every province, sorted by sigla.
func (t *Tables) Provinces() []Province { return slices.Clone(t.provinces) }
