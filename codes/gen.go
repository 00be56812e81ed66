//go:build ignore

// Command gen generates tables_gen.go, the embedded code tables of package
// codes, from the official files in shared/data. Run it with go generate
// from the codes directory:
//
//	go run gen.go [-data ../../shared/data] [-output tables_gen.go]
//
// It parses the files with codes/internal/source (the parser codes.Load
// uses), builds the sorted indexes with source.Build, prints every irregular
// row to stderr and writes the tables as Go literals, gofmt-ed.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes/internal/source"
)

var (
	dataDir = flag.String("data", "../../shared/data", "directory with the source files (anpr/, istat/, kit/)")
	output  = flag.String("output", "tables_gen.go", "file to write")
	local   = flag.String("local", "data", "directory with the package's own data files (kit editions, durations, successors…)")
)

// sourceFile is one input file: its path under the data directory, the name
// of its checksum constant and its content.
type sourceFile struct {
	path, constName string
	data            []byte
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	flag.Parse()

	var files []*sourceFile
	read := func(path, constName string) *sourceFile {
		b, err := os.ReadFile(filepath.Join(*dataDir, filepath.FromSlash(path)))
		if err != nil {
			log.Fatal(err)
		}
		f := &sourceFile{path: path, constName: constName, data: b}
		files = append(files, f)
		return f
	}

	readLocal := func(name, constName string) *sourceFile {
		b, err := os.ReadFile(filepath.Join(*local, name))
		if err != nil {
			log.Fatal(err)
		}
		f := &sourceFile{path: "codes/data/" + name, constName: constName, data: b}
		files = append(files, f)
		return f
	}

	var in source.Inputs
	var issues []source.Issue
	check := func(iss []source.Issue, err error) {
		if err != nil {
			log.Fatal(err)
		}
		issues = append(issues, iss...)
	}

	comuniFile := read("anpr/"+source.ComuniFile, "ChecksumComuni")
	comuni, iss, err := source.ReadComuni(bytes.NewReader(comuniFile.data))
	check(iss, err)
	in.Comuni = comuni

	statesFile := read("anpr/"+source.StatesFile, "ChecksumStates")
	states, iss, err := source.ReadStates(bytes.NewReader(statesFile.data))
	check(iss, err)
	cessatiFile := read("anpr/"+source.DissolvedStatesFile, "ChecksumDissolvedStates")
	cessati, iss, err := source.ReadDissolvedStates(bytes.NewReader(cessatiFile.data), source.OriginDissolved, source.DissolvedStatesFile)
	check(iss, err)
	in.States = append(states, cessati...)

	aliasFile := read("anpr/"+source.StateAliasesFile, "ChecksumStateAliases")
	aliases, iss, err := source.ReadStateAliases(bytes.NewReader(aliasFile.data))
	check(iss, err)
	issues = append(issues, source.CheckStateAliases(aliases, in.States)...)

	provFile := read("istat/"+source.ProvincesFile, "ChecksumProvinces")
	in.Provinces, iss, err = source.ReadProvinces(bytes.NewReader(provFile.data))
	check(iss, err)

	edFile := readLocal(source.KitEditionsFile, "ChecksumKitEditions")
	in.KitEditions, err = source.ReadKitEditions(bytes.NewReader(edFile.data))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range in.KitEditions {
		name := "ChecksumKit" + e.Name
		if e.File == source.KitFile {
			name = "ChecksumKit"
		}
		f := read("kit/"+e.File, name)
		rows, iss, err := source.ReadKit(bytes.NewReader(f.data), e.Name, e.File)
		check(iss, err)
		in.Kit = append(in.Kit, rows...)
	}
	durFile := readLocal(source.KitDurationsFile, "ChecksumKitDurations")
	in.KitDurations, iss, err = source.ReadKitDurations(bytes.NewReader(durFile.data))
	check(iss, err)
	succFile := readLocal(source.KitSuccessorFile, "ChecksumKitSuccessors")
	in.KitSuccessors, iss, err = source.ReadKitSuccessors(bytes.NewReader(succFile.data))
	check(iss, err)

	for i, name := range source.DecodingFiles {
		f := read("anpr/"+name+".csv", "Checksum"+camel(name))
		in.Decoding[i], iss, err = source.ReadDecoding(bytes.NewReader(f.data), name+".csv")
		check(iss, err)
	}

	fmFile := readLocal(source.FreeMovementFile, "ChecksumFreeMovement")
	fmRows, iss, err := source.ReadFreeMovement(bytes.NewReader(fmFile.data))
	check(iss, err)
	fm, missing := source.MapFreeMovement(fmRows, in.States)
	if len(missing) > 0 || len(iss) > 0 {
		for _, m := range append(iss, missing...) {
			fmt.Fprintln(os.Stderr, m)
		}
		log.Fatalf("%s: righe non valide o ISO3 non trovati nella tabella degli stati", source.FreeMovementFile)
	}

	feesFile := read("kit/"+source.FeesFile, "ChecksumFees")
	fees, iss, err := source.ReadFees(bytes.NewReader(feesFile.data))
	check(iss, err)
	exFile := read("kit/"+source.FeeExemptionsFile, "ChecksumFeeExemptions")
	exemptions, iss, err := source.ReadFeeExemptions(bytes.NewReader(exFile.data))
	check(iss, err)

	set, buildIssues := source.Build(in)
	issues = append(issues, buildIssues...)

	for _, i := range issues {
		fmt.Fprintln(os.Stderr, i)
	}
	fmt.Fprintf(os.Stderr, "gen: %d irregular rows reported\n", len(issues))

	var version, statesVersion source.Date
	for _, c := range comuni {
		version = max(version, c.Updated)
	}
	statesVersion = maxStatesUpdate(statesFile.data)

	w := &bytes.Buffer{}
	fmt.Fprintln(w, "// Code generated by go run gen.go; DO NOT EDIT.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "// Source files:")
	for _, p := range paths(files) {
		fmt.Fprintf(w, "//   - %s\n", p)
	}
	fmt.Fprintf(w, "// Irregular rows reported by the generator: %d (listed by Tables.Issues).\n", len(issues))
	fmt.Fprintf(w, "// Provinces without a questura (source.NoQuestura): %s.\n", noQuestura())
	fmt.Fprintln(w)
	fmt.Fprintln(w, "package codes")
	fmt.Fprintln(w)
	fmt.Fprintln(w, `import "github.com/retecomuni/eli2sdk/codes/internal/source"`)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "// DataVersion is the version of the embedded data: the most recent")
	fmt.Fprintln(w, "// update date (DATAULTIMOAGG) in ANPR's comuni archive.")
	fmt.Fprintf(w, "const DataVersion = %q\n\n", source.FormatDate(version))
	fmt.Fprintln(w, "// StatesVersion is the most recent update date (DATAULTIMOAGG) in ANPR's")
	fmt.Fprintln(w, "// table of foreign states.")
	fmt.Fprintf(w, "const StatesVersion = %q\n\n", source.FormatDate(statesVersion))
	fmt.Fprintln(w, "// SHA-256 checksums (hex) of the source files the embedded tables were")
	fmt.Fprintln(w, "// generated from, one per file.")
	fmt.Fprintln(w, "const (")
	for _, f := range files {
		sum := sha256.Sum256(f.data)
		fmt.Fprintf(w, "\t%s = %q // %s\n", f.constName, hex.EncodeToString(sum[:]), f.path)
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintln(w)

	fmt.Fprintln(w, "var defaultTables = Tables{")
	writeComuni(w, set.Comuni)
	writeIndex(w, "comuniByBelfiore", set.ComuniByBelfiore)
	writeIndex(w, "comuniByIstat", set.ComuniByIstat)
	writeNames(w, "comuniByName", set.ComuniByName)
	writeStates(w, set.States)
	writeIndex(w, "statesByIstat", set.StatesByIstat)
	writeIndex(w, "statesByBelfiore", set.StatesByBelfiore)
	writeIndex(w, "statesByISO3", set.StatesByISO3)
	writeNames(w, "statesByName", set.StatesByName)
	fmt.Fprintln(w, "stateAliases: []source.StateAlias{")
	for _, a := range aliases {
		fmt.Fprintf(w, "%#v,\n", a)
	}
	fmt.Fprintln(w, "},")

	fmt.Fprintln(w, "provinces: []Province{")
	for _, p := range set.Provinces {
		fmt.Fprintf(w, "{%q, %q, %q, %q, %t, %q},\n", p.Istat, p.Sigla, p.Name, p.Region, p.HasQuestura, p.Questura)
	}
	fmt.Fprintln(w, "},")
	writeKit(w, set)
	fmt.Fprintln(w, "freeMovement: []FreeMovementState{")
	for _, f := range fm {
		fmt.Fprintf(w, "{%q, %q, %q, %q, %d, %d, %q},\n", f.Istat, f.ISO3, f.Name, f.Scope, f.From, f.To, f.Source)
	}
	fmt.Fprintln(w, "},")
	fmt.Fprintln(w, "fees: []Fee{")
	for _, f := range fees {
		fmt.Fprintf(w, "{Voce: %q, Amount: %d, AppliesTo: %q, Source: %q, From: %d},\n", f.Voce, f.Cents, f.AppliesTo, f.Source, f.From)
	}
	fmt.Fprintln(w, "},")
	fmt.Fprintln(w, "feeExemptions: []FeeExemption{")
	for _, e := range exemptions {
		fmt.Fprintf(w, "{Description: %q, Voci: %#v, Source: %q},\n", e.Description, e.Voci, e.Source)
	}
	fmt.Fprintln(w, "},")
	fmt.Fprintln(w, "decoding: [numTables][]Entry{")
	for i, entries := range set.Decoding {
		fmt.Fprintf(w, "{ // %s\n", source.DecodingFiles[i])
		for _, e := range entries {
			fmt.Fprintf(w, "{%q, %q, %q},\n", e.ID, e.Description, e.Note)
		}
		fmt.Fprintln(w, "},")
	}
	fmt.Fprintln(w, "},")
	fmt.Fprintln(w, "issues: []Issue{")
	for _, i := range issues {
		fmt.Fprintf(w, "{%q, %d, %q, %q},\n", i.File, i.Line, i.Key, i.Msg)
	}
	fmt.Fprintln(w, "},")
	fmt.Fprintln(w, "}")

	out, err := format.Source(w.Bytes())
	if err != nil {
		log.Fatalf("formatting generated code: %v", err)
	}
	if err := os.WriteFile(*output, out, 0o644); err != nil {
		log.Fatal(err)
	}
}

// writeKit writes the kit editions with their rows, and the duration and
// successor facts (kept so that Load can apply them to replaced editions).
func writeKit(w io.Writer, set *source.Set) {
	fmt.Fprintln(w, "kit: []kitEdition{")
	for _, e := range set.KitEditions {
		fmt.Fprintf(w, "{KitEdition: KitEdition{Name: %q, From: %d, Source: %q}, file: %q, rows: []KitType{\n", e.Name, e.From, e.Source, e.File)
		for _, k := range set.Kit {
			if k.Edition != e.Name {
				continue
			}
			fmt.Fprintf(w, "{Code: %d, Description: %q, Titolo: %q, Operazione: %q, ValidTo: %d, Note: %q, Edition: %q, Ops: %d, "+
				"MaxMonths: %d, MaxMonthsOps: %d, NoDuration: %t, DurationSource: %q, Successor: %d, SuccessorSource: %q},\n",
				k.Code, k.Description, k.Titolo, k.Operazione, k.ValidTo, k.Note, k.Edition, k.Ops,
				k.MaxMonths, k.MaxMonthsOps, k.NoDuration, k.DurationSource, k.Successor, k.SuccessorSource)
		}
		fmt.Fprintln(w, "}},")
	}
	fmt.Fprintln(w, "},")
	fmt.Fprintln(w, "kitDurations: []source.KitDuration{")
	for _, d := range set.KitDurations {
		fmt.Fprintf(w, "%#v,\n", d)
	}
	fmt.Fprintln(w, "},")
	fmt.Fprintln(w, "kitSuccessors: []source.KitSuccessor{")
	for _, d := range set.KitSuccessors {
		fmt.Fprintf(w, "%#v,\n", d)
	}
	fmt.Fprintln(w, "},")
}

func writeComuni(w io.Writer, rows []source.Comune) {
	fmt.Fprintln(w, "comuni: []Comune{")
	fmt.Fprintln(w, "// ID, Istat, Belfiore, Name, NameTranslit, AltName, Province, ProvinceIstat, Region, From, To, Status")
	for _, c := range rows {
		fmt.Fprintf(w, "{%d, %q, %q, %q, %q, %q, %q, %q, %q, %d, %d, %s},\n",
			c.ID, c.Istat, c.Belfiore, c.Name, c.NameTranslit, c.AltName, c.Province, c.ProvinceIstat, c.Region,
			c.From, c.To, byteLit(c.Status))
	}
	fmt.Fprintln(w, "},")
}

func writeStates(w io.Writer, rows []source.State) {
	fmt.Fprintln(w, "states: []State{")
	fmt.Fprintln(w, "// Istat, Belfiore, ISO3, Name, NameIT, NameEN, From, To, Citizenship, Birth, Residence, Kind, Dissolved, Successors, Note, origin")
	for _, s := range rows {
		succ := "nil"
		if s.Successors != nil {
			q := make([]string, len(s.Successors))
			for i, v := range s.Successors {
				q[i] = strconv.Quote(v)
			}
			succ = "[]string{" + strings.Join(q, ", ") + "}"
		}
		fmt.Fprintf(w, "{%q, %q, %q, %q, %q, %q, %d, %d, %t, %t, %t, %q, %t, %s, %q, %d},\n",
			s.Istat, s.Belfiore, s.ISO3, s.Name, s.NameIT, s.NameEN, s.From, s.To,
			s.Citizenship, s.Birth, s.Residence, s.Kind, s.Dissolved, succ, s.Note, s.Origin)
	}
	fmt.Fprintln(w, "},")
}

// writeIndex writes an index of row numbers, 16 to a line.
func writeIndex(w io.Writer, field string, idx []int32) {
	if idx == nil {
		fmt.Fprintf(w, "%s: nil,\n", field)
		return
	}
	fmt.Fprintf(w, "%s: []int32{", field)
	for i, v := range idx {
		if i%16 == 0 {
			fmt.Fprint(w, "\n")
		}
		fmt.Fprintf(w, "%d, ", v)
	}
	fmt.Fprintln(w, "\n},")
}

// writeNames writes a name index, four entries to a line.
func writeNames(w io.Writer, field string, refs []source.NameRef) {
	if refs == nil {
		fmt.Fprintf(w, "%s: nil,\n", field)
		return
	}
	fmt.Fprintf(w, "%s: []nameRef{", field)
	for i, r := range refs {
		if i%4 == 0 {
			fmt.Fprint(w, "\n")
		}
		fmt.Fprintf(w, "{%q, %d}, ", r.Key, r.Row)
	}
	fmt.Fprintln(w, "\n},")
}

func byteLit(b byte) string {
	if b >= ' ' && b < 0x7f {
		return strconv.QuoteRune(rune(b))
	}
	return strconv.Itoa(int(b))
}

// camel turns stato_civile into StatoCivile.
func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func paths(files []*sourceFile) []string {
	var p []string
	for _, f := range files {
		p = append(p, f.path)
	}
	return p
}

func noQuestura() string {
	var s []string
	for k, v := range source.NoQuestura {
		s = append(s, k+" (served by "+v+")")
	}
	slices.Sort(s)
	return strings.Join(s, ", ")
}

// maxStatesUpdate returns the most recent DATAULTIMOAGG of ANPR's state
// table (dd/mm/yyyy), read again here because the row type does not keep it.
func maxStatesUpdate(data []byte) source.Date {
	return source.MaxUpdate(bytes.NewReader(data), source.StatesFile)
}
