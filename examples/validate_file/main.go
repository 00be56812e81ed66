// Command validate_file reads an ELI2 import file one application at a
// time and prints every problem the validation finds, with its path in the
// record model, its stable code and its severity. It exits with status 1
// when the file has errors.
//
//	go run ./examples/validate_file pratiche.xml
package main

import (
	"fmt"
	"os"

	"github.com/retecomuni/eli2sdk/eli2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: validate_file FILE")
		os.Exit(2)
	}
	ok, err := validate(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "validate_file:", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

func validate(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	errors, warnings := 0, 0
	count := func(ps eli2.Problems) {
		for _, p := range ps {
			sev := "warning"
			if p.Severity == eli2.SeverityError {
				sev = "error"
				errors++
			} else {
				warnings++
			}
			fmt.Printf("  %-7s %-24s %s: %s\n", sev, p.Code, p.Path, p.Message)
		}
	}
	fileProblems, n, err := eli2.ValidateStream(f, eli2.ValidateOptions{Lang: "en"}, func(pp eli2.PraticaProblems) {
		if len(pp.Problems) > 0 {
			fmt.Printf("application %s:\n", pp.ID)
			count(pp.Problems)
		}
	})
	if err != nil {
		return false, err
	}
	if len(fileProblems) > 0 {
		fmt.Println("file:")
		count(fileProblems)
	}
	fmt.Printf("%d applications, %d errors, %d warnings\n", n, errors, warnings)
	return errors == 0, nil
}
