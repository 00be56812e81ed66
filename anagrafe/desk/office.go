package desk

// Office is the comune's help desk, printed on every letter: where to go
// and who signs. It is the caller's data (options of the command, settings
// of the desk app); empty fields are left out of the letter.
type Office struct {
	Comune    string // "Comune di Firenze"
	Name      string // "Ufficio Anagrafe – Sportello immigrati"
	Address   string // street address of the desk
	Hours     string // opening hours, free text
	Phone     string
	Email     string
	Signatory string // name and role of who signs the art. 11 notices
}
