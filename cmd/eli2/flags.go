package main

import "flag"

// parseInterspersed parses fs's flags wherever they stand among the
// positional arguments (eli2 validate FILE --json, eli2 codes comune vignola
// --json) and returns the positional arguments in order. "--" ends the
// flags. Every subcommand with positional arguments parses through it.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
