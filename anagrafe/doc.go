// Package anagrafe is the population-register side of the SDK: the register
// model (Person, Family, Address, Permit, IdentityDocument), the small Source
// interface that a registry vendor implements over its own database, and the
// mapper that turns a register record into a validated eli2.Pratica.
//
// Source is shaped like database/sql/driver: it requires only two methods
// (one person, every person as a stream); everything else — pushing queries
// down to the database (Querier), counting (Counter), telling whether the
// register tracks the declaration of habitual residence
// (ResidenceDeclarationTracker), io.Closer — is an optional interface found
// by type assertion. Callers use the package-level helpers Search, Count and
// Close, which use the optional interface when present and fall back to
// filtering the full stream with Match when it is absent or returns
// ErrUnsupported.
//
// A record an adapter cannot read (a mistyped cell, an impossible date, a
// malformed CSV row) is a *RecordError in the stream: it names the person,
// the field and a stable reason, never the value, and the stream goes on.
// Any other error of a stream means the source is broken.
//
// Map turns a record into an application (see its doc for every rule):
// citizens of Italy, the EU, the EEA or Switzerland are not subject to a
// permit (ErrNotSubject); kit codes come from the edition of the kit table
// in force on the file date, or are left to the desk; children come from
// filiation with the applicant and are listed under 14 only (l. 122/2016:
// from 14 a minor applies in person); names are written as in the passport
// (RegisterSpellings gives the register's spelling for the preview).
// Art11Candidates lists the persons whose permit expired more than six
// months ago, for the procedure of DPR 223/1989 art. 11.
//
// Reference adapters live in subpackages: memory (in-memory, for tests),
// sqlreg (database/sql: SQLite embedded by default, PostgreSQL) and
// csvadapter (CSV extracts, UTF-8 or Windows-1252). Package adaptertest runs
// the conformance suite on any Source, comparing what the source declares it
// stores; package anagrafetest builds fixture records; package vendormap maps
// the free text of vendor schemas (questure, street lines, house numbers,
// permit texts, state names) to the model's codes.
package anagrafe
