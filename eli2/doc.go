// Package eli2 holds the typed records of a residence-permit application
// (Pratica, the data of the post-office kit's Modulo 1), the streaming codec
// of the ELI2 import file (format v1, with its embedded XSD) and the
// validation that returns every problem of an application with a stable code.
// The file format and its encoding rules (element order, value formats,
// character encodings, the header count) are documented on V1.
package eli2
