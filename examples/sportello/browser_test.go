package main

import (
	"bytes"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"html"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/internal/browsertest"
)

// The browser test drives the desk app in headless Chromium. With -update it
// also rewrites the screenshots shown in the README:
//
//	go test ./examples/sportello -run TestBrowser -update
var update = golden.Update

const (
	docsApp    = "../../docs/sportello.png"
	docsLetter = "../../docs/sportello-lettera.png"
)

func TestBrowser(t *testing.T) {
	bin := browsertest.Require(t)
	a := newTestApp(t)
	ts := httptest.NewServer(a.srv)
	defer ts.Close()
	tok := "t=" + a.srv.Token()
	client := ts.Client()

	// Refused without the token, even from this computer.
	dom := string(browsertest.Run(t, bin, "--dump-dom", ts.URL+"/cerca?q=diop"))
	assert.Contains(t, dom, "Accesso negato")
	assert.NotContains(t, dom, "Diop")

	// The operator signs in once (a form post with the token cookie).
	form := url.Values{"operatore": {testOperator}}
	req, err := http.NewRequest("POST", ts.URL+"/operatore", strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: tokenCookie, Value: a.srv.Token()})
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)

	// Home: skip link, search form with its label, the expiry chart.
	dom = html.UnescapeString(string(browsertest.Run(t, bin, "--dump-dom", ts.URL+"/?"+tok)))
	assert.Contains(t, dom, `<a class="skip" href="#main">`)
	assert.Contains(t, dom, `<label for="q">`)
	assert.Contains(t, dom, `<title id="chart-title">Permessi in scadenza per mese, prossimi 12 mesi</title>`)
	assert.Equal(t, 12, strings.Count(dom, "<rect"))

	// Search with the token in the URL: Chromium follows the redirect with
	// the cookie, as a browser opening the printed address does.
	dom = html.UnescapeString(string(browsertest.Run(t, bin, "--dump-dom", ts.URL+"/cerca?q=sevcenko&"+tok)))
	assert.Contains(t, dom, "Risultati per «sevcenko»")
	assert.Contains(t, dom, `<a href="/persona/P010">Ševčenko Olena</a>`)
	assert.Contains(t, dom, "Operatore: <strong>"+testOperator+"</strong>")

	// The person: the preview with problems beside fields, fees, checklist.
	dom = html.UnescapeString(string(browsertest.Run(t, bin, "--dump-dom", ts.URL+"/persona/P001?"+tok)))
	for _, want := range []string{"Dati anagrafici del richiedente", "EL AMRANI", "Importi indicativi", "€ 16,00",
		"Documenti da portare", "Scarica il file per ELI2", "Lettera di promemoria", "LMRYSF*********C"} {
		assert.Contains(t, dom, want)
	}
	assert.NotContains(t, dom, "LMRYSF85C10Z330C")
	assert.NotContains(t, dom, "<script")

	// The file the download button gives, validated.
	req, err = http.NewRequest("GET", ts.URL+"/persona/P001/pratica.xml", nil)
	require.NoError(t, err)
	req.AddCookie(&http.Cookie{Name: tokenCookie, Value: a.srv.Token()})
	resp, err = client.Do(req)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	fileProbs, n, err := eli2.ValidateStream(bytes.NewReader(body), eli2.ValidateOptions{On: testDay}, func(pp eli2.PraticaProblems) {
		assert.False(t, pp.Problems.HasErrors(), "%v", pp.Problems)
	})
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.False(t, fileProbs.HasErrors())

	// The letter prints on A4.
	dir := t.TempDir()
	pdf := filepath.Join(dir, "lettera.pdf")
	browsertest.Run(t, bin, "--no-pdf-header-footer", "--print-to-pdf="+pdf, ts.URL+"/persona/P001/lettera?"+tok)
	data, err := os.ReadFile(pdf)
	require.NoError(t, err, "no PDF written")
	pages, w, h, err := browsertest.PDFPages(data)
	require.NoError(t, err)
	assert.Positive(t, pages)
	assert.InDelta(t, 595.28, w, 2, "A4 width (pt)")
	assert.InDelta(t, 841.89, h, 2, "A4 height (pt)")

	// Screenshots: the app's own style sheet applies under the CSP (the
	// buttons' blue is on the page), and the letter is not blank.
	app := screenshot(t, bin, dir, "app.png", "2900", ts.URL+"/persona/P001?"+tok)
	assert.Positive(t, countColour(app, [3]uint8{0x1f, 0x5f, 0x99}), "no button colour: app.css blocked?")
	letter := screenshot(t, bin, dir, "letter.png", "1500", ts.URL+"/persona/P001/lettera?"+tok)
	assert.Greater(t, nonWhite(letter), 1000, "the letter looks blank")
	if *update {
		writePNG(t, docsApp, app)
		writePNG(t, docsLetter, letter)
	}
}

func screenshot(t *testing.T, bin, dir, name, height, target string) image.Image {
	t.Helper()
	path := filepath.Join(dir, name)
	browsertest.Run(t, bin, "--screenshot="+path, "--window-size=1100,"+height, target)
	data, err := os.ReadFile(path)
	require.NoError(t, err, "no screenshot written")
	img, err := png.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	return img
}

func countColour(img image.Image, want [3]uint8) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)} == want {
				n++
			}
		}
	}
	return n
}

func nonWhite(img image.Image) int {
	return img.Bounds().Dx()*img.Bounds().Dy() - countColour(img, [3]uint8{255, 255, 255})
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img))
	require.Less(t, buf.Len(), 500<<10, "%s must stay under 500 KB", path)
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}
