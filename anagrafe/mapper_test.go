package anagrafe_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/codes/translit"
	"github.com/retecomuni/eli2sdk/eli2"
)

func mapFixture(t *testing.T, id string, req anagrafe.Request, opts anagrafe.MapOptions) (*eli2.Pratica, eli2.Problems) {
	t.Helper()
	rec := anagrafetest.ByID(id)
	require.NotNil(t, rec, id)
	if opts.On == 0 {
		opts.On = anagrafetest.RefDate
	}
	p, probs, err := anagrafe.Map(rec, req, opts)
	require.NoError(t, err)
	return p, probs
}

func errorsOf(ps eli2.Problems) []string {
	var out []string
	for _, p := range ps {
		if p.Severity == eli2.SeverityError {
			out = append(out, p.Path+": "+p.Code)
		}
	}
	return out
}

func TestMapHeadOfFamily(t *testing.T) {
	p, probs := mapFixture(t, "P001", anagrafe.Request{}, anagrafe.MapOptions{})
	assert.Empty(t, errorsOf(probs))
	assert.Equal(t, "P001", p.ID)
	assert.Equal(t, "FI", p.Questura)
	assert.Equal(t, eli2.Richiesta{TipoRichiesta: eli2.Rinnovo, TipoTitolo: eli2.Permesso, Tipologia: 16}, p.Richiesta)
	assert.Equal(t, &eli2.TitoloPosseduto{Tipo: "1", Numero: "I00000001", Motivo: "Lavoro subordinato",
		DataRilascio: 20240710, DataScadenza: 20260715, QuesturaRilascio: "FI"}, p.TitoloPosseduto)
	assert.Equal(t, eli2.Richiedente{CodiceFiscale: "LMRYSF85C10Z330C", Cognome: "EL AMRANI", Nome: "YOUSSEF",
		Sesso: eli2.Maschio, DataNascita: eli2.PartialDate{Year: 1985, Month: 3, Day: 10},
		LuogoNascita: eli2.LuogoNascita{StatoEstero: "436", Localita: "CASABLANCA"}, Cittadinanza: "436", StatoCivile: "2"}, p.Richiedente)
	assert.Equal(t, eli2.Domicilio{Comune: "D612", Provincia: "FI", Toponimo: eli2.Toponimo{Specie: "VIA", Denominazione: "dei Servi"},
		NumeroCivico: "12", Esponente: "A", Scala: "B", Interno: "3", CAP: "50122"}, p.Domicilio)
	assert.Equal(t, &eli2.Recapiti{Telefono: "+39 333 1234567", Email: "youssef.elamrani@example.org"}, p.Recapiti)
	assert.Equal(t, &eli2.Documento{Tipo: eli2.Passaporto, Numero: "UZ1234567", DataRilascio: 20190201, DataScadenza: 20290131,
		AutoritaRilascio: "Consolato del Marocco, Firenze", StatoRilascio: "436"}, p.Documento)
	require.Len(t, p.Familiari, 2, "spouse and the 10-year-old; the 15-year-old is over the children age")
	assert.Equal(t, eli2.Coniuge, p.Familiari[0].Relazione)
	assert.Equal(t, "BENNANI", p.Familiari[0].Cognome)
	assert.Equal(t, eli2.Familiare{Relazione: eli2.Figlio, Cognome: "EL AMRANI", Nome: "SARA", Sesso: eli2.Femmina,
		DataNascita: eli2.PartialDate{Year: 2016, Month: 4, Day: 5}, LuogoNascita: eli2.LuogoNascita{Comune: "D612"}, Cittadinanza: "436"}, p.Familiari[1])
	assert.Nil(t, p.GenitoreTutore)
	assert.Nil(t, p.Visto)
	assert.Equal(t, eli2.Istanza{Moduli: []int{1}, FogliTotali: 1}, p.Istanza)
	assert.Equal(t, &eli2.DatiSocioProfessionali{TitoloStudio: "4", PosizioneProfessione: "5"}, p.DatiSocioProfessionali)
}

func TestMapRules(t *testing.T) {
	type check func(t *testing.T, p *eli2.Pratica)
	tests := []struct {
		name  string
		id    string
		req   anagrafe.Request
		opts  anagrafe.MapOptions
		check check
	}{
		{"spouse gets head as CONIUGE and the children by links", "P002", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			require.Len(t, p.Familiari, 2)
			assert.Equal(t, eli2.Coniuge, p.Familiari[0].Relazione)
			assert.Equal(t, "LMRYSF85C10Z330C", p.Familiari[0].CodiceFiscale)
			assert.Equal(t, "SARA", p.Familiari[1].Nome)
			assert.Equal(t, 13, p.Richiesta.Tipologia)
			assert.Nil(t, p.Recapiti)
		}},
		{"minor child: father from filiation links, born in Italy", "P003", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, &eli2.GenitoreTutore{Ruolo: eli2.Padre, CodiceFiscale: "LMRYSF85C10Z330C", Cognome: "EL AMRANI", Nome: "YOUSSEF"}, p.GenitoreTutore)
			assert.Equal(t, eli2.LuogoNascita{Comune: "D612"}, p.Richiedente.LuogoNascita)
			assert.Empty(t, p.Familiari, "a child of the head has no children section")
			assert.Equal(t, 13, p.Richiesta.Tipologia, "10 years old: kit 13 stays")
			assert.Nil(t, p.Documento)
		}},
		{"15-year-old keeps kit 14 and gets the father", "P004", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 14, p.Richiesta.Tipologia)
			assert.Equal(t, eli2.Padre, p.GenitoreTutore.Ruolo)
		}},
		{"transliteration, renewal in progress keeps tipo 6, kit from motive, valid passport", "P010", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, "SEVCENKO", p.Richiedente.Cognome)
			assert.Equal(t, "6", p.TitoloPosseduto.Tipo)
			assert.Equal(t, 16, p.Richiesta.Tipologia)
			assert.Equal(t, "FE000002", p.Documento.Numero, "the valid passport, not the expired one nor the identity card")
			assert.Equal(t, eli2.PartialDate{Year: 1979}, p.Richiedente.DataNascita)
			require.Len(t, p.Familiari, 1, "no links: relation 3 children of the head applicant")
			assert.Equal(t, eli2.Figlio, p.Familiari[0].Relazione)
			assert.Equal(t, "DMYTRO", p.Familiari[0].Nome)
		}},
		{"child of the head without links: the head is the parent", "P011", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, &eli2.GenitoreTutore{Ruolo: eli2.Madre, Cognome: "SEVCENKO", Nome: "OLENA"}, p.GenitoreTutore)
		}},
		{"links only: nobody found without links", "P011", anagrafe.Request{}, anagrafe.MapOptions{Filiation: anagrafe.FiliationLinks}, func(t *testing.T, p *eli2.Pratica) {
			assert.Nil(t, p.GenitoreTutore)
		}},
		{"mother of the head: carta, kit 9, no children", "P012", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 9, p.Richiesta.Tipologia)
			assert.Equal(t, eli2.Carta, p.Richiesta.TipoTitolo)
			assert.Empty(t, p.Familiari)
			assert.Zero(t, p.TitoloPosseduto.DataScadenza)
		}},
		{"several citizenships: the passport's state", "P020", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, "615", p.Richiedente.Cittadinanza)
			assert.Equal(t, "MUELLER DA SILVA", p.Richiedente.Cognome)
			assert.Equal(t, "JOAO", p.Richiedente.Nome)
			assert.Equal(t, "Collegio Universitario", p.Domicilio.Presso)
			assert.Equal(t, "RA", p.Questura)
			assert.Equal(t, "PE7777777", p.Documento.Numero)
		}},
		{"minor head with a guardian (relation 26)", "P030", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, &eli2.GenitoreTutore{Ruolo: eli2.Tutore, CodiceFiscale: "NDYMSS70E01Z343C", Cognome: "NDIAYE", Nome: "MOUSSA"}, p.GenitoreTutore)
			assert.Equal(t, 2, p.Richiesta.Tipologia)
		}},
		{"guardian member is not the applicant's family", "P031", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Empty(t, p.Familiari)
			assert.Nil(t, p.GenitoreTutore)
		}},
		{"kit from motive (lavoro autonomo), no passport", "P2", anagrafe.Request{}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 15, p.Richiesta.Tipologia)
			assert.Nil(t, p.Documento)
		}},
		{"relation codes for the head give the same children", "P001", anagrafe.Request{}, anagrafe.MapOptions{Filiation: anagrafe.FiliationRelations}, func(t *testing.T, p *eli2.Pratica) {
			require.Len(t, p.Familiari, 2)
			assert.Equal(t, "SARA", p.Familiari[1].Nome)
		}},
		{"children age raised to 18 (L. 122/2016)", "P001", anagrafe.Request{}, anagrafe.MapOptions{ChildMaxAge: 18}, func(t *testing.T, p *eli2.Pratica) {
			require.Len(t, p.Familiari, 3)
			assert.Equal(t, "OMAR", p.Familiari[2].Nome)
		}},
		{"operator overrides", "P001", anagrafe.Request{Questura: "PO", Tipologia: 15, DurataMesi: 24, PraticaID: "X-1",
			Istanza: eli2.Istanza{Moduli: []int{1, 2}, FogliTotali: 3}}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, "PO", p.Questura)
			assert.Equal(t, 15, p.Richiesta.Tipologia)
			assert.Equal(t, 24, p.Richiesta.DurataMesi)
			assert.Equal(t, "X-1", p.ID)
			assert.Equal(t, eli2.Istanza{Moduli: []int{1, 2}, FogliTotali: 3}, p.Istanza)
		}},
		{"aggiornamento of a carta", "P012", anagrafe.Request{TipoRichiesta: eli2.Aggiornamento}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 3, p.Richiesta.Tipologia)
			assert.Equal(t, eli2.Carta, p.Richiesta.TipoTitolo)
		}},
		{"aggiornamento of a permesso", "P001", anagrafe.Request{TipoRichiesta: eli2.Aggiornamento}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 4, p.Richiesta.Tipologia)
		}},
		{"duplicato", "P001", anagrafe.Request{TipoRichiesta: eli2.Duplicato}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 12, p.Richiesta.Tipologia)
		}},
		{"conversione", "P020", anagrafe.Request{TipoRichiesta: eli2.Conversione, TipologiaRichiesta: 16}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 10, p.Richiesta.Tipologia)
			assert.Equal(t, 16, p.Richiesta.TipologiaRichiesta)
		}},
		{"rilascio: permit held ignored, visa kept", "P2", anagrafe.Request{TipoRichiesta: eli2.Rilascio, Tipologia: 16, Visto: &eli2.Visto{Tipo: "D", Numero: "V1"}}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Nil(t, p.TitoloPosseduto)
			assert.Equal(t, &eli2.Visto{Tipo: "D", Numero: "V1"}, p.Visto)
			assert.Equal(t, "305", p.Richiedente.Cittadinanza)
		}},
		{"visa only on rilascio", "P001", anagrafe.Request{Visto: &eli2.Visto{Tipo: "D"}}, anagrafe.MapOptions{}, func(t *testing.T, p *eli2.Pratica) {
			assert.Nil(t, p.Visto)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := mapFixture(t, tt.id, tt.req, tt.opts)
			tt.check(t, p)
		})
	}
}

// TestMapVariants changes one fixture at a time to reach the other rules.
func TestMapVariants(t *testing.T) {
	on := anagrafetest.RefDate
	tests := []struct {
		name   string
		id     string
		change func(r *anagrafe.Record)
		check  func(t *testing.T, p *eli2.Pratica)
	}{
		{"Sud Sardegna is served by Cagliari", "P001", func(r *anagrafe.Record) { r.Person.Address.Province = "SU" }, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, "CA", p.Questura)
		}},
		{"unknown province: the permit's questura", "P001", func(r *anagrafe.Record) { r.Person.Address.Province = "" }, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, "FI", p.Questura)
		}},
		{"passport state not a citizenship: the first", "P020", func(r *anagrafe.Record) { r.Person.Citizenships = []string{"605", "436"} }, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, "605", p.Richiedente.Cittadinanza)
		}},
		{"only expired passports: the most recent", "P010", func(r *anagrafe.Record) { r.Person.Documents[2].ExpiryDate = 20250101 }, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, "FE000002", p.Documento.Numero)
		}},
		{"valid travel document beats expired passport", "P010", func(r *anagrafe.Record) {
			r.Person.Documents[2].ExpiryDate = 20250101
			r.Person.Documents = append(r.Person.Documents, anagrafe.IdentityDocument{Kind: anagrafe.TravelDocument, Number: "TV1", IssueDate: 20240101, ExpiryDate: 20290101})
		}, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, "TV1", p.Documento.Numero)
			assert.Equal(t, eli2.TitoloViaggio, p.Documento.Tipo)
		}},
		{"famiglia kit for a 15-year-old becomes 14", "P004", func(r *anagrafe.Record) { r.Person.Permit.Kit = 0; r.Person.Permit.Motive = "Famiglia" }, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 14, p.Richiesta.Tipologia)
		}},
		{"ambiguous motive: no kit (the operator chooses)", "P2", func(r *anagrafe.Record) { r.Person.Permit.Motive = "Lavoro" }, func(t *testing.T, p *eli2.Pratica) {
			assert.Zero(t, p.Richiesta.Tipologia)
		}},
		{"kit recorded but abolished: fall back to motive", "P2", func(r *anagrafe.Record) { r.Person.Permit.Kit = 8 }, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, 15, p.Richiesta.Tipologia)
		}},
		{"spouse without links: head's relation-3 children", "P002", func(r *anagrafe.Record) {
			for i := range r.Family.Members {
				r.Family.Members[i].FatherID, r.Family.Members[i].MotherID = "", ""
			}
		}, func(t *testing.T, p *eli2.Pratica) {
			require.Len(t, p.Familiari, 2)
			assert.Equal(t, "SARA", p.Familiari[1].Nome)
		}},
		{"nephew of the head without links: no children", "P003", func(r *anagrafe.Record) {
			r.Person.Relation = "4"
			r.Person.FatherID, r.Person.MotherID = "", ""
			for i := range r.Family.Members {
				r.Family.Members[i].FatherID, r.Family.Members[i].MotherID = "", ""
			}
		}, func(t *testing.T, p *eli2.Pratica) {
			assert.Empty(t, p.Familiari)
			assert.Nil(t, p.GenitoreTutore, "relation 4 says nothing about the parents")
		}},
		{"minor head with a parent (relation 6)", "P030", func(r *anagrafe.Record) { r.Family.Members[1].Relation = anagrafe.RelParent }, func(t *testing.T, p *eli2.Pratica) {
			assert.Equal(t, eli2.Padre, p.GenitoreTutore.Ruolo)
		}},
		{"partial birth year: possibly minor gets a guardian", "P030", func(r *anagrafe.Record) { r.Person.BirthDate = eli2.PartialDate{Year: 2008} }, func(t *testing.T, p *eli2.Pratica) {
			require.NotNil(t, p.GenitoreTutore)
		}},
		{"adult head: no guardian", "P030", func(r *anagrafe.Record) { r.Person.BirthDate = eli2.PartialDate{Year: 2000} }, func(t *testing.T, p *eli2.Pratica) {
			assert.Nil(t, p.GenitoreTutore)
		}},
		{"no household", "P001", func(r *anagrafe.Record) { r.Family = nil }, func(t *testing.T, p *eli2.Pratica) {
			assert.Empty(t, p.Familiari)
		}},
		{"child with unknown birth date is not listed", "P001", func(r *anagrafe.Record) { r.Family.Members[2].BirthDate = eli2.PartialDate{} }, func(t *testing.T, p *eli2.Pratica) {
			require.Len(t, p.Familiari, 1)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := anagrafetest.ByID(tt.id)
			tt.change(rec)
			p, _, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: on})
			require.NoError(t, err)
			tt.check(t, p)
		})
	}
}

func TestMapErrors(t *testing.T) {
	_, _, err := anagrafe.Map(nil, anagrafe.Request{}, anagrafe.MapOptions{})
	assert.ErrorIs(t, err, anagrafe.ErrNilRecord)

	_, _, err = anagrafe.Map(anagrafetest.ByID("P040"), anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
	assert.ErrorIs(t, err, anagrafe.ErrNotSubject, "Italian citizen")
	assert.NotContains(t, err.Error(), "ROSSI")

	foreign := anagrafetest.ByID("P040")
	foreign.Person.Citizenships = []string{"436"}
	_, _, err = anagrafe.Map(foreign, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
	assert.ErrorIs(t, err, anagrafe.ErrNoPermit)
	assert.NotContains(t, err.Error(), "ROSSI")

	rec := anagrafetest.ByID("P010")
	rec.Family.Members[1].Name = "Дмитро" // P011 in Cyrillic
	_, _, err = anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
	var ne *eli2.NameError
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "Familiari[0].Nome", ne.Path)
	assert.ErrorIs(t, err, translit.ErrUntransliterable)
	assert.NotContains(t, err.Error(), "Дмитро")
}

// Every fixture with a permit maps to an application the validator
// accepts (warnings allowed).
func TestMapValidatesFixtures(t *testing.T) {
	for _, rec := range anagrafetest.Records() {
		if rec.Person.Permit == nil {
			continue
		}
		t.Run(rec.Person.ID, func(t *testing.T) {
			_, probs, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
			require.NoError(t, err)
			assert.Empty(t, errorsOf(probs))
		})
	}
	// and the validator's findings do come back
	rec := anagrafetest.ByID("P001")
	rec.Person.Address.CAP = "5012"
	rec.Person.CodiceFiscale = "LMRYSF85C10Z330K"
	_, probs, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate, Lang: "en"})
	require.NoError(t, err)
	assert.Len(t, errorsOf(probs), 2, "%v", probs)
	_, probs, err = anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate, SkipValidation: true})
	require.NoError(t, err)
	assert.Nil(t, probs)
}
