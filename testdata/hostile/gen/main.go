// Command gen writes the small hostile seed files of testdata/hostile: one
// valid application file (from the eli2test samples) altered in one way each,
// and MANIFEST.tsv naming the sentinel error the Decoder must return for each
// ("ok" when the file must be accepted). eli2/hostile_test.go checks every
// seed against the manifest; large hostile inputs (1 GiB texts, 10 million
// applications) are generated as streams by that test, never stored.
//
//	go run ./testdata/hostile/gen            (from the repository root)
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

func main() {
	dir := filepath.Join("testdata", "hostile")
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type seed struct{ name, want, doc, note string }

func run(dir string) error {
	p := eli2test.AggiornamentoCarta()
	p.Domicilio.Presso = "SOCIETÀ L'ÀNCORA"
	f := eli2.ImportFile{Intestazione: eli2test.Header("H199", "039014", 1), Pratiche: []eli2.Pratica{p}}
	var buf bytes.Buffer
	if err := eli2.EncodeFile(&buf, &f); err != nil {
		return err
	}
	base := buf.String()
	var missing []string
	repl := func(old, new string) string {
		if !strings.Contains(base, old) {
			missing = append(missing, old)
		}
		return strings.Replace(base, old, new, 1)
	}
	latin1, err := charmap.Windows1252.NewEncoder().String(base)
	if err != nil {
		return err
	}
	laughs := `<!DOCTYPE ELI2Import [<!ENTITY a "aaaaaaaaaa">` +
		`<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">` +
		`<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">` +
		`<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">` +
		`<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>` + "\n<ELI2Import"
	seeds := []seed{
		{"billion_laughs.xml", "ErrDTD", strings.Replace(repl("<ELI2Import", laughs), "<Cognome>", "<Cognome>&i;", 1), "entity expansion bomb"},
		{"xxe_passwd.xml", "ErrDTD", strings.Replace(repl("<ELI2Import", `<!DOCTYPE ELI2Import [<!ENTITY x SYSTEM "file:///etc/passwd">]>`+"\n<ELI2Import"), "<Cognome>", "<Cognome>&x;", 1), "external entity"},
		{"external_dtd.xml", "ErrDTD", repl("<ELI2Import", `<!DOCTYPE ELI2Import SYSTEM "http://127.0.0.1:1/x.dtd">`+"\n<ELI2Import"), "external DTD"},
		{"undefined_entity.xml", "ErrSyntax", repl("<Cognome>", "<Cognome>&x;"), "entity reference without DTD"},
		{"invalid_utf8.xml", "ErrInvalidUTF8", repl("<Cognome>", "<Cognome>\xff"), "byte 0xFF"},
		{"overlong_utf8.xml", "ErrInvalidUTF8", repl("<Cognome>", "<Cognome>\xc0\xaf"), "overlong '/'"},
		{"overlong_nul.xml", "ErrInvalidUTF8", repl("<Cognome>", "<Cognome>\xc0\x80"), "overlong NUL"},
		{"surrogate.xml", "ErrInvalidUTF8", repl("<Cognome>", "<Cognome>\xed\xa0\x80"), "UTF-16 surrogate in UTF-8"},
		{"nul_byte.xml", "ErrInvalidChar", repl("<Cognome>", "<Cognome>\x00"), "raw NUL"},
		{"nul_charref.xml", "ErrInvalidChar", repl("<Cognome>", "<Cognome>&#0;"), "&#0;"},
		{"latin1_undeclared.xml", "ErrInvalidUTF8", latin1, "Windows-1252 bytes labelled UTF-8"},
		{"latin1_declared.xml", "ok", strings.Replace(latin1, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1), "read as Windows-1252"},
		{"bom_latin1.xml", "ErrEncoding", "\xef\xbb\xbf" + strings.Replace(latin1, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1), "UTF-8 BOM but Latin-1 label"},
		{"bom_crlf.xml", "ok", "\xef\xbb\xbf" + strings.ReplaceAll(base, "\n", "\r\n"), "UTF-8 BOM and Windows line endings"},
		{"truncated.xml", "ErrUnexpectedEOF", base[:len(base)/2], "cut in the middle"},
		{"deep.xml", "ErrUnknownElement", repl("<CAP>", strings.Repeat("<x>", 200)+strings.Repeat("</x>", 200)+"<CAP>"), "200 nested unknown elements"},
		{"empty_pratica.xml", "ErrMissingElement", base[:strings.Index(base, "<Pratica ")] + "  <Pratica id=\"P1\"/>\n</ELI2Import>\n", "Pratica without children"},
		{"duplicate_id.xml", "ok", duplicate(base), "two applications with the same id: syntax is fine, the validator reports duplicate_id"},
		{"empty.xml", "ErrEmpty", "", "an empty file"},
		{"not_xml.xml", "ErrNotXML", "id;cognome;nome\n1;ROSSI;MARIO\n", "a CSV file given as an import file"},
	}
	if len(missing) > 0 {
		return fmt.Errorf("markers not in the sample: %q", missing)
	}
	var manifest strings.Builder
	manifest.WriteString("# file\twant\tnote (written by testdata/hostile/gen; checked by eli2/hostile_test.go)\n")
	for _, s := range seeds {
		if err := os.WriteFile(filepath.Join(dir, s.name), []byte(s.doc), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&manifest, "%s\t%s\t%s\n", s.name, s.want, s.note)
	}
	return os.WriteFile(filepath.Join(dir, "MANIFEST.tsv"), []byte(manifest.String()), 0o644)
}

// duplicate returns base with its application repeated under the same id and
// the header count raised to 2.
func duplicate(base string) string {
	i := strings.Index(base, "  <Pratica ")
	j := strings.Index(base, "</ELI2Import>")
	s := base[:j] + base[i:j] + base[j:]
	return strings.Replace(s, "<NumeroPratiche>1<", "<NumeroPratiche>2<", 1)
}
