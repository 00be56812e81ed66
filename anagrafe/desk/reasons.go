package desk

// Reason codes explain each fee line. They are stable: programs branch on
// them; Text gives the operator-facing wording.
const (
	ReasonDue             = "due"                 // the table's amount applies
	ReasonExemptMinor     = "exempt_minor"        // applicant under 18 on the date
	ReasonExemptAsylum    = "exempt_asylum"       // asylum / protection kit code
	ReasonExemptValid     = "exempt_valid_permit" // update, conversion or duplicate of a permit still valid
	ReasonOverTwoYears    = "over_two_years"      // duration > 24 months: the DM names no amount
	ReasonUpToThreeMonths = "up_to_three_months"  // duration ≤ 3 months: no row in the table
	ReasonNoDuration      = "no_duration"         // neither DurataMesi nor the kit's maximum
	ReasonBirthUncertain  = "birth_uncertain"     // partial birth date straddles the 18th birthday
	ReasonLongTermRenewal = "long_term_renewal"   // kit 9 other than rilascio: no row
	ReasonArt27           = "art27_subcase"       // kit 17: amount depends on the letter of art. 27
	ReasonNotRilascioRinn = "not_issue_renewal"   // electronic permit: the table names rilascio and rinnovo only
	ReasonNotInForce      = "not_in_force"        // the date is before the table's VALIDO_DAL
	ReasonMissingFee      = "missing_fee"         // the tables have no row for the key
	ReasonUnknownKit      = "unknown_kit"         // kit code not in the edition in force
)

var reasonsIT = map[string]string{
	ReasonDue:             "dovuto",
	ReasonExemptMinor:     "esente: richiedente minore di 18 anni alla data",
	ReasonExemptAsylum:    "esente: asilo, protezione sussidiaria o motivi umanitari",
	ReasonExemptValid:     "esente: aggiornamento, conversione o duplicato di un permesso in corso di validità",
	ReasonOverTwoYears:    "importo non determinato: il DM non indica il contributo per permessi di durata superiore a 2 anni",
	ReasonUpToThreeMonths: "importo non determinato: la tabella non indica il contributo per permessi fino a 3 mesi",
	ReasonNoDuration:      "importo non determinato: durata del permesso non indicata",
	ReasonBirthUncertain:  "importo non determinato: data di nascita incompleta, non si sa se il richiedente è minorenne",
	ReasonLongTermRenewal: "importo non determinato: la tabella indica il contributo solo per il rilascio del permesso UE di lungo periodo",
	ReasonArt27:           "importo non determinato: dipende dal caso dell'art. 27 d.lgs. 286/1998 (100 € per l'art. 27 c.1 lett. a)",
	ReasonNotRilascioRinn: "importo non determinato: la tabella indica il costo per rilascio o rinnovo",
	ReasonNotInForce:      "importo non determinato: la tabella vale dal {from}",
	ReasonMissingFee:      "importo non determinato: voce assente dalle tabelle",
	ReasonUnknownKit:      "importo non determinato: codice tipologia kit sconosciuto alla data",
}

var reasonsEN = map[string]string{
	ReasonDue:             "due",
	ReasonExemptMinor:     "exempt: applicant under 18 on the date",
	ReasonExemptAsylum:    "exempt: asylum, subsidiary protection or humanitarian grounds",
	ReasonExemptValid:     "exempt: update, conversion or duplicate of a permit still valid",
	ReasonOverTwoYears:    "amount unknown: the DM names no contributo for permits longer than 2 years",
	ReasonUpToThreeMonths: "amount unknown: the table names no contributo for permits up to 3 months",
	ReasonNoDuration:      "amount unknown: permit duration not given",
	ReasonBirthUncertain:  "amount unknown: partial birth date, the applicant may be a minor",
	ReasonLongTermRenewal: "amount unknown: the table names the contributo only for issuing the EU long-term permit",
	ReasonArt27:           "amount unknown: depends on the case of art. 27 d.lgs. 286/1998 (€100 for art. 27 c.1 lett. a)",
	ReasonNotRilascioRinn: "amount unknown: the table names the cost for issue or renewal",
	ReasonNotInForce:      "amount unknown: the table applies from {from}",
	ReasonMissingFee:      "amount unknown: no such key in the tables",
	ReasonUnknownKit:      "amount unknown: kit code unknown on the date",
}
