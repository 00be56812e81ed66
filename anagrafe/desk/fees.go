package desk

import (
	"errors"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// Fee keys of shared/data/kit/importi.csv used by Fees.
const (
	VoceContributo1Anno   = "contributo_fino_1_anno"
	VoceContributo2Anni   = "contributo_fino_2_anni"
	VoceContributoLungo   = "contributo_lungo_periodo"
	VocePermessoElettron  = "permesso_elettronico"
	VoceMarcaDaBollo      = "marca_da_bollo"
	VoceServizioPostale   = "servizio_postale"
	voceContributoGeneric = "contributo"
	IndicativeNoteIT      = "importi indicativi"
	kitAsylumRenewal      = 7  // Asilo (politico) rinnovo, both editions
	kitLongTerm           = 9  // Permesso UE per soggiornanti di lungo periodo
	kitArt27              = 17 // Lavoro casi particolari (art. 27)
	monthsFirstBand       = 3  // importi.csv: "superiore a 3 mesi"
	monthsOneYear         = 12
	monthsTwoYears        = 24
)

// ErrNilPratica is returned by Fees for a nil application.
var ErrNilPratica = errors.New("desk: nil pratica")

// FeeStatus says whether a fee line is due, waived or unknown.
type FeeStatus int

// Fee line statuses.
const (
	FeeDue     FeeStatus = iota // Amount is payable
	FeeExempt                   // not payable: Reason names the exemption
	FeeUnknown                  // the tables name no amount: Reason says why
)

// String returns "due", "exempt" or "unknown".
func (s FeeStatus) String() string {
	switch s {
	case FeeDue:
		return "due"
	case FeeExempt:
		return "exempt"
	}
	return "unknown"
}

// FeeLine is one amount of an estimate, with why it is (not) due.
type FeeLine struct {
	Voce   string     // key of importi.csv; "contributo" when no row applies
	Status FeeStatus  //
	Amount int        // euro cents; 0 unless Status is FeeDue
	Reason string     // stable reason code (Reason… constants)
	Source string     // source of the amount or of the exemption
	From   codes.Date // first day the table's amount applies; 0 if no row
}

// Text returns the line's reason in Italian (lang "it" or "") or English
// ("en").
func (l FeeLine) Text(lang string) string {
	m := reasonsIT
	if lang == "en" {
		m = reasonsEN
	}
	return strings.ReplaceAll(m[l.Reason], "{from}", l.From.String())
}

// FeeEstimate is what an applicant pays for one application: indicative
// amounts ("importi indicativi"), with their sources and table dates.
type FeeEstimate struct {
	On    codes.Date // date the estimate is made for (the file date)
	Lines []FeeLine  // contributo, electronic permit, revenue stamp, postal fee
	// Total is the sum of the due lines, in cents. When Complete is false
	// some line's amount is unknown and Total is only what is known.
	Total    int
	Complete bool
	// Unchecked lists the exemptions the application cannot show (medical
	// care, family members of EU citizens): the operator must ask.
	Unchecked []codes.FeeExemption
	Note      string // "importi indicativi"
}

// FeeOptions configures Fees.
type FeeOptions struct {
	Tables *codes.Tables // fee and kit tables; nil = codes.Default() (replace with codes.Load)
}

// Fees computes what the applicant of p pays on date on (the file date) and
// why: the contributo by requested duration (Richiesta.DurataMesi, else the
// kit's maximum for the request) and request type, its exemptions (under
// 18 on the date; AGGIORNAMENTO, CONVERSIONE or DUPLICATO of a permit still
// valid on the date; kit code 7, asylum renewal), the electronic permit,
// the revenue stamp and the postal fee. A line whose amount the tables do
// not name is FeeUnknown with the reason, never guessed.
func Fees(p *eli2.Pratica, on codes.Date, opts FeeOptions) (FeeEstimate, error) {
	if p == nil {
		return FeeEstimate{}, ErrNilPratica
	}
	t := opts.Tables
	if t == nil {
		t = codes.Default()
	}
	f := feeCalc{t: t, p: p, on: on}
	est := FeeEstimate{On: on, Note: IndicativeNoteIT, Complete: true}
	est.Lines = []FeeLine{
		f.contributo(),
		f.electronic(),
		f.line(VoceMarcaDaBollo),    // "ogni istanza"
		f.line(VoceServizioPostale), // "ogni kit spedito dall'ufficio postale"
	}
	for _, l := range est.Lines {
		switch l.Status {
		case FeeDue:
			est.Total += l.Amount
		case FeeUnknown:
			est.Complete = false
		}
	}
	est.Unchecked = f.unchecked()
	return est, nil
}

type feeCalc struct {
	t  *codes.Tables
	p  *eli2.Pratica
	on codes.Date
}

// line returns the table's row voce as due (or unknown when absent or not
// yet in force on the date).
func (f feeCalc) line(voce string) FeeLine {
	fee, ok := f.t.Fee(voce)
	if !ok {
		return FeeLine{Voce: voce, Status: FeeUnknown, Reason: ReasonMissingFee}
	}
	l := FeeLine{Voce: voce, Source: fee.Source, From: fee.From}
	if f.on != 0 && f.on < fee.From {
		l.Status, l.Reason = FeeUnknown, ReasonNotInForce
		return l
	}
	l.Status, l.Amount, l.Reason = FeeDue, fee.Amount, ReasonDue
	return l
}

// electronic is the electronic permit: importi.csv names it for "ogni
// rilascio o rinnovo".
func (f feeCalc) electronic() FeeLine {
	l := f.line(VocePermessoElettron)
	switch f.p.Richiesta.TipoRichiesta {
	case eli2.Rilascio, eli2.Rinnovo:
		return l
	}
	if l.Status == FeeDue {
		l.Status, l.Amount, l.Reason = FeeUnknown, 0, ReasonNotRilascioRinn
	}
	return l
}

// exemption returns the first exemption of the table whose description
// contains key and that covers voce.
func (f feeCalc) exemption(key, voce string) (codes.FeeExemption, bool) {
	for _, e := range f.t.FeeExemptions() {
		if strings.Contains(strings.ToLower(e.Description), key) && e.Covers(voce) {
			return e, true
		}
	}
	return codes.FeeExemption{}, false
}

// Keys identifying the exemption rows of importi_esenzioni.csv by their
// text; an exemption is applied only when its row is in the table.
const (
	exMinor    = "meno di 18 anni"
	exAsylum   = "asilo"
	exValid    = "in corso di validità"
	exMedical  = "cure mediche"
	exEUFamily = "cittadini dell'unione europea"
)

func (f feeCalc) exempt(key, voce, reason string) (FeeLine, bool) {
	e, ok := f.exemption(key, voce)
	if !ok {
		return FeeLine{}, false
	}
	return FeeLine{Voce: voce, Status: FeeExempt, Reason: reason, Source: e.Source}, true
}

// contributo picks the contributo row by duration and request type.
func (f feeCalc) contributo() FeeLine {
	voce, reason := f.contributoVoce()
	// Exemptions come first: an exempt applicant pays nothing whatever the
	// duration.
	if l, ok := f.exemptContributo(voce); ok {
		return l
	}
	if reason != "" {
		return FeeLine{Voce: voce, Status: FeeUnknown, Reason: reason}
	}
	return f.line(voce)
}

func (f feeCalc) exemptContributo(voce string) (FeeLine, bool) {
	if voce == "" {
		voce = voceContributoGeneric
	}
	r := f.p.Richiesta
	switch under, known := f.under18(); {
	case known && under:
		if l, ok := f.exempt(exMinor, contributoKey(voce), ReasonExemptMinor); ok {
			l.Voce = voce
			return l, true
		}
	case !known:
		if _, ok := f.exemption(exMinor, contributoKey(voce)); ok {
			return FeeLine{Voce: voce, Status: FeeUnknown, Reason: ReasonBirthUncertain}, true
		}
	}
	if r.Tipologia == kitAsylumRenewal {
		if l, ok := f.exempt(exAsylum, contributoKey(voce), ReasonExemptAsylum); ok {
			l.Voce = voce
			return l, true
		}
	}
	switch r.TipoRichiesta {
	case eli2.Aggiornamento, eli2.Conversione, eli2.Duplicato:
		if tp := f.p.TitoloPosseduto; tp != nil && tp.DataScadenza != 0 && tp.DataScadenza >= f.on {
			if l, ok := f.exempt(exValid, contributoKey(voce), ReasonExemptValid); ok {
				l.Voce = voce
				return l, true
			}
		}
	}
	return FeeLine{}, false
}

// contributoKey returns a key the contributo_* patterns cover.
func contributoKey(voce string) string {
	if strings.HasPrefix(voce, "contributo_") {
		return voce
	}
	return VoceContributo1Anno
}

// contributoVoce returns the contributo row for the request, or a reason
// why none applies.
func (f feeCalc) contributoVoce() (string, string) {
	r := f.p.Richiesta
	code, op := r.Tipologia, kitOp(r.TipoRichiesta)
	if r.TipoRichiesta == eli2.Conversione && r.TipologiaRichiesta != 0 {
		code, op = r.TipologiaRichiesta, codes.KitRilascio
	}
	kit, ok := f.t.KitOn(code, f.on)
	if !ok {
		return voceContributoGeneric, ReasonUnknownKit
	}
	switch {
	case code == kitLongTerm && op == codes.KitRilascio:
		return VoceContributoLungo, ""
	case code == kitLongTerm:
		return voceContributoGeneric, ReasonLongTermRenewal
	case code == kitArt27:
		return voceContributoGeneric, ReasonArt27
	}
	months := r.DurataMesi
	if months == 0 {
		months = kit.MaxMonthsFor(op)
	}
	switch {
	case months == 0:
		return voceContributoGeneric, ReasonNoDuration
	case months <= monthsFirstBand:
		return voceContributoGeneric, ReasonUpToThreeMonths
	case months <= monthsOneYear:
		return VoceContributo1Anno, ""
	case months <= monthsTwoYears:
		return VoceContributo2Anni, ""
	}
	return voceContributoGeneric, ReasonOverTwoYears
}

// kitOp maps a request type to the kit operation whose maximum duration
// applies (AGGIORNAMENTO and DUPLICATO keep the permit's own duration).
func kitOp(t eli2.TipoRichiesta) codes.KitOp {
	op, _ := codes.ParseKitOp(string(t))
	return op
}

// under18 reports whether the applicant is under 18 on the date, and
// whether the (possibly partial) birth date tells.
func (f feeCalc) under18() (under, known bool) {
	bd := f.p.Richiedente.DataNascita
	if bd.IsZero() {
		return false, false
	}
	young := codes.YearsBetween(bd.Latest(), f.on) < eli2.AdultAge
	old := codes.YearsBetween(bd.Earliest(), f.on) < eli2.AdultAge
	return young, young == old
}

// unchecked lists the exemptions the application cannot show.
func (f feeCalc) unchecked() []codes.FeeExemption {
	var out []codes.FeeExemption
	for _, e := range f.t.FeeExemptions() {
		d := strings.ToLower(e.Description)
		if strings.Contains(d, exMedical) || strings.Contains(d, exEUFamily) {
			out = append(out, e)
		}
	}
	return out
}
