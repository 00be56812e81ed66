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
