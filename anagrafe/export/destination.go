package export

import (
	"errors"
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

// Destination is where Run writes. File, Split and Stream are the ones
// provided; tests and integrations may implement their own, and may
// implement Transaction too.
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

// Transaction is an optional interface of a Destination whose files
// become visible all together. Run calls Begin before the first Create,
// then either Commit — after every file is written and committed and the
// audit log is on disk — or Abort. Without it, the files of a split export
// appear one by one as they are committed, and each is audited just
// before.
type Transaction interface {
	// Begin prepares the destination; an error stops the run before the
	// register is read.
	Begin() error
	// Commit makes every committed file visible at once.
	Commit() error
	// Abort discards every file of the run, leaving the destination as it
	// was. It does nothing after Commit.
	Abort() error
}

// File returns the Destination writing every application to one file at
// path, atomically (temporary file + rename) with owner-only permissions.
// A path that is a symbolic link, directory, device or FIFO is refused
// (an error wrapping ErrNotRegular), never written through.
func File(path string) Destination { return fileDest{path: path} }

// SplitOptions tune SplitWith.
type SplitOptions struct {
	// Replace allows replacing a directory that holds files an earlier
	// export did not write (they are deleted with the old set).
	Replace bool
}

// Split returns the Destination writing one file per application into dir,
// each named after the application's id (ID.xml), with owner-only
// permissions. It is SplitWith(dir, SplitOptions{}).
func Split(dir string) Destination { return SplitWith(dir, SplitOptions{}) }

// SplitWith returns the Destination writing one file per application into
// dir, each named after the application's id (ID.xml). The set is built in
// a hidden sibling directory and swapped in place of dir only when the
// whole export succeeded (a Transaction): on any failure dir is left as
// it was; after success dir holds the new set and its manifest
// (.eli2-export.json) and nothing else. A dir holding files that no
// export wrote is refused (ErrForeignFiles) unless opts.Replace. A
// wrapper around it must forward Transaction (Begin, Commit, Abort);
// without Begin the files are committed into dir one by one, as they are
// written.
func SplitWith(dir string, opts SplitOptions) Destination {
	return &splitDest{dir: dir, opts: opts}
}

// Stream returns the Destination writing the single file to w (standard
// output for `--out -`) once it is complete: the file is built in a
// hidden temporary file in os.TempDir (the Encoder needs to seek) and
// copied to w on Commit, so that a failed run writes nothing to w.
func Stream(w io.Writer) Destination { return streamDest{w: w} }

// Sentinel errors of destinations.
var (
	// ErrForeignFiles is wrapped when a split directory holds files an
	// export did not write.
	ErrForeignFiles = atomicfile.ErrForeignFiles
	// ErrNotRegular is wrapped when an output path is a symbolic link,
	// directory, device, FIFO or socket.
	ErrNotRegular = atomicfile.ErrNotRegular
)

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

type splitDest struct {
	dir  string
	opts SplitOptions
	set  *atomicfile.Dir
}

func (d *splitDest) Split() bool    { return true }
func (d *splitDest) String() string { return d.dir }

func (d *splitDest) Begin() error {
	set, err := atomicfile.CreateDir(d.dir, d.opts.Replace)
	if err != nil {
		return err
	}
	d.set = set
	return nil
}

func (d *splitDest) Create(name string) (Output, error) {
	if d.set == nil {
		// Begin was not called: a wrapper hid the Transaction. Fall back
		// to files committed one by one into dir.
		if err := os.MkdirAll(d.dir, 0o700); err != nil {
			return nil, err
		}
		return create(filepath.Join(d.dir, name+".xml"))
	}
	f, err := d.set.Create(name + ".xml")
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (d *splitDest) Remove(name string) error {
	if d.set == nil {
		err := os.Remove(filepath.Join(d.dir, name+".xml"))
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	return d.set.Remove(name + ".xml")
}

func (d *splitDest) Commit() error {
	if d.set == nil {
		return errNotBegun
	}
	return d.set.Commit()
}

func (d *splitDest) Abort() error {
	if d.set == nil {
		return nil
	}
	return d.set.Abort()
}

var errNotBegun = errors.New("export: destinazione non preparata (Begin)")

type streamDest struct{ w io.Writer }

func (d streamDest) Split() bool         { return false }
func (d streamDest) String() string      { return "standard output" }
func (d streamDest) Remove(string) error { return nil }

func (d streamDest) Create(string) (Output, error) {
	f, err := atomicfile.CreateTemp("", "stdout.xml")
	if err != nil {
		return nil, err
	}
	return &streamOutput{f: f, w: d.w}, nil
}

// streamOutput is the temporary file of a Stream destination.
type streamOutput struct {
	f    *os.File
	w    io.Writer
	done bool
}

func (o *streamOutput) Write(p []byte) (int, error) { return o.f.Write(p) }
func (o *streamOutput) Seek(off int64, whence int) (int64, error) {
	return o.f.Seek(off, whence)
}

func (o *streamOutput) Commit() error {
	if o.done {
		return atomicfile.ErrFinished
	}
	o.done = true
	defer atomicfile.RemoveTemp(o.f)
	if _, err := o.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(o.w, o.f)
	return err
}

func (o *streamOutput) Abort() error {
	if o.done {
		return nil
	}
	o.done = true
	return atomicfile.RemoveTemp(o.f)
}

var (
	_ Transaction = (*splitDest)(nil)
	_ Output      = (*streamOutput)(nil)
)
