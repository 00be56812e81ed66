package eli2

// messagesEN is the English catalogue.
var messagesEN = map[string]string{
	CodeRequired:     "required field is missing",
	CodeInvalidValue: "value {value} not allowed (allowed: {allowed})",
	CodeOutOfRange:   "value {value} out of range (minimum {min})",

	CodeCFLength:    "codice fiscale {value}: wrong length (16 characters, or 11 digits if provisional)",
	CodeCFCharacter: "codice fiscale {value}: character not allowed at position {position}",
	CodeCFChecksum:  "codice fiscale {value}: wrong check character",
	CodeCFFormat:    "codice fiscale {value} is not valid: {detail}",
	CodeCFMismatch:  "codice fiscale {value} does not match the {part} ({detail})",

	CodeUnknownComune:   "unknown cadastral (Belfiore) code {value}",
	CodeUnknownState:    "unknown ISTAT foreign state code {value}",
	CodeUnknownProvince: "unknown province sigla {value}",
	CodeUnknownKit:      "unknown kit code {value}",
	CodeUnknownCode:     "code {value} is not in the ANPR table {table}",

	CodePlaceNotValidOnDate: "{place} {value} did not exist on the birth date {date}",
	CodeStateNotBirthPlace:  "state {value} ({name}) is not allowed as a birth place",
	CodeStateNotCitizenship: "state {value} ({name}) is not allowed as a citizenship",
	CodeBirthPlaceMissing:   "birth place missing: give the comune or the foreign state",
	CodeBirthPlaceConflict:  "give either the comune or the foreign state of birth, not both",
	CodeComuneNotActive:     "comune {value} is not active on {date}",
	CodeComuneIstatMismatch: "cadastral code {value} and ISTAT code {istat} are different comuni",
	CodeProvinceMismatch:    "province {value} differs from the province of comune {comune} ({expected})",
	CodeQuesturaUnknown:     "{value} is not the sigla of a province with a questura",
	CodeQuesturaMismatch:    "questura {value} differs from the domicile's province ({expected})",

	CodeKitNotValidOnDate:          "kit code {value} ({kit}) is no longer valid on {date} (valid until {to})",
	CodeKitOperationMismatch:       "request type {value} does not match kit code {kit} ({operazione})",
	CodeKitTitoloMismatch:          "document kind {value} differs from kit code {kit}'s ({expected})",
	CodeConversionTargetRequired:   "a conversion needs the kit code of the permit wanted",
	CodeConversionTargetNotAllowed: "the permit wanted is given only for a conversion (request: {tipo})",
	CodeConversionTargetInvalid:    "kit code {value} cannot be the target of a conversion ({reason})",
	CodeTitoloPossedutoRequired:    "the permit held is required for request {tipo}",
	CodeVistoOnlyRilascio:          "the visa is given only on a first issue (request: {tipo})",
	CodeFotoOnlyCartaUpdate:        "photo update is allowed only when updating a residence card",
	CodeGuardianRequired:           "parent or guardian data required: {reason}",

	CodeNameCharset:          "{field} has characters outside upper-case A-Z, space, apostrophe, hyphen; suggested form: {suggestion}",
	CodeNameUntransliterable: "{field} contains the character {char}, which cannot be transliterated",

	CodeBirthInFuture:     "birth date {value} is after the file date {date}",
	CodeDateInFuture:      "date {value} is after the file date {date}",
	CodeDocumentExpired:   "document expired on {value} (file date {date})",
	CodeExpiryBeforeIssue: "expiry date {value} is not after the issue date {issue}",
	CodeChildTooOld:       "the child is not under {max} on {date} (age {age})",

	CodeCAPFormat:   "CAP {value} is not valid: 5 digits required",
	CodeEmailFormat: "e-mail address {value} is not valid",
	CodePhoneFormat: "phone number {value} is not valid: digits and spaces, optional leading +",

	CodeTooLong:        "{field}: {length} characters, at most {max}",
	CodeTooShort:       "{field}: at least {min} characters",
	CodePattern:        "{field}: invalid format (expected {pattern})",
	CodeAboveMaximum:   "{field}: value above the maximum of {max}",
	CodeTooMany:        "{field}: at most {max} elements",
	CodeChoiceConflict: "{field} not allowed together with {other}",
	CodeInvalidDate:    "{field}: impossible or out-of-range date",
	CodeUnreadable:     "unreadable value (line {line}, column {column}): {detail}",
	CodeFieldTooLarge:  "value of {size} bytes beyond the read limit of {max} bytes (line {line}, column {column}): not read",

	CodeDuplicateID:   "application id {value} already used in the file",
	CodeCountMismatch: "the header declares {declared} applications but the file holds {count}",
}

// phrasesEN are English fragments quoted inside messages.
var phrasesEN = map[string]string{
	reasonKit14:         "kit code 14 is for a minor applicant",
	reasonMinor:         "the applicant is a minor (aged {age})",
	placeComune:         "comune",
	placeState:          "state",
	"part_Cognome":      "surname",
	"part_Nome":         "name",
	"part_Sesso":        "sex",
	"part_DataNascita":  "birth date",
	"part_LuogoNascita": "birthplace",
	"cf_detail":         "data say {expected}, the code {actual}",
}
