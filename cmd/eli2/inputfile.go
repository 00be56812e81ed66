package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"
)

// Codes of an import file that cannot be read at all (validate --json
// prints them under "errore"). Stable: programs branch on them.
const (
	inputNotFound   = "file_non_trovato" // no such file
	inputUnreadable = "file_illeggibile" // permissions, I/O error, a directory
	inputEmpty      = "file_vuoto"       // zero bytes, or only blanks
	inputNotXML     = "file_non_xml"     // does not start like an XML document
	inputBadFormat  = "formato_errato"   // XML, but not a readable ELI2 import file
)

// inputError is an import file that cannot be read, with its code.
type inputError struct {
	Code string
	Path string
	Err  error
}

func (e *inputError) Error() string {
	switch e.Code {
	case inputNotFound:
		return e.Path + ": file non trovato"
	case inputEmpty:
		return e.Path + ": il file è vuoto"
	case inputNotXML:
		return e.Path + ": non è un file XML (non inizia con \"<\"): serve il file di importazione ELI2"
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *inputError) Unwrap() error { return e.Err }

// openImportFile opens path for reading and checks that it can be an
// import file: not a directory, not empty, starting (after a byte-order
// mark and blanks) with "<" and valid text. Decoding errors come later;
// these are the cases an operator should see named for what they are.
func openImportFile(path string) (*os.File, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &inputError{Code: inputNotFound, Path: path, Err: err}
	}
	if err != nil {
		return nil, &inputError{Code: inputUnreadable, Path: path, Err: err}
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, &inputError{Code: inputUnreadable, Path: path, Err: errors.New("è una cartella")}
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(bufio.NewReader(f), head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		f.Close()
		return nil, &inputError{Code: inputUnreadable, Path: path, Err: err}
	}
	head = bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	code := ""
	switch {
	case len(trimmed) == 0 && n < 512:
		code = inputEmpty
	case len(trimmed) > 0 && trimmed[0] != '<',
		bytes.IndexByte(head, 0) >= 0,
		n < 512 && !utf8.Valid(head):
		code = inputNotXML
	}
	if code != "" {
		f.Close()
		return nil, &inputError{Code: code, Path: path}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, &inputError{Code: inputUnreadable, Path: path, Err: err}
	}
	return f, nil
}

// inputErrorCode returns the code of err: an *inputError's, else
// inputBadFormat (the decoder refused the file).
func inputErrorCode(err error) string {
	var ie *inputError
	if errors.As(err, &ie) {
		return ie.Code
	}
	return inputBadFormat
}

// writeJSONError prints {"file":…,"errore":{"codice":…,"messaggio":…}}: the
// --json form of a file that cannot be checked.
func writeJSONError(w io.Writer, path string, err error) {
	out := struct {
		File   string `json:"file"`
		Errore struct {
			Codice    string `json:"codice"`
			Messaggio string `json:"messaggio"`
		} `json:"errore"`
	}{File: path}
	out.Errore.Codice = inputErrorCode(err)
	out.Errore.Messaggio = err.Error()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(out)
}
