package codes

import (
	"cmp"
	"slices"
)

// Province is a province or metropolitan city of ISTAT's table.
//
// Questure do not map one to one onto provinces: ISTAT's table has no
// questura column, and Sud Sardegna (SU) has no questura of its own (it is
// served by Cagliari). The generator keeps these exceptions in one named list
// (source.NoQuestura). Treat a questura that differs from the domicile's
// province as a warning, not an error.
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

// KitType is a permit type of the post-office kit (the code written on
// Modulo 1), from the 2006–2009 kit ELI2 was built for. Newer kits may
// renumber: Load replaces the table at run time.
type KitType struct {
	Code        int    // kit code (16 lavoro subordinato)
	Description string // description on the kit
	Titolo      string // PERMESSO or CARTA
	Operazione  string // RILASCIO_RINNOVO, RINNOVO, AGGIORNAMENTO, CONVERSIONE or DUPLICATO
	ValidTo     Date   // last day the code may be used; 0 = no end (code 8: 2007-04-10)
	Note        string // later legal changes
}

// ValidOn reports whether the kit code may be used on d.
func (k KitType) ValidOn(d Date) bool { return k.ValidTo == 0 || d <= k.ValidTo }

// Kit returns the kit type with code code. It does not allocate.
func (t *Tables) Kit(code int) (KitType, bool) {
	i, ok := slices.BinarySearchFunc(t.kit, code, func(k KitType, c int) int { return cmp.Compare(k.Code, c) })
	if !ok {
		return KitType{}, false
	}
	return t.kit[i], true
}

// KitTypes returns a copy of every kit type, sorted by code.
func (t *Tables) KitTypes() []KitType { return slices.Clone(t.kit) }
