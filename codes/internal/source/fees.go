package source

import (
	"io"
	"strconv"
	"strings"
)

// File names of the fee tables (shared/data/kit).
const (
	FeesFile          = "importi.csv"
	FeeExemptionsFile = "importi_esenzioni.csv"
)

// Fee is one row of importi.csv: an amount an applicant pays at the post
// office.
type Fee struct {
	Voce      string // VOCE, stable key (contributo_fino_1_anno)
	Cents     int    // IMPORTO_EUR in euro cents
	AppliesTo string // SI_APPLICA_A
	From      Date   // VALIDO_DAL
	Source    string // FONTE
}

// ReadFees reads importi.csv (VOCE, IMPORTO_EUR, SI_APPLICA_A, VALIDO_DAL,
// FONTE). Amounts are euro with a dot or comma and at most two decimals. A
// row without a key, with a bad amount or date, or without a source is
// reported and dropped; a repeated key is reported and the first row kept.
func ReadFees(r io.Reader) ([]Fee, []Issue, error) {
	t, err := readTable(FeesFile, r, "VOCE", "IMPORTO_EUR", "SI_APPLICA_A", "VALIDO_DAL", "FONTE")
	if err != nil {
		return nil, nil, err
	}
	var rows []Fee
	var issues []Issue
	seen := map[string]bool{}
	for i := range t.rows {
		f := Fee{Voce: t.field(i, "VOCE"), AppliesTo: t.field(i, "SI_APPLICA_A"), Source: t.field(i, "FONTE")}
		add := func(msg string) {
			issues = append(issues, Issue{File: FeesFile, Line: t.line[i], Key: f.Voce, Msg: msg})
		}
		if f.Voce == "" {
			add("VOCE vuota: riga scartata")
			continue
		}
		var ok bool
		if f.Cents, ok = ParseCents(t.field(i, "IMPORTO_EUR")); !ok {
			add("IMPORTO_EUR non valido: riga scartata")
			continue
		}
		if v := t.field(i, "VALIDO_DAL"); v != "" {
			if f.From, ok = parseAnyDate(v); !ok {
				add("VALIDO_DAL non valida: riga scartata")
				continue
			}
		}
		if f.Source == "" {
			add("FONTE mancante: riga scartata")
			continue
		}
		if seen[f.Voce] {
			add("VOCE ripetuta: vale la prima riga")
			continue
		}
		seen[f.Voce] = true
		rows = append(rows, f)
	}
	return rows, issues, nil
}

// ParseCents parses a non-negative euro amount ("40", "30.46", "16,00")
// into cents without floating point.
func ParseCents(s string) (int, bool) {
	s = strings.ReplaceAll(s, ",", ".")
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || len(whole) > 9 || (hasFrac && (len(frac) == 0 || len(frac) > 2)) {
		return 0, false
	}
	for _, part := range []string{whole, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
	}
	e, _ := strconv.Atoi(whole)
	c := 0
	if hasFrac {
		c, _ = strconv.Atoi(frac)
		if len(frac) == 1 {
			c *= 10
		}
	}
	return e*100 + c, true
}

// FeeExemption is one row of importi_esenzioni.csv.
type FeeExemption struct {
	Description string   // ESENZIONE
	Voci        []string // VOCI: keys or patterns (contributo_*) the exemption covers
	Source      string   // FONTE
}

// ReadFeeExemptions reads importi_esenzioni.csv (ESENZIONE, VOCI, FONTE);
// VOCI holds one or more keys or patterns separated by spaces, ";" or "|".
func ReadFeeExemptions(r io.Reader) ([]FeeExemption, []Issue, error) {
	t, err := readTable(FeeExemptionsFile, r, "ESENZIONE", "VOCI", "FONTE")
	if err != nil {
		return nil, nil, err
	}
	var rows []FeeExemption
	var issues []Issue
	for i := range t.rows {
		e := FeeExemption{Description: t.field(i, "ESENZIONE"), Source: t.field(i, "FONTE")}
		e.Voci = strings.FieldsFunc(t.field(i, "VOCI"), func(r rune) bool { return r == ' ' || r == ';' || r == '|' })
		add := func(msg string) {
			issues = append(issues, Issue{File: FeeExemptionsFile, Line: t.line[i], Key: e.Description, Msg: msg})
		}
		switch {
		case e.Description == "" || len(e.Voci) == 0:
			add("ESENZIONE o VOCI vuote: riga scartata")
			continue
		case e.Source == "":
			add("FONTE mancante: riga scartata")
			continue
		}
		rows = append(rows, e)
	}
	return rows, issues, nil
}
