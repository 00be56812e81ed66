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
// The package is named sqlreg ("SQL register") so that it does not clash
// with database/sql. Streams use keyset pagination on persone.id: each page
// of persons costs four queries (persons with address and permit,
// citizenships, documents, household members) whatever its size, no
// connection is held between pages, and memory stays bounded by the page
// size. Dates are stored as ISO text in both dialects.
//
// Source implements anagrafe.Querier and anagrafe.Counter for every query
// kind with SQL WHERE clauses, anagrafe.ResidenceDeclarationTracker and
// io.Closer. Writer loads records (demo registers, tests).
package sqlreg
