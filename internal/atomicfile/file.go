package atomicfile

import (
	"errors"
	"fmt"
	"io"
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
type File struct {
	f    *os.File
	path string
	tmp  string
	done bool
}

// Create starts the file that will replace path on Commit. The caller must
// call Commit or Abort (Abort after Commit does nothing, so `defer
// f.Abort()` is the usual pattern).
func Create(path string) (*File, error) {
	if path == "" || os.IsPathSeparator(path[len(path)-1]) {
		return nil, ErrNoPath
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%w: %s is a directory", ErrNoPath, path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	if err := f.Chmod(Perm); err != nil && runtime.GOOS != "windows" {
		f.Close()
		os.Remove(f.Name())
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

// Commit syncs the temporary file to disk and renames it over the final
// path. On failure the temporary file is removed and the final path is
// left untouched.
func (f *File) Commit() error {
	if f.done {
		return ErrFinished
	}
	f.done = true
	err := f.f.Sync()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.tmp, f.path)
	}
	if err != nil {
		os.Remove(f.tmp)
		return fmt.Errorf("atomicfile: %w", err)
	}
	dir := filepath.Dir(f.path)
	syncDir(dir)
	return nil
}

// Abort closes and removes the temporary file; the final path is left
// untouched. It does nothing after Commit or a previous Abort.
func (f *File) Abort() error {
	if f.done {
		return nil
	}
	f.done = true
	f.f.Close()
	if err := os.Remove(f.tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}

var _ io.WriteSeeker = (*File)(nil)
