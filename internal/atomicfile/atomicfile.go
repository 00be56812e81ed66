// Package atomicfile writes output files all at once or not at all, readable
// by their owner only. Commands that write personal data (preview, export,
// validate reports) use it so that a failure never leaves a partial file and
// other local users cannot read the result.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
)

// Perm is the mode of every file Write creates: owner read and write only.
// On Windows only the read-only bit is honoured, so the file inherits the
// directory's access control list (best effort).
const Perm os.FileMode = 0o600

// ErrNoPath is returned by Write when path is empty or names a directory.
var ErrNoPath = errors.New("atomicfile: no file path")

// Write creates or replaces the file at path with what fn writes. fn writes
// to a buffered temporary file in the same directory; when fn returns nil
// the data is flushed and synced to disk and the temporary file is renamed
// over path. When fn returns an error or panics, or any step fails, the
// temporary file is removed, path is left untouched and the error is
// returned (a panic is propagated after the clean-up).
func Write(path string, fn func(w io.Writer) error) (err error) {
	if path == "" || os.IsPathSeparator(path[len(path)-1]) {
		return ErrNoPath
	}
	if fi, statErr := os.Stat(path); statErr == nil && fi.IsDir() {
		return fmt.Errorf("%w: %s is a directory", ErrNoPath, path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	tmp := f.Name()
	done := false
	defer func() {
		if done {
			return
		}
		// Reached on error and while a panic unwinds: drop the temporary file.
		_ = f.Close()
		_ = os.Remove(tmp)
	}()
	if err := f.Chmod(Perm); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("atomicfile: %w", err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := fn(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	done = true
	syncDir(dir)
	return nil
}

// WriteFile is Write for data already in memory.
func WriteFile(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// syncDir makes the rename durable on systems that support syncing a
// directory; errors are ignored because the data itself is already synced.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
