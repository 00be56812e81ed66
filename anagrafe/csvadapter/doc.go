// Package csvadapter reads and writes population-register extracts as CSV
// files, one row per person, and serves them as an anagrafe.Source. It is
// meant for help desks whose register software can only export
// spreadsheets: UTF-8 or Windows-1252, ',' or ';' separated, detected
// automatically.
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
//	data_nascita            YYYY, YYYY-MM or YYYY-MM-DD
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
//	permesso_data_rilascio, permesso_data_scadenza, permesso_data_rinnovo   YYYY-MM-DD
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
// that cannot be read is a *RowError carrying its line and column; reading
// goes on with the next row.
package csvadapter
