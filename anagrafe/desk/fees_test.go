package desk_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

var feeDay = codes.NewDate(2026, 6, 15)

func pratica(tipo eli2.TipoRichiesta, kit, months int, birth string) *eli2.Pratica {
	bd, err := eli2.ParsePartialDate(birth)
	if err != nil {
		panic(err)
	}
	return &eli2.Pratica{
		ID:          "1",
		Richiesta:   eli2.Richiesta{TipoRichiesta: tipo, Tipologia: kit, DurataMesi: months},
		Richiedente: eli2.Richiedente{DataNascita: bd},
	}
}

func withPermit(p *eli2.Pratica, expiry codes.Date) *eli2.Pratica {
	p.TitoloPosseduto = &eli2.TitoloPosseduto{Tipo: "1", DataScadenza: expiry}
	return p
}

// TestFeesContributo checks the contributo line against the rows of
// importi.csv (DM MEF-Interno 5 May 2017 art. 1 c.1 lett. a, b, c) and
// importi_esenzioni.csv (DM 6 October 2011 art. 3; DM 5 May 2017).
func TestFeesContributo(t *testing.T) {
	conv := pratica(eli2.Conversione, 10, 0, "1990-01-01")
	conv.Richiesta.TipologiaRichiesta = 16
	tests := []struct {
		name   string
		p      *eli2.Pratica
		voce   string
		status desk.FeeStatus
		amount int
		reason string
	}{
		// DM 5/5/2017 art. 1 c.1 lett. a: > 3 months, ≤ 1 year → € 40
		{"lett. a, 12 months", pratica(eli2.Rilascio, 16, 12, "1990-01-01"), "contributo_fino_1_anno", desk.FeeDue, 4000, desk.ReasonDue},
		{"lett. a, 4 months", pratica(eli2.Rinnovo, 16, 4, "1990-01-01"), "contributo_fino_1_anno", desk.FeeDue, 4000, desk.ReasonDue},
		// studio: kit_durate.csv gives 12 months (art. 5 c.3 d.lgs. 286/1998) when DurataMesi is absent
		{"lett. a, studio max 12", pratica(eli2.Rinnovo, 24, 0, "1990-01-01"), "contributo_fino_1_anno", desk.FeeDue, 4000, desk.ReasonDue},
		// stagionale: 9 months (art. 24 d.lgs. 286/1998)
		{"lett. a, stagionale max 9", pratica(eli2.Rilascio, 18, 0, "1990-01-01"), "contributo_fino_1_anno", desk.FeeDue, 4000, desk.ReasonDue},
		// lett. b: > 1 year, ≤ 2 years → € 50
		{"lett. b, 13 months", pratica(eli2.Rilascio, 16, 13, "1990-01-01"), "contributo_fino_2_anni", desk.FeeDue, 5000, desk.ReasonDue},
		{"lett. b, 24 months", pratica(eli2.Rinnovo, 15, 24, "1990-01-01"), "contributo_fino_2_anni", desk.FeeDue, 5000, desk.ReasonDue},
		// lett. c: rilascio of the EU long-term permit → € 100
		{"lett. c, lungo periodo", pratica(eli2.Rilascio, 9, 0, "1990-01-01"), "contributo_lungo_periodo", desk.FeeDue, 10000, desk.ReasonDue},
		// no row: > 2 years (d.l. 20/2023 3-year renewals; kit_durate.csv gives 36 for kit 16 RINNOVO)
		{"36 months unknown", pratica(eli2.Rinnovo, 16, 36, "1990-01-01"), "contributo", desk.FeeUnknown, 0, desk.ReasonOverTwoYears},
		{"kit max 36 unknown", pratica(eli2.Rinnovo, 16, 0, "1990-01-01"), "contributo", desk.FeeUnknown, 0, desk.ReasonOverTwoYears},
		{"no duration", pratica(eli2.Rilascio, 16, 0, "1990-01-01"), "contributo", desk.FeeUnknown, 0, desk.ReasonNoDuration},
		{"3 months no row", pratica(eli2.Rilascio, 16, 3, "1990-01-01"), "contributo", desk.FeeUnknown, 0, desk.ReasonUpToThreeMonths},
		{"lungo periodo renewal", pratica(eli2.Rinnovo, 9, 0, "1990-01-01"), "contributo", desk.FeeUnknown, 0, desk.ReasonLongTermRenewal},
		{"art. 27 subcase", pratica(eli2.Rilascio, 17, 12, "1990-01-01"), "contributo", desk.FeeUnknown, 0, desk.ReasonArt27},
		{"unknown kit", pratica(eli2.Rilascio, 99, 12, "1990-01-01"), "contributo", desk.FeeUnknown, 0, desk.ReasonUnknownKit},
		// esenzioni row 1: under 18 on the date (DM 6/10/2011 art. 3 as amended)
		{"minor exempt", pratica(eli2.Rinnovo, 13, 12, "2010-06-16"), "contributo_fino_1_anno", desk.FeeExempt, 0, desk.ReasonExemptMinor},
		{"minor exempt over 2 years", pratica(eli2.Rinnovo, 13, 36, "2010-06-16"), "contributo", desk.FeeExempt, 0, desk.ReasonExemptMinor},
		{"18 today pays", pratica(eli2.Rinnovo, 13, 12, "2008-06-15"), "contributo_fino_1_anno", desk.FeeDue, 4000, desk.ReasonDue},
		{"birth year only straddles 18", pratica(eli2.Rinnovo, 13, 12, "2008"), "contributo_fino_1_anno", desk.FeeUnknown, 0, desk.ReasonBirthUncertain},
		// esenzioni row 3: asylum renewal (kit 7)
		{"asylum exempt", pratica(eli2.Rinnovo, 7, 24, "1990-01-01"), "contributo_fino_2_anni", desk.FeeExempt, 0, desk.ReasonExemptAsylum},
		// esenzioni row 4 (DM 5/5/2017): update, conversion, duplicate of a valid permit
		{"update of valid permit", withPermit(pratica(eli2.Aggiornamento, 4, 0, "1990-01-01"), feeDay), "contributo", desk.FeeExempt, 0, desk.ReasonExemptValid},
		{"duplicate of valid permit", withPermit(pratica(eli2.Duplicato, 12, 0, "1990-01-01"), feeDay.AddDays(300)), "contributo", desk.FeeExempt, 0, desk.ReasonExemptValid},
		{"conversion of valid permit", withPermit(conv, feeDay.AddDays(10)), "contributo", desk.FeeExempt, 0, desk.ReasonExemptValid},
		{"duplicate of expired permit", withPermit(pratica(eli2.Duplicato, 12, 0, "1990-01-01"), feeDay.AddDays(-1)), "contributo", desk.FeeUnknown, 0, desk.ReasonNoDuration},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			est, err := desk.Fees(tc.p, feeDay, desk.FeeOptions{})
			require.NoError(t, err)
			l := est.Lines[0]
			assert.Equal(t, tc.voce, l.Voce)
			assert.Equal(t, tc.status, l.Status)
			assert.Equal(t, tc.amount, l.Amount)
			assert.Equal(t, tc.reason, l.Reason)
			assert.NotEmpty(t, l.Text("it"))
			assert.NotEmpty(t, l.Text("en"))
			if tc.status != desk.FeeUnknown {
				assert.NotEmpty(t, l.Source)
			}
		})
	}
}

// TestFeesTotal checks the other lines (importi.csv: permesso_elettronico
// 30,46; marca_da_bollo 16,00; servizio_postale 30,00) and the total.
func TestFeesTotal(t *testing.T) {
	est, err := desk.Fees(pratica(eli2.Rinnovo, 16, 24, "1990-01-01"), feeDay, desk.FeeOptions{})
	require.NoError(t, err)
	require.Len(t, est.Lines, 4)
	assert.Equal(t, []string{"contributo_fino_2_anni", "permesso_elettronico", "marca_da_bollo", "servizio_postale"},
		[]string{est.Lines[0].Voce, est.Lines[1].Voce, est.Lines[2].Voce, est.Lines[3].Voce})
	assert.Equal(t, 5000+3046+1600+3000, est.Total)
	assert.True(t, est.Complete)
	assert.Equal(t, "importi indicativi", est.Note)
	assert.Equal(t, codes.NewDate(2017, 6, 9), est.Lines[1].From)
	require.Len(t, est.Unchecked, 2, "cure mediche and EU family cannot be read from Modulo 1")

	// an update: the electronic permit row names rilascio or rinnovo only
	est, err = desk.Fees(withPermit(pratica(eli2.Aggiornamento, 4, 0, "1990-01-01"), feeDay), feeDay, desk.FeeOptions{})
	require.NoError(t, err)
	assert.Equal(t, desk.FeeUnknown, est.Lines[1].Status)
	assert.Equal(t, desk.ReasonNotRilascioRinn, est.Lines[1].Reason)
	assert.False(t, est.Complete)
	assert.Equal(t, 1600+3000, est.Total)

	// before the table's date nothing is known
	est, err = desk.Fees(pratica(eli2.Rinnovo, 16, 12, "1990-01-01"), codes.NewDate(2016, 1, 1), desk.FeeOptions{})
	require.NoError(t, err)
	assert.Equal(t, desk.ReasonNotInForce, est.Lines[2].Reason)
	assert.Contains(t, est.Lines[2].Text("it"), "2017-06-09")

	_, err = desk.Fees(nil, feeDay, desk.FeeOptions{})
	require.ErrorIs(t, err, desk.ErrNilPratica)
}

// TestFeesTablesAtRunTime replaces the fee table through codes.Load.
func TestFeesTablesAtRunTime(t *testing.T) {
	tables, err := codes.Load(codes.Sources{Fees: strings.NewReader(
		"VOCE,IMPORTO_EUR,SI_APPLICA_A,VALIDO_DAL,FONTE\n" +
			"contributo_fino_1_anno,41.00,x,2026-01-01,nuovo DM\n" +
			"marca_da_bollo,16.00,ogni istanza,2017-06-09,bollo\n")})
	require.NoError(t, err)
	est, err := desk.Fees(pratica(eli2.Rinnovo, 16, 12, "1990-01-01"), feeDay, desk.FeeOptions{Tables: tables})
	require.NoError(t, err)
	assert.Equal(t, 4100, est.Lines[0].Amount)
	assert.Equal(t, "nuovo DM", est.Lines[0].Source)
	assert.Equal(t, desk.ReasonMissingFee, est.Lines[3].Reason)
}
