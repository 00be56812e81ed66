// Package schema embeds the XML Schema of the ELI2 import file format v1.
// Integrators feed it to any XSD validator to check files independently of
// this module's decoder.
package schema

import _ "embed"

// V1XSD is the XML Schema (XSD 1.0) of format v1, namespace
// urn:eli2sdk:import:1. Treat it as read-only; eli2.SchemaV1 returns a copy.
//
//go:embed eli2-import-v1.xsd
var V1XSD []byte

// V1FileName is the name of the schema file in this package.
const V1FileName = "eli2-import-v1.xsd"
