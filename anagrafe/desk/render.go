package desk

import (
	"embed"
	"fmt"
	"html/template"
	"io"

	"github.com/retecomuni/eli2sdk/codes"
)

//go:embed templates/*.html
var templateFS embed.FS

// dmy formats a date the Italian way (15/06/2026).
func dmy(d codes.Date) string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day(), d.Month(), d.Year())
}

var (
	funcs           = template.FuncMap{"dmy": dmy}
	reminderTmpl    = template.Must(template.New("reminder.html").Funcs(funcs).ParseFS(templateFS, "templates/common.html", "templates/reminder.html"))
	art11NoticeTmpl = template.Must(template.New("art11.html").Funcs(funcs).ParseFS(templateFS, "templates/common.html", "templates/art11.html"))
)

type letterData struct {
	Title  string
	Office Office
	To     Addressee
	Letter Reminder
	Notice Art11Notice
}

// RenderReminder writes r as a printable A4 HTML letter (Italian, with an
// English line), self-contained: inline CSS, no external resources.
func RenderReminder(w io.Writer, r Reminder, office Office) error {
	return reminderTmpl.Execute(w, letterData{Title: "Promemoria rinnovo permesso di soggiorno", Office: office, To: r.To, Letter: r})
}

// RenderArt11Notice writes n as a printable A4 HTML notice, signed by
// office.Signatory.
func RenderArt11Notice(w io.Writer, n Art11Notice, office Office) error {
	return art11NoticeTmpl.Execute(w, letterData{Title: "Avviso art. 11 D.P.R. 223/1989", Office: office, To: n.To, Notice: n})
}
