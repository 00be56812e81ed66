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
	CodeQuesturaMismatch:    "questura {value} diversa da quella competente per il domicilio ({expected}): la domanda va al questore della provincia in cui si dimora",

	CodeKitNotValidOnDate:          "tipologia kit {value} ({kit}) non in vigore il {date} (tabella del kit, edizione {edition}): {successor}",
	CodeKitOperationMismatch:       "tipo richiesta {value} non ammesso per la tipologia kit {kit} (edizione {edition}: {operazione})",
	CodeKitTitoloMismatch:          "tipo titolo {value} diverso da quello della tipologia kit {kit} ({expected})",
	CodeConversionTargetRequired:   "per la conversione indicare la tipologia del permesso richiesto",
	CodeConversionTargetNotAllowed: "la tipologia richiesta si indica solo per la conversione (richiesta: {tipo})",
	CodeConversionTargetInvalid:    "tipologia richiesta {value} non ammessa per la conversione ({reason})",
	CodeTitoloPossedutoRequired:    "dati del titolo di soggiorno posseduto obbligatori per la richiesta {tipo}",
	CodeVistoOnlyRilascio:          "il visto si indica solo per il primo rilascio (richiesta: {tipo})",
	CodeFotoOnlyCartaUpdate:        "l'aggiornamento foto è ammesso solo per l'aggiornamento della carta di soggiorno",
	CodeGuardianRequired:           "dati del genitore o tutore obbligatori: {reason}",
	CodeKitToChoose:                "tipologia del permesso non indicata: l'anagrafe non registra il motivo del permesso, la sceglie l'operatore dello sportello",
	CodeDurationTooLong:            "durata richiesta di {value} mesi oltre il massimo di {max} mesi per la tipologia {kit} ({source})",
	CodeDurationNotApplicable:      "la tipologia {kit} non ha durata ({source}): non indicare la durata",

	CodeNameCharset:          "{field} contiene caratteri non ammessi (solo lettere A-Z maiuscole, spazio, apostrofo, trattino); forma suggerita: {suggestion}",
	CodeNameUntransliterable: "{field} contiene il carattere {char} che non si può traslitterare",
	CodeNameAccentApostrophe: "{field} ha un apostrofo a fine parola: nel passaporto un accento non diventa apostrofo; forma suggerita: {suggestion}",

	CodeBirthInFuture:     "data di nascita {value} successiva alla data del file {date}",
	CodeDateInFuture:      "data {value} successiva alla data del file {date}",
	CodeDocumentExpired:   "documento scaduto il {value} (data del file {date})",
	CodeExpiryBeforeIssue: "data di scadenza {value} non successiva alla data di rilascio {issue}",
	CodeChildTooOld:       "il figlio ha {age} anni alla data {date}: si indicano solo i figli minori di {max} anni; dai {max} anni il minore presenta una domanda propria (tipologia 14) con il genitore o tutore",
	CodeFileDateInFuture:  "data del file {value} successiva alla data di esecuzione {today}",
	CodeIssuedBeforeBirth: "data di rilascio {value} precedente alla nascita del titolare ({birth})",
	CodeValidityTooLong:   "scadenza {value} oltre {max} dopo il rilascio del {issue}: nessun titolo di soggiorno ha una validità così lunga",

	CodeRenewalLate:         "rinnovo chiesto il {date}, meno di {notice} prima della scadenza del {expiry}: il termine non è perentorio, la domanda si presenta comunque",
	CodePermitExpiredGrace:  "permesso scaduto il {expiry}, da più di {grace} alla data {date}, senza richiesta di rinnovo: lo straniero è esposto all'espulsione (art. 13 c.2 lett. b d.lgs. 286/1998); verificare con la questura",
	CodePermitExpiredReview: "titolo di soggiorno scaduto il {expiry}, da più di {review} alla data {date}: l'ufficio anagrafe avvia, previo avviso, il procedimento di cancellazione (DPR 223/1989 art. 11 c.1 lett. c)",
	CodeTitoloExpired:       "richiesta {tipo} per un titolo scaduto il {expiry}: un permesso scaduto si rinnova (RINNOVO); verificare il tipo di richiesta",

	CodeNotSubjectToPermit:      "cittadinanza {value} ({name}, {scope}) alla data {date}: non soggetto a permesso di soggiorno{note}",
	CodeCitizenshipUndetermined: "cittadinanza {value} ({name}): verificarla sul passaporto prima di presentare la domanda",
	CodeDocumentMissing:         "passaporto o documento equipollente mancante: il Modulo 1 lo richiede",
	CodeCodeNotRecognised:       "codice {value} non riconosciuto nella tabella {table}: il dato è riportato com'è, verificarlo",
	CodeSpouseMultiple:          "{count} coniugi indicati: il ricongiungimento con un secondo coniuge non è consentito (art. 29 c.1-ter d.lgs. 286/1998)",
	CodeSpouseTooYoung:          "coniuge di {age} anni alla data {date}, meno di {min}: verificare la data di nascita",
	CodeChildOlderThanParent:    "figlio nato il {birth}, prima del richiedente ({parent})",
	CodeParentTooYoung:          "figlio nato il {birth}, quando il richiedente (nato il {parent}) aveva meno di {min} anni",

	CodeCAPFormat:   "CAP {value} non valido: servono 5 cifre",
	CodeEmailFormat: "indirizzo e-mail {value} non valido",
	CodePhoneFormat: "numero di telefono {value} non valido: solo cifre e spazi, con + iniziale facoltativo",

	CodeDuplicateID:   "identificativo di pratica {value} già usato nel file",
	CodeCountMismatch: "l'intestazione dichiara {declared} pratiche ma il file ne contiene {count}",
}

// phrasesIT are Italian fragments quoted inside messages.
var phrasesIT = map[string]string{
	reasonKit14:          "la tipologia 14 riguarda un richiedente minorenne",
	reasonMinor:          "il richiedente è minorenne ({age} anni)",
	placeComune:          "il comune",
	placeState:           "lo stato",
	"part_Cognome":       "il cognome",
	"part_Nome":          "il nome",
	"part_Sesso":         "il sesso",
	"part_DataNascita":   "la data di nascita",
	"part_LuogoNascita":  "il luogo di nascita",
	"cf_detail":          "dai dati {expected}, nel codice {actual}",
	phraseSuccessor:      "usare la tipologia {code} ({name})",
	phraseNoSuccessor:    "nessuna tipologia la sostituisce, sceglierla con il richiedente",
	phraseChildNotListed: "; non va indicato tra i figli",
	phraseDays:           "{n} giorni",
	phraseMonths:         "{n} mesi",
	phraseYears:          "{n} anni",
}
