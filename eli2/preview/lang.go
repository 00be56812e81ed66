package preview

import "fmt"

// Lang is the language of the page's labels. Problem messages are shown as
// the validator wrote them.
type Lang string

// The languages of the labels.
const (
	Italian Lang = "it" // default
	English Lang = "en"
)

// valid reports whether l is a supported language ("" counts as Italian).
func (l Lang) valid() bool { return l == "" || l == Italian || l == English }

// text is one label in both languages.
type text struct{ it, en string }

// in returns the label in l.
func (t text) in(l Lang) string {
	if l == English {
		return t.en
	}
	return t.it
}

// Labels of the page. Section titles follow Modulo 1.
var (
	lTitle       = text{"Anteprima Modulo 1", "Modulo 1 preview"}
	lFileHeader  = text{"Intestazione del file", "File header"}
	lFileProbs   = text{"Problemi del file", "File problems"}
	lComune      = text{"Comune", "Municipality"}
	lSportello   = text{"Sportello", "Help desk"}
	lOperatore   = text{"Operatore", "Operator"}
	lCreazione   = text{"Data di creazione", "Created"}
	lSoftware    = text{"Software", "Software"}
	lNumPratiche = text{"Numero pratiche", "Applications"}
	lPratica     = text{"Pratica", "Application"}
	lNoID        = text{"(senza identificativo)", "(no identifier)"}
	lOtherProbs  = text{"Problemi non riferiti a un campo mostrato", "Problems not tied to a field shown"}
	lNoProblems  = text{"Nessun problema rilevato", "No problems found"}
	lError       = text{"Errore", "Error"}
	lWarning     = text{"Avviso", "Warning"}
	lEmpty       = text{"—", "—"}
	lRegister    = text{"in anagrafe", "in the register"}
	lYes         = text{"Sì", "Yes"}
	lNo          = text{"No", "No"}
	lAbsent      = text{"Sezione non compilata", "Section not filled in"}
	lNone        = text{"Nessuno", "None"}

	lSecRichiesta = text{"Questura e richiesta", "Questura and request"}
	lQuestura     = text{"Questura", "Questura"}
	lTipoRich     = text{"Tipo di richiesta", "Request type"}
	lTipoTitolo   = text{"Titolo richiesto", "Document requested"}
	lTipologia    = text{"Tipologia (codice kit)", "Permit type (kit code)"}
	lTipologiaRic = text{"Tipologia richiesta (conversione)", "Permit wanted (conversion)"}
	lDurata       = text{"Durata richiesta (mesi)", "Duration requested (months)"}
	lAggFoto      = text{"Aggiornamento foto", "Photo update"}

	lSecTitolo     = text{"Titolo di soggiorno posseduto", "Permit held"}
	lTipoSogg      = text{"Tipo", "Type"}
	lNumero        = text{"Numero", "Number"}
	lMotivo        = text{"Motivo", "Motive"}
	lDataRilascio  = text{"Data di rilascio", "Issue date"}
	lDataScadenza  = text{"Data di scadenza", "Expiry date"}
	lQuesturaRil   = text{"Questura di rilascio", "Issuing questura"}
	lSecRich       = text{"Dati anagrafici del richiedente", "Applicant"}
	lCF            = text{"Codice fiscale", "Tax code"}
	lCognome       = text{"Cognome", "Surname"}
	lNome          = text{"Nome", "Given names"}
	lSesso         = text{"Sesso", "Sex"}
	lDataNascita   = text{"Data di nascita", "Date of birth"}
	lSecNascita    = text{"Luogo di nascita", "Place of birth"}
	lComuneNascita = text{"Comune (Italia)", "Municipality (Italy)"}
	lStatoNascita  = text{"Stato estero", "Foreign state"}
	lLocalita      = text{"Località", "Town"}
	lSecCittad     = text{"Cittadinanza e stato civile", "Citizenship and civil status"}
	lCittadinanza  = text{"Cittadinanza", "Citizenship"}
	lStatoCivile   = text{"Stato civile", "Civil status"}
	lSecDomicilio  = text{"Domicilio", "Address"}
	lProvincia     = text{"Provincia", "Province"}
	lSpecie        = text{"Specie toponimo", "Street type"}
	lToponimo      = text{"Indirizzo", "Street"}
	lCivico        = text{"Numero civico", "House number"}
	lEsponente     = text{"Esponente", "Suffix"}
	lScala         = text{"Scala", "Staircase"}
	lInterno       = text{"Interno", "Flat"}
	lCAP           = text{"CAP", "Postcode"}
	lPresso        = text{"Presso", "Care of"}
	lSecRecapiti   = text{"Recapiti", "Contacts"}
	lTelefono      = text{"Telefono", "Telephone"}
	lEmail         = text{"Posta elettronica", "E-mail"}
	lSecDocumento  = text{"Passaporto o documento equipollente", "Passport or equivalent document"}
	lTipoDoc       = text{"Tipo di documento", "Document type"}
	lAutorita      = text{"Autorità di rilascio", "Issuing authority"}
	lStatoRil      = text{"Stato di rilascio", "Issuing state"}
	lSecVisto      = text{"Visto d'ingresso", "Entry visa"}
	lTipoVisto     = text{"Tipo di visto", "Visa type"}
	lSecFamiliari  = text{"Familiari", "Family members"}
	lFigli         = text{"Figli", "Children"}
	lAltriFam      = text{"Altri familiari", "Other family members"}
	lRelazione     = text{"Relazione", "Relation"}
	lLuogoNascita  = text{"Luogo di nascita", "Place of birth"}
	lSecGenitore   = text{"Genitore o tutore (richiedente minore)", "Parent or guardian (minor applicant)"}
	lRuolo         = text{"Ruolo", "Role"}
	lSecIstanza    = text{"Istanza", "Application forms"}
	lModuli        = text{"Moduli compilati", "Forms filled in"}
	lFogli         = text{"Fogli totali", "Total sheets"}
	lSecSocio      = text{"Dati socio-professionali", "Education and occupation"}
	lTitoloStudio  = text{"Titolo di studio", "Education"}
	lPosizione     = text{"Posizione nella professione", "Occupation"}
	lCondizione    = text{"Condizione non professionale", "Non-professional condition"}
)

// Labels of enumerated values, by their file spelling.
var enumLabels = map[string]text{
	"RILASCIO":               {"Rilascio", "First issue"},
	"RINNOVO":                {"Rinnovo", "Renewal"},
	"AGGIORNAMENTO":          {"Aggiornamento", "Update"},
	"CONVERSIONE":            {"Conversione", "Conversion"},
	"DUPLICATO":              {"Duplicato", "Duplicate"},
	"PERMESSO":               {"Permesso di soggiorno", "Residence permit"},
	"CARTA":                  {"Carta di soggiorno", "Residence card"},
	"M":                      {"Maschile", "Male"},
	"F":                      {"Femminile", "Female"},
	"FIGLIO":                 {"Figlio/a", "Child"},
	"CONIUGE":                {"Coniuge", "Spouse"},
	"GENITORE":               {"Genitore", "Parent"},
	"ALTRO":                  {"Altro", "Other"},
	"PADRE":                  {"Padre", "Father"},
	"MADRE":                  {"Madre", "Mother"},
	"TUTORE":                 {"Tutore", "Guardian"},
	"PASSAPORTO":             {"Passaporto", "Passport"},
	"DOCUMENTO_EQUIPOLLENTE": {"Documento equipollente", "Equivalent document"},
	"TITOLO_VIAGGIO":         {"Titolo di viaggio", "Travel document"},
}

// enumLabel returns the label of an enumerated value, or "" when the value is
// not one of the known spellings (the raw value is shown alone then).
func enumLabel(v string, l Lang) string {
	if t, ok := enumLabels[v]; ok {
		return t.in(l)
	}
	return ""
}

// countText says "1 errore", "3 avvisi"… in l.
func countText(n int, warning bool, l Lang) string {
	var one, many string
	switch {
	case l == English && warning:
		one, many = "warning", "warnings"
	case l == English:
		one, many = "error", "errors"
	case warning:
		one, many = "avviso", "avvisi"
	default:
		one, many = "errore", "errori"
	}
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
