package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the *TargetError of a path that exists but is
// not a regular file (or, for CreateDir, not a directory): a symbolic link,
// a device, a FIFO, a socket. Output is never written through or over
// such a path.
var ErrNotRegular = errors.New("atomicfile: il percorso non è un file regolare")

// TargetError is a destination refused because of what it is.
type TargetError struct {
	Path string
	Kind string // Italian: "un collegamento simbolico", "una cartella", "un dispositivo"…
	dir  bool
}

// Error says what the path is and that it is left alone.
func (e *TargetError) Error() string {
	return fmt.Sprintf("%s è %s: non viene sostituito (indicare un file regolare)", e.Path, e.Kind)
}

// Unwrap returns ErrNotRegular, and ErrNoPath for a directory (a file path
// was expected).
func (e *TargetError) Unwrap() []error {
	if e.dir {
		return []error{ErrNotRegular, ErrNoPath}
	}
	return []error{ErrNotRegular}
}

// CheckTarget reports whether path may be replaced by an output file: it
// must not exist, or be a regular file. It looks at the path itself
// (os.Lstat), so a symbolic link is refused rather than followed.
func CheckTarget(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	if fi.Mode().IsRegular() {
		return nil
	}
	return &TargetError{Path: path, Kind: kind(fi.Mode()), dir: fi.IsDir()}
}

// checkDirTarget is CheckTarget for a directory: missing, or a real
// directory (not a link to one).
func checkDirTarget(path string) (exists bool, err error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("atomicfile: %w", err)
	}
	if fi.IsDir() {
		return true, nil
	}
	return true, &TargetError{Path: path, Kind: kind(fi.Mode()) + " e non una cartella"}
}

// kind names a file type in Italian for TargetError.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "un collegamento simbolico"
	case m.IsDir():
		return "una cartella"
	case m&fs.ModeNamedPipe != 0:
		return "una FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "un socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "un dispositivo"
	case m.IsRegular():
		return "un file regolare"
	}
	return "un file speciale"
}
