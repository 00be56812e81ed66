// Command gen writes the Go table of the constraints of the ELI2 import XSD
// (eli2/xsd_gen.go). Run it with go generate in package eli2.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/retecomuni/eli2sdk/eli2/internal/xsdlimits"
)

func main() {
	in := flag.String("in", "schema/eli2-import-v1.xsd", "XSD to read")
	out := flag.String("out", "xsd_gen.go", "Go file to write")
	pkg := flag.String("pkg", "eli2", "package of the Go file")
	flag.Parse()
	if err := run(*in, *out, *pkg); err != nil {
		fmt.Fprintln(os.Stderr, "xsdlimits/gen:", err)
		os.Exit(1)
	}
}

func run(in, out, pkg string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	s, err := xsdlimits.Parse(data)
	if err != nil {
		return err
	}
	src, err := xsdlimits.Generate(s, pkg, "eli2/"+in)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
