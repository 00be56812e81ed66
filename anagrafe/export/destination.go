package export

import (
	"io"
	"os"
	"path/filepath"

	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

// Output is one import file being written: a seekable writer (the Encoder
// patches the application count in the header) that becomes visible only
// on Commit and disappears on Abort.
type Output interface {
	io.WriteSeeker
	// Commit makes the file visible, complete. After a failed Commit no
	// file is left.
	Commit() error
	// Abort discards the file. It is called after a failure, and does
	// nothing after Commit.
	Abort() error
}

// Destination is where Run writes. File and Split are the two provided;
// tests and integrations may implement their own.
type Destination interface {
	// Split reports whether each application goes to a file of its own.
	Split() bool
	// Create starts an output file: the only one (name "") or, when Split,
	// the one of the application with id name (a file-name-safe string
	// without personal data).
	Create(name string) (Output, error)
	// Remove deletes a file committed earlier in the same run, named as
	// in Create: Run removes the files of a split export that fails, so
	// that a failed run leaves no output.
	Remove(name string) error
	// String describes the destination for messages (a path).
	String() string
}

// File returns the Destination writing every application to one file at
// path, atomically (temporary file + rename) with owner-only permissions.
func File(path string) Destination { return fileDest{path: path} }

// Split returns the Destination writing one file per application into dir,
// each named after the application's id (ID.xml) and written atomically
// with owner-only permissions. Run creates dir (0700) if it is missing.
// Files appear one by one as the export proceeds; if the run fails, Run
// removes the files it wrote, which it remembers (a few tens of bytes per
// file: the one part of a split export that grows with its size).
func Split(dir string) Destination { return splitDest{dir: dir} }

type fileDest struct{ path string }

func (d fileDest) Split() bool    { return false }
func (d fileDest) String() string { return d.path }

func (d fileDest) Create(string) (Output, error) { return create(d.path) }

// create returns a nil Output (not a typed nil) on error.
func create(path string) (Output, error) {
	f, err := atomicfile.Create(path)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (d fileDest) Remove(string) error { return nil }

type splitDest struct{ dir string }

func (d splitDest) Split() bool    { return true }
func (d splitDest) String() string { return d.dir }

func (d splitDest) Create(name string) (Output, error) {
	if err := os.MkdirAll(d.dir, 0o700); err != nil {
		return nil, err
	}
	return create(filepath.Join(d.dir, name+".xml"))
}

func (d splitDest) Remove(name string) error {
	err := os.Remove(filepath.Join(d.dir, name+".xml"))
	if os.IsNotExist(err) {
		return nil
	}
	return err
}
