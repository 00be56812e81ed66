package eli2_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/eli2test"
)

// The encoding/xml mirror of format v1: the same document shape (same
// element names, order, optional elements omitted), with dates and numbers
// as strings, so that encoding/xml does no more work than our codec.
type xmlImport struct {
	XMLName      xml.Name        `xml:"urn:eli2sdk:import:1 ELI2Import"`
	Versione     string          `xml:"versione,attr"`
	Intestazione xmlIntestazione `xml:"Intestazione"`
	Pratiche     []xmlPratica    `xml:"Pratica"`
}

type xmlIntestazione struct {
	ComuneBelfiore   string `xml:"ComuneBelfiore"`
	ComuneIstat      string `xml:"ComuneIstat"`
	Sportello        string `xml:"Sportello,omitempty"`
	Operatore        string `xml:"Operatore,omitempty"`
	DataCreazione    string `xml:"DataCreazione"`
	Software         string `xml:"Software,omitempty"`
	VersioneSoftware string `xml:"VersioneSoftware,omitempty"`
	NumeroPratiche   int    `xml:"NumeroPratiche"`
}

type xmlLuogo struct {
	Comune      string `xml:"Comune,omitempty"`
	StatoEstero string `xml:"StatoEstero,omitempty"`
	Localita    string `xml:"Localita,omitempty"`
}

type xmlPratica struct {
	ID        string `xml:"id,attr"`
	Questura  string `xml:"Questura"`
	Richiesta struct {
		TipoRichiesta      string `xml:"TipoRichiesta"`
		TipoTitolo         string `xml:"TipoTitolo"`
		Tipologia          int    `xml:"Tipologia"`
		TipologiaRichiesta int    `xml:"TipologiaRichiesta,omitempty"`
		DurataMesi         int    `xml:"DurataMesi,omitempty"`
		AggiornamentoFoto  *bool  `xml:"AggiornamentoFoto,omitempty"`
	} `xml:"Richiesta"`
	TitoloPosseduto *struct {
		Tipo             string `xml:"Tipo"`
		Numero           string `xml:"Numero,omitempty"`
		Motivo           string `xml:"Motivo,omitempty"`
		DataRilascio     string `xml:"DataRilascio,omitempty"`
		DataScadenza     string `xml:"DataScadenza,omitempty"`
		QuesturaRilascio string `xml:"QuesturaRilascio,omitempty"`
	} `xml:"TitoloPosseduto,omitempty"`
	Richiedente struct {
		CodiceFiscale string   `xml:"CodiceFiscale,omitempty"`
		Cognome       string   `xml:"Cognome"`
		Nome          string   `xml:"Nome"`
		Sesso         string   `xml:"Sesso"`
		DataNascita   string   `xml:"DataNascita"`
		LuogoNascita  xmlLuogo `xml:"LuogoNascita"`
		Cittadinanza  string   `xml:"Cittadinanza"`
		StatoCivile   string   `xml:"StatoCivile,omitempty"`
	} `xml:"Richiedente"`
	Domicilio struct {
		Comune    string `xml:"Comune"`
		Provincia string `xml:"Provincia"`
		Toponimo  struct {
			Specie        string `xml:"Specie"`
			Denominazione string `xml:"Denominazione"`
		} `xml:"Toponimo"`
		NumeroCivico string `xml:"NumeroCivico,omitempty"`
		Esponente    string `xml:"Esponente,omitempty"`
		Scala        string `xml:"Scala,omitempty"`
		Interno      string `xml:"Interno,omitempty"`
		CAP          string `xml:"CAP"`
		Presso       string `xml:"Presso,omitempty"`
	} `xml:"Domicilio"`
	Recapiti *struct {
		Telefono string `xml:"Telefono,omitempty"`
		Email    string `xml:"Email,omitempty"`
	} `xml:"Recapiti,omitempty"`
	Documento *struct {
		Tipo             string `xml:"Tipo"`
		Numero           string `xml:"Numero"`
		DataRilascio     string `xml:"DataRilascio,omitempty"`
		DataScadenza     string `xml:"DataScadenza,omitempty"`
		AutoritaRilascio string `xml:"AutoritaRilascio,omitempty"`
		StatoRilascio    string `xml:"StatoRilascio,omitempty"`
	} `xml:"Documento,omitempty"`
	Visto *struct {
		Tipo         string `xml:"Tipo"`
		Numero       string `xml:"Numero,omitempty"`
		DataRilascio string `xml:"DataRilascio,omitempty"`
	} `xml:"Visto,omitempty"`
	Familiari *struct {
		Familiare []struct {
			Relazione     string   `xml:"Relazione"`
			CodiceFiscale string   `xml:"CodiceFiscale,omitempty"`
			Cognome       string   `xml:"Cognome"`
			Nome          string   `xml:"Nome"`
			Sesso         string   `xml:"Sesso"`
			DataNascita   string   `xml:"DataNascita"`
			LuogoNascita  xmlLuogo `xml:"LuogoNascita"`
			Cittadinanza  string   `xml:"Cittadinanza"`
		} `xml:"Familiare"`
	} `xml:"Familiari,omitempty"`
	GenitoreTutore *struct {
		Ruolo         string `xml:"Ruolo"`
		CodiceFiscale string `xml:"CodiceFiscale,omitempty"`
		Cognome       string `xml:"Cognome"`
		Nome          string `xml:"Nome"`
	} `xml:"GenitoreTutore,omitempty"`
	Istanza struct {
		Modulo      []int `xml:"Modulo"`
		FogliTotali int   `xml:"FogliTotali"`
	} `xml:"Istanza"`
	DatiSocioProfessionali *struct {
		TitoloStudio               string `xml:"TitoloStudio,omitempty"`
		PosizioneProfessione       string `xml:"PosizioneProfessione,omitempty"`
		CondizioneNonProfessionale string `xml:"CondizioneNonProfessionale,omitempty"`
	} `xml:"DatiSocioProfessionali,omitempty"`
}

// benchFile returns n realistic applications (the samples, with fresh ids),
// the same file for both codecs.
func benchFile(n int) eli2.ImportFile {
	ps := eli2test.Pratiche()
	names := eli2test.SampleNames()
	f := eli2.ImportFile{Intestazione: eli2test.Header("D612", "048017", n)}
	for i := 0; len(f.Pratiche) < n; i++ {
		p, ok := ps[names[i%len(names)]]
		if !ok {
			continue
		}
		p.ID = "P" + strconv.Itoa(len(f.Pratiche)+1)
		f.Pratiche = append(f.Pratiche, p)
	}
	return f
}

// mirrorOf converts the file through our own decoder's output shape: it
// unmarshals our encoding with encoding/xml, which also proves the mirror
// reads the same document.
func mirrorOf(tb testing.TB, data []byte) *xmlImport {
	var m xmlImport
	require.NoError(tb, xml.Unmarshal(data, &m))
	return &m
}

const benchN = 1000

func BenchmarkEncode(b *testing.B) {
	f := benchFile(benchN)
	data := encodeFile(b, &f)
	m := mirrorOf(b, data)
	b.Run("eli2", func(b *testing.B) {
		var buf bytes.Buffer
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := eli2.EncodeFile(&buf, &f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_xml", func(b *testing.B) {
		var buf bytes.Buffer
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			enc := xml.NewEncoder(&buf)
			enc.Indent("", "  ")
			if err := enc.Encode(m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	f := benchFile(benchN)
	data := encodeFile(b, &f)
	b.Run("eli2", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := eli2.DecodeFile(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_xml", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var m xmlImport
			if err := xml.Unmarshal(data, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestMirrorSameShape checks that encoding/xml with the mirror writes the
// same elements as our encoder, so that the benchmark compares like with like.
func TestMirrorSameShape(t *testing.T) {
	f := benchFile(20)
	data := encodeFile(t, &f)
	m := mirrorOf(t, data)
	require.Len(t, m.Pratiche, 20)
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	require.NoError(t, enc.Encode(m))
	// encoding/xml writes no prolog and its own namespace and empty-element
	// forms; compare the element sequence.
	require.Equal(t, elementNames(t, data), elementNames(t, buf.Bytes()))
}

func elementNames(t *testing.T, data []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(data))
	var names []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return names
		}
		require.NoError(t, err)
		if se, ok := tok.(xml.StartElement); ok {
			names = append(names, se.Name.Local)
		}
	}
}

// streamReader generates an import file of n applications on the fly.
type streamReader struct {
	head, pre, post, tail []byte
	n, i                  int
	cur, buf              []byte
}

func newStreamReader(t testing.TB, approxBytes int) (*streamReader, int) {
	p := eli2test.RinnovoFamiglia()
	p.ID = "@ID@"
	one := string(encodeFile(t, &eli2.ImportFile{Intestazione: eli2test.Header("A271", "042002", 1), Pratiche: []eli2.Pratica{p}}))
	start := strings.Index(one, "  <Pratica ")
	end := strings.Index(one, "</ELI2Import>")
	body := one[start:end]
	n := approxBytes / len(body)
	head := strings.Replace(one[:start], "<NumeroPratiche>1<", "<NumeroPratiche>"+strconv.Itoa(n)+"<", 1)
	at := strings.Index(body, "@ID@")
	return &streamReader{head: []byte(head), pre: []byte(body[:at]), post: []byte(body[at+4:]), tail: []byte(one[end:]), n: n, cur: []byte(head)}, n
}

func (s *streamReader) Read(p []byte) (int, error) {
	for len(s.cur) == 0 {
		switch {
		case s.i < s.n:
			s.i++
			s.buf = append(strconv.AppendInt(append(s.buf[:0], s.pre...), int64(s.i), 10), s.post...)
			s.cur = s.buf
		case s.i == s.n:
			s.i++
			s.cur = s.tail
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, s.cur)
	s.cur = s.cur[n:]
	return n, nil
}

// TestDecoderConstantMemory streams a generated 100 MB file through the
// Decoder and checks that the live heap stays bounded: it grows only by the
// set of ids (about 60 bytes per application here).
func TestDecoderConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 100 MB")
	}
	r, n := newStreamReader(t, 100<<20)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapInuse
	d := eli2.NewDecoder(r)
	count := 0
	var peak uint64
	for {
		p, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		require.Len(t, p.Familiari, 3)
		count++
		if count%(n/4) == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	require.Equal(t, n, count)
	grown := int64(peak) - int64(before)
	t.Logf("%d applications (%d MB): live heap grew by %d KB (%d bytes per application)", n, 100, grown/1024, grown/int64(n))
	require.Less(t, grown, int64(16<<20), "heap grew by %d bytes", grown)
}

// BenchmarkEncodePratica measures one Encode call (per-application cost).
func BenchmarkEncodePratica(b *testing.B) {
	p := eli2test.RinnovoFamiglia()
	enc := eli2.NewEncoder(io.Discard)
	if err := enc.WriteHeader(eli2test.Header("A271", "042002", 1)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		p.ID = "P" + strconv.Itoa(i)
		if err := enc.Encode(&p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeNext measures one Next call on a generated stream
// (per-application cost, including the id set).
func BenchmarkDecodeNext(b *testing.B) {
	r, n := newStreamReader(b, 1<<30)
	d := eli2.NewDecoder(r)
	b.ReportAllocs()
	b.SetBytes(int64(len(r.pre) + len(r.post) + 5))
	i := 0
	for b.Loop() {
		if i++; i > n {
			b.Fatal("stream exhausted")
		}
		if _, err := d.Next(); err != nil {
			b.Fatal(err)
		}
	}
}
