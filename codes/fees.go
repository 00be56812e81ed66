package codes

import (
	"path"
	"slices"

	"github.com/retecomuni/eli2sdk/codes/internal/source"
)

// Fee is an amount an applicant pays at the post office for a kit
// (shared/data/kit/importi.csv: the contributo by duration of DM
// MEF-Interno 6 October 2011 as amended by DM 5 May 2017, the electronic
// permit, the revenue stamp, the postal service), with its source.
//
// The DM names no contributo for permits longer than two years (the 3-year
// renewals introduced by d.l. 20/2023): the table has no row for them, and a
// caller must report the amount as unknown rather than guess one.
type Fee struct {
	Voce      string // stable key (contributo_fino_1_anno, marca_da_bollo…)
	Amount    int    // euro cents (4000 = € 40,00)
	AppliesTo string // what the amount is paid for (Italian, as in the table)
	Source    string // legal or administrative source
	From      Date   // first day the amount applies
}

// FeeExemption is a case in which some fees are not due
// (shared/data/kit/importi_esenzioni.csv).
type FeeExemption struct {
	Description string   // who or what is exempt (Italian, as in the table)
	Voci        []string // keys or patterns (contributo_*) of the fees not due; do not modify
	Source      string   // legal source
}

// Covers reports whether the exemption covers fee key voce (patterns as in
// path.Match: contributo_* covers every contributo).
func (e FeeExemption) Covers(voce string) bool {
	for _, p := range e.Voci {
		if ok, _ := path.Match(p, voce); ok {
			return true
		}
	}
	return false
}

// Fees returns a copy of the fee table, in file order.
func (t *Tables) Fees() []Fee { return slices.Clone(t.fees) }

// Fee returns the fee with key voce. It does not allocate.
func (t *Tables) Fee(voce string) (Fee, bool) {
	for _, f := range t.fees {
		if f.Voce == voce {
			return f, true
		}
	}
	return Fee{}, false
}

// FeeExemptions returns a copy of the exemptions, in file order.
func (t *Tables) FeeExemptions() []FeeExemption { return slices.Clone(t.feeExemptions) }

func feesFromRows(rows []source.Fee) []Fee {
	out := make([]Fee, len(rows))
	for i, f := range rows {
		out[i] = Fee{Voce: f.Voce, Amount: f.Cents, AppliesTo: f.AppliesTo, Source: f.Source, From: Date(f.From)}
	}
	return out
}

func feeExemptionsFromRows(rows []source.FeeExemption) []FeeExemption {
	out := make([]FeeExemption, len(rows))
	for i, e := range rows {
		out[i] = FeeExemption(e)
	}
	return out
}
