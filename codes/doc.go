// Package codes holds the Italian code tables an ELI2 import file needs —
// comuni with their history, foreign states, provinces and questure, kit
// permit types and ANPR decoding tables — generated from the official files
// and embedded, with allocation-free look-ups as of a date.
// Load builds the same tables at run time from newer official files.
//
// The embedded tables are generated from shared/data by gen.go; DataVersion
// and the Checksum… constants identify the source files. Known limits of the
// data (see shared/data/README.md) are kept visible, not hidden: rows without
// a Belfiore code are kept but not found by code, ANPR states are valid from
// 1900 (a birth in a dissolved state is recorded under today's state, while
// tax codes may carry the dissolved state's Z-code, see State.Successors),
// about 30 ANPR states have no Z-code (Load accepts an extra table), and Sud
// Sardegna has no questura.
package codes

//go:generate go run gen.go
