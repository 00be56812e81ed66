package preview

import (
	"bytes"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = golden.Update

// goldenDir is the module's testdata/preview folder.
const goldenDir = "../../testdata/preview"

func render(t testing.TB, doc Document, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Render(&buf, doc, opts))
	return buf.String()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		doc  Document
		opts Options
	}{
		{"valid", Document{Header: sampleHeader(), Items: []Item{{Pratica: validPratica()}}}, Options{}},
		{"invalid", Document{Items: []Item{{Pratica: invalidPratica(), Problems: invalidProblems()}}}, Options{MaskTaxCode: true}},
		{"batch_en", Document{Header: sampleHeader(), Items: []Item{
			{Pratica: validPratica()},
			{Pratica: invalidPratica(), Problems: invalidProblems()},
		}}, Options{Lang: English, Title: "Batch check"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.doc, tt.opts)
			path := filepath.Join(goldenDir, tt.name+".html")
			if *update {
				require.NoError(t, os.MkdirAll(goldenDir, 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create the golden file")
			assert.Equal(t, string(want), got)
		})
	}
}

// fieldHTML returns the markup of the element carrying data-path="path"
// in a field grid or table cell (up to the end of that element).
func fieldHTML(t *testing.T, page, path string) string {
	t.Helper()
	re := regexp.MustCompile(`<(div|td) class="[^"]*" data-path="` + regexp.QuoteMeta(path) + `">(.*?)</(div|td)>`)
	m := re.FindStringSubmatch(page)
	require.NotNil(t, m, "no field with path %s", path)
	return m[2]
}

func TestProblemsBesideFields(t *testing.T) {
	probs := invalidProblems()
	page := render(t, Document{Items: []Item{{Pratica: invalidPratica(), Problems: probs}}}, Options{})

	// Top list: after the banner, before the first section.
	top := page[strings.Index(page, `<section class="unmatched">`):strings.Index(page, `<section class="box"`)]
	besides := map[string]bool{"": true, "Richiedente.Soprannome": true}
	for _, p := range probs {
		msg := p.Message
		assert.Equal(t, 1, strings.Count(page, msg), "problem %q shown exactly once", p.Code)
		if besides[p.Path] {
			assert.Contains(t, top, msg, "unmatched problem %q at the top", p.Code)
			continue
		}
		assert.NotContains(t, top, msg, "matched problem %q not at the top", p.Code)
		if p.Path == "GenitoreTutore" { // names a whole section
			sec := regexp.MustCompile(`(?s)<section class="box" data-path="GenitoreTutore">.*?</section>`).FindString(page)
			assert.Contains(t, sec, msg)
			continue
		}
		f := fieldHTML(t, page, p.Path)
		assert.Contains(t, f, msg, "problem %q beside field %s", p.Code, p.Path)
		cls := "problem error"
		if p.Severity == eli2.SeverityWarning {
			cls = "problem warning"
		}
		assert.Contains(t, f, cls)
	}
	assert.Contains(t, page, `<p class="banner bad" role="status">11 errori · 4 avvisi</p>`)

	// Field classes: red wins over amber.
	assert.Regexp(t, `<div class="field has-error" data-path="Questura">`, page)
	assert.Regexp(t, `<div class="field wide has-warning" data-path="Recapiti.Email">`, page)
}

func TestProblemsInFamilyRows(t *testing.T) {
	p := validPratica()
	probs := eli2.Problems{
		{Path: "Familiari[1].DataNascita", Code: "child_age", Severity: eli2.SeverityWarning, Message: "Figlio oltre l'età"},
		{Path: "Familiari[2].LuogoNascita.Comune", Code: "place", Severity: eli2.SeverityError, Message: "Comune non valido"},
		{Path: "Familiari[0]", Code: "row", Severity: eli2.SeverityError, Message: "Familiare duplicato"},
		{Path: "Familiari[7].Nome", Code: "ghost", Severity: eli2.SeverityError, Message: "Riga inesistente"},
	}
	page := render(t, Document{Items: []Item{{Pratica: p, Problems: probs}}}, Options{})
	assert.Contains(t, fieldHTML(t, page, "Familiari[1].DataNascita"), "Figlio oltre l&#39;età")
	assert.Contains(t, fieldHTML(t, page, "Familiari[2].LuogoNascita"), "Comune non valido")
	assert.Regexp(t, `<tr class="row-problems" data-path="Familiari\[0\]"><td colspan="8"><ul class="problems"><li class="problem error"><span class="sev">Errore</span> <span class="msg">Familiare duplicato`, page)
	top := page[strings.Index(page, `<section class="unmatched">`):strings.Index(page, `<section class="box"`)]
	assert.Contains(t, top, "Riga inesistente")
	// Children come first, in their own table.
	assert.Less(t, strings.Index(page, `data-path="Familiari[1]"`), strings.Index(page, `data-path="Familiari[0]"`))
	assert.Contains(t, page, "<caption>Figli</caption>")
	assert.Contains(t, page, "<caption>Altri familiari</caption>")
}

func TestXSS(t *testing.T) {
	p := validPratica()
	evil := `<script>alert(1)</script>"'`
	p.ID = evil
	p.Richiedente.Cognome = evil
	p.Richiedente.Nome = `"><img src=x onerror=alert(1)>`
	p.Domicilio.Toponimo.Denominazione = `</style><script>alert(2)</script>`
	p.Familiari[0].Nome = evil
	probs := eli2.Problems{
		{Path: "Richiedente.Cognome", Code: `<b>x</b>`, Severity: eli2.SeverityError, Message: "Nome non valido: " + evil},
		{Path: `"><script>alert(3)</script>`, Code: "c", Severity: eli2.SeverityError, Message: evil},
	}
	page := render(t, Document{Header: sampleHeader(), Items: []Item{{Pratica: p, Problems: probs}}}, Options{Title: evil})
	for _, raw := range []string{"<script", "<img", "</style><", "<b>x"} {
		assert.NotContains(t, strings.ToLower(page), raw)
	}
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;")
	assert.Contains(t, page, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;")
	assert.Contains(t, page, "Nome non valido: &lt;script&gt;")
}

func TestMaskCodiceFiscale(t *testing.T) {
	tests := []struct{ in, want string }{
		{"RSSMRA80A01H501U", "RSSMRA*********U"},
		{"12345678901", "123*******1"},
		{" RSSMRA80A01H501U ", "RSSMRA*********U"},
		{"ABCDE", "A***E"},
		{"AB", "**"},
		{"", ""},
		{"ÀÈÌÒÙ123456", "ÀÈÌ*******6"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, eli2.MaskCodiceFiscale(tt.in), tt.in)
	}
}

func TestMaskInPage(t *testing.T) {
	p := invalidPratica()
	p.Familiari = []eli2.Familiare{{Relazione: eli2.Figlio, CodiceFiscale: "KMRLSN15C01Z336Y", Nome: "L"}}
	p.GenitoreTutore = &eli2.GenitoreTutore{Ruolo: eli2.Madre, CodiceFiscale: "KMRFTM80A41Z336W"}
	doc := Document{Items: []Item{{Pratica: p, Problems: invalidProblems()}}}
	masked := render(t, doc, Options{MaskTaxCode: true})
	for _, cf := range []string{"KMRNNA10A41Z336X", "KMRLSN15C01Z336Y", "KMRFTM80A41Z336W"} {
		assert.NotContains(t, masked, cf)
		assert.Contains(t, masked, eli2.MaskCodiceFiscale(cf))
	}
	plain := render(t, doc, Options{})
	assert.Equal(t, 2, strings.Count(plain, "KMRNNA10A41Z336X"), "field and message")
}

func TestLang(t *testing.T) {
	doc := Document{Items: []Item{{Pratica: validPratica()}}}
	it := render(t, doc, Options{})
	en := render(t, doc, Options{Lang: English})
	assert.Contains(t, it, `<html lang="it">`)
	assert.Contains(t, it, "Dati anagrafici del richiedente")
	assert.Contains(t, it, "01/08/1985")
	assert.Contains(t, it, "Nessun problema rilevato")
	assert.Contains(t, en, `<html lang="en">`)
	assert.Contains(t, en, "<title>Modulo 1 preview</title>")
	assert.Contains(t, en, "1985-08-01")
	assert.Contains(t, en, "No problems found")
}

func TestRenderErrors(t *testing.T) {
	var buf bytes.Buffer
	err := Render(&buf, Document{Items: []Item{{}}}, Options{})
	require.ErrorIs(t, err, ErrNoPratica)
	err = Render(&buf, Document{}, Options{Lang: "fr"})
	require.ErrorIs(t, err, ErrLang)
	assert.Zero(t, buf.Len(), "nothing written on a bad call")
}

func TestPageIsSelfContained(t *testing.T) {
	page := render(t, Document{Header: sampleHeader(), Items: []Item{{Pratica: validPratica()}, {Pratica: invalidPratica()}}}, Options{})
	for _, s := range []string{"<script", "<link", "@import", "url(", "http://", "https://"} {
		assert.NotContains(t, page, s)
	}
	assert.Contains(t, page, "@page { size: A4;")
	assert.Contains(t, page, ".pratica + .pratica { break-before: page;")
	assert.Equal(t, 2, strings.Count(page, `<article class="pratica"`))
}

func FuzzRender(f *testing.F) {
	f.Add("DALLA", "Richiedente.Cognome", "msg")
	f.Add("<script>alert(1)</script>", "x", `"'<>&`)
	f.Add("0", "0", ">")
	render := func(t *testing.T, name, path, msg string) string {
		p := validPratica()
		p.Richiedente.Cognome = name
		p.Familiari[0].Nome = name
		var buf bytes.Buffer
		err := Render(&buf, Document{Items: []Item{{Pratica: p, Problems: eli2.Problems{{Path: path, Message: msg}}}}}, Options{Title: name})
		require.NoError(t, err)
		return buf.String()
	}
	neutral := strings.NewReplacer("<", "_", ">", "_")
	f.Fuzz(func(t *testing.T, name, path, msg string) {
		out := render(t, name, path, msg)
		// Data never adds markup: every < and > of the page comes from the
		// template, so the page has as many as the same page rendered with
		// those characters taken out of the data.
		ref := render(t, neutral.Replace(name), neutral.Replace(path), neutral.Replace(msg))
		require.Equal(t, strings.Count(ref, "<"), strings.Count(out, "<"), "a < of the data reached the page unescaped")
		require.Equal(t, strings.Count(ref, ">"), strings.Count(out, ">"), "a > of the data reached the page unescaped")
		require.NotContains(t, strings.ToLower(out), "<script")
	})
}

func BenchmarkRender(b *testing.B) {
	doc := Document{Header: sampleHeader(), Items: []Item{
		{Pratica: validPratica()},
		{Pratica: invalidPratica(), Problems: invalidProblems()},
	}}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestElementIDAndFileProblems(t *testing.T) {
	p := validPratica()
	e := eli2.SeverityError
	probs := eli2.Problems{
		{Path: "Istanza.Moduli[1]", Code: "oneof", Severity: e, Message: "Modulo 3 inesistente"},
		{Path: "ID", Code: "duplicate_id", Severity: e, Message: "Identificativo ripetuto"},
		{Path: "Istanza.Moduli[x]", Code: "odd", Severity: e, Message: "Indice strano"},
	}
	fileProbs := eli2.Problems{
		{Path: "Intestazione.ComuneIstat", Code: "istat_mismatch", Severity: e, Message: "Codice ISTAT diverso"},
		{Path: "Intestazione.NumeroPratiche", Code: "count_mismatch", Severity: e, Message: "Numero pratiche errato"},
		{Path: "Intestazione.Altro", Code: "other", Severity: eli2.SeverityWarning, Message: "Altro del file"},
	}
	page := render(t, Document{Header: sampleHeader(), Problems: fileProbs, Items: []Item{{Pratica: p, Problems: probs}}}, Options{})
	assert.Contains(t, fieldHTML(t, page, "Istanza.Moduli"), "Modulo 3 inesistente")
	assert.Regexp(t, `<div><h2>Pratica P-2026-0001</h2><ul class="problems"><li class="problem error"><span class="sev">Errore</span> <span class="msg">Identificativo ripetuto`, page)
	top := page[strings.Index(page, `<section class="unmatched">`):]
	top = top[:strings.Index(top, `</section>`)]
	assert.Contains(t, top, "Indice strano")
	assert.Contains(t, fieldHTML(t, page, "Intestazione.ComuneBelfiore"), "Codice ISTAT diverso")
	assert.Contains(t, fieldHTML(t, page, "Intestazione.NumeroPratiche"), "Numero pratiche errato")
	head := page[strings.Index(page, "Intestazione del file"):strings.Index(page, `<article`)]
	assert.Contains(t, head, "Altro del file")

	// File problems without a header still appear.
	page = render(t, Document{Problems: fileProbs[:1]}, Options{})
	assert.Contains(t, page, "Codice ISTAT diverso")
}

// TestRealValidator renders the problems eli2.Validate finds in the invalid
// sample: each one must be shown once, and only problems about the whole
// application may end up in the top list.
func TestRealValidator(t *testing.T) {
	p := invalidPratica()
	probs := eli2.Validate(p, eli2.ValidateOptions{On: codes.NewDate(2026, 11, 20)})
	require.NotEmpty(t, probs)
	require.True(t, probs.HasErrors())
	page := html.UnescapeString(render(t, Document{Items: []Item{{Pratica: p, Problems: probs}}}, Options{}))
	var top string
	if i := strings.Index(page, `<section class="unmatched">`); i >= 0 {
		top = page[i:]
		top = top[:strings.Index(top, `</section>`)]
	}
	for _, pr := range probs {
		assert.True(t, strings.Contains(page, pr.Message), "problem %s at %s shown", pr.Code, pr.Path)
		if pr.Path != "" {
			assert.False(t, strings.Contains(top, `<code class="path">`+pr.Path+`</code>`),
				"problem %s at %s has no field in the preview", pr.Code, pr.Path)
		}
	}
}

// TestValidSampleIsValid keeps the valid sample honest against the real
// validator, so that its golden page shows a clean application.
func TestValidSampleIsValid(t *testing.T) {
	probs := eli2.Validate(validPratica(), eli2.ValidateOptions{On: codes.NewDate(2026, 11, 20)})
	assert.Empty(t, probs)
}
