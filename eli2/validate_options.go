package eli2

import "github.com/retecomuni/eli2sdk/codes"

// DefaultChildMaxAge is the age under which a family member with relation
// FIGLIO is listed in Modulo 1's children section: 14. Law 122/2016 did not
// raise it: it changed art. 31 of the Testo Unico on immigration so that
// every minor gets an individual permit (a child listed on a parent's
// application receives his own); from 14 to 17 a minor applies himself
// (kit code 14) with a parent or guardian (GenitoreTutore).
const DefaultChildMaxAge = 14

// ValidateOptions tunes Validate. The zero value is ready to use: embedded
// tables, today's date, Italian messages, the default policy, personal data
// masked.
type ValidateOptions struct {
	// Tables are the code tables; nil means codes.Default().
	Tables *codes.Tables
	// On is the date the application is judged at: the file's creation
	// date. Zero means Today (ValidateFile and FileValidator use the
	// header's DataCreazione first). Every window of Policy is measured
	// from it.
	On codes.Date
	// Today is the run date: a file dated after it is an error
	// (file_date_in_future), so that a file cannot vouch for itself by
	// its own date. Zero means the system date (the CLI's --on sets it).
	Today codes.Date
	// Lang is the language of messages: "it" (default) or "en".
	Lang string
	// Policy holds the time and age rules; zero fields mean DefaultPolicy.
	Policy Policy
	// ChildMaxAge is the age under which a FIGLIO may be listed.
	//
	// Deprecated: set Policy.ChildMaxAge; this field is used only when
	// Policy.ChildMaxAge is zero.
	ChildMaxAge int
	// ShowPersonalData lets messages quote full codici fiscali and names;
	// otherwise they are masked ("RSSMRA*********Z", "M. R.").
	ShowPersonalData bool
}

// withDefaults returns o with its zero fields replaced by the defaults.
func (o ValidateOptions) withDefaults() ValidateOptions {
	if o.Tables == nil {
		o.Tables = codes.Default()
	}
	if o.Today.IsZero() {
		o.Today = codes.Today()
	}
	if o.On.IsZero() {
		o.On = o.Today
	}
	if _, ok := catalogs[o.Lang]; !ok {
		o.Lang = "it"
	}
	if o.Policy.ChildMaxAge <= 0 && o.ChildMaxAge > 0 {
		o.Policy.ChildMaxAge = o.ChildMaxAge
	}
	o.Policy = o.Policy.withDefaults()
	o.ChildMaxAge = o.Policy.ChildMaxAge
	return o
}
