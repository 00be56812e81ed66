package eli2

import "github.com/retecomuni/eli2sdk/codes"

// DefaultChildMaxAge is the age under which a family member with relation
// FIGLIO may be listed in Modulo 1's children section: 14, the rule of the
// post-office kit ELI2 was built for. Law 122/2016 changed art. 31 of the
// Testo Unico on immigration (minors are now listed up to 18 in several
// cases), so ValidateOptions.ChildMaxAge can raise it.
const DefaultChildMaxAge = 14

// ValidateOptions tunes Validate. The zero value is ready to use: embedded
// tables, today's date, Italian messages, the kit's age limit for children,
// personal data masked.
type ValidateOptions struct {
	// Tables are the code tables; nil means codes.Default().
	Tables *codes.Tables
	// On is the date the application is judged at: the file's creation
	// date. Zero means today (ValidateFile and FileValidator use the
	// header's DataCreazione first).
	On codes.Date
	// Lang is the language of messages: "it" (default) or "en".
	Lang string
	// ChildMaxAge is the age under which a FIGLIO may be listed; 0 means
	// DefaultChildMaxAge.
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
	if o.On.IsZero() {
		o.On = codes.Today()
	}
	if _, ok := catalogs[o.Lang]; !ok {
		o.Lang = "it"
	}
	if o.ChildMaxAge <= 0 {
		o.ChildMaxAge = DefaultChildMaxAge
	}
	return o
}
