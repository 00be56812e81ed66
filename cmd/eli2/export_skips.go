package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe/export"
)

// exportPrintReasons prints one line per reason: code, count, label (the
// pipeline's own label, else the message of the first occurrence).
func exportPrintReasons(w io.Writer, reasons []export.Reason) {
	for _, r := range reasons {
		label := exportReasonLabels[r.Code]
		if label == "" {
			label = r.Message
		}
		fmt.Fprintf(w, "  %-28s %6d  %s\n", r.Code, r.Count, label)
	}
}

// exportPrintNotEligible prints the records that need no application of
// their own, grouped by reason (issue 10: "non soggetto a permesso" is a
// reason, not an error).
func exportPrintNotEligible(w io.Writer, s export.Summary) {
	if len(s.NotEligibleReasons) == 0 {
		return
	}
	fmt.Fprintln(w, "senza pratica propria (non sono errori):")
	exportPrintReasons(w, s.NotEligibleReasons)
}

// exportPrintSkip prints one skipped record: its ID, or what is known of a
// record whose ID could not be read, with its reasons.
func exportPrintSkip(w io.Writer, sk export.Skipped) {
	if sk.PersonID != "" {
		fmt.Fprintf(w, "  scartata %s: %s", sk.PersonID, strings.Join(sk.Codes, ", "))
	} else {
		fmt.Fprintf(w, "  scartato un record senza ID leggibile: %s", strings.Join(sk.Codes, ", "))
	}
	if sk.Err != nil && (len(sk.Codes) != 1 || sk.Codes[0] != export.ReasonNoPermit) {
		fmt.Fprintf(w, " (%v)", sk.Err)
	}
	fmt.Fprintln(w)
}
