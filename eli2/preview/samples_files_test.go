package preview

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The codec's sample import files (testdata/eli2) are decoded, validated
// and rendered: the preview must show every problem the validator finds in
// them, each beside a field.

const samplesDir = "../../testdata/eli2"

// loadSample decodes and validates one sample import file.
func loadSample(t testing.TB, path string) Document {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	file, err := eli2.DecodeFile(f)
	if err != nil && strings.Contains(filepath.ToSlash(path), "/invalid/") {
		// Files the decoder rejects (duplicate ids, wrong count) never
		// reach the preview: the command reports the decode error instead.
		t.Skipf("the decoder rejects %s: %v", filepath.Base(path), err)
	}
	require.NoError(t, err, path)
	fp := eli2.ValidateFile(file, eli2.ValidateOptions{})
	doc := Document{Header: &file.Intestazione, Problems: fp.File}
	byIndex := map[int]eli2.Problems{}
	for _, pp := range fp.Pratiche {
		byIndex[pp.Index] = pp.Problems
	}
	for i := range file.Pratiche {
		doc.Items = append(doc.Items, Item{Pratica: &file.Pratiche[i], Problems: byIndex[i]})
	}
	return doc
}

func sampleFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(samplesDir, "*", "*.xml"))
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no sample files in testdata/eli2")
	}
	return files
}

func TestSampleFilesEveryProblemBesideItsField(t *testing.T) {
	for _, path := range sampleFiles(t) {
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
			doc := loadSample(t, path)
			page := html.UnescapeString(render(t, doc, Options{}))
			var top []string
			for _, sec := range strings.Split(page, `<section class="unmatched">`)[1:] {
				top = append(top, sec[:strings.Index(sec, "</section>")])
			}
			topText := strings.Join(top, "\n")
			all := append(eli2.Problems(nil), doc.Problems...)
			for _, it := range doc.Items {
				all = append(all, it.Problems...)
			}
			for _, pr := range all {
				assert.True(t, strings.Contains(page, pr.Message), "%s %s shown", pr.Path, pr.Code)
				if pr.Path != "" {
					assert.False(t, strings.Contains(topText, `<code class="path">`+pr.Path+`</code>`),
						"%s %s has a field", pr.Path, pr.Code)
				}
			}
			if strings.Contains(path, "invalid") {
				assert.NotEmpty(t, all, "an invalid sample has problems")
			}
		})
	}
}

func TestSampleGolden(t *testing.T) {
	tests := []struct {
		name, file string
		opts       Options
	}{
		{"sample_valid", "valid/rinnovo_famiglia.xml", Options{}},
		{"sample_minor", "valid/minore_genitore.xml", Options{MaskTaxCode: true}},
		{"sample_invalid", "invalid/luogo_nascita.xml", Options{}},
		{"sample_invalid_dates", "invalid/date.xml", Options{Lang: English}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(samplesDir, tt.file)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("sample %s not present", tt.file)
			}
			got := render(t, loadSample(t, path), tt.opts)
			golden := filepath.Join(goldenDir, tt.name+".html")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create the golden file")
			assert.Equal(t, string(want), got)
		})
	}
}
