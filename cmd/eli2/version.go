package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// buildVersion is what the Go toolchain recorded in the binary
// (runtime/debug.ReadBuildInfo): the module version for go install
// module@version, the VCS revision for a build inside a git checkout.
type buildVersion struct {
	Module   string // module path
	Version  string // module version; "(devel)" for a build from a checkout
	Revision string // vcs.revision, "" when unknown
	Time     string // vcs.time, "" when unknown
	Modified bool   // vcs.modified: uncommitted changes at build time
	Go       string // Go version the binary was built with
}

// readBuildVersion reads the build information of the running binary.
func readBuildVersion() buildVersion {
	v := buildVersion{Module: "github.com/retecomuni/eli2sdk", Version: "(devel)", Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Path != "" {
		v.Module = info.Main.Path
	}
	if info.Main.Version != "" {
		v.Version = info.Main.Version
	}
	if info.GoVersion != "" {
		v.Go = info.GoVersion
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// released reports whether the binary was built from a tagged module
// version (go install …@v1.2.3), not from a checkout.
func (v buildVersion) released() bool { return v.Version != "" && v.Version != "(devel)" }

// String is the line eli2 --version prints.
func (v buildVersion) String() string {
	s := "eli2 " + v.Version + " (" + v.Module
	if v.Revision != "" {
		rev := v.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		s += ", revisione " + rev
		if v.Time != "" {
			s += " del " + v.Time
		}
		if v.Modified {
			s += ", con modifiche non registrate"
		}
	}
	return s + ") " + v.Go
}

// runVersion implements eli2 version and eli2 --version. It is not a
// registered command: it takes no arguments and no flags, and prints the
// version when called bare (a registered command prints its help then).
func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "eli2 version: argomenti non previsti\n")
		return 2
	}
	fmt.Fprintln(stdout, readBuildVersion())
	return 0
}
