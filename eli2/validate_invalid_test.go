package eli2

import (
	"bytes"
	"errors"
	"github.com/retecomuni/eli2sdk/internal/golden"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

const invalidDir = "../testdata/eli2/invalid"

// invalidFile is one file of testdata/eli2/invalid: applications built from
// the typical Pratica, an optional edit of the header or of the encoded
// XML, and the problems expected as "pratica path code severity" lines
// (pratica "-" for file-level problems).
type invalidFile struct {
	name     string
	pratiche func() []*Pratica
	header   func(h *Intestazione)
	edit     func(xml []byte) []byte
	want     []string
}

func one(mutate func(p *Pratica)) func() []*Pratica {
	return func() []*Pratica {
		p := typicalPratica()
		mutate(p)
		return []*Pratica{p}
	}
}

var invalidFiles = []invalidFile{
	{name: "kit_operazione", pratiche: one(func(p *Pratica) { p.Richiesta.Tipologia = 4 }),
		want: []string{"P001 Richiesta.TipoRichiesta kit_operation_mismatch errore"}},
	{name: "kit_abolito", pratiche: one(func(p *Pratica) {
		p.Richiesta.Tipologia, p.Richiesta.TipoTitolo = 8, Carta
		p.TitoloPosseduto.Tipo = "2"
	}), want: []string{"P001 Richiesta.Tipologia kit_not_valid_on_date errore"}},
	{name: "conversione_senza_tipologia", pratiche: one(func(p *Pratica) {
		p.Richiesta.Tipologia, p.Richiesta.TipoRichiesta = 10, Conversione
	}), want: []string{"P001 Richiesta.TipologiaRichiesta conversion_target_required errore"}},
	{name: "titolo_e_visto", pratiche: one(func(p *Pratica) {
		p.Richiesta.TipoTitolo = Carta
		p.TitoloPosseduto = nil
		p.Visto = &Visto{Tipo: "D", Numero: "ITA0001", DataRilascio: codes.NewDate(2024, 1, 10)}
		p.Richiesta.AggiornamentoFoto = ptr(true)
	}), want: []string{
		"P001 Richiesta.TipoTitolo kit_titolo_mismatch errore",
		"P001 Richiesta.AggiornamentoFoto foto_only_carta_update errore",
		"P001 TitoloPosseduto titolo_posseduto_required errore",
		"P001 Visto visto_only_rilascio errore",
	}},
	{name: "minore_senza_tutore", pratiche: one(func(p *Pratica) {
		p.Richiedente.DataNascita = PartialDate{Year: 2010, Month: 4}
		p.Richiedente.StatoCivile = "1"
		p.Familiari = nil
	}), want: []string{"P001 GenitoreTutore guardian_required errore"}},
	{name: "luogo_nascita", pratiche: one(func(p *Pratica) {
		p.Richiedente.LuogoNascita = LuogoNascita{Comune: "M376"}
		p.Familiari[0].LuogoNascita = LuogoNascita{StatoEstero: "100"}
		p.Familiari[1].LuogoNascita = LuogoNascita{Comune: "D612", StatoEstero: "201"}
		p.Richiedente.Cittadinanza = "702"
	}), want: []string{
		"P001 Richiedente.LuogoNascita.Comune place_not_valid_on_date errore",
		"P001 Richiedente.Cittadinanza state_not_citizenship errore",
		"P001 Familiari[0].LuogoNascita.StatoEstero state_not_birth_place errore",
		"P001 Familiari[1].LuogoNascita birth_place_conflict errore",
	}},
	{name: "codice_fiscale", pratiche: one(func(p *Pratica) {
		p.Richiedente.CodiceFiscale = "HXHRBN85C12Z100T"
		p.Familiari[0].CodiceFiscale = "HXHLRE88L41Z100"
		p.Familiari[1].CodiceFiscale = "HXHLRE88L41Z100L" // the mother's
	}), want: []string{
		"P001 Richiedente.CodiceFiscale cf_checksum errore",
		"P001 Familiari[0].CodiceFiscale cf_length errore",
		"P001 Familiari[1].CodiceFiscale cf_mismatch avviso",
		"P001 Familiari[1].CodiceFiscale cf_mismatch avviso",
		"P001 Familiari[1].CodiceFiscale cf_mismatch avviso",
		"P001 Familiari[1].CodiceFiscale cf_mismatch avviso",
	}},
	{name: "nomi", pratiche: one(func(p *Pratica) {
		p.Richiedente.Cognome = "Müller"
		p.Familiari[0].Nome = "Анна"
	}), want: []string{
		"P001 Richiedente.Cognome name_charset errore",
		"P001 Familiari[0].Nome name_untransliterable errore",
	}},
	{name: "domicilio", pratiche: one(func(p *Pratica) {
		p.Domicilio.Provincia = "PO"
		p.Domicilio.CAP = "5012"
		p.Domicilio.Toponimo.Specie = "STRADONA"
		p.Questura = "SU"
	}), want: []string{
		"P001 Questura questura_unknown errore",
		"P001 Domicilio.Provincia province_mismatch errore",
		"P001 Domicilio.Toponimo.Specie unknown_code errore",
		"P001 Domicilio.CAP cap_format errore",
	}},
	{name: "solo_avvisi", pratiche: one(func(p *Pratica) {
		p.TitoloPosseduto.DataScadenza = codes.NewDate(2026, 12, 31) // art. 5 c.4: less than 60 days
		p.Documento.DataScadenza = codes.NewDate(2026, 10, 1)
	}), want: []string{
		"P001 TitoloPosseduto.DataScadenza renewal_late avviso",
		"P001 Documento.DataScadenza document_expired avviso",
	}},
	{name: "date", pratiche: one(func(p *Pratica) {
		p.Familiari[1].DataNascita = PartialDate{Year: 2010}
		p.Familiari[0].DataNascita = PartialDate{Year: 2027, Month: 1}
		p.TitoloPosseduto.DataScadenza = p.TitoloPosseduto.DataRilascio
		p.Documento.DataRilascio = codes.NewDate(2026, 12, 1)
	}), want: []string{
		"P001 TitoloPosseduto.DataScadenza expiry_before_issue errore",
		"P001 Documento.DataRilascio date_in_future errore",
		"P001 Familiari[0].DataNascita birth_in_future errore",
		"P001 Familiari[1].DataNascita child_too_old errore",
	}},
	{name: "recapiti_istanza", pratiche: one(func(p *Pratica) {
		p.Recapiti = &Recapiti{Telefono: "055/123456", Email: "arben.hoxha"}
		p.Istanza = Istanza{Moduli: []int{1, 3}, FogliTotali: 0}
		p.DatiSocioProfessionali.TitoloStudio = "ZZ"
	}), want: []string{
		"P001 Recapiti.Telefono phone_format errore",
		"P001 Recapiti.Email email_format errore",
		"P001 Istanza.Moduli[1] invalid_value errore",
		"P001 Istanza.FogliTotali out_of_range errore",
		"P001 DatiSocioProfessionali.TitoloStudio unknown_code errore",
	}},
	// Issue 10: kit codes by the edition in force (2024 table: 25 → 24,
	// 26 has no successor).
	{name: "kit_edizione", pratiche: func() []*Pratica {
		a, b := typicalPratica(), typicalPratica()
		b.ID = "P002"
		a.Richiesta.Tipologia, b.Richiesta.Tipologia = 25, 26
		return []*Pratica{a, b}
	}, want: []string{
		"P001 Richiesta.Tipologia kit_not_valid_on_date errore",
		"P002 Richiesta.Tipologia kit_not_valid_on_date errore",
	}},
	// Art. 13 c.2 lett. b d.lgs. 286/1998; DPR 223/1989 art. 11; an
	// expired permit is renewed, not duplicated.
	{name: "scadenze", pratiche: func() []*Pratica {
		a, b, c := typicalPratica(), typicalPratica(), typicalPratica()
		b.ID, c.ID = "P002", "P003"
		a.TitoloPosseduto.DataScadenza = codes.NewDate(2026, 9, 1)
		b.TitoloPosseduto.DataScadenza = codes.NewDate(2026, 3, 1)
		c.Richiesta.TipoRichiesta, c.Richiesta.Tipologia = Duplicato, 12
		c.TitoloPosseduto.DataScadenza = codes.NewDate(2026, 11, 1)
		return []*Pratica{a, b, c}
	}, want: []string{
		"P001 TitoloPosseduto.DataScadenza permit_expired_grace avviso",
		"P002 TitoloPosseduto.DataScadenza permit_expired_review avviso",
		"P003 TitoloPosseduto.DataScadenza titolo_expired avviso",
	}},
	// codes/data/kit_durate.csv: d.l. 20/2023 (36 months), l. 238/2021.
	{name: "durata", pratiche: func() []*Pratica {
		a, b := typicalPratica(), typicalPratica()
		b.ID = "P002"
		a.Richiesta.DurataMesi = 120
		b.Richiesta.Tipologia, b.Richiesta.TipoTitolo, b.Richiesta.DurataMesi = 9, Carta, 60
		return []*Pratica{a, b}
	}, want: []string{
		"P001 Richiesta.DurataMesi duration_too_long avviso",
		"P002 Richiesta.DurataMesi duration_not_applicable avviso",
	}},
	// Art. 1 d.lgs. 286/1998; codes/data/libera_circolazione.csv.
	{name: "cittadinanza", pratiche: func() []*Pratica {
		a, b := typicalPratica(), typicalPratica()
		b.ID = "P002"
		a.Richiedente.Cittadinanza = "100"
		a.Familiari[1].Cittadinanza = "215"
		b.Richiedente.Cittadinanza = "998"
		return []*Pratica{a, b}
	}, want: []string{
		"P001 Richiedente.Cittadinanza not_subject_to_permit errore",
		"P001 Familiari[1].Cittadinanza not_subject_to_permit errore",
		"P002 Richiedente.Cittadinanza citizenship_undetermined avviso",
	}},
	// Art. 29 c.1-ter d.lgs. 286/1998, art. 84 c.c., plausibility.
	{name: "famiglia", pratiche: func() []*Pratica {
		a, b := typicalPratica(), typicalPratica()
		b.ID = "P002"
		a.Familiari = append(a.Familiari, a.Familiari[0])
		a.Familiari[0].DataNascita = PartialDate{Year: 2022, Month: 1, Day: 5}
		b.Richiedente.DataNascita = PartialDate{Year: 2005, Month: 1, Day: 5}
		b.Richiedente.StatoCivile = "77"
		b.Documento = nil
		return []*Pratica{a, b}
	}, want: []string{
		"P001 Familiari[0].DataNascita spouse_too_young avviso",
		"P001 Familiari[2].Relazione spouse_multiple errore",
		"P002 Richiedente.StatoCivile code_not_recognised avviso",
		"P002 Documento document_missing avviso",
		"P002 Familiari[1].DataNascita parent_too_young errore",
	}},
	// ICAO 9303 names; plausibility of the permit's dates.
	{name: "passaporto_e_titolo", pratiche: func() []*Pratica {
		a, b := typicalPratica(), typicalPratica()
		b.ID = "P002"
		a.Richiedente.Nome = "JOSE' MARIA"
		b.TitoloPosseduto.DataRilascio = codes.NewDate(1984, 12, 1)
		return []*Pratica{a, b}
	}, want: []string{
		"P001 Richiedente.Nome name_accent_apostrophe avviso",
		"P002 TitoloPosseduto.DataRilascio issued_before_birth errore",
		"P002 TitoloPosseduto.DataScadenza validity_too_long errore",
	}},
	{name: "intestazione", pratiche: one(func(*Pratica) {}),
		header: func(h *Intestazione) { h.ComuneBelfiore, h.ComuneIstat = "D235", "047004" },
		want:   []string{"- Intestazione.ComuneBelfiore comune_not_active errore"}},
	{name: "id_duplicato",
		pratiche: func() []*Pratica {
			a, b, c := typicalPratica(), typicalPratica(), typicalPratica()
			b.ID, c.ID = "P002", "P003"
			b.Domicilio.CAP = "1"
			return []*Pratica{a, b, c}
		},
		edit: func(xml []byte) []byte { return bytes.Replace(xml, []byte(`id="P003"`), []byte(`id="P002"`), 1) },
		want: []string{"P002 Domicilio.CAP cap_format errore", "P002 ID duplicate_id errore"}},
	{name: "conteggio",
		pratiche: func() []*Pratica {
			a, b := typicalPratica(), typicalPratica()
			b.ID = "P002"
			return []*Pratica{a, b}
		},
		edit: func(xml []byte) []byte {
			return bytes.Replace(xml, []byte("<NumeroPratiche>2<"), []byte("<NumeroPratiche>3<"), 1)
		},
		want: []string{"- Intestazione.NumeroPratiche count_mismatch errore"}},
}

// streamLines validates an encoded file and returns its problems as lines.
func streamLines(t *testing.T, data []byte) []string {
	t.Helper()
	var lines []string
	file, _, err := ValidateStream(bytes.NewReader(data), ValidateOptions{}, func(pp PraticaProblems) {
		for _, p := range pp.Problems {
			lines = append(lines, problemLine(pp.ID, p))
		}
	})
	require.NoError(t, err, "content problems are reported, not fatal")
	for _, p := range file {
		lines = append(lines, problemLine("-", p))
	}
	return lines
}

func problemLine(id string, p Problem) string {
	sev := "errore"
	if p.Severity == SeverityWarning {
		sev = "avviso"
	}
	return id + " " + p.Path + " " + p.Code + " " + sev
}

func encodeInvalid(t *testing.T, f invalidFile) []byte {
	t.Helper()
	ps := f.pratiche()
	h := testHeader(len(ps))
	if f.header != nil {
		f.header(&h)
	}
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	require.NoError(t, enc.WriteHeader(h))
	for _, p := range ps {
		require.NoError(t, enc.Encode(p))
	}
	require.NoError(t, enc.Close())
	out := buf.Bytes()
	if f.edit != nil {
		out = f.edit(out)
	}
	return out
}

// TestInvalidFilesGenerate builds each invalid file from its records,
// checks that validation finds exactly the problems expected and, with
// -update, writes NAME.xml and NAME.codes.
func TestInvalidFilesGenerate(t *testing.T) {
	require.GreaterOrEqual(t, len(invalidFiles), 12)
	for _, f := range invalidFiles {
		t.Run(f.name, func(t *testing.T) {
			data := encodeInvalid(t, f)
			assert.ElementsMatch(t, f.want, streamLines(t, data))
			if !*golden.Update {
				return
			}
			require.NoError(t, os.MkdirAll(invalidDir, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(invalidDir, f.name+".xml"), data, 0o644))
			want := append([]string(nil), f.want...)
			sort.Strings(want)
			codesFile := "# " + f.name + ".xml: pratica (- for the file) path code severity\n" + strings.Join(want, "\n") + "\n"
			require.NoError(t, os.WriteFile(filepath.Join(invalidDir, f.name+".codes"), []byte(codesFile), 0o644))
		})
	}
}

// TestInvalidFiles decodes every committed invalid file and compares its
// problems with the .codes file next to it.
func TestInvalidFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(invalidDir, "*.xml"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 12, "run go test -run TestInvalidFilesGenerate -update")
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".xml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			raw, err := os.ReadFile(strings.TrimSuffix(path, ".xml") + ".codes")
			require.NoError(t, err)
			var want []string
			for _, l := range strings.Split(string(raw), "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
					want = append(want, l)
				}
			}
			require.NotEmpty(t, want)
			assert.ElementsMatch(t, want, streamLines(t, data))
		})
	}
}

// TestValidGoldenFiles: every golden file of the codec validates without
// errors or warnings.
func TestValidGoldenFiles(t *testing.T) {
	files, err := filepath.Glob("../testdata/eli2/valid/*.xml")
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no golden files in testdata/eli2/valid")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Empty(t, streamLines(t, data))
		})
	}
}

func TestValidateStreamUnreadable(t *testing.T) {
	_, _, err := ValidateStream(strings.NewReader("<ELI2Import"), ValidateOptions{}, nil)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.False(t, errors.Is(err, ErrDuplicateID))
}
