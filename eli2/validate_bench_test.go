package eli2

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

func BenchmarkValidate(b *testing.B) {
	p := typicalPratica()
	p.Richiedente.CodiceFiscale = cfArben
	p.Familiari[0].CodiceFiscale = cfElira
	o := ValidateOptions{On: testOn}
	b.ReportAllocs()
	for b.Loop() {
		if ps := Validate(p, o); len(ps) != 0 {
			b.Fatal(ps)
		}
	}
}

func BenchmarkValidateWithProblems(b *testing.B) {
	p := typicalPratica()
	p.Richiedente.Cognome = "Müller"
	p.Domicilio.CAP = "5012"
	p.Richiesta.Tipologia = 4
	o := ValidateOptions{On: testOn}
	b.ReportAllocs()
	for b.Loop() {
		if ps := Validate(p, o); len(ps) != 3 {
			b.Fatal(ps)
		}
	}
}

// FuzzValidateStream feeds arbitrary bytes (seeded with the invalid files)
// to the decoder and the validator: neither may panic, and every problem
// must carry a known code, a severity and a message.
func FuzzValidateStream(f *testing.F) {
	for _, inv := range invalidFiles[:4] {
		var tb testing.T
		f.Add(encodeInvalid(&tb, inv))
	}
	known := map[string]bool{}
	for _, c := range ProblemCodes() {
		known[c] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(ps Problems) {
			for _, p := range ps {
				if !known[p.Code] || p.Message == "" || (p.Severity != SeverityError && p.Severity != SeverityWarning) {
					t.Fatalf("bad problem %+v", p)
				}
			}
		}
		file, _, _ := ValidateStream(bytes.NewReader(data), ValidateOptions{}, func(pp PraticaProblems) { check(pp.Problems) })
		check(file)
	})
}

// TestValidateRandomPratiche: random records of every shape never make the
// validator panic and always give well-formed problems.
func TestValidateRandomPratiche(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		p := randomPratica(r)
		for _, pr := range Validate(p, ValidateOptions{On: testOn, Lang: []string{"it", "en"}[i%2]}) {
			if pr.Code == "" || pr.Message == "" {
				t.Fatalf("bad problem %+v", pr)
			}
		}
	}
}

// randomPratica scrambles the typical Pratica: fields emptied, swapped or
// filled with odd values, pointers set to nil or to empty sections.
func randomPratica(r *rand.Rand) *Pratica {
	p := typicalPratica()
	odd := []string{"", "X", "0", "999", "D612", "Z118", "ÄÖ", "-", "12345678903", cfArben, "FI", "SU", "2"}
	pick := func() string { return odd[r.IntN(len(odd))] }
	if r.IntN(2) == 0 {
		p.Richiedente.CodiceFiscale, p.Richiedente.Cognome, p.Richiedente.Cittadinanza = pick(), pick(), pick()
	}
	if r.IntN(2) == 0 {
		p.Richiedente.LuogoNascita = LuogoNascita{Comune: pick(), StatoEstero: pick()}
		p.Richiedente.DataNascita = PartialDate{Year: 1850 + r.IntN(200), Month: r.IntN(13)}
	}
	if r.IntN(2) == 0 {
		p.Richiesta = Richiesta{TipoRichiesta: TipiRichiesta[r.IntN(5)], TipoTitolo: TipoTitolo(pick()),
			Tipologia: r.IntN(30), TipologiaRichiesta: r.IntN(30), DurataMesi: r.IntN(5) - 2}
	}
	if r.IntN(3) == 0 {
		p.TitoloPosseduto, p.Documento, p.Recapiti, p.DatiSocioProfessionali = nil, nil, nil, nil
	} else if r.IntN(3) == 0 {
		p.TitoloPosseduto, p.Documento, p.Recapiti, p.Visto = &TitoloPosseduto{}, &Documento{}, &Recapiti{Email: pick()}, &Visto{}
		p.GenitoreTutore, p.DatiSocioProfessionali = &GenitoreTutore{CodiceFiscale: pick()}, &DatiSocioProfessionali{TitoloStudio: pick()}
	}
	if r.IntN(2) == 0 {
		p.Domicilio = Domicilio{Comune: pick(), Provincia: pick(), CAP: pick(), Toponimo: Toponimo{Specie: pick()}}
		p.Questura = pick()
	}
	if r.IntN(2) == 0 {
		p.Familiari = append(p.Familiari, Familiare{Relazione: Relazione(pick()), CodiceFiscale: pick(), Nome: pick()})
	}
	if r.IntN(4) == 0 {
		p.Istanza = Istanza{Moduli: []int{r.IntN(4)}, FogliTotali: r.IntN(3) - 1}
	}
	return p
}

// TestValidateConcurrent runs validations in parallel on the shared
// validator (run with -race).
func TestValidateConcurrent(t *testing.T) {
	done := make(chan Problems)
	for i := 0; i < 8; i++ {
		go func(i int) {
			p := typicalPratica()
			if i%2 == 0 {
				p.Domicilio.CAP = "1"
			}
			done <- Validate(p, ValidateOptions{On: testOn})
		}(i)
	}
	errs := 0
	for i := 0; i < 8; i++ {
		if ps := <-done; len(ps) == 1 {
			errs++
		} else if len(ps) != 0 {
			t.Errorf("unexpected %v", ps)
		}
	}
	if errs != 4 {
		t.Errorf("%d applications with problems, want 4", errs)
	}
}
