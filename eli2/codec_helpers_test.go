package eli2_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
)

// xmllint runs xmllint --schema on data and returns its output and whether
// it accepted the file. Without xmllint the test is skipped, unless the CI
// environment variable is set, in which case it fails.
func xmllint(t *testing.T, name string, data []byte) (string, bool) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("xmllint not found: install libxml2-utils (required when CI is set)")
		}
		t.Skip("xmllint not found: install libxml2-utils to check files against the XSD")
	}
	dir := t.TempDir()
	xsd := filepath.Join(dir, "eli2-import-v1.xsd")
	require.NoError(t, os.WriteFile(xsd, eli2.SchemaV1(), 0o600))
	file := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(file, data, 0o600))
	out, err := exec.Command(bin, "--noout", "--schema", xsd, file).CombinedOutput()
	return string(out), err == nil
}

// requireXSDValid checks data against the embedded XSD with xmllint.
func requireXSDValid(t *testing.T, name string, data []byte) {
	t.Helper()
	out, ok := xmllint(t, name, data)
	require.True(t, ok, "xmllint rejects %s:\n%s", name, out)
}

// encodeFile encodes f in memory.
func encodeFile(t testing.TB, f *eli2.ImportFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, eli2.EncodeFile(&buf, f))
	return buf.Bytes()
}

// requireSameFile compares two files record by record; the creation times
// must be the same instant (their locations may differ after decoding).
func requireSameFile(t *testing.T, want, got *eli2.ImportFile) {
	t.Helper()
	require.True(t, want.Intestazione.DataCreazione.Equal(got.Intestazione.DataCreazione),
		"DataCreazione: want %v, got %v", want.Intestazione.DataCreazione, got.Intestazione.DataCreazione)
	w, g := *want, *got
	w.Intestazione.DataCreazione, g.Intestazione.DataCreazione = w.Intestazione.DataCreazione.UTC(), g.Intestazione.DataCreazione.UTC()
	require.Equal(t, w, g)
}
