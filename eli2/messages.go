package eli2

import (
	"sort"
	"strings"
)

// Problem codes. They are the stable identifiers that programs branch on:
// a code never changes meaning, new checks get new codes. Every code has a
// message in Italian (messages_it.go) and English (messages_en.go).
const (
	// Generic field rules.
	CodeRequired     = "required"      // a required field is empty
	CodeInvalidValue = "invalid_value" // a value outside the allowed set (enums)
	CodeOutOfRange   = "out_of_range"  // a number outside its allowed range

	// Codice fiscale.
	CodeCFLength    = "cf_length"    // neither 16 characters nor 11 digits
	CodeCFCharacter = "cf_character" // a character not allowed at its position
	CodeCFChecksum  = "cf_checksum"  // the check character is wrong
	CodeCFFormat    = "cf_format"    // any other defect (e.g. impossible date or month letter)
	CodeCFMismatch  = "cf_mismatch"  // warning: a part disagrees with name, sex, birth date or place

	// Code tables.
	CodeUnknownComune   = "unknown_comune"   // Belfiore code not in the comuni archive
	CodeUnknownState    = "unknown_state"    // ISTAT state code not in the states table
	CodeUnknownProvince = "unknown_province" // province sigla not in the ISTAT table
	CodeUnknownKit      = "unknown_kit"      // kit code not in the kit table
	CodeUnknownCode     = "unknown_code"     // value not in an ANPR decoding table

	// Places.
	CodePlaceNotValidOnDate = "place_not_valid_on_date" // birth comune/state did not exist on the birth date
	CodeStateNotBirthPlace  = "state_not_birth_place"   // state not usable as a birth place
	CodeStateNotCitizenship = "state_not_citizenship"   // state not usable as a citizenship
	CodeBirthPlaceMissing   = "birth_place_missing"     // neither Comune nor StatoEstero
	CodeBirthPlaceConflict  = "birth_place_conflict"    // both Comune and StatoEstero
	CodeComuneNotActive     = "comune_not_active"       // comune not active on the file date
	CodeComuneIstatMismatch = "comune_istat_mismatch"   // header Belfiore and ISTAT codes are different comuni
	CodeProvinceMismatch    = "province_mismatch"       // Domicilio.Provincia is not the comune's sigla
	CodeQuesturaUnknown     = "questura_unknown"        // sigla without a questura (SU) or unknown
	CodeQuesturaMismatch    = "questura_mismatch"       // questura is not the one serving the domicile's province (error since 0.2)

	// Request.
	CodeKitNotValidOnDate          = "kit_not_valid_on_date"         // kit code abolished on the file date
	CodeKitOperationMismatch       = "kit_operation_mismatch"        // request type vs the kit's OPERAZIONE
	CodeKitTitoloMismatch          = "kit_titolo_mismatch"           // TipoTitolo vs the kit's TITOLO
	CodeConversionTargetRequired   = "conversion_target_required"    // CONVERSIONE without TipologiaRichiesta
	CodeConversionTargetNotAllowed = "conversion_target_not_allowed" // TipologiaRichiesta without CONVERSIONE
	CodeConversionTargetInvalid    = "conversion_target_invalid"     // target is not a valid RILASCIO_RINNOVO kit
	CodeTitoloPossedutoRequired    = "titolo_posseduto_required"     // current permit missing for a non-RILASCIO
	CodeVistoOnlyRilascio          = "visto_only_rilascio"           // visa given for a request other than RILASCIO
	CodeFotoOnlyCartaUpdate        = "foto_only_carta_update"        // AggiornamentoFoto outside AGGIORNAMENTO of a CARTA
	CodeGuardianRequired           = "guardian_required"             // minor applicant (or kit 14) without GenitoreTutore
	CodeKitToChoose                = "kit_to_choose"                 // warning: Tipologia empty, the desk chooses it
	CodeDurationTooLong            = "duration_too_long"             // warning: DurataMesi above the kit code's maximum
	CodeDurationNotApplicable      = "duration_not_applicable"       // warning: DurataMesi for a permit without duration

	// Names.
	CodeNameCharset          = "name_charset"           // letters outside A–Z, space, apostrophe, hyphen
	CodeNameUntransliterable = "name_untransliterable"  // a letter that cannot be transliterated
	CodeNameAccentApostrophe = "name_accent_apostrophe" // warning: apostrophe ending a word, an accent the passport does not write

	// Dates.
	CodeBirthInFuture     = "birth_in_future"     // birth after the file date
	CodeDateInFuture      = "date_in_future"      // an issue date after the file date
	CodeDocumentExpired   = "document_expired"    // warning: passport expired on the file date
	CodeExpiryBeforeIssue = "expiry_before_issue" // expiry not after issue
	CodeChildTooOld       = "child_too_old"       // FIGLIO not under Policy.ChildMaxAge on the file date
	CodeFileDateInFuture  = "file_date_in_future" // header DataCreazione after the run date
	CodeIssuedBeforeBirth = "issued_before_birth" // permit or passport issued before the holder's birth
	CodeValidityTooLong   = "validity_too_long"   // permit expiring more than Policy.MaxValidity after issue

	// Time windows of the permit held (Policy).
	CodeRenewalLate         = "renewal_late"          // warning: RINNOVO asked less than RenewalNotice before expiry
	CodePermitExpiredGrace  = "permit_expired_grace"  // warning: expired more than ExpiryGrace, no renewal asked
	CodePermitExpiredReview = "permit_expired_review" // warning: expired more than RegisterReview: register cancellation procedure
	CodeTitoloExpired       = "titolo_expired"        // warning: AGGIORNAMENTO, DUPLICATO or CONVERSIONE of an expired permit

	// Who may apply, and families.
	CodeNotSubjectToPermit      = "not_subject_to_permit"    // citizen of Italy, an EU or EEA state or Switzerland
	CodeCitizenshipUndetermined = "citizenship_undetermined" // warning: citizenship 997 or 998
	CodeDocumentMissing         = "document_missing"         // warning: applicant without passport or equivalent document
	CodeCodeNotRecognised       = "code_not_recognised"      // warning: register code (relation, document, permit type, marital status) not recognised
	CodeSpouseMultiple          = "spouse_multiple"          // more than one CONIUGE
	CodeSpouseTooYoung          = "spouse_too_young"         // warning: spouse under Policy.SpouseMinAge
	CodeChildOlderThanParent    = "child_older_than_parent"  // FIGLIO born before the applicant
	CodeParentTooYoung          = "parent_too_young"         // FIGLIO born before the applicant was Policy.ParentMinAge

	// Syntax.
	CodeCAPFormat   = "cap_format"   // CAP is not 5 digits
	CodeEmailFormat = "email_format" // not an e-mail address
	CodePhoneFormat = "phone_format" // not digits and spaces with an optional leading +

	// File level.
	CodeDuplicateID   = "duplicate_id"   // Pratica id seen before in the file
	CodeCountMismatch = "count_mismatch" // NumeroPratiche differs from the applications read
)

// SeverityOf returns the severity the validator gives to code, from the
// rule catalogue (Rules): a code not in the catalogue is an error.
func SeverityOf(code string) Severity {
	if r, ok := ruleMeta[code]; ok {
		return r.severity
	}
	return SeverityError
}

// ProblemCodes returns every problem code, sorted.
func ProblemCodes() []string {
	out := make([]string, 0, len(messagesIT))
	for c := range messagesIT {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// catalogs holds the message templates per language. A template refers to
// its parameters as {name}; unknown parameters are left as written.
var catalogs = map[string]map[string]string{
	"it": messagesIT,
	"en": messagesEN,
}

// phrases are catalogue fragments quoted inside messages; they are not
// problem codes.
var phrases = map[string]map[string]string{
	"it": phrasesIT,
	"en": phrasesEN,
}

// phrase formats the fragment key in the checker's language.
func (c *checker) phrase(key string, args ...string) string {
	return format(phrases[c.opts.Lang][key], args)
}

// Languages lists the languages of the message catalogue ("it" first, the
// default).
var Languages = []string{"it", "en"}

// Message formats the message of code in lang ("it" or "en"; anything else
// falls back to Italian), replacing {key} with its value for each key, value
// pair in args. An unknown code yields the code itself.
func Message(lang, code string, args ...string) string {
	cat, ok := catalogs[lang]
	if !ok {
		cat = messagesIT
	}
	tmpl, ok := cat[code]
	if !ok {
		return code
	}
	return format(tmpl, args)
}

// format replaces {key} in tmpl with the value of key in the key, value
// pairs of args.
func format(tmpl string, args []string) string {
	if len(args) < 2 || !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		if c == '{' {
			if j := strings.IndexByte(tmpl[i:], '}'); j > 0 {
				key := tmpl[i+1 : i+j]
				if v, ok := lookupArg(args, key); ok {
					b.WriteString(v)
					i += j + 1
					continue
				}
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

func lookupArg(args []string, key string) (string, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == key {
			return args[i+1], true
		}
	}
	return "", false
}

// maskName hides a name unless personal data may be shown: "MARIO ROSSI"
// becomes "M. R.".
func maskName(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for _, r := range w {
			b.WriteRune(r)
			break
		}
		b.WriteByte('.')
	}
	return b.String()
}

// MaskCodiceFiscale hides the birth date and birthplace of a codice fiscale,
// keeping the first six and the last character ("RSSMRA*********Z"); an
// 11-digit provisional code keeps its first three and last digit
// ("123*******5"). Any other text keeps its first and last character. It is
// the one masking policy of the module: messages, inspect, the preview and
// the audit log use it.
func MaskCodiceFiscale(s string) string {
	r := []rune(strings.TrimSpace(s))
	keep := 1
	switch n := len(r); {
	case n < 3:
		return strings.Repeat("*", n)
	case n == 16:
		keep = 6 // surname and name letters, as cf.Code.Masked
	case n == 11:
		keep = 3 // provisional code, as cf.Code.Masked
	}
	for i := keep; i < len(r)-1; i++ {
		r[i] = '*'
	}
	return string(r)
}

// MaskName returns the initials of a name ("MARIO ROSSI" → "M. R."), the
// form used in messages and logs unless personal data may be shown.
func MaskName(s string) string { return maskName(s) }
