// Package bench holds the benchmarks that back the performance claims of
// eli2sdk: the codec against encoding/xml, the codice fiscale against the
// npm libraries, and the export of demo registers. It is a separate module so
// that the library's go.mod carries none of its tools; run everything with
// `bash bench/run.sh` and read the results in BENCHMARKS.md.
package bench
