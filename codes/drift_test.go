package codes

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes/internal/source"
)

// dataDir returns the shared data directory (env ELI2_SHARED_DATA overrides
// ../../shared/data). Without it the test is skipped, unless CI is set.
func dataDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ELI2_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	if _, err := os.Stat(filepath.Join(dir, "anpr", source.ComuniFile)); err != nil {
		msg := "source data not found in " + dir + " (set ELI2_SHARED_DATA to the shared/data directory): " + err.Error()
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return dir
}

// openSources opens every source file of dir as Sources.
func openSources(t *testing.T, dir string) Sources {
	t.Helper()
	open := func(rel string) *os.File {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
		require.NoError(t, err)
		t.Cleanup(func() { f.Close() })
		return f
	}
	src := Sources{
		Comuni:          open("anpr/" + source.ComuniFile),
		States:          open("anpr/" + source.StatesFile),
		DissolvedStates: open("anpr/" + source.DissolvedStatesFile),
		Provinces:       open("istat/" + source.ProvincesFile),
		Kit:             open("kit/" + source.KitFile),
		Decoding:        map[Table]io.Reader{},
	}
	for tab := range Table(numTables) {
		src.Decoding[tab] = open("anpr/" + tab.String() + ".csv")
	}
	// The package's own data files (codes/data) and every kit edition they
	// list, so that a change in any of them makes the tables drift.
	local := func(name string) *os.File {
		f, err := os.Open(filepath.Join("data", name))
		require.NoError(t, err)
		t.Cleanup(func() { f.Close() })
		return f
	}
	eds, err := source.ReadKitEditions(local(source.KitEditionsFile))
	require.NoError(t, err)
	for _, e := range eds {
		src.KitEditions = append(src.KitEditions, KitEditionSource{
			Name: e.Name, From: Date(e.From), Source: e.Source, Rows: open("kit/" + e.File)})
	}
	src.KitDurations = local(source.KitDurationsFile)
	src.KitSuccessors = local(source.KitSuccessorFile)
	src.FreeMovement = local(source.FreeMovementFile)
	src.StateAliases = open("anpr/" + source.StateAliasesFile)
	src.Fees = open("kit/" + source.FeesFile)
	src.FeeExemptions = open("kit/" + source.FeeExemptionsFile)
	return src
}

// TestDriftTables parses the data directory with the package's own parser and
// index builder (Load) and requires the result to equal the embedded tables.
func TestDriftTables(t *testing.T) {
	dir := dataDir(t)
	loaded, err := Load(openSources(t, dir))
	require.NoError(t, err)
	require.Equal(t, Default(), loaded, "embedded tables differ from %s: run go generate ./codes", dir)
}

// TestDriftGenerated runs the generator into a temporary directory and
// compares its output byte for byte with the committed tables_gen.go.
func TestDriftGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator (go run)")
	}
	dir, err := filepath.Abs(dataDir(t))
	require.NoError(t, err)
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	out := filepath.Join(t.TempDir(), "tables_gen.go")
	cmd := exec.Command(goTool, "run", "gen.go", "-data", dir, "-output", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	want, err := os.ReadFile("tables_gen.go")
	require.NoError(t, err)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	if !bytes.Equal(want, got) {
		t.Fatalf("tables_gen.go is stale (%d bytes committed, %d generated): run go generate ./codes", len(want), len(got))
	}
	require.Contains(t, stderr.String(), "irregular rows reported")
}
