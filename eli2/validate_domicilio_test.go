package eli2

import "testing"

func TestValidateDomicilio(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "comune required", mutate: func(p *Pratica) { p.Domicilio.Comune = "" },
			want: []string{"Domicilio.Comune required"}},
		{name: "unknown comune", mutate: func(p *Pratica) { p.Domicilio.Comune = "Z999" },
			want: []string{"Domicilio.Comune unknown_comune"}},
		{name: "ceased comune", mutate: func(p *Pratica) { p.Domicilio.Comune, p.Domicilio.Provincia, p.Questura = "D235", "PT", "PT" },
			want: []string{"Domicilio.Comune comune_not_active"}},
		{name: "successor comune", mutate: func(p *Pratica) { p.Domicilio.Comune, p.Domicilio.Provincia, p.Questura = "M376", "PT", "PT" }},
		{name: "province of another comune", mutate: func(p *Pratica) { p.Domicilio.Provincia = "PO" },
			want: []string{"Domicilio.Provincia province_mismatch", "Questura questura_mismatch"}},
		{name: "unknown province", mutate: func(p *Pratica) { p.Domicilio.Provincia = "XX" },
			want: []string{"Domicilio.Provincia unknown_province"}},
		{name: "province required", mutate: func(p *Pratica) { p.Domicilio.Provincia = "" },
			want: []string{"Domicilio.Provincia required"}},
		{name: "specie toponimo", mutate: func(p *Pratica) { p.Domicilio.Toponimo.Specie = "PIAZZA" }},
		{name: "unknown specie toponimo", mutate: func(p *Pratica) { p.Domicilio.Toponimo.Specie = "STRADONA" },
			want: []string{"Domicilio.Toponimo.Specie unknown_code"}},
		{name: "toponimo required", mutate: func(p *Pratica) { p.Domicilio.Toponimo = Toponimo{} },
			want: []string{"Domicilio.Toponimo.Specie required", "Domicilio.Toponimo.Denominazione required"}},
		{name: "CAP with 4 digits", mutate: func(p *Pratica) { p.Domicilio.CAP = "5012" },
			want: []string{"Domicilio.CAP cap_format"}},
		{name: "CAP with letters", mutate: func(p *Pratica) { p.Domicilio.CAP = "5012A" },
			want: []string{"Domicilio.CAP cap_format"}},
		{name: "CAP required", mutate: func(p *Pratica) { p.Domicilio.CAP = "" },
			want: []string{"Domicilio.CAP required"}},
		{name: "questura required", mutate: func(p *Pratica) { p.Questura = "" },
			want: []string{"Questura required"}},
		{name: "Sud Sardegna has no questura", mutate: func(p *Pratica) { p.Questura = "SU" },
			want: []string{"Questura questura_unknown"}},
		{name: "unknown questura", mutate: func(p *Pratica) { p.Questura = "QQ" },
			want: []string{"Questura questura_unknown"}},
		// Art. 5 c.4 d.lgs. 286/1998: the questore of the province where the
		// applicant lives. An error since issue 10.
		{name: "questura of another province is an error", mutate: func(p *Pratica) { p.Questura = "PO" },
			want: []string{"Questura questura_mismatch"}},
		{name: "Sud Sardegna is served by the questura of Cagliari", mutate: func(p *Pratica) {
			p.Domicilio.Comune, p.Domicilio.Provincia, p.Domicilio.CAP, p.Questura = "F991", "SU", "09010", "CA"
		}},
		{name: "Sud Sardegna with another questura is an error", mutate: func(p *Pratica) {
			p.Domicilio.Comune, p.Domicilio.Provincia, p.Domicilio.CAP, p.Questura = "F991", "SU", "09010", "SS"
		}, want: []string{"Questura questura_mismatch"}},
		{name: "id required", mutate: func(p *Pratica) { p.ID = "" }, want: []string{"ID required"}},
		{name: "no contacts", mutate: func(p *Pratica) { p.Recapiti = nil }},
		{name: "phone without prefix", mutate: func(p *Pratica) { p.Recapiti.Telefono = "055 123456" }},
		{name: "phone with dash", mutate: func(p *Pratica) { p.Recapiti.Telefono = "055-123456" },
			want: []string{"Recapiti.Telefono phone_format"}},
		{name: "phone too short", mutate: func(p *Pratica) { p.Recapiti.Telefono = "+39" },
			want: []string{"Recapiti.Telefono phone_format"}},
		{name: "email", mutate: func(p *Pratica) { p.Recapiti.Email = "arben.hoxha@" },
			want: []string{"Recapiti.Email email_format"}},
		{name: "email only", mutate: func(p *Pratica) { p.Recapiti.Telefono = "" }},
	})
}

func TestValidateDocumento(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// Modulo 1 asks for a passport or equivalent document: a warning,
		// the desk may still file the application (issue 10).
		{name: "no document", mutate: func(p *Pratica) { p.Documento = nil },
			want: []string{"Documento document_missing"}},
		{name: "document fields required", mutate: func(p *Pratica) { p.Documento = &Documento{} },
			want: []string{"Documento.Tipo required", "Documento.Numero required", "Documento.DataScadenza required",
				"Documento.StatoRilascio required"}},
		{name: "document kind unknown", mutate: func(p *Pratica) { p.Documento.Tipo = "CARTA_IDENTITA" },
			want: []string{"Documento.Tipo invalid_value"}},
		{name: "travel document", mutate: func(p *Pratica) { p.Documento.Tipo = TitoloViaggio }},
		{name: "expiry before issue", mutate: func(p *Pratica) { p.Documento.DataScadenza = p.Documento.DataRilascio },
			want: []string{"Documento.DataScadenza expiry_before_issue", "Documento.DataScadenza document_expired"}},
		{name: "expired is a warning", mutate: func(p *Pratica) { p.Documento.DataScadenza = testOn.AddDays(-1) },
			want: []string{"Documento.DataScadenza document_expired"}},
		{name: "expires on the file date", mutate: func(p *Pratica) { p.Documento.DataScadenza = testOn }},
		{name: "issued in the future", mutate: func(p *Pratica) { p.Documento.DataRilascio = testOn.AddDays(1) },
			want: []string{"Documento.DataRilascio date_in_future"}},
		{name: "unknown issuing state", mutate: func(p *Pratica) { p.Documento.StatoRilascio = "000" },
			want: []string{"Documento.StatoRilascio unknown_state"}},
	})
}

func TestValidateFamiglia(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "no family", mutate: func(p *Pratica) { p.Familiari = nil }},
		{name: "relation required", mutate: func(p *Pratica) { p.Familiari[0].Relazione = "" },
			want: []string{"Familiari[0].Relazione required"}},
		{name: "relation unknown", mutate: func(p *Pratica) { p.Familiari[0].Relazione = "COGNATO" },
			want: []string{"Familiari[0].Relazione invalid_value"}},
		{name: "child aged 14", mutate: func(p *Pratica) { p.Familiari[1].DataNascita = PartialDate{Year: 2012, Month: 11, Day: 25} },
			want: []string{"Familiari[1].DataNascita child_too_old"}},
		{name: "child 14 tomorrow", mutate: func(p *Pratica) { p.Familiari[1].DataNascita = PartialDate{Year: 2012, Month: 11, Day: 26} }},
		{name: "child age limit is a policy value", mutate: func(p *Pratica) { p.Familiari[1].DataNascita = PartialDate{Year: 2011} },
			opts: func(o *ValidateOptions) { o.ChildMaxAge = 18 }},
		{name: "year-only child possibly under 14", mutate: func(p *Pratica) { p.Familiari[1].DataNascita = PartialDate{Year: 2012} }},
		{name: "year-only child certainly 14", mutate: func(p *Pratica) { p.Familiari[1].DataNascita = PartialDate{Year: 2011} },
			want: []string{"Familiari[1].DataNascita child_too_old"}},
		{name: "adult spouse", mutate: func(p *Pratica) { p.Familiari[0].DataNascita = PartialDate{Year: 1960} }},
		{name: "child born in the future", mutate: func(p *Pratica) { p.Familiari[1].DataNascita = PartialDate{Year: 2027, Month: 1} },
			want: []string{"Familiari[1].DataNascita birth_in_future"}},
		{name: "family names", mutate: func(p *Pratica) { p.Familiari[0].Nome, p.Familiari[1].Cognome = "Élira", "" },
			want: []string{"Familiari[0].Nome name_charset", "Familiari[1].Cognome required"}},
		{name: "family birth date required", mutate: func(p *Pratica) { p.Familiari[0].DataNascita = PartialDate{} },
			want: []string{"Familiari[0].DataNascita required"}},
		{name: "family birth place", mutate: func(p *Pratica) {
			p.Familiari[0].LuogoNascita = LuogoNascita{}
			p.Familiari[1].LuogoNascita = LuogoNascita{Comune: "M376"}
			p.Familiari[1].DataNascita = PartialDate{Year: 2016, Month: 12, Day: 31}
		}, want: []string{"Familiari[0].LuogoNascita birth_place_missing", "Familiari[1].LuogoNascita.Comune place_not_valid_on_date"}},
		{name: "family citizenship", mutate: func(p *Pratica) { p.Familiari[0].Cittadinanza, p.Familiari[1].Cittadinanza = "702", "" },
			want: []string{"Familiari[0].Cittadinanza state_not_citizenship"}},
		{name: "family sex", mutate: func(p *Pratica) { p.Familiari[0].Sesso = "W" },
			want: []string{"Familiari[0].Sesso invalid_value"}},
	})
}

func TestValidateIstanza(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "both forms", mutate: func(p *Pratica) { p.Istanza.Moduli = []int{1, 2} }},
		{name: "forms required", mutate: func(p *Pratica) { p.Istanza.Moduli = nil },
			want: []string{"Istanza.Moduli required"}},
		{name: "form 3", mutate: func(p *Pratica) { p.Istanza.Moduli = []int{1, 3} },
			want: []string{"Istanza.Moduli[1] invalid_value"}},
		{name: "no sheets", mutate: func(p *Pratica) { p.Istanza.FogliTotali = 0 },
			want: []string{"Istanza.FogliTotali out_of_range"}},
		{name: "socio-professional codes known", mutate: func(p *Pratica) {
			p.DatiSocioProfessionali = &DatiSocioProfessionali{TitoloStudio: "2", PosizioneProfessione: "2", CondizioneNonProfessionale: "0"}
		}},
		{name: "socio-professional codes", mutate: func(p *Pratica) {
			p.DatiSocioProfessionali = &DatiSocioProfessionali{TitoloStudio: "ZZ", PosizioneProfessione: "ZZ", CondizioneNonProfessionale: "ZZ"}
		}, want: []string{"DatiSocioProfessionali.TitoloStudio unknown_code", "DatiSocioProfessionali.PosizioneProfessione unknown_code",
			"DatiSocioProfessionali.CondizioneNonProfessionale unknown_code"}},
	})
}
