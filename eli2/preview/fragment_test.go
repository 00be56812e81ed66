package preview

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFragmentIsThePageWithoutItsFrame(t *testing.T) {
	doc := Document{Items: []Item{{Pratica: invalidPratica(), Problems: invalidProblems()}}}
	page := render(t, doc, Options{})
	frag := render(t, doc, Options{Fragment: true})
	for _, tag := range []string{"<!DOCTYPE", "<html", "<head>", "<style", "<body", "</body>", "</html>"} {
		assert.NotContains(t, frag, tag)
		assert.Contains(t, page, tag)
	}
	require.Contains(t, frag, `<article class="pratica"`)
	start := strings.Index(page, `<article class="pratica"`)
	end := strings.LastIndex(page, "</body>")
	assert.Equal(t, page[start:end], frag, "the fragment is the page's applications, unchanged")
	css := Stylesheet()
	rules := css[strings.Index(css, ":root"):]
	assert.Contains(t, page, rules, "Stylesheet is the CSS the page inlines")
	assert.Contains(t, css, ".problem.error")
}

func TestFeesBox(t *testing.T) {
	fees := &Fees{
		Lines: []FeeLine{
			{Item: "contributo", Amount: "importo non determinato", Reason: "durata oltre 2 anni", Source: "DM 5 maggio 2017", Unknown: true},
			{Item: "marca da bollo", Amount: "€ 16,00", Reason: "dovuto", Source: "DPR 642/1972 <b>"},
		},
		Total: "€ 16,00",
		Notes: []string{"importi indicativi"},
	}
	tests := []struct {
		lang  Lang
		title string
	}{{Italian, "Importi indicativi"}, {English, "Indicative amounts"}}
	for _, tt := range tests {
		page := render(t, Document{Items: []Item{{Pratica: validPratica(), Fees: fees}}}, Options{Lang: tt.lang})
		assert.Contains(t, page, `<section class="box fees">`+"\n<h3>"+tt.title+"</h3>")
		assert.Contains(t, page, `<tr class="has-warning"><td>contributo</td><td class="amount">importo non determinato</td>`)
		assert.Contains(t, page, "DPR 642/1972 &lt;b&gt;", "caller text is escaped")
		assert.Contains(t, page, `<td class="amount">€ 16,00</td><td colspan="2"></td></tr>`)
		assert.Contains(t, page, `<p class="note">importi indicativi</p>`)
	}
	none := render(t, Document{Items: []Item{{Pratica: validPratica()}}}, Options{})
	assert.NotContains(t, none, `class="box fees"`, "no box without Item.Fees")
}
