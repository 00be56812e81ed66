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
	CodeQuesturaMismatch:    "questura {value} is not the one competent for the domicile ({expected}): the application goes to the questore of the province where the applicant lives",

	CodeKitNotValidOnDate:          "kit code {value} ({kit}) is not in force on {date} (kit table, {edition} edition): {successor}",
	CodeKitOperationMismatch:       "request type {value} is not allowed for kit code {kit} ({edition} edition: {operazione})",
	CodeKitTitoloMismatch:          "document kind {value} differs from kit code {kit}'s ({expected})",
	CodeConversionTargetRequired:   "a conversion needs the kit code of the permit wanted",
	CodeConversionTargetNotAllowed: "the permit wanted is given only for a conversion (request: {tipo})",
	CodeConversionTargetInvalid:    "kit code {value} cannot be the target of a conversion ({reason})",
	CodeTitoloPossedutoRequired:    "the permit held is required for request {tipo}",
	CodeVistoOnlyRilascio:          "the visa is given only on a first issue (request: {tipo})",
	CodeFotoOnlyCartaUpdate:        "photo update is allowed only when updating a residence card",
	CodeGuardianRequired:           "parent or guardian data required: {reason}",
	CodeKitToChoose:                "permit type (kit code) not given: the register holds no permit motive, the help desk operator chooses it",
	CodeDurationTooLong:            "requested duration of {value} months exceeds the maximum of {max} months for kit code {kit} ({source})",
	CodeDurationNotApplicable:      "kit code {kit} has no duration ({source}): do not give one",

	CodeNameCharset:          "{field} has characters outside upper-case A-Z, space, apostrophe, hyphen; suggested form: {suggestion}",
	CodeNameUntransliterable: "{field} contains the character {char}, which cannot be transliterated",
	CodeNameAccentApostrophe: "{field} has an apostrophe ending a word: a passport never writes an accent as an apostrophe; suggested form: {suggestion}",

	CodeBirthInFuture:     "birth date {value} is after the file date {date}",
	CodeDateInFuture:      "date {value} is after the file date {date}",
	CodeDocumentExpired:   "document expired on {value} (file date {date})",
	CodeExpiryBeforeIssue: "expiry date {value} is not after the issue date {issue}",
	CodeChildTooOld:       "the child is {age} on {date}: only children under {max} are listed; from {max} a minor applies himself (kit code 14) with a parent or guardian",
	CodeFileDateInFuture:  "file date {value} is after the run date {today}",
	CodeIssuedBeforeBirth: "issue date {value} is before the holder's birth ({birth})",
	CodeValidityTooLong:   "expiry {value} is more than {max} after the issue on {issue}: no residence document is valid that long",

	CodeRenewalLate:         "renewal asked on {date}, less than {notice} before the expiry on {expiry}: the term is not peremptory, the application is filed anyway",
	CodePermitExpiredGrace:  "permit expired on {expiry}, more than {grace} before {date}, with no renewal asked: the holder is liable to expulsion (art. 13 c.2 lett. b d.lgs. 286/1998); check with the questura",
	CodePermitExpiredReview: "residence document expired on {expiry}, more than {review} before {date}: the register office starts, after notice, the cancellation procedure (DPR 223/1989 art. 11 c.1 lett. c)",
	CodeTitoloExpired:       "request {tipo} for a document expired on {expiry}: an expired permit is renewed (RINNOVO); check the request type",

	CodeNotSubjectToPermit:      "citizenship {value} ({name}, {scope}) on {date}: not subject to a residence permit{note}",
	CodeCitizenshipUndetermined: "citizenship {value} ({name}): check it on the passport before filing the application",
	CodeDocumentMissing:         "passport or equivalent document missing: Modulo 1 requires it",
	CodeCodeNotRecognised:       "code {value} not recognised in table {table}: the value is kept as is, check it",
	CodeSpouseMultiple:          "{count} spouses listed: family reunification with a second spouse is not allowed (art. 29 c.1-ter d.lgs. 286/1998)",
	CodeSpouseTooYoung:          "spouse aged {age} on {date}, under {min}: check the birth date",
	CodeChildOlderThanParent:    "child born on {birth}, before the applicant ({parent})",
	CodeParentTooYoung:          "child born on {birth}, when the applicant (born on {parent}) was under {min}",

	CodeCAPFormat:   "CAP {value} is not valid: 5 digits required",
	CodeEmailFormat: "e-mail address {value} is not valid",
	CodePhoneFormat: "phone number {value} is not valid: digits and spaces, optional leading +",

	CodeDuplicateID:   "application id {value} already used in the file",
	CodeCountMismatch: "the header declares {declared} applications but the file holds {count}",
}

// phrasesEN are English fragments quoted inside messages.
var phrasesEN = map[string]string{
	reasonKit14:          "kit code 14 is for a minor applicant",
	reasonMinor:          "the applicant is a minor (aged {age})",
	placeComune:          "comune",
	placeState:           "state",
	"part_Cognome":       "surname",
	"part_Nome":          "name",
	"part_Sesso":         "sex",
	"part_DataNascita":   "birth date",
	"part_LuogoNascita":  "birthplace",
	"cf_detail":          "data say {expected}, the code {actual}",
	phraseSuccessor:      "use kit code {code} ({name})",
	phraseNoSuccessor:    "no kit code replaces it, choose one with the applicant",
	phraseChildNotListed: "; must not be listed among the children",
	phraseDays:           "{n} days",
	phraseMonths:         "{n} months",
	phraseYears:          "{n} years",
}
