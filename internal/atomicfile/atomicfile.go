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
	"runtime"
)

// Perm is the mode of every file Write creates: owner read and write only.
// On Windows only the read-only bit is honoured, so the file inherits the
// directory's access control list (best effort).
const Perm os.FileMode = 0o600

// ErrNoPath is returned by Write and Create when path is empty or names a
// directory.
var ErrNoPath = errors.New("atomicfile: no file path")

// Write creates or replaces the file at path with what fn writes. fn writes
// to a buffered temporary file in the same directory (see Create); when fn
// returns nil the data is flushed and synced to disk and the temporary file
// is renamed over path. When fn returns an error or panics, or any step
// fails, the temporary file is removed, path is left untouched and the
// error is returned (a panic is propagated after the clean-up). A path
// that is a symbolic link, a directory, a device or a FIFO is refused
// (*TargetError), never written through.
func Write(path string, fn func(w io.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	// Reached on error and while a panic unwinds: drop the temporary file.
	defer f.Abort()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := fn(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return f.Commit()
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
