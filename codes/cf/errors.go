package cf

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error of this package is an *Error (or an
// *AmbiguousPlaceError) wrapping one of them, so callers branch with
// errors.Is and still get the position or field. ErrPlaceNotOnDate is not
// returned (Decode sets Decoded.PlaceNotValidOnDate instead); it exists so
// that callers reporting that flag get its code and messages from the same
// catalogue: (&Error{Err: ErrPlaceNotOnDate}).MessageIT().
var (
	ErrLength         = errors.New("cf: wrong length")
	ErrCharacter      = errors.New("cf: character not allowed")
	ErrCheckChar      = errors.New("cf: wrong check character")
	ErrMonth          = errors.New("cf: invalid month letter")
	ErrDay            = errors.New("cf: invalid day of birth")
	ErrUnknownPlace   = errors.New("cf: unknown birthplace code")
	ErrProvisional    = errors.New("cf: provisional code holds no personal data")
	ErrSex            = errors.New("cf: invalid sex")
	ErrBirthDate      = errors.New("cf: invalid birth date")
	ErrName           = errors.New("cf: invalid surname or name")
	ErrPlaceCode      = errors.New("cf: invalid birthplace code")
	ErrAmbiguousPlace = errors.New("cf: ambiguous birthplace")
	ErrPlaceNotOnDate = errors.New("cf: birthplace did not exist on the birth date")
	ErrNoTables       = errors.New("cf: no code tables")
)

// catalogue holds the stable code and the messages of each sentinel.
var catalogue = map[error]struct{ code, it, en string }{
	ErrLength:         {"cf_length", "lunghezza errata: il codice fiscale ha 16 caratteri (11 cifre se provvisorio)", "wrong length: a tax code has 16 characters (11 digits if provisional)"},
	ErrCharacter:      {"cf_character", "carattere non ammesso", "character not allowed"},
	ErrCheckChar:      {"cf_checksum", "carattere di controllo errato: il codice contiene un errore di battitura", "wrong check character: the code holds a typing error"},
	ErrMonth:          {"cf_month", "lettera del mese di nascita non valida", "invalid letter for the month of birth"},
	ErrDay:            {"cf_day", "giorno di nascita non valido", "invalid day of birth"},
	ErrUnknownPlace:   {"cf_place_unknown", "codice del luogo di nascita sconosciuto (né comune né stato estero)", "unknown birthplace code (neither a comune nor a foreign state)"},
	ErrProvisional:    {"cf_provisional", "codice fiscale provvisorio numerico: non contiene dati anagrafici", "numeric provisional tax code: it holds no personal data"},
	ErrSex:            {"cf_sex", "sesso non valido: indicare M o F", "invalid sex: give M or F"},
	ErrBirthDate:      {"cf_birth_date", "data di nascita mancante o non valida", "missing or invalid birth date"},
	ErrName:           {"cf_name", "cognome o nome mancante o non traslitterabile", "missing surname or name, or not transliterable"},
	ErrPlaceCode:      {"cf_place_code", "codice del luogo di nascita non valido: serve il codice catastale del comune (es. A562) o il codice Z dello stato estero", "invalid birthplace code: give the comune's cadastral code (e.g. A562) or the foreign state's Z code"},
	ErrAmbiguousPlace: {"cf_place_ambiguous", "luogo di nascita ambiguo: indicare la provincia", "ambiguous birthplace: give the province"},
	ErrPlaceNotOnDate: {"cf_place_not_valid_on_date", "il luogo di nascita non esisteva alla data di nascita", "the birthplace did not exist on the birth date"},
	ErrNoTables:       {"cf_no_tables", "tabelle dei codici non disponibili", "code tables not available"},
}

// Field names used in errors and mismatches; they are the names of the
// record model's fields.
const (
	FieldCodice       = "CodiceFiscale"
	FieldCognome      = "Cognome"
	FieldNome         = "Nome"
	FieldSesso        = "Sesso"
	FieldDataNascita  = "DataNascita"
	FieldLuogoNascita = "LuogoNascita"
)

var fieldIT = map[string]string{
	FieldCognome: "cognome", FieldNome: "nome", FieldSesso: "sesso",
	FieldDataNascita: "data di nascita", FieldLuogoNascita: "luogo di nascita", FieldCodice: "codice fiscale",
}

// Error is the error of Parse, Decode, Compute and ResolvePlace. It never
// holds nor prints the code or the name it is about.
type Error struct {
	Pos   int    // 1-based position of the offending character in the code; 0 if none
	Field string // Field… constant for errors about person data (Compute); "" otherwise
	Err   error  // one of the sentinel errors
	Cause error  // underlying error (translit, codes) or nil
}

// Error returns the English message with the position or field.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Err.Error())
	if e.Pos > 0 {
		fmt.Fprintf(&b, " at position %d", e.Pos)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, " (%s)", e.Field)
	}
	if e.Cause != nil {
		b.WriteString(": ")
		b.WriteString(e.Cause.Error())
	}
	return b.String()
}

// Unwrap returns the sentinel and the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Err, e.Cause}
	}
	return []error{e.Err}
}

// Code returns the stable short code of the error ("cf_checksum", "cf_length",
// "cf_character", "cf_month", "cf_day", "cf_place_unknown"…).
func (e *Error) Code() string { return catalogue[e.Err].code }

// MessageIT returns the message in Italian, for operators.
func (e *Error) MessageIT() string {
	m := catalogue[e.Err].it
	if e.Pos > 0 {
		m += fmt.Sprintf(" (posizione %d)", e.Pos)
	}
	if e.Field != "" {
		m = fieldIT[e.Field] + ": " + m
	}
	if c, ok := e.Cause.(interface{ MessageIT() string }); ok {
		m += " — " + c.MessageIT()
	}
	return m
}

// MessageEN returns the message in English.
func (e *Error) MessageEN() string {
	m := catalogue[e.Err].en
	if e.Pos > 0 {
		m += fmt.Sprintf(" (position %d)", e.Pos)
	}
	if e.Field != "" {
		m = e.Field + ": " + m
	}
	if c, ok := e.Cause.(interface{ MessageEN() string }); ok {
		m += " — " + c.MessageEN()
	}
	return m
}

// ErrorCode returns the stable short code of any error of this package, or
// "" for an error that is not. The codes are: cf_length, cf_character,
// cf_checksum (also for the check digit of an 11-digit code), cf_month,
// cf_day, cf_place_unknown, cf_provisional (Decode of an 11-digit code),
// cf_sex, cf_birth_date, cf_name, cf_place_code, cf_place_ambiguous,
// cf_place_not_valid_on_date, cf_no_tables.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code()
	}
	var a *AmbiguousPlaceError
	if errors.As(err, &a) {
		return catalogue[ErrAmbiguousPlace].code
	}
	for s, c := range catalogue {
		if errors.Is(err, s) {
			return c.code
		}
	}
	return ""
}

// MessageIT returns the Italian message of any error of this package; for
// other errors it returns err.Error().
func MessageIT(err error) string {
	if m, ok := err.(interface{ MessageIT() string }); ok {
		return m.MessageIT()
	}
	var e *Error
	if errors.As(err, &e) {
		return e.MessageIT()
	}
	var a *AmbiguousPlaceError
	if errors.As(err, &a) {
		return a.MessageIT()
	}
	return err.Error()
}

// MessageEN returns the English message of any error of this package.
func MessageEN(err error) string {
	if m, ok := err.(interface{ MessageEN() string }); ok {
		return m.MessageEN()
	}
	var e *Error
	if errors.As(err, &e) {
		return e.MessageEN()
	}
	var a *AmbiguousPlaceError
	if errors.As(err, &a) {
		return a.MessageEN()
	}
	return err.Error()
}
