// Package browsertest runs headless Chromium for the tests that check what
// a person sees (the preview, the desk app): it finds the binary, skips the
// test when it is absent locally and fails it in CI (env CI set), and
// reads what Chromium prints (PDF page size).
package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"testing"
	"time"
)

// Flags keep Chromium offline, quiet and free of the user's profile.
var Flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--hide-scrollbars", "--disable-dev-shm-usage",
}

// Find returns the path of a Chromium binary on PATH, or "".
func Find() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Require returns Chromium's path. Without Chromium it skips the test,
// except in CI (env CI set), where its absence is a failure.
func Require(t testing.TB) string {
	t.Helper()
	bin := Find()
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but neither chromium nor chromium-browser is on PATH (Debian: apt-get install chromium)")
		}
		t.Skip("chromium not on PATH: install it (Debian: apt-get install -y chromium) to run the browser test")
	}
	return bin
}

// Run runs bin with Flags, a fresh profile and args, and returns its
// standard output; a failure or a run longer than two minutes fails t.
func Run(t testing.TB, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	all := append(append([]string{}, Flags...), "--user-data-dir="+t.TempDir())
	all = append(all, args...)
	cmd := exec.CommandContext(ctx, bin, all...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium failed: %v: %s", err, tail(stderr.String(), 2000))
	}
	return stdout.Bytes()
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

var (
	pageRE     = regexp.MustCompile(`/Type\s*/Page\b`)
	mediaBoxRE = regexp.MustCompile(`/MediaBox\s*\[([^\]]*)\]`)
)

// PDFPages returns the number of pages of a PDF printed by Chromium and the
// width and height of its first MediaBox, in points (A4: 595.28 × 841.89).
func PDFPages(pdf []byte) (pages int, width, height float64, err error) {
	pages = len(pageRE.FindAll(pdf, -1))
	box := mediaBoxRE.FindSubmatch(pdf)
	if box == nil {
		return pages, 0, 0, fmt.Errorf("browsertest: no MediaBox in the PDF")
	}
	var x0, y0 float64
	if _, err := fmt.Sscan(string(box[1]), &x0, &y0, &width, &height); err != nil {
		return pages, 0, 0, fmt.Errorf("browsertest: MediaBox %q: %w", box[1], err)
	}
	return pages, width - x0, height - y0, nil
}
