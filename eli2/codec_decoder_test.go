package eli2_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

func sampleXML(t *testing.T, name string) string {
	t.Helper()
	f := eli2test.Samples()[name]
	return string(encodeFile(t, &f))
}

func decodeString(s string) (*eli2.ImportFile, error) {
	return eli2.DecodeFile(strings.NewReader(s))
}

func TestDecoderRejects(t *testing.T) {
	base := sampleXML(t, "aggiornamento_carta")
	repl := func(old, new string) string {
		require.Contains(t, base, old)
		return strings.Replace(base, old, new, 1)
	}
	tests := []struct {
		name     string
		input    string
		sentinel error
		path     string
	}{
		{"doctype", repl(`<ELI2Import`, `<!DOCTYPE x [<!ENTITY a "b">]><ELI2Import`), eli2.ErrDTD, ""},
		{"entity decl", repl(`<ELI2Import`, `<!ENTITY a "b"><ELI2Import`), eli2.ErrDTD, ""},
		{"undefined entity", repl(`MARIANI`, `&nbsp;`), eli2.ErrSyntax, "Domicilio.Toponimo.Denominazione"},
		{"missing namespace", repl(` xmlns="urn:eli2sdk:import:1"`, ``), eli2.ErrNamespace, ""},
		{"wrong namespace", repl(`urn:eli2sdk:import:1`, `urn:other`), eli2.ErrNamespace, ""},
		{"child in other namespace", repl(`<Questura>RA</Questura>`, `<x:Questura xmlns:x="urn:x">RA</x:Questura>`), eli2.ErrNamespace, ""},
		{"undeclared prefix", repl(`<Questura>RA</Questura>`, `<x:Questura>RA</x:Questura>`), eli2.ErrNamespace, ""},
		{"wrong version", repl(`versione="1"`, `versione="2"`), eli2.ErrVersion, ""},
		{"missing version", repl(` versione="1"`, ``), eli2.ErrVersion, ""},
		{"unknown root attr", repl(`versione="1"`, `versione="1" foo="x"`), eli2.ErrUnknownAttr, ""},
		{"unknown element", repl(`<CAP>`, `<Citofono>X</Citofono><CAP>`), eli2.ErrUnknownElement, "Domicilio"},
		{"child in leaf", repl(`<CAP>48121`, `<CAP><X/>48121`), eli2.ErrUnknownElement, "Domicilio.CAP"},
		{"wrong order", repl(`<Sesso>M</Sesso>`, ``), eli2.ErrMissingElement, "Richiedente"},
		{"order swapped", strings.Replace(repl(`<Numero>I00982214</Numero>`, ``), `<DataRilascio>2017`, `<Numero>I00982214</Numero><DataRilascio>2017`, 1), eli2.ErrElementOrder, "TitoloPosseduto"},
		{"repeated", repl(`<CAP>48121</CAP>`, `<CAP>48121</CAP><CAP>48121</CAP>`), eli2.ErrElementOrder, "Domicilio"},
		{"missing required at end", repl(`<FogliTotali>1</FogliTotali>`, ``), eli2.ErrMissingElement, "Istanza"},
		{"missing Intestazione", base[:strings.Index(base, "<Intestazione>")] + base[strings.Index(base, "<Pratica "):], eli2.ErrMissingElement, ""},
		{"text in container", repl(`<Richiesta>`, `<Richiesta>oops`), eli2.ErrUnexpectedText, "Richiesta"},
		{"bad int", repl(`<Tipologia>3<`, `<Tipologia>tre<`), eli2.ErrInvalidValue, "Richiesta.Tipologia"},
		{"bad date", repl(`2017-10-16`, `16/10/2017`), eli2.ErrInvalidValue, "TitoloPosseduto.DataRilascio"},
		{"bad birth date", repl(`1979-04-12`, `1979-02-30`), eli2.ErrInvalidValue, "Richiedente.DataNascita"},
		{"bad bool", repl(`>true<`, `>si<`), eli2.ErrInvalidValue, "Richiesta.AggiornamentoFoto"},
		{"bad DataCreazione", repl(`2026-03-15T10:30:00+01:00`, `2026-03-15 10:30`), eli2.ErrInvalidValue, "Intestazione.DataCreazione"},
		{"id missing", repl(` id="RA-2026-0033"`, ``), eli2.ErrInvalidValue, "ID"},
		{"unknown pratica attr", repl(`id="RA-2026-0033"`, `id="RA-2026-0033" x="1"`), eli2.ErrUnknownAttr, ""},
		{"attr on leaf", repl(`<CAP>`, `<CAP a="1">`), eli2.ErrUnknownAttr, "Domicilio"},
		{"truncated", base[:len(base)/2], eli2.ErrUnexpectedEOF, "-"},
		{"truncated in tag", base[:strings.Index(base, "<Questura>")+5], eli2.ErrUnexpectedEOF, ""},
		{"empty", "", eli2.ErrEmpty, ""},
		{"white space only", " \r\n\t ", eli2.ErrEmpty, ""},
		{"BOM only", "\xef\xbb\xbf", eli2.ErrEmpty, ""},
		{"CSV", "id;cognome;nome\n1;ROSSI;MARIO\n", eli2.ErrNotXML, ""},
		{"PDF", "%PDF-1.7\n", eli2.ErrNotXML, ""},
		{"invalid UTF-8", repl(`MARIANI`, "MARI\xc0NI"), eli2.ErrInvalidUTF8, "Domicilio.Toponimo.Denominazione"},
		{"NUL", repl(`MARIANI`, "MARI\x00NI"), eli2.ErrInvalidChar, "Domicilio.Toponimo.Denominazione"},
		{"control char", repl(`MARIANI`, "MARI\x0bNI"), eli2.ErrInvalidChar, "Domicilio.Toponimo.Denominazione"},
		{"forbidden char ref", repl(`MARIANI`, "MARI&#1;NI"), eli2.ErrInvalidChar, "Domicilio.Toponimo.Denominazione"},
		{"mismatched tag", repl(`</CAP>`, `</Cap>`), eli2.ErrSyntax, "Domicilio.CAP"},
		{"trailing element", base + "<x/>", eli2.ErrSyntax, ""},
		{"trailing text", base + "x", eli2.ErrSyntax, ""},
		{"text before root", "x" + base, eli2.ErrNotXML, ""},
		{"late xml decl", "\n" + base, eli2.ErrSyntax, ""},
		{"xml 1.1", strings.Replace(base, `version="1.0"`, `version="1.1"`, 1), eli2.ErrSyntax, ""},
		{"utf-16", "\xff\xfe<\x00?\x00", eli2.ErrEncoding, ""},
		{"unknown encoding", strings.Replace(base, `encoding="UTF-8"`, `encoding="EBCDIC-US"`, 1), eli2.ErrEncoding, ""},
		{"BOM and latin1", "\xef\xbb\xbf" + strings.Replace(base, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1), eli2.ErrEncoding, ""},
		{"wrong root", strings.Replace(strings.Replace(base, "<ELI2Import", "<Foo", 1), "</ELI2Import>", "</Foo>", 1), eli2.ErrUnknownElement, ""},
		{"duplicate attr", repl(`versione="1"`, `versione="1" versione="1"`), eli2.ErrSyntax, ""},
		{"cdata end in text", repl(`MARIANI`, `A]]>B`), eli2.ErrSyntax, "Domicilio.Toponimo.Denominazione"},
		{"comment with --", repl(`<CAP>`, `<!-- a -- b --><CAP>`), eli2.ErrSyntax, "Domicilio"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeString(tt.input)
			require.Error(t, err)
			require.ErrorIs(t, err, tt.sentinel, "got %v", err)
			var pe *eli2.ParseError
			require.True(t, errors.As(err, &pe), "error is not a *ParseError: %T %v", err, err)
			assert.Positive(t, pe.Line)
			assert.Positive(t, pe.Column)
			if tt.path != "-" {
				assert.Equal(t, tt.path, pe.Path)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "riga "), err.Error())
		})
	}
}

func TestDecoderErrorPosition(t *testing.T) {
	base := sampleXML(t, "aggiornamento_carta")
	in := strings.Replace(base, "<CAP>", "<Citofono/><CAP>", 1)
	_, err := decodeString(in)
	var pe *eli2.ParseError
	require.ErrorAs(t, err, &pe)
	lines := strings.Split(in, "\n")
	for i, l := range lines {
		if strings.Contains(l, "<Citofono/>") {
			assert.Equal(t, i+1, pe.Line)
			assert.Equal(t, strings.Index(l, "<Citofono/>")+1, pe.Column)
		}
	}
	assert.Equal(t, "RA-2026-0033", pe.Pratica)
	assert.Equal(t, "riga 49, colonna 7 (pratica RA-2026-0033, Domicilio): elemento sconosciuto: <Citofono>", err.Error())
}

// TestDecoderDuplicateID: the Decoder checks syntax, so it reads repeated
// ids and a wrong header count; the validator reports them (see
// TestValidateStreamFileProblems).
func TestDecoderDuplicateID(t *testing.T) {
	batch := sampleXML(t, "batch")
	in := strings.Replace(batch, `id="FI-2026-0003"`, `id="FI-2026-0002"`, 1)
	in = strings.Replace(in, "<NumeroPratiche>3<", "<NumeroPratiche>4<", 1)
	d := eli2.NewDecoder(strings.NewReader(in))
	var ids []string
	for {
		p, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		ids = append(ids, p.ID)
	}
	assert.Equal(t, []string{"FI-2026-0002", "FI-2026-0002", "FI-2026-0001"}, ids)
}

func TestDecoderLimits(t *testing.T) {
	base := sampleXML(t, "aggiornamento_carta")
	t.Run("too deep", func(t *testing.T) {
		// With the default limit, structure errors come first in format v1
		// (its depth is 6); the limit protects the tokenizer, tested in xmlscan.
		d := eli2.NewDecoder(strings.NewReader(base))
		d.MaxDepth = 3
		_, err := d.Next()
		require.ErrorIs(t, err, eli2.ErrTooDeep)
	})
	t.Run("text too large stops reading", func(t *testing.T) {
		head := base[:strings.Index(base, "MARIANI")]
		r := &countingReader{r: io.MultiReader(strings.NewReader(head), infinite('A'))}
		d := eli2.NewDecoder(r)
		d.MaxTextSize = 1 << 20
		_, err := d.Next()
		require.ErrorIs(t, err, eli2.ErrTooLarge)
		assert.Less(t, r.n, int64(3<<20), "the decoder kept reading after the limit")
	})
	t.Run("huge attribute", func(t *testing.T) {
		head := base[:strings.Index(base, `id="`)+4]
		r := &countingReader{r: io.MultiReader(strings.NewReader(head), infinite('A'))}
		_, err := eli2.DecodeFile(r)
		require.ErrorIs(t, err, eli2.ErrTooLarge)
		assert.Less(t, r.n, int64(1<<20))
	})
	t.Run("too many familiari", func(t *testing.T) {
		fam := sampleXML(t, "rinnovo_famiglia")
		i := strings.Index(fam, "      <Familiare>")
		j := strings.Index(fam, "    </Familiari>")
		in := fam[:i] + strings.Repeat(fam[i:j], 100) + fam[j:]
		_, err := decodeString(in)
		require.ErrorIs(t, err, eli2.ErrTooLarge)
		d := eli2.NewDecoder(strings.NewReader(in))
		d.MaxRepeat = 1000
		_, err = d.Next()
		require.NoError(t, err)
	})
	t.Run("reader error", func(t *testing.T) {
		_, err := eli2.DecodeFile(io.MultiReader(strings.NewReader(base[:1000]), brokenReader{}))
		require.ErrorIs(t, err, errBroken)
		var pe *eli2.ParseError
		require.ErrorAs(t, err, &pe)
		_, err = eli2.DecodeFile(brokenReader{})
		require.ErrorIs(t, err, errBroken)
		require.ErrorAs(t, err, &pe)
	})
	t.Run("huge comment", func(t *testing.T) {
		head := base[:strings.Index(base, `<CAP>`)] + "<!--"
		r := &countingReader{r: io.MultiReader(strings.NewReader(head), infinite('A'))}
		_, err := eli2.DecodeFile(r)
		require.ErrorIs(t, err, eli2.ErrTooLarge)
	})
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type infinite byte

func (b infinite) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

func TestDecoderAcceptsXMLVariants(t *testing.T) {
	base := sampleXML(t, "aggiornamento_carta")
	want, err := decodeString(base)
	require.NoError(t, err)
	variants := map[string]string{
		"BOM":             "\xef\xbb\xbf" + base,
		"no declaration":  base[strings.Index(base, "<ELI2Import"):],
		"prefixed":        prefixed(base),
		"comments and PI": strings.Replace(strings.Replace(base, "<CAP>", "<!-- c --><?pi x?><CAP>", 1), "<Specie>VIA", "<Specie>V<!-- x -->IA", 1),
		"CDATA":           strings.Replace(base, "MARIANI", "<![CDATA[MAR]]>IANI", 1),
		"char refs":       strings.Replace(base, "MARIANI", "&#77;&#x41;RIANI", 1),
		"CRLF":            strings.ReplaceAll(base, "\n", "\r\n"),
		"self-closing":    strings.Replace(base, "<Richiesta>", "<Richiesta >", 1),
		"xsi attribute":   strings.Replace(base, `versione="1"`, `versione="1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:eli2sdk:import:1 eli2-import-v1.xsd"`, 1),
		"spaces in tags":  strings.Replace(base, `versione="1"`, "versione = '1' ", 1),
		"ascii":           strings.Replace(base, `encoding="UTF-8"`, `encoding="US-ASCII"`, 1),
		"padded count":    strings.Replace(base, "<NumeroPratiche>1<", "<NumeroPratiche>\n 1 <", 1),
	}
	for name, in := range variants {
		t.Run(name, func(t *testing.T) {
			got, err := decodeString(in)
			require.NoError(t, err)
			requireSameFile(t, want, got)
			// The independent validator agrees that the variant is valid.
			requireXSDValid(t, "variant.xml", []byte(in))
		})
	}
}

func TestDecoderLatin1(t *testing.T) {
	p := eli2test.AggiornamentoCarta()
	p.Domicilio.Presso = "COOPERATIVA L'ÀNCORA – SOCIETÀ €"
	f := eli2.ImportFile{Intestazione: eli2test.Header("H199", "039014", 1), Pratiche: []eli2.Pratica{p}}
	utf8Doc := string(encodeFile(t, &f))
	cp1252, err := charmap.Windows1252.NewEncoder().String(utf8Doc)
	require.NoError(t, err)

	t.Run("declared windows-1252", func(t *testing.T) {
		for _, label := range []string{"windows-1252", "ISO-8859-1", "latin1"} {
			in := strings.Replace(cp1252, `encoding="UTF-8"`, `encoding="`+label+`"`, 1)
			got, err := decodeString(in)
			require.NoError(t, err, label)
			assert.Equal(t, p.Domicilio.Presso, got.Pratiche[0].Domicilio.Presso)
			if label != "latin1" { // a label libxml2 does not know
				requireXSDValid(t, "latin.xml", []byte(in))
			}
		}
	})
	t.Run("undeclared", func(t *testing.T) {
		_, err := decodeString(cp1252)
		require.ErrorIs(t, err, eli2.ErrInvalidUTF8)
		assert.Contains(t, err.Error(), "Latin-1")
	})
}

func TestDecoderHeaderOnly(t *testing.T) {
	d := eli2.NewDecoder(strings.NewReader(sampleXML(t, "batch")))
	h, err := d.Header()
	require.NoError(t, err)
	assert.Equal(t, "D612", h.ComuneBelfiore)
	assert.Equal(t, 3, h.NumeroPratiche)
	assert.True(t, h.DataCreazione.Equal(eli2test.FileDate))
	h2, err := d.Header()
	require.NoError(t, err)
	assert.Equal(t, h, h2)
}

func TestDecodeFileBatch(t *testing.T) {
	f, err := eli2.DecodeFile(bytes.NewReader([]byte(sampleXML(t, "batch"))))
	require.NoError(t, err)
	require.Len(t, f.Pratiche, 3)
	assert.Equal(t, "250", f.Pratiche[1].Richiedente.LuogoNascita.StatoEstero)
	assert.Equal(t, eli2.PartialDate{Year: 1980, Month: 5}, f.Pratiche[0].Richiedente.DataNascita)
}

// prefixed rewrites a document to use the prefix e: for the format's
// namespace instead of the default namespace.
func prefixed(doc string) string {
	i := strings.Index(doc, "?>") + 2
	body := strings.Replace(doc[i:], `xmlns="`, `xmlns:e="`, 1)
	body = strings.ReplaceAll(body, "</", "\x00")
	body = strings.ReplaceAll(body, "<", "<e:")
	body = strings.ReplaceAll(body, "\x00", "</e:")
	return doc[:i] + body
}

var errBroken = errors.New("broken pipe")

type brokenReader struct{}

func (brokenReader) Read([]byte) (int, error) { return 0, errBroken }

// TestTipologiaOptional: a kit code of 0 (the help desk chooses it) is not
// written, and a file without <Tipologia> reads as 0; a child's passport and
// permit numbers are carried.
func TestTipologiaOptionalAndChildNumbers(t *testing.T) {
	f := eli2test.Samples()["rinnovo_famiglia"]
	f.Pratiche[0].Richiesta.Tipologia = 0
	f.Pratiche[0].Familiari[0].NumeroPassaporto = "YB1234567"
	f.Pratiche[0].Familiari[0].NumeroPermesso = "I01234567"
	data := string(encodeFile(t, &f))
	assert.NotContains(t, data, "<Tipologia>")
	assert.Contains(t, data, "<NumeroPassaporto>YB1234567</NumeroPassaporto>")
	got, err := decodeString(data)
	require.NoError(t, err)
	assert.Zero(t, got.Pratiche[0].Richiesta.Tipologia)
	assert.Equal(t, "YB1234567", got.Pratiche[0].Familiari[0].NumeroPassaporto)
	assert.Equal(t, "I01234567", got.Pratiche[0].Familiari[0].NumeroPermesso)
	requireSameFile(t, &f, got)
}
