// Package preview renders applications (Pratica) as a printable HTML page
// laid out like the sections of Modulo 1, so that a help-desk operator can
// check them before ELI2 imports them. Every validation problem is shown next
// to the field it names; the page is self-contained (no script, no external
// fonts) and prints one application per A4 sheet set.
//
// A caller may add the applicant's indicative fees (Item.Fees, computed by
// package anagrafe/desk, which preview does not import) and, to embed the
// applications in a page of its own under a Content-Security-Policy without
// inline styles, render with Options.Fragment and serve Stylesheet as a file
// (the desk app in examples/sportello does both).
package preview
