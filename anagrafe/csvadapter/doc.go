// Package csvadapter reads and writes population-register extracts as CSV
// files, one row per person, and serves them as an anagrafe.Source. It is
// meant for help desks whose register software can only export
// spreadsheets: UTF-8 or Windows-1252, ',' or ';' separated, detected
// automatically.
//
// # Encoding, separator and dates
//
// The encoding is detected from the first SniffBytes bytes: valid UTF-8
// (with or without a byte-order mark, which is dropped) is UTF-8, anything
// else is Windows-1252 ("ANSI" in Excel's Save As). The separator is the
// more frequent of ',' and ';' outside quotes on the header line (Excel in
// an Italian locale writes ';'). Options.Encoding and Options.Comma force
// them.
//
// Dates are YYYY-MM-DD or day/month/year as an Italian spreadsheet writes
// them (18/12/1996, also 1/2/1996 for 1 February): the day always comes
// first, a month/day date is refused, never reinterpreted. Partial birth
// dates (YYYY, YYYY-MM) are ISO only.
//
// # Lost letters
//
// Windows-1252 cannot hold many letters of foreign names (Ț, Đ, ć, ł, ş):
// a spreadsheet saving as ANSI writes '?' in their place. Such rows are
// read, but each '?' in cognome, nome or localita_nascita, and each byte Windows-1252 does
// not define, is a Warning (WarnLostLetter, WarnUndefinedByte) naming the
// line, person id and column, never the value: Reader.Warnings and
// Source.Warnings list them, WarningCount counts them. The remedy is to
// save the extract as UTF-8.
//
// # Layout
//
// The first line is a header naming the columns (case-insensitive, any
// order); Header lists them in the order Writer uses. Only id, cognome and
// nome are required; a missing column means "not recorded". Values are
// trimmed. Column meanings follow the SQL schema of package sqlreg:
//
//	id                      register identifier of the person (unique)
//	codice_fiscale          16-character or 11-digit provisional code
//	cognome, nome           surname and given names as recorded
//	sesso                   M or F
//	data_nascita            YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY
//	comune_nascita          Belfiore code of the comune of birth
//	stato_nascita           ISTAT 3-digit code of the state of birth
//	localita_nascita        town of birth abroad
//	cittadinanze            ISTAT state codes separated by | in register order (436|605)
//	stato_civile            ANPR stato_civile code
//	comune, provincia       domicile: Belfiore code, province sigla
//	specie, denominazione   street: ANPR specie (VIA) and name
//	civico, esponente, scala, interno, cap, presso
//	telefono, email
//	titolo_studio, posizione_professione, condizione_non_professionale   ANPR codes
//	famiglia_id             household identifier
//	relazione_parentela     ANPR relazione_parentela code, relative to the head (1)
//	padre_id, madre_id      ids of the parents (filiation links), if recorded
//	permesso_tipo           ANPR tipo_soggiorno code; required when any permesso_* column is set
//	permesso_tipologia_kit  kit code of the permit type
//	permesso_motivo, permesso_numero, permesso_questura
//	permesso_data_rilascio, permesso_data_scadenza, permesso_data_rinnovo   YYYY-MM-DD or DD/MM/YYYY
//	dichiarazione_dimora    date of the latest declaration of habitual residence; when
//	                        the column is absent the register is taken not to track it
//	aggiornato_il           last change, RFC 3339 (2026-06-01T09:30:00Z)
//	documento_tipo          PASSAPORTO, DOCUMENTO_EQUIPOLLENTE, TITOLO_VIAGGIO, CARTA_IDENTITA, ALTRO
//	documento_numero, documento_data_rilascio, documento_data_scadenza,
//	documento_autorita, documento_stato_rilascio (ISTAT code)
//	documento2_…, documento3_…   further documents, same fields
//
// # Errors
//
// A header that cannot be used is a *HeaderError and stops reading. A row
// that cannot be read is an *anagrafe.RecordError carrying its line, the
// person id when it could be read, the column and a reason code
// (bad_value, impossible_date, missing_value, malformed_row,
// field_too_long, line_too_long, duplicate_id); reading goes on with the
// next row. Messages name the column and the rule, never the value: an
// extract holds personal data, and error messages end up in logs.
//
// # Limits
//
// Memory does not depend on the input. A row longer than
// Options.MaxLineBytes (DefaultMaxLineBytes, 1 MiB) is read to its end
// without being kept and reported as one RecordError with reason
// line_too_long; the reader resynchronises at the next row, where
// encoding/csv would have started it (a line feed outside a quoted
// value), so the rows after it are read and numbered as usual. A quote
// that is never closed makes the rest of the file one row, as for
// encoding/csv: the error says which lines it skipped. A value longer than
// Options.MaxFieldBytes (DefaultMaxFieldBytes, 64 KiB) makes its row a
// RecordError with reason field_too_long. A header line over the line
// limit is a HeaderError.
//
// # Writing
//
// Writer neutralises values a spreadsheet would run as a formula (see
// package internal/csvsafe) by prefixing a single quote, and Reader removes
// that quote again, so a phone number "+39 055 123" survives a round trip
// and shows as text in a spreadsheet.
package csvadapter
