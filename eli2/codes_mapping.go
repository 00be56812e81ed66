package eli2

// Codes of problems found while building an application from a register
// (package anagrafe), not by Validate. They live in the one catalogue so
// that every operator-facing message has a stable code.
const (
	// CodeChildrenUnconfirmed is a warning: the register holds no filiation
	// links, so the children listed for a spouse applicant are the
	// household head's children (relation 3 is relative to the head), who
	// are not necessarily the spouse's; the desk must confirm them.
	CodeChildrenUnconfirmed = "children_unconfirmed"
)

func init() {
	messagesIT[CodeChildrenUnconfirmed] = "figli presi dalla scheda di famiglia (figli dell'intestatario, {count}): l'anagrafe non registra la filiazione, verificare allo sportello che siano figli del richiedente"
	messagesEN[CodeChildrenUnconfirmed] = "children taken from the household record (children of the head, {count}): the register holds no filiation, confirm at the desk that they are the applicant's children"
	ruleMeta[CodeChildrenUnconfirmed] = ruleInfo{SeverityWarning, "ANPR relazione_parentela: la relazione è con l'intestatario della scheda, non con il richiedente; Modulo 1, sezione figli (l. 122/2016)"}
}
