package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// ErrFinished is returned by File's methods after Commit or Abort.
var ErrFinished = errors.New("atomicfile: file already committed or aborted")

// File is an output file under construction: a temporary file with
// owner-only permissions in the directory of its final path, which Commit
// renames over that path and Abort removes. It is seekable (an *os.File
// without buffering) for writers that patch what they wrote, such as the
// eli2 Encoder with an unknown count. Until Commit the final path is left
// untouched. A File is not safe for concurrent use.
//
// The temporary name is hidden and carries the process id (TempPrefix):
// RemoveTemps deletes it when the process is interrupted, CleanStale when
// the process died without a chance to (SIGKILL).
type File struct {
	f    *os.File
	path string
	tmp  string
	done bool
}

// Create starts the file that will replace path on Commit. The caller must
// call Commit or Abort (Abort after Commit does nothing, so `defer
// f.Abort()` is the usual pattern). path must not exist or be a regular
// file: a symbolic link, directory, device, FIFO or socket is refused with
// a *TargetError (CheckTarget).
func Create(path string) (*File, error) {
	if path == "" || os.IsPathSeparator(path[len(path)-1]) {
		return nil, ErrNoPath
	}
	if err := CheckTarget(path); err != nil {
		return nil, err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := createTemp(dir, base)
	if err != nil {
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	// OpenFile's mode is filtered by the umask; make it exact.
	if err := f.Chmod(Perm); err != nil && runtime.GOOS != "windows" {
		f.Close()
		os.Remove(f.Name())
		untrack(f.Name())
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	return &File{f: f, path: path, tmp: f.Name()}, nil
}

// Path returns the final path.
func (f *File) Path() string { return f.path }

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, ErrFinished
	}
	return f.f.Write(p)
}

// Seek moves within the temporary file.
func (f *File) Seek(offset int64, whence int) (int64, error) {
	if f.done {
		return 0, ErrFinished
	}
	return f.f.Seek(offset, whence)
}

// Commit syncs the temporary file to disk and puts it at the final path.
// On failure the temporary file is removed and the final path is left
// untouched.
//
// The final path is checked again just before (os.Lstat): something other
// than a regular file planted there since Create is refused. A path that
// still does not exist is filled with a hard link, which fails rather than
// replace anything planted in the meantime; an existing regular file is
// replaced with rename, which replaces the directory entry and never
// writes through it. What remains is the instant between that last check
// and the rename: a symbolic link or device node planted exactly then is
// replaced by the new file (the link itself, never its target). No
// portable system call closes it (Linux's renameat2 has no "replace only a
// regular file" flag).
func (f *File) Commit() error {
	if f.done {
		return ErrFinished
	}
	f.done = true
	defer untrack(f.tmp)
	err := f.f.Sync()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = place(f.tmp, f.path)
	}
	if err != nil {
		os.Remove(f.tmp)
		var te *TargetError
		if errors.As(err, &te) {
			return err
		}
		return fmt.Errorf("atomicfile: %w", err)
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// place moves the finished temporary file tmp to path (see Commit).
func place(tmp, path string) error {
	if err := CheckTarget(path); err != nil {
		return err
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		lerr := os.Link(tmp, path)
		if lerr == nil {
			return os.Remove(tmp)
		}
		if errors.Is(lerr, fs.ErrExist) {
			// Planted since the check: look again.
			if err := CheckTarget(path); err != nil {
				return err
			}
		}
		// Hard links unsupported here (some network or FAT file
		// systems): rename.
	}
	return os.Rename(tmp, path)
}

// Abort closes and removes the temporary file; the final path is left
// untouched. It does nothing after Commit or a previous Abort.
func (f *File) Abort() error {
	if f.done {
		return nil
	}
	f.done = true
	defer untrack(f.tmp)
	f.f.Close()
	if err := os.Remove(f.tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}

var _ io.WriteSeeker = (*File)(nil)
