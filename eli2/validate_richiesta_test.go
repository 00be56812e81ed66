package eli2

import (
	"testing"

	"github.com/retecomuni/eli2sdk/codes"
)

func TestValidateRichiesta(t *testing.T) {
	rilascio := func(p *Pratica) { p.Richiesta.TipoRichiesta = Rilascio; p.TitoloPosseduto = nil }
	runRuleCases(t, []ruleCase{
		{name: "typical renewal is valid"},
		{name: "rilascio without titolo posseduto", mutate: rilascio},
		{name: "tipo richiesta required", mutate: func(p *Pratica) { p.Richiesta.TipoRichiesta = "" },
			want: []string{"Richiesta.TipoRichiesta required"}},
		{name: "tipo richiesta unknown", mutate: func(p *Pratica) { p.Richiesta.TipoRichiesta = "PROROGA" },
			want: []string{"Richiesta.TipoRichiesta invalid_value"}},
		{name: "tipo titolo unknown", mutate: func(p *Pratica) { p.Richiesta.TipoTitolo = "VISTO" },
			want: []string{"Richiesta.TipoTitolo invalid_value"}},
		{name: "tipologia required", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 0 },
			want: []string{"Richiesta.Tipologia required"}},
		{name: "tipologia unknown", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 27 },
			want: []string{"Richiesta.Tipologia unknown_kit"}},
		{name: "kit 8 abolished in 2007", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoTitolo = 8, Carta
		}, want: []string{"Richiesta.Tipologia kit_not_valid_on_date"}},
		{name: "kit 8 valid before abolition", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoTitolo = 8, Carta
			p.TitoloPosseduto.DataRilascio, p.TitoloPosseduto.DataScadenza = codes.NewDate(2005, 1, 1), codes.NewDate(2007, 1, 1)
			p.Documento.DataRilascio, p.Documento.DataScadenza = codes.NewDate(2004, 5, 3), codes.NewDate(2014, 5, 2)
			p.Familiari = nil
		}, opts: func(o *ValidateOptions) { o.On = codes.NewDate(2006, 6, 1) }},
		{name: "kit 4 is an update", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 4 },
			want: []string{"Richiesta.TipoRichiesta kit_operation_mismatch"}},
		{name: "kit 4 update", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta = 4, Aggiornamento
		}},
		{name: "kit 3 is a carta", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta = 3, Aggiornamento
		}, want: []string{"Richiesta.TipoTitolo kit_titolo_mismatch"}},
		{name: "kit 7 only renewal", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia = 7
			rilascio(p)
		}, want: []string{"Richiesta.TipoRichiesta kit_operation_mismatch"}},
		{name: "kit 7 renewal", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 7 }},
		{name: "kit 23 only renewal", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta = 23, Duplicato
		}, want: []string{"Richiesta.TipoRichiesta kit_operation_mismatch"}},
		{name: "kit 12 duplicate", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta = 12, Duplicato
		}},
		{name: "kit 12 not a renewal", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 12 },
			want: []string{"Richiesta.TipoRichiesta kit_operation_mismatch"}},
		{name: "duplicate needs kit 11 or 12", mutate: func(p *Pratica) { p.Richiesta.TipoRichiesta = Duplicato },
			want: []string{"Richiesta.TipoRichiesta kit_operation_mismatch"}},
		{name: "conversion", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta, p.Richiesta.TipologiaRichiesta = 10, Conversione, 16
		}},
		{name: "conversion needs target", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta = 10, Conversione
		}, want: []string{"Richiesta.TipologiaRichiesta conversion_target_required"}},
		{name: "conversion target is an update", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta, p.Richiesta.TipologiaRichiesta = 10, Conversione, 4
		}, want: []string{"Richiesta.TipologiaRichiesta conversion_target_invalid"}},
		{name: "conversion target abolished", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta, p.Richiesta.TipologiaRichiesta = 10, Conversione, 8
		}, want: []string{"Richiesta.TipologiaRichiesta kit_not_valid_on_date"}},
		{name: "conversion target unknown", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta, p.Richiesta.TipologiaRichiesta = 10, Conversione, 40
		}, want: []string{"Richiesta.TipologiaRichiesta unknown_kit"}},
		{name: "kit 10 only conversion", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 10 },
			want: []string{"Richiesta.TipoRichiesta kit_operation_mismatch"}},
		{name: "target only for conversion", mutate: func(p *Pratica) { p.Richiesta.TipologiaRichiesta = 24 },
			want: []string{"Richiesta.TipologiaRichiesta conversion_target_not_allowed"}},
		{name: "negative duration", mutate: func(p *Pratica) { p.Richiesta.DurataMesi = -1 },
			want: []string{"Richiesta.DurataMesi out_of_range"}},
		{name: "duration", mutate: func(p *Pratica) { p.Richiesta.DurataMesi = 24 }},
		{name: "photo update of a carta", mutate: func(p *Pratica) {
			p.Richiesta = Richiesta{TipoRichiesta: Aggiornamento, TipoTitolo: Carta, Tipologia: 3, AggiornamentoFoto: ptr(true)}
			p.TitoloPosseduto.Tipo = "2"
		}},
		{name: "photo update of a permesso", mutate: func(p *Pratica) {
			p.Richiesta = Richiesta{TipoRichiesta: Aggiornamento, TipoTitolo: Permesso, Tipologia: 4, AggiornamentoFoto: ptr(false)}
		}, want: []string{"Richiesta.AggiornamentoFoto foto_only_carta_update"}},
		{name: "photo update on renewal", mutate: func(p *Pratica) { p.Richiesta.AggiornamentoFoto = ptr(true) },
			want: []string{"Richiesta.AggiornamentoFoto foto_only_carta_update"}},
		{name: "visa on first issue", mutate: func(p *Pratica) {
			rilascio(p)
			p.Visto = &Visto{Tipo: "D", Numero: "ITA123456", DataRilascio: codes.NewDate(2026, 9, 1)}
		}},
		{name: "visa on renewal", mutate: func(p *Pratica) {
			p.Visto = &Visto{Tipo: "D", Numero: "ITA123456", DataRilascio: codes.NewDate(2024, 9, 1)}
		}, want: []string{"Visto visto_only_rilascio"}},
		{name: "visa fields required and not in the future", mutate: func(p *Pratica) {
			rilascio(p)
			p.Visto = &Visto{DataRilascio: codes.NewDate(2027, 1, 1)}
		}, want: []string{"Visto.Tipo required", "Visto.Numero required", "Visto.DataRilascio date_in_future"}},
		{name: "carta without expiry", mutate: func(p *Pratica) {
			p.Richiesta = Richiesta{TipoRichiesta: Aggiornamento, TipoTitolo: Carta, Tipologia: 3}
			p.TitoloPosseduto.Tipo, p.TitoloPosseduto.DataScadenza = "2", 0
		}},
		{name: "renewal needs titolo posseduto", mutate: func(p *Pratica) { p.TitoloPosseduto = nil },
			want: []string{"TitoloPosseduto titolo_posseduto_required"}},
		{name: "titolo posseduto checks", mutate: func(p *Pratica) {
			p.TitoloPosseduto = &TitoloPosseduto{Tipo: "77", DataRilascio: codes.NewDate(2027, 1, 1),
				DataScadenza: codes.NewDate(2026, 1, 1), QuesturaRilascio: "SU"}
		}, want: []string{"TitoloPosseduto.Tipo code_not_recognised", "TitoloPosseduto.Numero required",
			"TitoloPosseduto.QuesturaRilascio questura_unknown", "TitoloPosseduto.DataRilascio date_in_future",
			"TitoloPosseduto.DataScadenza expiry_before_issue"}},
	})
}
