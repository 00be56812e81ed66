package eli2

// messagesIT is the Italian catalogue, the default language of messages.
var messagesIT = map[string]string{
	CodeRequired:     "campo obbligatorio mancante",
	CodeInvalidValue: "valore {value} non ammesso (ammessi: {allowed})",
	CodeOutOfRange:   "valore {value} fuori dai limiti (minimo {min})",

	CodeCFLength:    "codice fiscale {value}: lunghezza errata (16 caratteri, o 11 cifre se provvisorio)",
	CodeCFCharacter: "codice fiscale {value}: carattere non ammesso in posizione {position}",
	CodeCFChecksum:  "codice fiscale {value}: carattere di controllo errato",
	CodeCFFormat:    "codice fiscale {value} non valido: {detail}",
	CodeCFMismatch:  "codice fiscale {value} non coerente con {part} ({detail})",

	CodeUnknownComune:   "codice catastale {value} sconosciuto",
	CodeUnknownState:    "codice ISTAT di stato estero {value} sconosciuto",
	CodeUnknownProvince: "sigla di provincia {value} sconosciuta",
	CodeUnknownKit:      "codice tipologia kit {value} sconosciuto",
	CodeUnknownCode:     "codice {value} assente dalla tabella ANPR {table}",

	CodePlaceNotValidOnDate: "{place} {value} non esistente alla data di nascita {date}",
	CodeStateNotBirthPlace:  "lo stato {value} ({name}) non è ammesso come luogo di nascita",
	CodeStateNotCitizenship: "lo stato {value} ({name}) non è ammesso come cittadinanza",
	CodeBirthPlaceMissing:   "luogo di nascita mancante: indicare il comune o lo stato estero",
	CodeBirthPlaceConflict:  "indicare il comune oppure lo stato estero di nascita, non entrambi",
	CodeComuneNotActive:     "il comune {value} non è attivo alla data {date}",
	CodeComuneIstatMismatch: "il codice catastale {value} e il codice ISTAT {istat} indicano comuni diversi",
	CodeProvinceMismatch:    "provincia {value} diversa da quella del comune {comune} ({expected})",
	CodeQuesturaUnknown:     "{value}: non è la sigla di una provincia sede di questura",
	CodeQuesturaMismatch:    "questura {value} diversa dalla provincia del domicilio ({expected})",

	CodeKitNotValidOnDate:          "tipologia kit {value} ({kit}) non più valida alla data {date} (fino al {to})",
	CodeKitOperationMismatch:       "tipo richiesta {value} non compatibile con la tipologia kit {kit} ({operazione})",
	CodeKitTitoloMismatch:          "tipo titolo {value} diverso da quello della tipologia kit {kit} ({expected})",
	CodeConversionTargetRequired:   "per la conversione indicare la tipologia del permesso richiesto",
	CodeConversionTargetNotAllowed: "la tipologia richiesta si indica solo per la conversione (richiesta: {tipo})",
	CodeConversionTargetInvalid:    "tipologia richiesta {value} non ammessa per la conversione ({reason})",
	CodeTitoloPossedutoRequired:    "dati del titolo di soggiorno posseduto obbligatori per la richiesta {tipo}",
	CodeVistoOnlyRilascio:          "il visto si indica solo per il primo rilascio (richiesta: {tipo})",
	CodeFotoOnlyCartaUpdate:        "l'aggiornamento foto è ammesso solo per l'aggiornamento della carta di soggiorno",
	CodeGuardianRequired:           "dati del genitore o tutore obbligatori: {reason}",

	CodeNameCharset:          "{field} contiene caratteri non ammessi (solo lettere A-Z maiuscole, spazio, apostrofo, trattino); forma suggerita: {suggestion}",
	CodeNameUntransliterable: "{field} contiene il carattere {char} che non si può traslitterare",

	CodeBirthInFuture:     "data di nascita {value} successiva alla data del file {date}",
	CodeDateInFuture:      "data {value} successiva alla data del file {date}",
	CodeDocumentExpired:   "documento scaduto il {value} (data del file {date})",
	CodeExpiryBeforeIssue: "data di scadenza {value} non successiva alla data di rilascio {issue}",
	CodeChildTooOld:       "il figlio non ha meno di {max} anni alla data {date} (età {age})",

	CodeCAPFormat:   "CAP {value} non valido: servono 5 cifre",
	CodeEmailFormat: "indirizzo e-mail {value} non valido",
	CodePhoneFormat: "numero di telefono {value} non valido: solo cifre e spazi, con + iniziale facoltativo",

	CodeTooLong:        "{field}: {length} caratteri, al massimo {max}",
	CodeTooShort:       "{field}: almeno {min} caratteri",
	CodePattern:        "{field}: formato non valido (atteso {pattern})",
	CodeAboveMaximum:   "{field}: valore oltre il massimo di {max}",
	CodeTooMany:        "{field}: al massimo {max} elementi",
	CodeChoiceConflict: "{field} non ammesso insieme a {other}",
	CodeInvalidDate:    "{field}: data inesistente o fuori dai limiti",
	CodeUnreadable:     "valore illeggibile (riga {line}, colonna {column}): {detail}",
	CodeFieldTooLarge:  "valore di {size} byte oltre il limite di lettura di {max} byte (riga {line}, colonna {column}): non letto",

	CodeDuplicateID:   "identificativo di pratica {value} già usato nel file",
	CodeCountMismatch: "l'intestazione dichiara {declared} pratiche ma il file ne contiene {count}",
}

// phrasesIT are Italian fragments quoted inside messages.
var phrasesIT = map[string]string{
	reasonKit14:         "la tipologia 14 riguarda un richiedente minorenne",
	reasonMinor:         "il richiedente è minorenne ({age} anni)",
	placeComune:         "il comune",
	placeState:          "lo stato",
	"part_Cognome":      "il cognome",
	"part_Nome":         "il nome",
	"part_Sesso":        "il sesso",
	"part_DataNascita":  "la data di nascita",
	"part_LuogoNascita": "il luogo di nascita",
	"cf_detail":         "dai dati {expected}, nel codice {actual}",
}
