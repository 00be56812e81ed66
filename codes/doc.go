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
//
// Besides the official files, the package embeds a few facts of its own,
// each row citing its source, from codes/data (see its README): the kit
// editions and the day each came into force (KitEditions, KitOn: 2006 up to
// 2024-05-29, the Poste Italiane table from 2024-05-30), the maximum
// duration of some permits (KitType.MaxMonths, NoDuration), the codes that
// replace withdrawn ones (KitType.Successor), and the states whose citizens
// enjoy free movement on a date (FreeMovement). Fees (Fees, FeeExemptions)
// and common state names (StateAliases, used by FindStates) come from
// shared/data. Every table can be replaced at run time through Load.
package codes

//go:generate go run gen.go
