// Package sqlreg is the reference SQL adapter of package anagrafe: an
// anagrafe.Source over database/sql reading the documented schema
// (schema.sql, embedded; vendors map their own tables onto it with views).
// SQLite (modernc.org/sqlite, pure Go, driver "sqlite") is the embedded
// default and PostgreSQL (pgx, driver "pgx") is supported; Open accepts
// sqlite:PATH, sqlite::memory: and postgres:// URLs. Open only reads the
// register unless Options.Writable is set: a missing file is an error, a
// SQLite file keeps its bytes and journal mode, and PostgreSQL sessions are
// read-only.
//
// On PostgreSQL the register may live in any schema: add search_path to
// the URL, as for any libpq-style parameter pgx does not know itself, and
// every connection of the pool starts with it, for example
//
//	postgres://eli2@db/anagrafe?sslmode=verify-full&search_path=eli2
//	postgres://eli2@db/anagrafe?search_path=eli2_views,vendor
//
// The second form is the views path: a vendor keeps its own tables in
// schema vendor and creates views named and shaped as schema.sql in schema
// eli2_views (examples/views_postgres). Unqualified names are looked up in
// the listed schemas in order; the default is PostgreSQL's ("$user",
// public).
//
// The package is named sqlreg ("SQL register") so that it does not clash
// with database/sql. Streams read persons in chunks of Options.PageSize
// (1000 by default) with keyset pagination on persone.id and a fixed set of
// prepared statements (kept by the Source until Close): the chunk's persons
// with address and permit, the members of their households that are not in
// the chunk (once per household), then citizenships and documents, the IDs
// in IN lists of a fixed arity. Each person and address row of the chunk
// is read once, household members in the chunk are taken from its rows, no
// connection is held between chunks, and memory stays bounded by the chunk
// size. Dates are stored as ISO text in both dialects.
//
// A value the reader cannot decode is an *anagrafe.RecordError naming the
// person and the column (the stream goes on): an unparsable date, a kit
// code out of range, and a place code of the wrong shape (comune_nascita
// and indirizzi.comune must look like Belfiore codes, stato_nascita like an
// ISTAT 3-digit code). Views therefore pass a vendor value their code
// tables cannot map through as written, never as NULL (which means "not
// recorded" and would reach the file as a missing birthplace).
//
// Source implements anagrafe.Querier and anagrafe.Counter for every query
// kind with SQL WHERE clauses, anagrafe.ResidenceDeclarationTracker and
// io.Closer. Writer loads records (demo registers, tests).
package sqlreg
