package eli2_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// xmllintBin returns the path of xmllint. Without it the test is skipped,
// unless CI is set ("true" on every CI service), in which case it fails.
func xmllintBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("xmllint not found: install libxml2-utils (required when CI is set)")
		}
		t.Skip("xmllint not found: install libxml2-utils to check files against the XSD")
	}
	return bin
}

// xmllintBatch checks files against the embedded XSD with one xmllint run
// per batch of files and returns xmllint's complaints about each file it
// rejects.
func xmllintBatch(t *testing.T, files map[string][]byte, batch int) map[string]string {
	t.Helper()
	bin := xmllintBin(t)
	dir := t.TempDir()
	xsd := filepath.Join(dir, "eli2-import-v1.xsd")
	require.NoError(t, os.WriteFile(xsd, eli2.SchemaV1(), 0o600))
	var names []string
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o600))
		names = append(names, name)
	}
	rejected := map[string]string{}
	for i := 0; i < len(names); i += batch {
		args := []string{"--noout", "--nonet", "--schema", xsd}
		part := names[i:min(i+batch, len(names))]
		for _, n := range part {
			args = append(args, filepath.Join(dir, n))
		}
		out, _ := exec.Command(bin, args...).CombinedOutput()
		// xmllint says "<path> validates" or "<path> fails to validate"
		// for each file, after the errors of that file.
		for _, n := range part {
			p := filepath.Join(dir, n)
			switch {
			case bytes.Contains(out, []byte(p+" validates")):
			case bytes.Contains(out, []byte(p+" fails to validate")):
				var why []string
				for line := range strings.SplitSeq(string(out), "\n") {
					if strings.HasPrefix(line, p+":") {
						why = append(why, strings.TrimPrefix(line, p+":"))
					}
				}
				rejected[n] = strings.Join(why, "\n")
			default:
				t.Fatalf("xmllint said nothing about %s:\n%s", n, out)
			}
		}
	}
	return rejected
}

// validateClean reports whether f has no validation error.
func validateClean(f *eli2.ImportFile) (bool, string) {
	fp := eli2.ValidateFile(f, eli2.ValidateOptions{})
	if !fp.HasErrors() {
		return true, ""
	}
	var b strings.Builder
	for _, p := range fp.File {
		fmt.Fprintf(&b, "%s %s; ", p.Path, p.Code)
	}
	for _, pp := range fp.Pratiche {
		for _, p := range pp.Problems {
			fmt.Fprintf(&b, "%s %s; ", p.Path, p.Code)
		}
	}
	return false, b.String()
}

// TestValidateImpliesXSD is the property "a file Validate accepts without
// errors, xmllint --schema accepts too", checked on thousands of files: the
// sample applications mutated at random (lengths at and past the XSD's
// limits, patterns, enumerations, optional parts dropped, numbers and dates
// at their bounds, unicode, white space), and fully random applications.
// Files Validate rejects are checked too, to show the mutations reach the
// XSD's limits (xmllint must reject some of them).
func TestValidateImpliesXSD(t *testing.T) {
	xmllintBin(t)
	n := 6000
	if testing.Short() {
		n = 600
	}
	start := time.Now()
	r := rand.New(rand.NewPCG(11, 3))
	samples := eli2test.Pratiche()
	var sampleNames []string
	for name := range samples {
		sampleNames = append(sampleNames, name)
	}
	slices.Sort(sampleNames)
	files := map[string][]byte{}
	generatedN := 0
	clean := map[string]bool{}
	what := map[string]string{}
	for i := range n {
		k := 1 + r.IntN(3)
		f := eli2.ImportFile{Intestazione: eli2test.Header("D612", "048017", k)}
		var mutations []string
		if r.IntN(4) == 0 {
			mutations = append(mutations, eli2test.MutateHeader(r, &f.Intestazione))
		}
		for j := range k {
			var p eli2.Pratica
			if r.IntN(10) == 0 {
				p = eli2test.RandomPratica(r, fmt.Sprintf("R%d", j))
				mutations = append(mutations, "random")
			} else {
				p = eli2test.Pratiche()[sampleNames[r.IntN(len(sampleNames))]] // fresh: mutations change pointed-to parts
				p.ID = fmt.Sprintf("P%d-%d", i, j)
				if r.IntN(8) != 0 {
					mutations = append(mutations, eli2test.MutatePratica(r, &p)...)
				}
			}
			f.Pratiche = append(f.Pratiche, p)
		}
		var buf bytes.Buffer
		if err := eli2.EncodeFile(&buf, &f); err != nil {
			continue // the Encoder refuses what XML cannot hold (control characters…)
		}
		name := fmt.Sprintf("f%05d.xml", i)
		ok, probs := validateClean(&f)
		generatedN++
		if !ok && r.IntN(5) != 0 {
			continue // xmllint is the cost: every clean file, one rejected in five
		}
		files[name] = buf.Bytes()
		clean[name] = ok
		what[name] = strings.Join(mutations, ", ") + " → " + probs
	}
	generated := time.Now()
	rejected := xmllintBatch(t, files, 200)
	t.Logf("generated and validated in %v, xmllint in %v", generated.Sub(start).Round(time.Millisecond), time.Since(generated).Round(time.Millisecond))
	nClean, nRejectedByBoth := 0, 0
	var failures []string
	for name := range files {
		if clean[name] {
			nClean++
			if why, bad := rejected[name]; bad {
				failures = append(failures, fmt.Sprintf("%s (%s): xmllint rejects:%s", name, what[name], why))
			}
		} else if _, bad := rejected[name]; bad {
			nRejectedByBoth++
		}
	}
	t.Logf("%d files generated, %d checked by xmllint: %d accepted by Validate, %d rejected by Validate (of which %d by xmllint too)",
		generatedN, len(files), nClean, len(files)-nClean, nRejectedByBoth)
	slices.Sort(failures)
	for i, f := range failures {
		if i == 10 {
			break
		}
		t.Error(f)
	}
	require.Empty(t, failures, "files Validate accepts and the XSD rejects")
	assert.Greater(t, nClean, generatedN/5, "too few valid files: the property would say little")
	assert.Greater(t, nRejectedByBoth, (len(files)-nClean)/2, "the mutations do not reach the XSD's limits")
}
