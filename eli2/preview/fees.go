package preview

// Fees is the optional "importi indicativi" box of an application: what
// the applicant will pay at the post office, computed and worded by the
// caller (package anagrafe/desk computes it; preview does not depend on
// it). Every value is printed as given, escaped.
type Fees struct {
	// Title is the box title; "" gives "Importi indicativi".
	Title string
	// Lines are the amounts, in order.
	Lines []FeeLine
	// Total is the formatted total ("€ 86,46"); "" leaves the row out.
	Total string
	// Notes are printed under the table (the tables' date, amounts the
	// operator must check, "indicative amounts").
	Notes []string
}

// FeeLine is one amount of Fees.
type FeeLine struct {
	Item    string // what is paid for
	Amount  string // "€ 40,00", "non dovuto", "importo non determinato"
	Reason  string // why it is (not) due
	Source  string // the source of the amount and the table's date
	Unknown bool   // the amount is not known: shown as a warning
}

// feesView is the template data of the box.
type feesView struct {
	Fees
	ItemLabel, AmountLabel, ReasonLabel, SourceLabel, TotalLabel string
}

func feesOf(f *Fees, lang Lang) *feesView {
	if f == nil {
		return nil
	}
	v := &feesView{Fees: *f,
		ItemLabel: lFeeItem.in(lang), AmountLabel: lFeeAmount.in(lang), ReasonLabel: lFeeReason.in(lang),
		SourceLabel: lFeeSource.in(lang), TotalLabel: lFeeTotal.in(lang)}
	if v.Title == "" {
		v.Title = lFees.in(lang)
	}
	return v
}

// Labels of the fees box.
var (
	lFees      = text{"Importi indicativi", "Indicative amounts"}
	lFeeItem   = text{"Voce", "Item"}
	lFeeAmount = text{"Importo", "Amount"}
	lFeeReason = text{"Motivo", "Why"}
	lFeeSource = text{"Fonte", "Source"}
	lFeeTotal  = text{"Totale", "Total"}
)
