package eli2

import "io"

// AppendPratica appends to dst the element of one application exactly as
// Encoder.Encode writes it (same bytes), so that applications can be
// encoded in parallel, each into its own buffer, and written in order with
// Encoder.WriteEncoded. On an *EncodeError (empty id, invalid UTF-8, a
// control character) it returns dst unchanged. It checks no duplicate ids:
// that is the caller's guarantee, as with SkipDuplicateIDCheck.
func AppendPratica(dst []byte, p *Pratica) ([]byte, error) {
	if p.ID == "" {
		return dst, &EncodeError{Path: "ID", Err: withDetail(ErrInvalidValue, "id mancante")}
	}
	e := Encoder{out: dst, state: 1, patchAt: -1, cur: p.ID}
	mark := len(dst)
	if err := e.pratica(p); err != nil {
		return e.out[:mark], err
	}
	return e.out, nil
}

// WriteEncoded writes n applications that AppendPratica encoded into b,
// after the header and the applications written so far; they count in the
// header's NumeroPratiche like Encode's. It needs SkipDuplicateIDCheck (the
// Encoder cannot see the ids of pre-encoded applications): without it it
// returns an error wrapping ErrEncoderState. An error of the writer stops
// the Encoder, as in Encode.
func (e *Encoder) WriteEncoded(b []byte, n int) error {
	if e.err != nil {
		return e.err
	}
	if e.state != 1 {
		return withDetail(ErrEncoderState, "scrivere l'intestazione prima delle pratiche")
	}
	if !e.SkipDuplicateIDCheck {
		return withDetail(ErrEncoderState, "WriteEncoded richiede SkipDuplicateIDCheck")
	}
	e.written += n
	if len(e.out)+len(b) < flushSize {
		e.out = append(e.out, b...)
		return nil
	}
	// A large batch goes straight to the writer, without a copy.
	if err := e.flush(); err != nil {
		return err
	}
	m, err := e.w.Write(b)
	e.flushed += int64(m)
	if err == nil && m < len(b) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
	}
	return err
}
