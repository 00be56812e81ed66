package atomicfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ManifestName is the file a Dir writes into every set it commits, listing
// the set's files. A later CreateDir on the same directory recognises the
// set as its own by it; it is written with Perm.
const ManifestName = ".eli2-export.json"

// ErrForeignFiles is returned by CreateDir when the directory holds files
// that no Dir wrote (not listed in its ManifestName): they would be
// deleted when the new set replaces the directory, so the caller must ask
// for it (replace).
var ErrForeignFiles = errors.New("atomicfile: la cartella contiene file non scritti da eli2")

// manifest is the content of ManifestName.
type manifest struct {
	Tool  string   `json:"tool"`
	Files []string `json:"files"`
}

const manifestTool = "eli2sdk"

// Dir is a set of files that replaces a directory all at once: the files
// are written into a hidden sibling directory (TempPrefix, with the
// process id) and Commit swaps it in place of the directory. Until Commit
// the directory is untouched; after Commit it holds the new set and
// nothing else (files of earlier sets are gone). A Dir is not safe for
// concurrent use.
type Dir struct {
	path  string
	tmp   string
	files []string
	done  bool
}

// CreateDir starts a set that will replace directory path on Commit (path
// need not exist; its parent is created, mode 0700, if missing). An
// existing path must be a directory, not a symbolic link to one
// (*TargetError); if it holds anything but a set an earlier Dir committed
// (files listed in its manifest), CreateDir fails with ErrForeignFiles
// unless replace is true.
func CreateDir(path string, replace bool) (*Dir, error) {
	path = filepath.Clean(path)
	if path == "." || path == string(filepath.Separator) || path == "" {
		return nil, fmt.Errorf("%w: %q", ErrNoPath, path)
	}
	exists, err := checkDirTarget(path)
	if err != nil {
		return nil, err
	}
	if exists && !replace {
		if n, err := foreignFiles(path); err != nil {
			return nil, fmt.Errorf("atomicfile: %w", err)
		} else if n > 0 {
			return nil, fmt.Errorf("%w: %s (%d file)", ErrForeignFiles, path, n)
		}
	}
	parent, base := filepath.Split(path)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	for range 100 {
		tmp := tempName(parent, TempPrefix, base)
		err := os.Mkdir(tmp, 0o700)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("atomicfile: %w", err)
		}
		track(tmp)
		return &Dir{path: path, tmp: tmp}, nil
	}
	return nil, fmt.Errorf("atomicfile: %w", fs.ErrExist)
}

// foreignFiles counts the entries of dir that its manifest does not list.
func foreignFiles(dir string) (int, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var m manifest
	if b, err := os.ReadFile(filepath.Join(dir, ManifestName)); err == nil {
		if json.Unmarshal(b, &m) != nil || m.Tool != manifestTool {
			m = manifest{}
		}
	}
	n := 0
	for _, de := range des {
		name := de.Name()
		if name == ManifestName && m.Tool == manifestTool {
			continue
		}
		if !de.Type().IsRegular() || !slices.Contains(m.Files, name) {
			n++
		}
	}
	return n, nil
}

// Path returns the final directory.
func (d *Dir) Path() string { return d.path }

// Create starts file name (a base name, without separators) of the set.
// It is written atomically inside the hidden directory; Commit of the
// File puts it there under its name, and it joins the set.
func (d *Dir) Create(name string) (*File, error) {
	if d.done {
		return nil, ErrFinished
	}
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) || name == ManifestName {
		return nil, fmt.Errorf("%w: %q", ErrNoPath, name)
	}
	f, err := Create(filepath.Join(d.tmp, name))
	if err != nil {
		return nil, err
	}
	d.files = append(d.files, name)
	return f, nil
}

// Remove drops file name from the set.
func (d *Dir) Remove(name string) error {
	if d.done {
		return ErrFinished
	}
	if i := slices.Index(d.files, name); i >= 0 {
		d.files = slices.Delete(d.files, i, i+1)
	}
	err := os.Remove(filepath.Join(d.tmp, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Commit writes the manifest and swaps the new set in place of the
// directory: rename the directory aside (OldPrefix, with the process id),
// rename the new set in, remove the old one. A process killed between the
// two renames leaves no directory at path and the old set aside; the next
// CleanStale in the parent puts it back. On failure the directory is
// left as it was and the new set is removed.
func (d *Dir) Commit() error {
	if d.done {
		return ErrFinished
	}
	d.done = true
	defer untrack(d.tmp)
	if err := d.commit(); err != nil {
		os.RemoveAll(d.tmp)
		var te *TargetError
		if errors.As(err, &te) {
			return err
		}
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}

func (d *Dir) commit() error {
	files := slices.Clone(d.files)
	slices.Sort(files)
	b, err := json.MarshalIndent(manifest{Tool: manifestTool, Files: files}, "", "  ")
	if err != nil {
		return err
	}
	if err := WriteFile(filepath.Join(d.tmp, ManifestName), append(b, '\n')); err != nil {
		return err
	}
	syncDir(d.tmp)
	exists, err := checkDirTarget(d.path)
	if err != nil {
		return err
	}
	parent := filepath.Dir(d.path)
	if !exists {
		if err := os.Rename(d.tmp, d.path); err != nil {
			return err
		}
		syncDir(parent)
		return nil
	}
	old := tempName(parent, OldPrefix, filepath.Base(d.path))
	if err := os.Rename(d.path, old); err != nil {
		return err
	}
	if err := os.Rename(d.tmp, d.path); err != nil {
		// Put the old set back; if even that fails, CleanStale will.
		if rerr := os.Rename(old, d.path); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	syncDir(parent)
	// The new set is in place: the old one is only garbage now (a failure
	// here is left to CleanStale).
	_ = os.RemoveAll(old)
	return nil
}

// Abort removes the new set; the directory is left untouched. It does
// nothing after Commit or a previous Abort.
func (d *Dir) Abort() error {
	if d.done {
		return nil
	}
	d.done = true
	defer untrack(d.tmp)
	if err := os.RemoveAll(d.tmp); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}
