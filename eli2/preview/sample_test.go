package preview

import (
	"time"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// The applications below are invented for the tests: no real person.

func sampleHeader() *eli2.Intestazione {
	return &eli2.Intestazione{
		ComuneBelfiore:   "D612",
		ComuneIstat:      "048017",
		Sportello:        "URP-CENTRO",
		Operatore:        "OP042",
		DataCreazione:    time.Date(2026, 11, 20, 10, 30, 0, 0, time.FixedZone("CET", 3600)),
		Software:         "eli2sdk",
		VersioneSoftware: "0.1.0",
		NumeroPratiche:   2,
	}
}

// validPratica is a renewal of a work permit with two children.
func validPratica() *eli2.Pratica {
	return &eli2.Pratica{
		ID:       "P-2026-0001",
		Questura: "FI",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Rinnovo,
			TipoTitolo:    eli2.Permesso,
			Tipologia:     16,
			DurataMesi:    24,
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{
			Tipo: "1", Numero: "I12345678", Motivo: "LAVORO SUBORDINATO",
			DataRilascio: codes.NewDate(2025, 2, 10), DataScadenza: codes.NewDate(2027, 2, 9),
			QuesturaRilascio: "FI",
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: "DLLMLN85M41Z100T",
			Cognome:       "DALLA",
			Nome:          "MARIA ELENA",
			Sesso:         eli2.Femmina,
			DataNascita:   eli2.PartialDate{Year: 1985, Month: 8, Day: 1},
			LuogoNascita:  eli2.LuogoNascita{StatoEstero: "201", Localita: "DURAZZO"},
			Cittadinanza:  "201",
			StatoCivile:   "2",
		},
		Domicilio: eli2.Domicilio{
			Comune: "D612", Provincia: "FI",
			Toponimo:     eli2.Toponimo{Specie: "VIA", Denominazione: "DEI MILLE"},
			NumeroCivico: "12", Esponente: "B", Interno: "3", CAP: "50131",
		},
		Recapiti: &eli2.Recapiti{Telefono: "+39 055 0000000", Email: "maria.dalla@example.org"},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "BA1234567",
			DataRilascio: codes.NewDate(2022, 3, 15), DataScadenza: codes.NewDate(2032, 3, 14),
			AutoritaRilascio: "MINISTRIA E BRENDSHME", StatoRilascio: "201",
		},
		Familiari: []eli2.Familiare{
			{Relazione: eli2.Coniuge, Cognome: "DALLA", Nome: "ARBEN", Sesso: eli2.Maschio,
				DataNascita: eli2.PartialDate{Year: 1982}, LuogoNascita: eli2.LuogoNascita{StatoEstero: "201"}, Cittadinanza: "201"},
			{Relazione: eli2.Figlio, Cognome: "DALLA", Nome: "LUCA", Sesso: eli2.Maschio,
				DataNascita: eli2.PartialDate{Year: 2015, Month: 4, Day: 2}, LuogoNascita: eli2.LuogoNascita{Comune: "D612"}, Cittadinanza: "201"},
			{Relazione: eli2.Figlio, Cognome: "DALLA", Nome: "SARA", Sesso: eli2.Femmina,
				DataNascita: eli2.PartialDate{Year: 2019, Month: 11}, LuogoNascita: eli2.LuogoNascita{Comune: "D612"}, Cittadinanza: "201"},
		},
		Istanza:                eli2.Istanza{Moduli: []int{1}, FogliTotali: 2},
		DatiSocioProfessionali: &eli2.DatiSocioProfessionali{TitoloStudio: "4", PosizioneProfessione: "6"},
	}
}

// invalidPratica is a first issue for a minor with many mistakes.
func invalidPratica() *eli2.Pratica {
	return &eli2.Pratica{
		ID:       "P-2026-0002",
		Questura: "SU",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Rilascio,
			TipoTitolo:    eli2.Carta,
			Tipologia:     14,
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: "KMRNNA10A41Z336X",
			Cognome:       "KAMARA",
			Nome:          "ANNA",
			Sesso:         "X",
			DataNascita:   eli2.PartialDate{Year: 2010, Month: 1},
			LuogoNascita:  eli2.LuogoNascita{Comune: "Z999"},
			Cittadinanza:  "000",
			StatoCivile:   "1",
		},
		Domicilio: eli2.Domicilio{
			Comune: "B354", Provincia: "RM",
			Toponimo:     eli2.Toponimo{Specie: "PIAZZA", Denominazione: "GARIBALDI"},
			NumeroCivico: "1", CAP: "0912",
		},
		Recapiti: &eli2.Recapiti{Email: "anna@@example"},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "X0000001",
			DataRilascio: codes.NewDate(2020, 5, 1), DataScadenza: codes.NewDate(2019, 5, 1),
			StatoRilascio: "336",
		},
		Visto:   &eli2.Visto{Tipo: "D", Numero: "ITA000111", DataRilascio: codes.NewDate(2026, 9, 1)},
		Istanza: eli2.Istanza{Moduli: []int{1, 2}, FogliTotali: 0},
	}
}

// invalidProblems are problems as a validator reports them: some name
// fields, one names a section, two name nothing the page shows.
func invalidProblems() eli2.Problems {
	e, w := eli2.SeverityError, eli2.SeverityWarning
	return eli2.Problems{
		{Path: "Questura", Code: "questura_unknown", Severity: e, Message: "La provincia SU non ha una questura"},
		{Path: "Richiesta.TipoTitolo", Code: "titolo_mismatch", Severity: e, Message: "Il codice kit 14 richiede il titolo PERMESSO"},
		{Path: "Richiedente.Sesso", Code: "enum", Severity: e, Message: "Sesso non valido: usare M o F"},
		{Path: "Richiedente.CodiceFiscale", Code: "cf_mismatch", Severity: w, Message: "Il codice fiscale KMRNNA10A41Z336X non corrisponde ai dati anagrafici"},
		{Path: "Richiedente.LuogoNascita.Comune", Code: "place_unknown", Severity: e, Message: "Comune di nascita Z999 sconosciuto"},
		{Path: "Richiedente.Cittadinanza", Code: "state_unknown", Severity: e, Message: "Cittadinanza 000 sconosciuta"},
		{Path: "Domicilio.CAP", Code: "cap_format", Severity: e, Message: "Il CAP deve avere 5 cifre"},
		{Path: "Domicilio.Provincia", Code: "province_mismatch", Severity: e, Message: "La provincia RM non corrisponde al comune B354"},
		{Path: "Recapiti.Email", Code: "email_format", Severity: w, Message: "Indirizzo di posta elettronica non valido"},
		{Path: "Documento.DataScadenza", Code: "expiry_before_issue", Severity: e, Message: "La scadenza precede il rilascio"},
		{Path: "GenitoreTutore", Code: "required", Severity: e, Message: "Richiedente minorenne: servono i dati del genitore o tutore"},
		{Path: "Istanza.FogliTotali", Code: "min", Severity: e, Message: "Indicare almeno un foglio"},
		{Path: "Questura", Code: "questura_domicile", Severity: w, Message: "La questura non è quella della provincia del domicilio"},
		{Path: "", Code: "pratica_generic", Severity: w, Message: "Pratica compilata da un registro non aggiornato"},
		{Path: "Richiedente.Soprannome", Code: "unknown_field", Severity: e, Message: "Campo sconosciuto"},
	}
}
