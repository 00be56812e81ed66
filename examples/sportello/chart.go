package main

import (
	"context"
	"fmt"
	"html/template"
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
)

// monthCount is the number of permits expiring in one calendar month.
type monthCount struct {
	Year, Month, N int
}

var monthNames = [...]string{"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"}
var monthLong = [...]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}

// expiringPerMonth counts the permits expiring from on to the end of the
// twelfth month (this month and the next eleven), per calendar month.
func expiringPerMonth(ctx context.Context, src anagrafe.Source, on codes.Date) ([]monthCount, error) {
	out := make([]monthCount, 12)
	first := codes.NewDate(on.Year(), on.Month(), 1)
	for i := range out {
		m := first.AddMonths(i)
		out[i] = monthCount{Year: m.Year(), Month: m.Month()}
	}
	end := first.AddMonths(12) // exclusive
	days := int(end.Time().Sub(on.Time()).Hours()/24) - 1
	for rec, err := range anagrafe.Search(ctx, src, anagrafe.ExpiringWithin(days).At(on)) {
		if err != nil {
			if anagrafe.IsRecordError(err) {
				continue
			}
			return nil, err
		}
		p := rec.Person.Permit
		if p == nil || p.ExpiryDate < on || p.ExpiryDate >= end {
			continue
		}
		i := (p.ExpiryDate.Year()-first.Year())*12 + p.ExpiryDate.Month() - first.Month()
		out[i].N++
	}
	return out, nil
}

// expiryChart draws counts as an SVG bar chart with a text label on every
// bar, a <title> and a <desc> that lists every month for screen readers.
func expiryChart(counts []monthCount) template.HTML {
	const w, h, top, bottom, left = 640, 220, 24, 36, 8
	max := 1
	for _, c := range counts {
		if c.N > max {
			max = c.N
		}
	}
	slot := (w - 2*left) / len(counts)
	var desc []string
	var b strings.Builder
	for i, c := range counts {
		desc = append(desc, fmt.Sprintf("%s %d: %d", monthLong[c.Month-1], c.Year, c.N))
		bh := (h - top - bottom) * c.N / max
		x := left + i*slot
		y := h - bottom - bh
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#1f5f99"/>`, x+6, y, slot-12, bh)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="13" fill="#1b1b1b">%d</text>`, x+slot/2, y-6, c.N)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="13" fill="#1b1b1b">%s</text>`, x+slot/2, h-bottom+18, monthNames[c.Month-1])
		if i == 0 || c.Month == 1 {
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="11" fill="#5c5c5c">%d</text>`, x+slot/2, h-bottom+32, c.Year)
		}
	}
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" width="%d" height="%d" viewBox="0 0 %d %d">`+
		`<title id="chart-title">Permessi in scadenza per mese, prossimi 12 mesi</title>`+
		`<desc id="chart-desc">%s.</desc>`+
		`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#5c5c5c"/>%s</svg>`,
		w, h, w, h, template.HTMLEscapeString(strings.Join(desc, "; ")), left, h-bottom, w-left, h-bottom, b.String())
	return template.HTML(svg) // built here from numbers and fixed labels only
}
