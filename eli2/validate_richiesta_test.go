package eli2

import (
	"testing"

	"github.com/stretchr/testify/assert"

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
		// ANPR holds no permit motive: an empty tipologia is left to the
		// desk, with a warning (issue 10).
		{name: "tipologia empty", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 0 },
			want: []string{"Richiesta.Tipologia kit_to_choose"}},
		{name: "tipologia unknown", mutate: func(p *Pratica) { p.Richiesta.Tipologia = 99 },
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
		// 2024 edition: a permit type allows DUPLICATO itself.
		{name: "duplicate with kit 16 in 2026", mutate: func(p *Pratica) { p.Richiesta.TipoRichiesta = Duplicato }},
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
		// d.l. 20/2023: renewals of work permits up to three years
		// (codes/data/kit_durate.csv).
		{name: "renewal of 36 months", mutate: func(p *Pratica) { p.Richiesta.DurataMesi = 36 }},
		{name: "renewal of 120 months", mutate: func(p *Pratica) { p.Richiesta.DurataMesi = 120 },
			want: []string{"Richiesta.DurataMesi duration_too_long"}},
		// The 36 months apply to renewals: the first issue has no known
		// maximum in the table.
		{name: "first issue of 48 months", mutate: func(p *Pratica) { rilascio(p); p.Richiesta.DurataMesi = 48 }},
		// Art. 24 d.lgs. 286/1998: seasonal work up to 9 months.
		{name: "seasonal work of 10 months", mutate: func(p *Pratica) { p.Richiesta.Tipologia, p.Richiesta.DurataMesi = 18, 10 },
			want: []string{"Richiesta.DurataMesi duration_too_long"}},
		// Art. 5 c.3 d.lgs. 286/1998: study up to one year; the
		// conversion's duration is that of the permit wanted.
		{name: "conversion to study for 24 months", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta, p.Richiesta.TipologiaRichiesta, p.Richiesta.DurataMesi = 10, Conversione, 24, 24
		}, want: []string{"Richiesta.DurataMesi duration_too_long"}},
		// Art. 9 d.lgs. 286/1998, l. 238/2021: the UE long-term permit has
		// no duration.
		{name: "UE long-term permit with a duration", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoTitolo, p.Richiesta.DurataMesi = 9, Carta, 60
		}, want: []string{"Richiesta.DurataMesi duration_not_applicable"}},
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

// TestValidateKitEditions: a kit code is judged by the edition of the kit
// table in force on the file date (codes/data/kit_edizioni.csv: the 2006
// Ministry kit up to 2024-05-29, Poste Italiane's table from 2024-05-30).
func TestValidateKitEditions(t *testing.T) {
	on := func(d codes.Date) func(o *ValidateOptions) { return func(o *ValidateOptions) { o.On = d } }
	// Files of 2020 with dates that fit them.
	in2020 := func(p *Pratica) {
		p.TitoloPosseduto.DataRilascio, p.TitoloPosseduto.DataScadenza = codes.NewDate(2019, 9, 1), codes.NewDate(2021, 8, 31)
		p.Documento.DataRilascio = codes.NewDate(2018, 5, 3)
		p.Familiari = p.Familiari[:1]
	}
	// A file of 2024-05-29 with dates that fit it.
	before := func(p *Pratica) {
		p.TitoloPosseduto.DataRilascio, p.TitoloPosseduto.DataScadenza = codes.NewDate(2022, 9, 1), codes.NewDate(2024, 8, 31)
		p.Familiari = p.Familiari[:1]
	}
	kit := func(code int) func(p *Pratica) { return func(p *Pratica) { p.Richiesta.Tipologia = code } }
	runRuleCases(t, []ruleCase{
		// 26 Turismo: in the 2006 edition, absent from the 2024 table with
		// no successor.
		{name: "26 on the last day of the 2006 edition", mutate: func(p *Pratica) { before(p); kit(26)(p) },
			opts: on(codes.NewDate(2024, 5, 29))},
		{name: "26 on the first day of the 2024 edition", mutate: func(p *Pratica) { before(p); kit(26)(p) },
			opts: on(codes.NewDate(2024, 5, 30)), want: []string{"Richiesta.Tipologia kit_not_valid_on_date"}},
		// 25 Tirocinio → 24 (art. 39 d.lgs. 286/1998), 22 → 27.
		{name: "25 in 2026", mutate: kit(25), want: []string{"Richiesta.Tipologia kit_not_valid_on_date"}},
		{name: "22 in 2026", mutate: kit(22), want: []string{"Richiesta.Tipologia kit_not_valid_on_date"}},
		{name: "1 adoption in 2026", mutate: kit(1), want: []string{"Richiesta.Tipologia kit_not_valid_on_date"}},
		// 27-32 are new in the 2024 table.
		{name: "27 in 2026", mutate: kit(27)},
		{name: "27 before 2024-05-30", mutate: func(p *Pratica) { before(p); kit(27)(p) },
			opts: on(codes.NewDate(2024, 5, 29)), want: []string{"Richiesta.Tipologia kit_not_valid_on_date"}},
		// 2 Affidamento has no RILASCIO in the 2024 table; it had in 2006.
		{name: "2 first issue in 2026", mutate: func(p *Pratica) {
			kit(2)(p)
			p.Richiesta.TipoRichiesta, p.TitoloPosseduto = Rilascio, nil
		}, want: []string{"Richiesta.TipoRichiesta kit_operation_mismatch"}},
		{name: "2 first issue in 2020", mutate: func(p *Pratica) {
			in2020(p)
			kit(2)(p)
			p.Richiesta.TipoRichiesta, p.TitoloPosseduto = Rilascio, nil
		}, opts: on(codes.NewDate(2020, 1, 10))},
		// 7 Asilo: RINNOVO and CONVERSIONE in 2024, RINNOVO only in 2006.
		{name: "7 conversion in 2026", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta, p.Richiesta.TipologiaRichiesta = 7, Conversione, 16
		}},
		{name: "duplicate with kit 16 in 2020", mutate: func(p *Pratica) {
			in2020(p)
			p.Richiesta.TipoRichiesta = Duplicato
		}, opts: on(codes.NewDate(2020, 1, 10)), want: []string{"Richiesta.TipoRichiesta kit_operation_mismatch"}},
		// Conversion target: in force, allowing RILASCIO.
		{name: "conversion to 26 in 2026", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta, p.Richiesta.TipologiaRichiesta = 10, Conversione, 26
		}, want: []string{"Richiesta.TipologiaRichiesta kit_not_valid_on_date"}},
		{name: "conversion to 2 in 2026 (no rilascio)", mutate: func(p *Pratica) {
			p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta, p.Richiesta.TipologiaRichiesta = 10, Conversione, 2
		}, want: []string{"Richiesta.TipologiaRichiesta conversion_target_invalid"}},
	})
}

func TestKitMessages(t *testing.T) {
	for _, tc := range []struct {
		code int
		it   string
	}{
		{25, "tipologia kit 25 (Tirocinio formazione professionale) non in vigore il 25/11/2026 (tabella del kit, edizione 2024): usare la tipologia 24 (Motivi di studio (art. 39 Testo Unico Immigrazione))"},
		{26, "tipologia kit 26 (Turismo) non in vigore il 25/11/2026 (tabella del kit, edizione 2024): nessuna tipologia la sostituisce, sceglierla con il richiedente"},
	} {
		p := typicalPratica()
		p.Richiesta.Tipologia = tc.code
		got := Validate(p, ValidateOptions{On: testOn})
		if assert.Len(t, got, 1) {
			assert.Equal(t, tc.it, got[0].Message)
		}
	}
	p := typicalPratica()
	p.Richiesta.Tipologia = 25
	got := Validate(p, ValidateOptions{On: testOn, Lang: "en"})
	if assert.Len(t, got, 1) {
		assert.Contains(t, got[0].Message, "2024 edition): use kit code 24")
	}
	p = typicalPratica()
	p.Richiesta.DurataMesi = 120
	got = Validate(p, ValidateOptions{On: testOn})
	if assert.Len(t, got, 1) {
		assert.Contains(t, got[0].Message, "massimo di 36 mesi per la tipologia 16 Lavoro subordinato (d.l. 20/2023")
	}
}
