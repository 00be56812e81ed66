package eli2

import "sort"

// Rule is one entry of the rule catalogue: a problem code, the severity the
// validator gives it, the source of the rule (a law article, a data table,
// or "formato v1" for the syntax of the file) and its message templates in
// Italian and English ({name} marks a parameter).
type Rule struct {
	Code      string
	Severity  Severity
	Source    string
	MessageIT string
	MessageEN string
}

// Rules returns the rule catalogue, sorted by code: every problem code the
// validator can report, built from the same tables the messages come from
// (messages_it.go, messages_en.go, and ruleMeta for severity and source).
// `eli2 validate --rules` prints it.
func Rules() []Rule {
	out := make([]Rule, 0, len(messagesIT))
	for code, it := range messagesIT {
		m := ruleMeta[code]
		sev := m.severity
		if sev == 0 {
			sev = SeverityError
		}
		out = append(out, Rule{Code: code, Severity: sev, Source: m.source, MessageIT: it, MessageEN: messagesEN[code]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// ruleInfo is what the catalogue knows of a code beyond its messages.
type ruleInfo struct {
	severity Severity
	source   string
}

// Sources quoted by several rules.
const (
	srcFormat      = "formato v1 (sintassi del file, eli2/schema/eli2-import-v1.xsd)"
	srcComuni      = "ANPR, archivio dei comuni (ANPR_archivio_comuni.csv), date di validità"
	srcStati       = "ANPR, tabella degli stati esteri (stati_esteri.csv)"
	srcProvince    = "ISTAT, elenco delle province (province.csv); Sud Sardegna servita dalla questura di Cagliari"
	srcDecoding    = "ANPR, tabelle di decodifica (anpr/*.csv)"
	srcKitEditions = "tabelle del kit: edizione 2006 (Ministero dell'Interno) fino al 29/05/2024, edizione Poste Italiane dal 30/05/2024 (kit_edizioni.csv)"
	srcCF          = "DPR 605/1973 e DM Finanze 23/12/1976 (struttura e carattere di controllo del codice fiscale)"
	srcNames       = "circolare Ministero dell'Interno 1/2008; ICAO Doc 9303 (zona a lettura ottica del passaporto)"
	srcPlausible   = "plausibilità dei dati (nessuna norma: un dato impossibile è un errore di registrazione)"
	srcModulo1     = "Modulo 1 del kit postale (sezione passaporto o documento equipollente)"
	srcRenewal     = "art. 5 c.4 d.lgs. 286/1998 (rinnovo richiesto almeno 60 giorni prima della scadenza; termine non perentorio)"
	srcExpulsion   = "art. 13 c.2 lett. b d.lgs. 286/1998 (permesso scaduto da più di 60 giorni senza richiesta di rinnovo)"
	srcRegister    = "DPR 223/1989 art. 11 c.1 lett. c (cancellazione anagrafica sei mesi dopo la scadenza del permesso, previo avviso)"
	srcFreeMove    = "art. 1 d.lgs. 286/1998 (il Testo Unico si applica a chi non è cittadino UE); d.lgs. 30/2007; Accordo SEE; Accordo UE-Svizzera del 21/06/1999"
)

// ruleMeta holds severity and source of every problem code; a code absent
// from it is a catalogue defect (a test fails).
var ruleMeta = map[string]ruleInfo{
	CodeRequired:     {SeverityError, srcFormat},
	CodeInvalidValue: {SeverityError, srcFormat},
	CodeOutOfRange:   {SeverityError, srcFormat},

	CodeCFLength:    {SeverityError, srcCF},
	CodeCFCharacter: {SeverityError, srcCF},
	CodeCFChecksum:  {SeverityError, srcCF},
	CodeCFFormat:    {SeverityError, srcCF},
	CodeCFMismatch:  {SeverityWarning, srcCF + "; vale il codice attribuito dall'Agenzia delle Entrate anche se non coincide"},

	CodeUnknownComune:   {SeverityError, srcComuni},
	CodeUnknownState:    {SeverityError, srcStati},
	CodeUnknownProvince: {SeverityError, srcProvince},
	CodeUnknownKit:      {SeverityError, srcKitEditions},
	CodeUnknownCode:     {SeverityError, srcDecoding},

	CodePlaceNotValidOnDate: {SeverityError, srcComuni + "; " + srcStati},
	CodeStateNotBirthPlace:  {SeverityError, srcStati + ", colonna luogo di nascita"},
	CodeStateNotCitizenship: {SeverityError, srcStati + ", colonna cittadinanza"},
	CodeBirthPlaceMissing:   {SeverityError, srcFormat},
	CodeBirthPlaceConflict:  {SeverityError, srcFormat},
	CodeComuneNotActive:     {SeverityError, srcComuni},
	CodeComuneIstatMismatch: {SeverityError, srcComuni},
	CodeProvinceMismatch:    {SeverityError, srcComuni + "; " + srcProvince},
	CodeQuesturaUnknown:     {SeverityError, srcProvince},
	CodeQuesturaMismatch:    {SeverityError, "art. 5 c.4 d.lgs. 286/1998 (questore della provincia in cui lo straniero dimora); " + srcProvince},

	CodeKitNotValidOnDate:          {SeverityError, srcKitEditions + "; codici sostitutivi: kit_successori.csv"},
	CodeKitOperationMismatch:       {SeverityError, srcKitEditions + ", operazioni ammesse per codice"},
	CodeKitTitoloMismatch:          {SeverityError, srcKitEditions + ", colonna TITOLO"},
	CodeConversionTargetRequired:   {SeverityError, srcFormat + "; codice 10 del kit (conversione: serve la tipologia richiesta)"},
	CodeConversionTargetNotAllowed: {SeverityError, srcFormat},
	CodeConversionTargetInvalid:    {SeverityError, srcKitEditions + " (la tipologia richiesta deve ammettere il rilascio)"},
	CodeTitoloPossedutoRequired:    {SeverityError, srcFormat + "; Modulo 1 (titolo posseduto, salvo primo rilascio)"},
	CodeVistoOnlyRilascio:          {SeverityError, srcFormat + "; Modulo 1 (visto d'ingresso solo al primo rilascio)"},
	CodeFotoOnlyCartaUpdate:        {SeverityError, srcFormat + "; codice 3 del kit (aggiornamento carta: anche la foto)"},
	CodeGuardianRequired:           {SeverityError, "artt. 2 e 320 codice civile (il minore agisce tramite genitori o tutore); codice 14 del kit"},
	CodeKitToChoose:                {SeverityWarning, "ANPR: la scheda del permesso non registra il motivo (solo numero, date, autorità, passaporto); la tipologia la sceglie lo sportello"},
	CodeDurationTooLong:            {SeverityWarning, "kit_durate.csv (fonte indicata per ciascun codice: art. 5 c.3 e art. 24 d.lgs. 286/1998, d.l. 20/2023)"},
	CodeDurationNotApplicable:      {SeverityWarning, "art. 9 d.lgs. 286/1998 e l. 238/2021: il permesso UE per soggiornanti di lungo periodo è a tempo indeterminato (kit_durate.csv)"},

	CodeNameCharset:          {SeverityError, srcNames},
	CodeNameUntransliterable: {SeverityError, srcNames},
	CodeNameAccentApostrophe: {SeverityWarning, srcNames + ": nel passaporto l'accento non diventa apostrofo"},

	CodeBirthInFuture:     {SeverityError, srcPlausible},
	CodeDateInFuture:      {SeverityError, srcPlausible},
	CodeDocumentExpired:   {SeverityWarning, srcModulo1},
	CodeExpiryBeforeIssue: {SeverityError, srcPlausible},
	CodeChildTooOld:       {SeverityError, "Modulo 1, sezione figli minori di 14 anni; l. 122/2016 (art. 31 d.lgs. 286/1998): dai 14 anni domanda propria, codice 14 (Policy.ChildMaxAge)"},
	CodeFileDateInFuture:  {SeverityError, srcFormat + ": DataCreazione è il giorno in cui le domande sono preparate, non può seguire la data di esecuzione"},
	CodeIssuedBeforeBirth: {SeverityError, srcPlausible},
	CodeValidityTooLong:   {SeverityError, "art. 9 d.lgs. 286/1998 e l. 238/2021: il documento più lungo, la carta UE per soggiornanti di lungo periodo, vale 10 anni (Policy.MaxValidity)"},

	CodeRenewalLate:         {SeverityWarning, srcRenewal + " (Policy.RenewalNotice)"},
	CodePermitExpiredGrace:  {SeverityWarning, srcExpulsion + " (Policy.ExpiryGrace)"},
	CodePermitExpiredReview: {SeverityWarning, srcRegister + " (Policy.RegisterReview)"},
	CodeTitoloExpired:       {SeverityWarning, "art. 5 d.lgs. 286/1998: un permesso scaduto si rinnova; aggiornamento, duplicato e conversione presuppongono un titolo in corso di validità"},

	CodeNotSubjectToPermit:      {SeverityError, srcFreeMove},
	CodeCitizenshipUndetermined: {SeverityWarning, srcStati + ": 997 in corso di definizione, 998 non attribuibile"},
	CodeDocumentMissing:         {SeverityWarning, srcModulo1},
	CodeCodeNotRecognised:       {SeverityWarning, srcDecoding + ": un codice non riconosciuto si segnala, non si scarta"},
	CodeSpouseMultiple:          {SeverityError, "art. 29 c.1-ter d.lgs. 286/1998 (nessun ricongiungimento con un secondo coniuge)"},
	CodeSpouseTooYoung:          {SeverityWarning, "art. 84 codice civile (nessun matrimonio prima dei 16 anni; a 16 solo con autorizzazione del tribunale) (Policy.SpouseMinAge)"},
	CodeChildOlderThanParent:    {SeverityError, srcPlausible},
	CodeParentTooYoung:          {SeverityError, srcPlausible + " (Policy.ParentMinAge, 12 anni)"},

	CodeCAPFormat:   {SeverityError, srcFormat + "; CAP di Poste Italiane (5 cifre)"},
	CodeEmailFormat: {SeverityError, srcFormat},
	CodePhoneFormat: {SeverityError, srcFormat + "; ITU-T E.164 (al più 15 cifre)"},

	CodeDuplicateID:   {SeverityError, srcFormat},
	CodeCountMismatch: {SeverityError, srcFormat},
}
