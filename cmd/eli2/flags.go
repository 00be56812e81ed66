package main

import "flag"

// parseInterspersed parses fs's flags wherever they stand among the
// positional arguments (eli2 validate FILE --json, eli2 codes comune vignola
// --json) and returns the positional arguments in order. "--" ends the
// flags. Every subcommand with positional arguments parses through it.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	defineAliases(fs)
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

// The command line speaks Italian, the operators' language: one name per
// meaning across commands (--riferimento for the reference date,
// --operatore, --finalita, --audit-log, --persona). The English names
// used before are kept as deprecated aliases for one release (see
// CHANGELOG): flagAliases is the one list of them, and every command
// parses its flags through parseFlags or parseInterspersed, which define
// them.
var flagAliases = map[string]string{
	"on":       "riferimento",
	"operator": "operatore",
	"purpose":  "finalita",
	"audit":    "audit-log",
	"person":   "persona",
}

// deprecatedUsage is the usage of an alias in --help.
const deprecatedUsage = "deprecato, sarà rimosso: usare --"

// defineAliases adds to fs, for each flag of fs that has an old name, that
// name bound to the same value (usage: deprecated, use the new name). It
// may be called more than once.
func defineAliases(fs *flag.FlagSet) {
	for old, name := range flagAliases {
		f := fs.Lookup(name)
		if f == nil || fs.Lookup(old) != nil {
			continue
		}
		fs.Var(f.Value, old, deprecatedUsage+name)
	}
}

// parseFlags is fs.Parse for commands without positional arguments, with
// the deprecated aliases defined.
func parseFlags(fs *flag.FlagSet, args []string) error {
	defineAliases(fs)
	return fs.Parse(args)
}
