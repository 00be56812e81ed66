package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Stale is what CleanStale did in one directory.
type Stale struct {
	// Removed counts the temporary files and directories of dead processes
	// that were deleted.
	Removed int
	// Restored counts split sets that a process killed between the two
	// renames of Dir.Commit had moved aside and that were put back.
	Restored int
	// PIDs are the process ids whose leftovers were found.
	PIDs []int
}

// CleanStale removes from dir the temporary files and directories (see
// TempPrefix) left by processes that no longer run — killed with SIGKILL,
// a power cut — and puts back a split set left aside by a process killed
// in the middle of Dir.Commit when nothing took its place (if the new set
// did take its place, the old one is removed). The work of live processes,
// this one included, is left alone; so is a leftover whose process id has
// since been reused by another process (it is cleaned once that process
// ends). A missing dir is not an error.
func CleanStale(dir string) (Stale, error) {
	var st Stale
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	var errs []error
	seen := map[int]bool{}
	note := func(pid int) {
		if !seen[pid] {
			seen[pid] = true
			st.PIDs = append(st.PIDs, pid)
		}
	}
	for _, de := range des {
		name := de.Name()
		if pid, _, ok := parseTempName(name, TempPrefix); ok && !processAlive(pid) {
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				errs = append(errs, err)
				continue
			}
			st.Removed++
			note(pid)
		}
	}
	for _, de := range des {
		name := de.Name()
		pid, base, ok := parseTempName(name, OldPrefix)
		if !ok || processAlive(pid) {
			continue
		}
		old, final := filepath.Join(dir, name), filepath.Join(dir, base)
		if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) && len(base) < maxBaseInName {
			if err := os.Rename(old, final); err != nil {
				errs = append(errs, err)
				continue
			}
			st.Restored++
		} else {
			if err := os.RemoveAll(old); err != nil {
				errs = append(errs, err)
				continue
			}
			st.Removed++
		}
		note(pid)
	}
	if st.Removed+st.Restored > 0 {
		syncDir(dir)
	}
	return st, errors.Join(errs...)
}
