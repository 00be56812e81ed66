package eli2

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/retecomuni/eli2sdk/codes"
)

// testOn is the file date of the rule tests.
var testOn = codes.NewDate(2026, 11, 25)

func ptr[T any](v T) *T { return &v }

// typicalPratica is a valid renewal of a work permit, living in Firenze,
// with a spouse and a child: the base every rule case mutates.
func typicalPratica() *Pratica {
	return &Pratica{
		ID:       "P001",
		Questura: "FI",
		Richiesta: Richiesta{
			TipoRichiesta: Rinnovo,
			TipoTitolo:    Permesso,
			Tipologia:     16,
		},
		TitoloPosseduto: &TitoloPosseduto{
			Tipo:             "1",
			Numero:           "I00123456",
			Motivo:           "LAVORO SUBORDINATO",
			DataRilascio:     codes.NewDate(2025, 2, 10),
			DataScadenza:     codes.NewDate(2027, 2, 9), // more than 60 days after testOn (art. 5 c.4)
			QuesturaRilascio: "FI",
		},
		Richiedente: Richiedente{
			Cognome:      "HOXHA",
			Nome:         "ARBEN",
			Sesso:        Maschio,
			DataNascita:  PartialDate{Year: 1985, Month: 3, Day: 12},
			LuogoNascita: LuogoNascita{StatoEstero: "201", Localita: "DURAZZO"},
			Cittadinanza: "201",
			StatoCivile:  "2",
		},
		Domicilio: Domicilio{
			Comune:       "D612",
			Provincia:    "FI",
			Toponimo:     Toponimo{Specie: "VIA", Denominazione: "DEI NERI"},
			NumeroCivico: "12",
			CAP:          "50122",
		},
		Recapiti: &Recapiti{Telefono: "+39 055 1234567", Email: "arben.hoxha@example.org"},
		Documento: &Documento{
			Tipo:             Passaporto,
			Numero:           "BB1234567",
			DataRilascio:     codes.NewDate(2021, 5, 3),
			DataScadenza:     codes.NewDate(2031, 5, 2),
			AutoritaRilascio: "MINISTRIA E BRENDSHME",
			StatoRilascio:    "201",
		},
		Familiari: []Familiare{
			{
				Relazione:    Coniuge,
				Cognome:      "HOXHA",
				Nome:         "ELIRA",
				Sesso:        Femmina,
				DataNascita:  PartialDate{Year: 1988, Month: 7, Day: 1},
				LuogoNascita: LuogoNascita{StatoEstero: "201"},
				Cittadinanza: "201",
			},
			{
				Relazione:    Figlio,
				Cognome:      "HOXHA",
				Nome:         "DRITON",
				Sesso:        Maschio,
				DataNascita:  PartialDate{Year: 2016, Month: 2, Day: 20},
				LuogoNascita: LuogoNascita{Comune: "D612"},
				Cittadinanza: "201",
			},
		},
		Istanza:                Istanza{Moduli: []int{1}, FogliTotali: 2},
		DatiSocioProfessionali: &DatiSocioProfessionali{},
	}
}

// ruleCase is one table row: a mutation of the typical Pratica and the
// problems expected, as "Path code" strings (empty: valid).
type ruleCase struct {
	name   string
	mutate func(p *Pratica)
	opts   func(o *ValidateOptions)
	want   []string
}

// runRuleCases validates each case and compares the problems found with the
// ones expected, exactly (no missing, no extra).
func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := typicalPratica()
			if tc.mutate != nil {
				tc.mutate(p)
			}
			o := ValidateOptions{On: testOn}
			if tc.opts != nil {
				tc.opts(&o)
			}
			got := Validate(p, o)
			keys := make([]string, 0, len(got))
			for _, pr := range got {
				keys = append(keys, pr.Path+" "+pr.Code)
				assert.NotEmpty(t, pr.Message, "message of %s", pr.Code)
				assert.Equal(t, SeverityOf(pr.Code), pr.Severity)
			}
			if len(tc.want) == 0 {
				assert.Empty(t, keys, "problems: %v", got)
				return
			}
			assert.ElementsMatch(t, tc.want, keys, "problems: %v", got)
		})
	}
}
