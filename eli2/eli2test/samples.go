// Package eli2test provides realistic sample applications (Pratiche) and
// import files for tests of the eli2 codec, validation, preview and
// adapters. The samples cover every request type, families, a minor with a
// guardian, a birth in a dissolved state, partial birth dates and an
// omocodic codice fiscale; the people are fictitious, the codes are real.
package eli2test

import (
	"fmt"
	"sort"
	"time"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
	"github.com/retecomuni/eli2sdk/eli2"
)

// FileDate is the creation date of every sample file, and the reference
// date for ages (children under 14, minor applicant).
var FileDate = time.Date(2026, time.March, 15, 10, 30, 0, 0, time.FixedZone("CET", 3600))

// FileDay is FileDate as a codes.Date.
var FileDay = codes.NewDate(2026, 3, 15)

func d(y, m, day int) codes.Date { return codes.NewDate(y, m, day) }

// ComputeCF returns the codice fiscale of the given person computed with
// cf.Compute (place is a Belfiore code: comune or Z code of a state). It
// panics if the data cannot give a code: the samples are constants.
func ComputeCF(surname, name string, sex eli2.Sesso, birth codes.Date, place string) string {
	c, err := cf.Compute(cf.Person{Surname: surname, Name: name, Sex: string(sex)[0], Birth: birth, PlaceCode: place})
	if err != nil {
		panic(fmt.Sprintf("eli2test: codice fiscale of a sample: %v", err))
	}
	return c.String()
}

// OmocodicCF returns the first omocodic variant (the one the tax agency
// assigns first) of the code ComputeCF gives.
func OmocodicCF(surname, name string, sex eli2.Sesso, birth codes.Date, place string) string {
	c, err := cf.Parse(ComputeCF(surname, name, sex, birth, place))
	if err != nil {
		panic(fmt.Sprintf("eli2test: %v", err))
	}
	return cf.Variants(c)[0].String()
}

// Header returns the header of a sample file sent by the comune with the
// given Belfiore and ISTAT codes, holding n applications.
func Header(belfiore, istat string, n int) eli2.Intestazione {
	return eli2.Intestazione{
		ComuneBelfiore:   belfiore,
		ComuneIstat:      istat,
		Sportello:        "SPORTELLO-STRANIERI-01",
		Operatore:        "OP042",
		DataCreazione:    FileDate,
		Software:         "eli2sdk",
		VersioneSoftware: "0.1.0",
		NumeroPratiche:   n,
	}
}

func bptr(b bool) *bool { return &b }

// RilascioConVisto is a first issue for subordinate work (kit 16) in
// Firenze: applicant born in Morocco, with passport and entry visa.
func RilascioConVisto() eli2.Pratica {
	birth := d(1994, 7, 3)
	return eli2.Pratica{
		ID:       "FI-2026-0001",
		Questura: "FI",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Rilascio, TipoTitolo: eli2.Permesso, Tipologia: 16, DurataMesi: 24,
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: ComputeCF("EL AMRANI", "YOUSSEF", eli2.Maschio, birth, "Z330"),
			Cognome:       "EL AMRANI", Nome: "YOUSSEF", Sesso: eli2.Maschio,
			DataNascita:  eli2.DateFrom(birth),
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "436", Localita: "CASABLANCA"},
			Cittadinanza: "436", StatoCivile: "1",
		},
		Domicilio: eli2.Domicilio{
			Comune: "D612", Provincia: "FI",
			Toponimo:     eli2.Toponimo{Specie: "VIA", Denominazione: "DEI NERI"},
			NumeroCivico: "14", Interno: "3", CAP: "50122",
		},
		Recapiti: &eli2.Recapiti{Telefono: "+39 333 1234567", Email: "y.elamrani@example.org"},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "UY4821937",
			DataRilascio: d(2023, 2, 10), DataScadenza: d(2028, 2, 9),
			AutoritaRilascio: "CONSULAT GENERAL DU MAROC A CASABLANCA", StatoRilascio: "436",
		},
		Visto:                  &eli2.Visto{Tipo: "D - LAVORO SUBORDINATO", Numero: "ITA019283746", DataRilascio: d(2025, 12, 1)},
		Istanza:                eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
		DatiSocioProfessionali: &eli2.DatiSocioProfessionali{TitoloStudio: "3", PosizioneProfessione: "3", CondizioneNonProfessionale: "0"},
	}
}

// RinnovoFamiglia is a renewal for family reasons (kit 13) in Ancona of an
// Albanian mother, with her husband and two children under 14 on FileDate.
func RinnovoFamiglia() eli2.Pratica {
	birth := d(1988, 11, 21)
	son, daughter := d(2015, 6, 10), d(2019, 2, 3)
	return eli2.Pratica{
		ID:       "AN-2026-0107",
		Questura: "AN",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Rinnovo, TipoTitolo: eli2.Permesso, Tipologia: 13,
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{
			Tipo: "1", Numero: "I04417359", Motivo: "FAMIGLIA",
			DataRilascio: d(2024, 6, 3), DataScadenza: d(2026, 6, 2), QuesturaRilascio: "AN",
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: ComputeCF("HOXHA", "ELIRA", eli2.Femmina, birth, "Z100"),
			Cognome:       "HOXHA", Nome: "ELIRA", Sesso: eli2.Femmina,
			DataNascita:  eli2.DateFrom(birth),
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "201", Localita: "DURRES"},
			Cittadinanza: "201", StatoCivile: "2",
		},
		Domicilio: eli2.Domicilio{
			Comune: "A271", Provincia: "AN",
			Toponimo:     eli2.Toponimo{Specie: "CORSO", Denominazione: "CARLO ALBERTO"},
			NumeroCivico: "61", Esponente: "B", Scala: "A", CAP: "60127",
		},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "BD7733105",
			DataRilascio: d(2022, 9, 5), DataScadenza: d(2032, 9, 4),
			AutoritaRilascio: "DREJTORIA E PERGJITHSHME E POLICISE", StatoRilascio: "201",
		},
		Familiari: []eli2.Familiare{
			{
				Relazione: eli2.Coniuge, CodiceFiscale: ComputeCF("HOXHA", "ARBEN", eli2.Maschio, d(1985, 1, 30), "Z100"),
				Cognome: "HOXHA", Nome: "ARBEN", Sesso: eli2.Maschio, DataNascita: eli2.DateFrom(d(1985, 1, 30)),
				LuogoNascita: eli2.LuogoNascita{StatoEstero: "201", Localita: "TIRANA"}, Cittadinanza: "201",
			},
			{
				Relazione: eli2.Figlio, CodiceFiscale: ComputeCF("HOXHA", "DRITON", eli2.Maschio, son, "A271"),
				Cognome: "HOXHA", Nome: "DRITON", Sesso: eli2.Maschio, DataNascita: eli2.DateFrom(son),
				LuogoNascita: eli2.LuogoNascita{Comune: "A271"}, Cittadinanza: "201",
			},
			{
				Relazione: eli2.Figlio, CodiceFiscale: ComputeCF("HOXHA", "ANA", eli2.Femmina, daughter, "A271"),
				Cognome: "HOXHA", Nome: "ANA", Sesso: eli2.Femmina, DataNascita: eli2.DateFrom(daughter),
				LuogoNascita: eli2.LuogoNascita{Comune: "A271"}, Cittadinanza: "201",
			},
		},
		Istanza:                eli2.Istanza{Moduli: []int{1}, FogliTotali: 2},
		DatiSocioProfessionali: &eli2.DatiSocioProfessionali{TitoloStudio: "4", PosizioneProfessione: "0", CondizioneNonProfessionale: "1"},
	}
}

// AggiornamentoCarta is an update (kit 3) of a long-term residence card in
// Ravenna, with a new photo; applicant born in Senegal.
func AggiornamentoCarta() eli2.Pratica {
	birth := d(1979, 4, 12)
	return eli2.Pratica{
		ID:       "RA-2026-0033",
		Questura: "RA",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Aggiornamento, TipoTitolo: eli2.Carta, Tipologia: 3, AggiornamentoFoto: bptr(true),
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{
			Tipo: "2", Numero: "I00982214", Motivo: "SOGGIORNANTE DI LUNGO PERIODO - UE",
			DataRilascio: d(2017, 10, 16), QuesturaRilascio: "RA",
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: ComputeCF("DIOP", "MAMADOU", eli2.Maschio, birth, "Z343"),
			Cognome:       "DIOP", Nome: "MAMADOU", Sesso: eli2.Maschio,
			DataNascita:  eli2.DateFrom(birth),
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "450", Localita: "THIES"},
			Cittadinanza: "450", StatoCivile: "2",
		},
		Domicilio: eli2.Domicilio{
			Comune: "H199", Provincia: "RA",
			Toponimo:     eli2.Toponimo{Specie: "VIA", Denominazione: "MARIANI"},
			NumeroCivico: "5", CAP: "48121", Presso: "COOPERATIVA IL MOSAICO",
		},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "A02261845",
			DataRilascio: d(2021, 3, 1), DataScadenza: d(2031, 2, 28), StatoRilascio: "450",
		},
		Istanza: eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
	}
}

// ConversioneStudioLavoro converts a study permit (kit 10) into one for
// subordinate work (TipologiaRichiesta 16) in Firenze; the applicant, born
// in the Philippines, has only year and month of birth in the register and
// no codice fiscale.
func ConversioneStudioLavoro() eli2.Pratica {
	return eli2.Pratica{
		ID:       "FI-2026-0002",
		Questura: "FI",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Conversione, TipoTitolo: eli2.Permesso, Tipologia: 10, TipologiaRichiesta: 16,
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{
			Tipo: "1", Numero: "I05521987", Motivo: "STUDIO",
			DataRilascio: d(2025, 6, 20), DataScadenza: d(2026, 6, 19), QuesturaRilascio: "FI",
		},
		Richiedente: eli2.Richiedente{
			Cognome: "DELA CRUZ", Nome: "MARIA CRISTINA", Sesso: eli2.Femmina,
			DataNascita:  eli2.PartialDate{Year: 1980, Month: 5},
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "323", Localita: "QUEZON CITY"},
			Cittadinanza: "323", StatoCivile: "1",
		},
		Domicilio: eli2.Domicilio{
			Comune: "D612", Provincia: "FI",
			Toponimo:     eli2.Toponimo{Specie: "PIAZZA", Denominazione: "DELLA SANTISSIMA ANNUNZIATA"},
			NumeroCivico: "9", Esponente: "R", CAP: "50121",
		},
		Recapiti: &eli2.Recapiti{Email: "mc.delacruz@example.org"},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "P7719203B",
			DataRilascio: d(2021, 8, 17), DataScadenza: d(2031, 8, 16),
			AutoritaRilascio: "DFA MANILA", StatoRilascio: "323",
		},
		Istanza: eli2.Istanza{Moduli: []int{1, 2}, FogliTotali: 2},
	}
}

// DuplicatoPermesso is a duplicate (kit 12) of a lost permit in Ancona; the
// register knows only the applicant's year of birth.
func DuplicatoPermesso() eli2.Pratica {
	return eli2.Pratica{
		ID:       "AN-2026-0108",
		Questura: "AN",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Duplicato, TipoTitolo: eli2.Permesso, Tipologia: 12,
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{
			Tipo: "1", Numero: "I03300417", Motivo: "LAVORO AUTONOMO",
			DataRilascio: d(2025, 6, 30), DataScadenza: d(2027, 6, 29), QuesturaRilascio: "AN",
		},
		Richiedente: eli2.Richiedente{
			Cognome: "RAHMAN", Nome: "MOHAMMED ABDUL", Sesso: eli2.Maschio,
			DataNascita:  eli2.PartialDate{Year: 1980},
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "305", Localita: "SYLHET"},
			Cittadinanza: "305",
		},
		Domicilio: eli2.Domicilio{
			Comune: "A271", Provincia: "AN",
			Toponimo:     eli2.Toponimo{Specie: "VIA", Denominazione: "GIOVANNI XXIII"},
			NumeroCivico: "2", Interno: "11", CAP: "60131",
		},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "EB0917734",
			DataRilascio: d(2020, 11, 3), DataScadenza: d(2030, 11, 2), StatoRilascio: "305",
		},
		Istanza: eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
	}
}

// MinoreConGenitore is the renewal of a family permit for a minor aged
// 14 to 18 (kit 14) in Ravenna, signed by the mother; born in Ukraine.
func MinoreConGenitore() eli2.Pratica {
	birth := d(2010, 9, 8)
	return eli2.Pratica{
		ID:       "RA-2026-0034",
		Questura: "RA",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Rinnovo, TipoTitolo: eli2.Permesso, Tipologia: 14,
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{
			Tipo: "1", Numero: "I04018822", Motivo: "FAMIGLIA MINORE 14-18",
			DataRilascio: d(2024, 6, 8), DataScadenza: d(2026, 6, 7), QuesturaRilascio: "RA",
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: ComputeCF("KOVALENKO", "SOFIIA", eli2.Femmina, birth, "Z138"),
			Cognome:       "KOVALENKO", Nome: "SOFIIA", Sesso: eli2.Femmina,
			DataNascita:  eli2.DateFrom(birth),
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "243", Localita: "KHARKIV"},
			Cittadinanza: "243", StatoCivile: "1",
		},
		Domicilio: eli2.Domicilio{
			Comune: "H199", Provincia: "RA",
			Toponimo:     eli2.Toponimo{Specie: "VIALE", Denominazione: "RANDI"},
			NumeroCivico: "28", CAP: "48121",
		},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "FX301928",
			DataRilascio: d(2022, 4, 14), DataScadenza: d(2026, 9, 7), StatoRilascio: "243",
		},
		GenitoreTutore: &eli2.GenitoreTutore{
			Ruolo:         eli2.Madre,
			CodiceFiscale: ComputeCF("KOVALENKO", "OLENA", eli2.Femmina, d(1983, 2, 17), "Z138"),
			Cognome:       "KOVALENKO", Nome: "OLENA",
		},
		Istanza:                eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
		DatiSocioProfessionali: &eli2.DatiSocioProfessionali{TitoloStudio: "2", PosizioneProfessione: "0", CondizioneNonProfessionale: "2"},
	}
}

// NatoInCroazia is a renewal for self-employment (kit 15) in Firenze of a
// man born in 1975 in today's Croatia, a citizen of Bosnia and Herzegovina
// (a Croatian citizen would need no permit since 2013): the register
// records the birth state as Croatia (ISTAT 250) while his codice fiscale,
// issued when the state was Yugoslavia, carries Z118.
func NatoInCroazia() eli2.Pratica {
	birth := d(1975, 8, 21)
	return eli2.Pratica{
		ID:       "FI-2026-0003",
		Questura: "FI",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Rinnovo, TipoTitolo: eli2.Permesso, Tipologia: 15, DurataMesi: 24,
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{
			Tipo: "1", Numero: "I02277140", Motivo: "LAVORO AUTONOMO",
			DataRilascio: d(2024, 6, 11), DataScadenza: d(2026, 6, 10), QuesturaRilascio: "FI",
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: ComputeCF("HORVAT", "IVAN", eli2.Maschio, birth, "Z118"),
			Cognome:       "HORVAT", Nome: "IVAN", Sesso: eli2.Maschio,
			DataNascita:  eli2.DateFrom(birth),
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "250", Localita: "ZAGREB"},
			Cittadinanza: "252", StatoCivile: "4",
		},
		Domicilio: eli2.Domicilio{
			Comune: "D612", Provincia: "FI",
			Toponimo:     eli2.Toponimo{Specie: "BORGO", Denominazione: "SAN FREDIANO"},
			NumeroCivico: "40", CAP: "50124",
		},
		Recapiti: &eli2.Recapiti{Telefono: "055 2345678"},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "118273645",
			DataRilascio: d(2019, 7, 1), DataScadenza: d(2029, 6, 30),
			AutoritaRilascio: "IDDEEA SARAJEVO", StatoRilascio: "252",
		},
		Istanza: eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
	}
}

// Omocodia is a renewal for subordinate work (kit 16) in Ancona of an
// applicant whose codice fiscale is omocodic (the first variant the tax
// agency assigns); born in Bangladesh (ISTAT 305, Z249).
func Omocodia() eli2.Pratica {
	birth := d(1990, 1, 1)
	return eli2.Pratica{
		ID:       "AN-2026-0109",
		Questura: "AN",
		Richiesta: eli2.Richiesta{
			TipoRichiesta: eli2.Rinnovo, TipoTitolo: eli2.Permesso, Tipologia: 16,
		},
		TitoloPosseduto: &eli2.TitoloPosseduto{
			Tipo: "6", Numero: "I06612003", Motivo: "LAVORO SUBORDINATO",
			DataRilascio: d(2024, 2, 19), DataScadenza: d(2026, 2, 18), QuesturaRilascio: "AN",
		},
		Richiedente: eli2.Richiedente{
			CodiceFiscale: OmocodicCF("HOSSAIN", "MD", eli2.Maschio, birth, "Z249"),
			Cognome:       "HOSSAIN", Nome: "MD", Sesso: eli2.Maschio,
			DataNascita:  eli2.DateFrom(birth),
			LuogoNascita: eli2.LuogoNascita{StatoEstero: "305", Localita: "DHAKA"},
			Cittadinanza: "305", StatoCivile: "1",
		},
		Domicilio: eli2.Domicilio{
			Comune: "A271", Provincia: "AN",
			Toponimo:     eli2.Toponimo{Specie: "PIAZZA", Denominazione: "D'ARMI"},
			NumeroCivico: "3", CAP: "60123",
		},
		Documento: &eli2.Documento{
			Tipo: eli2.Passaporto, Numero: "EH0045127",
			DataRilascio: d(2023, 1, 9), DataScadenza: d(2033, 1, 8), StatoRilascio: "305",
		},
		Istanza: eli2.Istanza{Moduli: []int{1}, FogliTotali: 1},
	}
}

// Pratiche returns every sample application by name, in a fresh copy.
func Pratiche() map[string]eli2.Pratica {
	return map[string]eli2.Pratica{
		"rilascio_visto":      RilascioConVisto(),
		"rinnovo_famiglia":    RinnovoFamiglia(),
		"aggiornamento_carta": AggiornamentoCarta(),
		"conversione":         ConversioneStudioLavoro(),
		"duplicato":           DuplicatoPermesso(),
		"minore_genitore":     MinoreConGenitore(),
		"nato_croazia_z118":   NatoInCroazia(),
		"omocodia":            Omocodia(),
	}
}

var comuneIstat = map[string]string{"D612": "048017", "A271": "042002", "H199": "039014"}

// Samples returns the sample import files by name: one file per sample
// application (sent by the comune of its domicile) and "batch", a file
// sent by Firenze holding the samples of its residents, in name order.
func Samples() map[string]eli2.ImportFile {
	out := make(map[string]eli2.ImportFile)
	ps := Pratiche()
	names := make([]string, 0, len(ps))
	for name, p := range ps {
		names = append(names, name)
		out[name] = eli2.ImportFile{
			Intestazione: Header(p.Domicilio.Comune, comuneIstat[p.Domicilio.Comune], 1),
			Pratiche:     []eli2.Pratica{p},
		}
	}
	sort.Strings(names)
	batch := eli2.ImportFile{Intestazione: Header("D612", "048017", 0)}
	for _, name := range names {
		if ps[name].Domicilio.Comune == "D612" {
			batch.Pratiche = append(batch.Pratiche, ps[name])
		}
	}
	batch.Intestazione.NumeroPratiche = len(batch.Pratiche)
	out["batch"] = batch
	return out
}

// SampleNames returns the names of Samples in sorted order.
func SampleNames() []string {
	s := Samples()
	names := make([]string, 0, len(s))
	for name := range s {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
