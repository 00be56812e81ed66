package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
)

func init() {
	register("cf", "controlla, decodifica e calcola il codice fiscale", runCF)
}

const cfUsage = `uso:
  eli2 cf check CODICE
  eli2 cf decode CODICE [--json] [--riferimento AAAA-MM-GG]
  eli2 cf compute --cognome COGNOME --nome NOME --sesso M|F --data AAAA-MM-GG --luogo LUOGO [--provincia XX]
  eli2 cf varianti CODICE

check     esce con 0 se il codice (anche omocodico o provvisorio a 11 cifre) è
          valido, con 1 e il motivo se non lo è.
decode    sesso, data e luogo di nascita; il luogo è quello valido alla data di
          nascita. Il secolo è il più recente che dà una data non futura (rispetto
          a --riferimento, di default oggi) in cui il luogo esisteva. Con --json:
          {"codice","valido","omocodico","codice_base","sesso","data_nascita",
          "luogo_nascita":{"tipo","codice_catastale","codice_istat","denominazione","provincia"}};
          codice non valido: esce con 1 e {"valido":false,"errore":CODICE_ERRORE}.
compute   calcola il codice; LUOGO è il nome del comune o dello stato estero alla
          data di nascita, o un codice catastale (A562, Z118) o ISTAT. Se il nome è
          ambiguo elenca i candidati ed esce con 1: indicare --provincia.
varianti  i sette codici omocodici nell'ordine in cui l'Agenzia delle Entrate li
          attribuisce (dalla cifra più a destra).
Dati: ANPR, aggiornamento ` + codes.DataVersion + `.
`

func runCF(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, cfUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	switch args[0] {
	case "check":
		return runCFCheck(args[1:], stdout, stderr)
	case "decode":
		return runCFDecode(args[1:], stdout, stderr)
	case "compute":
		return runCFCompute(args[1:], stdout, stderr)
	case "varianti", "variants":
		return runCFVariants(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "eli2 cf: operazione sconosciuta %q\n\n", args[0])
	fmt.Fprint(stderr, cfUsage)
	return 2
}

// cfFlags makes the flag set of a cf operation.
func cfFlags(op string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("cf "+op, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, cfUsage+"\nopzioni di "+op+":\n")
		fs.PrintDefaults()
	}
	return fs
}

// cfParse parses flags that may come before or after the positional
// arguments ("decode CODICE --json"); "--" ends the flags. It returns the
// positional arguments, or an exit code ≥ 0 when parsing stopped.
func cfParse(fs *flag.FlagSet, args []string) ([]string, int) {
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return nil, 0
	case err != nil:
		return nil, 2
	}
	return pos, -1
}

// cfOneCode parses the single CODICE argument of check, decode and varianti.
func cfOneCode(op string, fs *flag.FlagSet, args []string, stderr io.Writer) (string, int) {
	pos, code := cfParse(fs, args)
	if code >= 0 {
		return "", code
	}
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "eli2 cf %s: serve un solo CODICE\n", op)
		return "", 2
	}
	return pos[0], -1
}

func runCFCheck(args []string, stdout, stderr io.Writer) int {
	fs := cfFlags("check", stderr)
	s, rc := cfOneCode("check", fs, args, stderr)
	if rc >= 0 {
		return rc
	}
	c, err := cf.Parse(s)
	if err != nil {
		fmt.Fprintf(stderr, "codice fiscale non valido: %s\n", cf.MessageIT(err))
		return 1
	}
	switch {
	case c.IsProvisional():
		fmt.Fprintln(stdout, "codice fiscale provvisorio (11 cifre) valido")
	case c.IsOmocodic():
		fmt.Fprintln(stdout, "codice fiscale valido (omocodico)")
	default:
		fmt.Fprintln(stdout, "codice fiscale valido")
	}
	if !c.IsProvisional() {
		if d, err := cf.Decode(c, codes.Default()); err != nil {
			fmt.Fprintf(stdout, "attenzione: %s\n", cf.MessageIT(err))
		} else if d.PlaceError != nil {
			fmt.Fprintf(stdout, "attenzione: %s\n", cf.MessageIT(d.PlaceError))
		}
	}
	return 0
}

// cfDecodeJSON is the --json output of decode (a contract: do not rename).
type cfDecodeJSON struct {
	Codice             string       `json:"codice,omitempty"`
	Valido             bool         `json:"valido"`
	Errore             string       `json:"errore,omitempty"`
	Messaggio          string       `json:"messaggio,omitempty"`
	Provvisorio        bool         `json:"provvisorio,omitempty"`
	Omocodico          *bool        `json:"omocodico,omitempty"`
	CodiceBase         string       `json:"codice_base,omitempty"`
	Sesso              string       `json:"sesso,omitempty"`
	DataNascita        string       `json:"data_nascita,omitempty"`
	LuogoNascita       *cfLuogoJSON `json:"luogo_nascita,omitempty"`
	LuogoNonValidoData bool         `json:"luogo_non_valido_alla_data,omitempty"`
}

// cfLuogoJSON is the birthplace in the --json output of decode.
type cfLuogoJSON struct {
	Tipo            string   `json:"tipo"`
	CodiceCatastale string   `json:"codice_catastale"`
	CodiceIstat     string   `json:"codice_istat"`
	Denominazione   string   `json:"denominazione"`
	Provincia       string   `json:"provincia"`
	ISO3            string   `json:"iso3,omitempty"`
	Cessato         bool     `json:"cessato,omitempty"`
	Successori      []string `json:"successori,omitempty"`
}

func runCFDecode(args []string, stdout, stderr io.Writer) int {
	fs := cfFlags("decode", stderr)
	asJSON := fs.Bool("json", false, "stampa un oggetto JSON")
	refText := fs.String("riferimento", "", "data di riferimento per il secolo (AAAA-MM-GG, default oggi)")
	s, rc := cfOneCode("decode", fs, args, stderr)
	if rc >= 0 {
		return rc
	}
	ref, err := codes.ParseDate(*refText)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 cf decode: data --riferimento non valida %q: usare AAAA-MM-GG\n", *refText)
		return 2
	}
	fail := func(err error) int {
		if *asJSON {
			return cfWriteJSON(stdout, stderr, cfDecodeJSON{Valido: false, Errore: cf.ErrorCode(err), Messaggio: cf.MessageIT(err)}, 1)
		}
		fmt.Fprintf(stderr, "codice fiscale non valido: %s\n", cf.MessageIT(err))
		return 1
	}
	c, err := cf.Parse(s)
	if err != nil {
		return fail(err)
	}
	if c.IsProvisional() {
		if *asJSON {
			f := false
			return cfWriteJSON(stdout, stderr, cfDecodeJSON{Codice: c.String(), Valido: true, Provvisorio: true, Omocodico: &f, CodiceBase: c.String()}, 0)
		}
		fmt.Fprintf(stdout, "codice fiscale: %s\nprovvisorio (11 cifre): valido, non contiene dati anagrafici\n", c)
		return 0
	}
	d, err := cf.Decode(c, codes.Default(), cf.WithReference(ref))
	if err != nil {
		return fail(err)
	}
	luogo := &cfLuogoJSON{
		Tipo:            d.Place.Kind.String(),
		CodiceCatastale: d.Place.Belfiore(),
		CodiceIstat:     d.Place.Istat(),
		Denominazione:   d.Place.Name(),
		Provincia:       d.Place.Province(),
	}
	if d.Place.Kind == cf.PlaceUnknown {
		// Well-formed but absent from the tables (Z113 Gibilterra): the code
		// is valid, the place is reported unknown.
		luogo.Tipo, luogo.CodiceCatastale = "sconosciuto", d.Place.Code
	}
	if d.Place.Kind == cf.PlaceState {
		luogo.ISO3 = d.Place.State.ISO3
		luogo.Cessato = d.Place.State.Dissolved
		luogo.Successori = d.Place.State.Successors
	}
	if *asJSON {
		return cfWriteJSON(stdout, stderr, cfDecodeJSON{
			Codice: c.String(), Valido: true, Omocodico: &d.Omocodic, CodiceBase: d.Base.String(),
			Sesso: string(rune(d.Sex)), DataNascita: d.Birth.String(), LuogoNascita: luogo,
			LuogoNonValidoData: d.PlaceNotValidOnDate,
		}, 0)
	}
	fmt.Fprintf(stdout, "codice fiscale: %s (valido", c)
	if d.Omocodic {
		fmt.Fprintf(stdout, ", omocodico; codice base %s", d.Base)
	}
	fmt.Fprintln(stdout, ")")
	sesso := "maschile"
	if d.Sex == 'F' {
		sesso = "femminile"
	}
	fmt.Fprintf(stdout, "sesso: %s\ndata di nascita: %s\n", sesso, d.Birth.Time().Format("02/01/2006"))
	switch d.Place.Kind {
	case cf.PlaceUnknown:
		fmt.Fprintf(stdout, "luogo di nascita: codice %s non presente nelle tabelle (luogo sconosciuto)\n", d.Place.Code)
	case cf.PlaceComune:
		fmt.Fprintf(stdout, "luogo di nascita: comune di %s (%s), codice catastale %s, ISTAT %s\n",
			d.Place.Name(), d.Place.Province(), d.Place.Belfiore(), d.Place.Istat())
	default:
		fmt.Fprintf(stdout, "luogo di nascita: stato estero %s, codice %s", d.Place.Name(), d.Place.Belfiore())
		if d.Place.Istat() != "" {
			fmt.Fprintf(stdout, ", ISTAT %s", d.Place.Istat())
		}
		fmt.Fprintln(stdout)
		if st := d.Place.State; st.Dissolved {
			fmt.Fprintf(stdout, "stato cessato; stati successori (ISTAT): %s\n", strings.Join(st.Successors, ", "))
		}
	}
	if d.PlaceNotValidOnDate {
		fmt.Fprintln(stdout, "attenzione: il codice del luogo non risulta valido alla data di nascita nelle tabelle ANPR")
	}
	return 0
}

func runCFCompute(args []string, stdout, stderr io.Writer) int {
	fs := cfFlags("compute", stderr)
	cognome := fs.String("cognome", "", "cognome come nel passaporto")
	nome := fs.String("nome", "", "nome (tutti i nomi) come nel passaporto")
	sesso := fs.String("sesso", "", "M o F")
	data := fs.String("data", "", "data di nascita AAAA-MM-GG")
	luogo := fs.String("luogo", "", "comune o stato estero di nascita: nome, codice catastale o codice ISTAT")
	provincia := fs.String("provincia", "", "sigla della provincia del comune di nascita (per i nomi ambigui)")
	pos, rc := cfParse(fs, args)
	if rc >= 0 {
		return rc
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "eli2 cf compute: argomenti in più: usare le opzioni --cognome, --nome…\n")
		return 2
	}
	var missing []string
	for _, f := range []struct{ name, v string }{{"--cognome", *cognome}, {"--nome", *nome}, {"--sesso", *sesso}, {"--data", *data}, {"--luogo", *luogo}} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(stderr, "eli2 cf compute: mancano %s\n", strings.Join(missing, ", "))
		return 2
	}
	birth, err := codes.ParseDate(strings.TrimSpace(*data))
	if err != nil {
		fmt.Fprintf(stderr, "eli2 cf compute: data di nascita non valida: usare AAAA-MM-GG\n")
		return 2
	}
	sx := strings.ToUpper(strings.TrimSpace(*sesso))
	if sx != "M" && sx != "F" {
		fmt.Fprintf(stderr, "eli2 cf compute: sesso non valido: indicare M o F\n")
		return 2
	}
	place, err := cf.ResolvePlace(codes.Default(), *luogo, strings.ToUpper(strings.TrimSpace(*provincia)), birth)
	if err != nil {
		var amb *cf.AmbiguousPlaceError
		if errors.As(err, &amb) {
			fmt.Fprintf(stderr, "luogo di nascita ambiguo alla data %s: indicare --provincia o il codice catastale. Candidati:\n", birth)
			for _, p := range amb.Candidates {
				fmt.Fprintf(stderr, "  %s  %s  ISTAT %s\n", p.Belfiore(), p, p.Istat())
			}
			return 1
		}
		fmt.Fprintf(stderr, "luogo di nascita %q non trovato alla data %s: %s\n", *luogo, birth, cf.MessageIT(err))
		return 1
	}
	c, err := cf.Compute(cf.Person{Surname: *cognome, Name: *nome, Sex: sx[0], Birth: birth, PlaceCode: place.Belfiore()})
	if err != nil {
		fmt.Fprintf(stderr, "impossibile calcolare il codice fiscale: %s\n", cf.MessageIT(err))
		return 1
	}
	valid := place.Comune.ValidOn(birth)
	if place.Kind == cf.PlaceState {
		valid = place.State.ValidOn(birth)
	}
	if !valid {
		fmt.Fprintf(stderr, "attenzione: %s (%s) non risulta valido alla data di nascita %s\n", place, place.Belfiore(), birth)
	}
	fmt.Fprintln(stdout, c)
	return 0
}

func runCFVariants(args []string, stdout, stderr io.Writer) int {
	fs := cfFlags("varianti", stderr)
	s, rc := cfOneCode("varianti", fs, args, stderr)
	if rc >= 0 {
		return rc
	}
	c, err := cf.Parse(s)
	if err != nil {
		fmt.Fprintf(stderr, "codice fiscale non valido: %s\n", cf.MessageIT(err))
		return 1
	}
	if c.IsProvisional() {
		fmt.Fprintln(stderr, "un codice provvisorio numerico non ha varianti omocodiche")
		return 1
	}
	for _, v := range cf.Variants(c) {
		fmt.Fprintln(stdout, v)
	}
	return 0
}

// cfWriteJSON writes v as indented JSON and returns rc.
func cfWriteJSON(stdout, stderr io.Writer, v any, rc int) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "eli2 cf: %v\n", err)
		return 1
	}
	return rc
}
