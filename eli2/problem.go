package eli2

// Severity says whether a problem blocks the export.
type Severity uint8

// Severities: an error blocks export; a warning is shown to the operator.
const (
	SeverityError Severity = iota + 1
	SeverityWarning
)

// Problem is one finding of validation. Path is in the record model
// (Richiedente.LuogoNascita.Comune, Familiari[1].DataNascita), stable
// whatever the file layout; Code is a stable identifier (cf_checksum,
// place_not_valid_on_date) that programs branch on.
type Problem struct {
	Path     string
	Code     string
	Severity Severity
	Message  string // in the language chosen in the validation options (Italian by default)
}

// Problems is the list Validate returns.
type Problems []Problem

// HasErrors reports whether any problem has SeverityError.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}
