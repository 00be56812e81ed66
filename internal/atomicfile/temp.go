package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Prefixes of the hidden names this package gives to work in progress,
// followed by "PID-RANDOM-" and the final base name:
//
//	.eli2-tmp-4242-9f1c2a7b-pratiche.xml   a file or a split set being written
//	.eli2-old-4242-0c3d5e6f-pratiche       a split set being replaced (CreateDir.Commit)
//
// The process id lets a later run tell the leftovers of a dead process
// from the work of a live one (CleanStale).
const (
	TempPrefix = ".eli2-tmp-"
	OldPrefix  = ".eli2-old-"
)

// maxBaseInName bounds the final name kept in a temporary name, so that
// the temporary name stays within the 255-byte limit of common file
// systems.
const maxBaseInName = 200

// tempName returns a fresh hidden name for base in dir with prefix.
func tempName(dir, prefix, base string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	if len(base) > maxBaseInName {
		base = base[:maxBaseInName]
	}
	return filepath.Join(dir, prefix+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:])+"-"+base)
}

// parseTempName splits a name made by tempName into its process id and
// final base name; ok is false for any other name.
func parseTempName(name, prefix string) (pid int, base string, ok bool) {
	rest, found := strings.CutPrefix(name, prefix)
	if !found {
		return 0, "", false
	}
	pidText, rest, found := strings.Cut(rest, "-")
	if !found {
		return 0, "", false
	}
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 {
		return 0, "", false
	}
	random, base, found := strings.Cut(rest, "-")
	if !found || len(random) != 8 {
		return 0, "", false
	}
	return pid, base, true
}

// createTemp creates a new file for base in dir, owner-only, with a name
// from tempName, and registers it for RemoveTemps.
func createTemp(dir, base string) (*os.File, error) {
	for range 100 {
		name := tempName(dir, TempPrefix, base)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, Perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		track(name)
		return f, nil
	}
	return nil, &fs.PathError{Op: "createtemp", Path: dir, Err: fs.ErrExist}
}

// live is the set of temporary paths of this process not yet committed or
// removed.
var live = struct {
	sync.Mutex
	paths map[string]struct{}
}{paths: map[string]struct{}{}}

func track(path string) {
	live.Lock()
	live.paths[path] = struct{}{}
	live.Unlock()
}

func untrack(path string) {
	live.Lock()
	delete(live.paths, path)
	live.Unlock()
}

// RemoveTemps removes every temporary file and directory this process
// created and has not yet committed or aborted. Commands call it when a
// signal arrives and the run does not unwind in time, just before exiting;
// it is safe to call from any goroutine. It returns how many it removed.
func RemoveTemps() int {
	live.Lock()
	defer live.Unlock()
	n := 0
	for p := range live.paths {
		if err := os.RemoveAll(p); err == nil {
			n++
		}
		delete(live.paths, p)
	}
	return n
}

// CreateTemp creates a scratch file for base in dir (owner-only, hidden,
// with the process id in its name, see TempPrefix) that never becomes a
// final file: the caller reads it back and removes it with RemoveTemp.
// RemoveTemps and CleanStale remove it like any other temporary file.
func CreateTemp(dir, base string) (*os.File, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	return createTemp(dir, base)
}

// RemoveTemp closes and removes a file made by CreateTemp.
func RemoveTemp(f *os.File) error {
	defer untrack(f.Name())
	f.Close()
	if err := os.Remove(f.Name()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
