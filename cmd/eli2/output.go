package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

// stdoutName is the --out value meaning standard output.
const stdoutName = "-"

// checkOutFile tells whether path may receive an output file: "-"
// (standard output), a missing path or a regular file. It returns an
// Italian message for the operator, or "" when the path is fine.
func checkOutFile(flagName, path string) string {
	if path == stdoutName {
		return ""
	}
	var te *atomicfile.TargetError
	if err := atomicfile.CheckTarget(path); errors.As(err, &te) {
		return flagName + ": " + err.Error()
	}
	// Other errors (a missing parent directory…) are reported when the
	// file is created.
	return ""
}

// checkOutDir tells whether dir may receive a split set: missing or a
// real directory (not a symbolic link, not a file).
func checkOutDir(flagName, dir string) string {
	fi, err := os.Lstat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return ""
	}
	if err != nil {
		return flagName + ": " + err.Error()
	}
	if fi.IsDir() {
		return ""
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Sprintf("%s: %s è un collegamento simbolico: indicare la cartella vera", flagName, dir)
	}
	return fmt.Sprintf("%s: %s non è una cartella", flagName, dir)
}

// inside reports whether path is dir or lies under it.
func inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// cleanStale removes from each directory the temporary files left by
// eli2 processes that no longer run (killed with SIGKILL, a power cut)
// and says so on stderr: how many, in which directory, which processes —
// never a file's content or a person's data.
func cleanStale(stderr io.Writer, cmd string, dirs ...string) {
	seen := map[string]bool{}
	for _, dir := range dirs {
		if dir == "" {
			dir = "."
		}
		if seen[dir] {
			continue
		}
		seen[dir] = true
		st, err := atomicfile.CleanStale(dir)
		if st.Removed > 0 {
			fmt.Fprintf(stderr, "%s: rimossi %d file o cartelle temporanei lasciati in %s da esecuzioni interrotte (processi %s)\n",
				cmd, st.Removed, dir, pidList(st.PIDs))
		}
		if st.Restored > 0 {
			fmt.Fprintf(stderr, "%s: ripristinate in %s %d cartelle di uscita lasciate da parte da un'esecuzione interrotta durante la sostituzione\n",
				cmd, dir, st.Restored)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: pulizia dei file temporanei in %s non completa: %v\n", cmd, dir, err)
		}
	}
}

func pidList(pids []int) string {
	sort.Ints(pids)
	s := make([]string, len(pids))
	for i, p := range pids {
		s[i] = strconv.Itoa(p)
	}
	return strings.Join(s, ", ")
}
