package preview

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/internal/browsertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The browser test renders a preview, opens it in headless Chromium and
// checks what a person would see. With -update it also rewrites
// docs/preview.png, the screenshot shown in the documentation:
//
//	go test ./eli2/preview -run TestBrowser -update

// docsPNG is the documentation screenshot, relative to this package.
const docsPNG = "../../docs/preview.png"

// requireChromium and runChromium are the shared helpers of
// internal/browsertest (skip locally without Chromium, fail in CI).
func requireChromium(t *testing.T) string { return browsertest.Require(t) }

func runChromium(t *testing.T, bin string, args ...string) []byte {
	return browsertest.Run(t, bin, args...)
}

// demoDocument is the application shown in docs/preview.png: the invalid
// sample with the problems the real validator finds in it.
func demoDocument() Document {
	p := invalidPratica()
	probs := eli2.Validate(p, eli2.ValidateOptions{On: codes.NewDate(2026, 11, 20)})
	return Document{Items: []Item{{Pratica: p, Problems: probs}}}
}

func TestBrowser(t *testing.T) {
	bin := requireChromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "preview.html")
	shot := filepath.Join(dir, "preview.png")
	f, err := os.Create(page)
	require.NoError(t, err)
	doc := demoDocument()
	require.NoError(t, Render(f, doc, Options{MaskTaxCode: true}))
	require.NoError(t, f.Close())
	abs, err := filepath.Abs(page)
	require.NoError(t, err)
	url := "file://" + filepath.ToSlash(abs)

	runChromium(t, bin, "--screenshot="+shot, "--window-size=1240,1754", url)
	data, err := os.ReadFile(shot)
	require.NoError(t, err, "no screenshot written")
	img, err := png.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	st := pixelStats(img)
	assert.Equal(t, image.Rect(0, 0, 1240, 1754), img.Bounds())
	assert.Greater(t, st.nonWhite, st.total/20, "page looks blank")
	assert.Greater(t, st.colours, 16, "too few colours: page looks blank")
	assert.Positive(t, st.errorBg, "no field shaded as an error: style sheet not applied?")
	if hasWarning(doc.Items[0].Problems) {
		assert.Positive(t, st.warnBg, "no field shaded as a warning: style sheet not applied?")
	}

	dom := html.UnescapeString(string(runChromium(t, bin, "--dump-dom", url)))
	for _, want := range []string{"KAMARA", "ANNA", "KMRNNA*********X", "Dati anagrafici del richiedente"} {
		assert.Contains(t, dom, want)
	}
	probs := doc.Items[0].Problems
	require.NotEmpty(t, probs)
	for _, p := range probs {
		assert.True(t, strings.Contains(dom, p.Message), "message of %s at %s in the DOM", p.Code, p.Path)
	}
	nErr, nWarn := 0, 0
	for _, p := range probs {
		if p.Severity == eli2.SeverityWarning {
			nWarn++
		} else {
			nErr++
		}
	}
	assert.Contains(t, dom, countText(nErr, false, Italian)+" · "+countText(nWarn, true, Italian))
	assert.NotContains(t, dom, "KMRNNA10A41Z336X")
	assert.NotContains(t, dom, "<script")

	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(docsPNG), 0o755))
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		require.NoError(t, enc.Encode(&buf, img))
		require.Less(t, buf.Len(), 500<<10, "docs/preview.png must stay under 500 KB")
		require.NoError(t, os.WriteFile(docsPNG, buf.Bytes(), 0o644))
	}
}

func hasWarning(ps eli2.Problems) bool {
	for _, p := range ps {
		if p.Severity == eli2.SeverityWarning {
			return true
		}
	}
	return false
}

// stats summarises a screenshot.
type stats struct {
	total, nonWhite, colours, errorBg, warnBg int
}

func pixelStats(img image.Image) stats {
	var s stats
	seen := map[[3]uint8]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			c := [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)}
			s.total++
			// The grey page margin (#eceff3) counts as background too.
			if c != [3]uint8{255, 255, 255} && c != [3]uint8{0xec, 0xef, 0xf3} {
				s.nonWhite++
			}
			if len(seen) < 10000 {
				seen[c] = true
			}
			switch {
			case near(c, [3]uint8{0xfd, 0xe8, 0xeb}):
				s.errorBg++
			case near(c, [3]uint8{0xff, 0xf3, 0xd6}):
				s.warnBg++
			}
		}
	}
	s.colours = len(seen)
	return s
}

// near reports whether two colours differ by at most 2 per channel.
func near(a, b [3]uint8) bool {
	for i := range a {
		d := int(a[i]) - int(b[i])
		if d < -2 || d > 2 {
			return false
		}
	}
	return true
}

// pdfPages prints page to PDF with Chromium and returns the number of
// pages and the size of the first one in points.
func pdfPages(t *testing.T, bin string, doc Document) (int, string) {
	t.Helper()
	dir := t.TempDir()
	page := filepath.Join(dir, "p.html")
	pdf := filepath.Join(dir, "p.pdf")
	f, err := os.Create(page)
	require.NoError(t, err)
	require.NoError(t, Render(f, doc, Options{}))
	require.NoError(t, f.Close())
	abs, err := filepath.Abs(page)
	require.NoError(t, err)
	runChromium(t, bin, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+filepath.ToSlash(abs))
	data, err := os.ReadFile(pdf)
	require.NoError(t, err, "no PDF written")
	n, w, h, err := browsertest.PDFPages(data)
	require.NoError(t, err)
	return n, fmt.Sprintf("0 0 %g %g", w, h)
}

// TestBrowserPrint prints to PDF: pages are A4, and two applications take
// at least the pages of each printed alone (each starts on a new page; the
// rule itself is checked in TestPageIsSelfContained, since a page count
// cannot always tell a break from a full page).
func TestBrowserPrint(t *testing.T) {
	bin := requireChromium(t)
	a := Item{Pratica: validPratica()}
	b := Item{Pratica: invalidPratica(), Problems: invalidProblems()}
	na, box := pdfPages(t, bin, Document{Items: []Item{a}})
	nb, _ := pdfPages(t, bin, Document{Items: []Item{b}})
	nab, _ := pdfPages(t, bin, Document{Items: []Item{a, b}})
	require.Positive(t, na)
	require.Positive(t, nb)
	assert.GreaterOrEqual(t, nab, na+nb, "the second application starts on a new page")

	// A4 is 595.28 × 841.89 points; Chromium rounds to its own units.
	var x0, y0, w, h float64
	_, err := fmt.Sscan(box, &x0, &y0, &w, &h)
	require.NoError(t, err, box)
	assert.InDelta(t, 595.28, w, 2, "A4 width")
	assert.InDelta(t, 841.89, h, 2, "A4 height")
}
