// Package preview renders applications (Pratica) as a printable HTML page
// laid out like the sections of Modulo 1, so that a help-desk operator can
// check them before ELI2 imports them. Every validation problem is shown next
// to the field it names; the page is self-contained (no script, no external
// fonts) and prints one application per A4 sheet set.
package preview
