package eli2

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
	"github.com/retecomuni/eli2sdk/codes/translit"
)

// The struct-level rules of the records are validator/v10 tags attached with
// RegisterStructValidationMapRules, so that the record types stay free of
// layout and validation tags. Custom tags:
//
//	cf           codice fiscale: 16 characters or 11-digit provisional, checksum
//	belfiore     Belfiore code of a comune in the archive (any date)
//	istat_stato  ISTAT 3-digit code of a foreign state (any date), 999 apolide
//	sigla        province sigla
//	questura     sigla of a province that has a questura
//	cap          5 digits
//	kit          kit code of some edition of the kit table (rules_richiesta.go
//	             judges it by the edition in force on the file date)
//	anpr=TABLE   ID of an ANPR decoding table (stato_civile, tipo_soggiorno…)
//	specie       ANPR specie_toponimo description (VIA, PIAZZA…)
//	phone        digits and spaces, optional leading +
//	nome         name already in the allowed alphabet (translit.Name(s) == s)
//
// The tables come from the validation's context, so one validator serves any
// ValidateOptions.Tables.
var structRules = []struct {
	typ   any
	rules map[string]string
}{
	{Pratica{}, map[string]string{
		"ID":        "required",
		"Questura":  "required,questura",
		"Familiari": "dive",
	}},
	{Richiesta{}, map[string]string{
		"TipoRichiesta":      "required,oneof=RILASCIO RINNOVO AGGIORNAMENTO CONVERSIONE DUPLICATO",
		"TipoTitolo":         "required,oneof=PERMESSO CARTA",
		"Tipologia":          "omitempty,kit",
		"TipologiaRichiesta": "omitempty,kit",
		"DurataMesi":         "gte=0",
	}},
	{TitoloPosseduto{}, map[string]string{
		"Tipo":             "required,anpr=tipo_soggiorno",
		"Numero":           "required",
		"QuesturaRilascio": "omitempty,questura",
	}},
	{Richiedente{}, map[string]string{
		"CodiceFiscale": "omitempty,cf",
		"Cognome":       "required,nome",
		"Nome":          "required,nome",
		"Sesso":         "required,oneof=M F",
		"Cittadinanza":  "required,istat_stato",
		"StatoCivile":   "omitempty,anpr=stato_civile",
	}},
	{LuogoNascita{}, map[string]string{
		"Comune":      "omitempty,belfiore",
		"StatoEstero": "omitempty,istat_stato",
	}},
	{Domicilio{}, map[string]string{
		"Comune":    "required,belfiore",
		"Provincia": "required,sigla",
		"CAP":       "required,cap",
	}},
	{Toponimo{}, map[string]string{
		"Specie":        "required,specie",
		"Denominazione": "required",
	}},
	{Recapiti{}, map[string]string{
		"Telefono": "omitempty,phone",
		"Email":    "omitempty,email",
	}},
	{Documento{}, map[string]string{
		"Tipo":          "required,oneof=PASSAPORTO DOCUMENTO_EQUIPOLLENTE TITOLO_VIAGGIO",
		"Numero":        "required",
		"DataScadenza":  "required",
		"StatoRilascio": "required,istat_stato",
	}},
	{Visto{}, map[string]string{
		"Tipo":   "required",
		"Numero": "required",
	}},
	{Familiare{}, map[string]string{
		"Relazione":     "required,oneof=FIGLIO CONIUGE GENITORE ALTRO",
		"CodiceFiscale": "omitempty,cf",
		"Cognome":       "required,nome",
		"Nome":          "required,nome",
		"Sesso":         "omitempty,oneof=M F",
		"Cittadinanza":  "omitempty,istat_stato",
	}},
	{GenitoreTutore{}, map[string]string{
		"Ruolo":         "required,oneof=PADRE MADRE TUTORE",
		"CodiceFiscale": "omitempty,cf",
		"Cognome":       "required,nome",
		"Nome":          "required,nome",
	}},
	{Istanza{}, map[string]string{
		"Moduli":      "required,dive,oneof=1 2",
		"FogliTotali": "gte=1",
	}},
	{DatiSocioProfessionali{}, map[string]string{
		"TitoloStudio":               "omitempty,anpr=titolo_studio",
		"PosizioneProfessione":       "omitempty,anpr=posizione_professione",
		"CondizioneNonProfessionale": "omitempty,anpr=condizione_non_professionale",
	}},
}

// anprTables maps the parameter of the anpr tag to its table.
var anprTables = map[string]codes.Table{
	"stato_civile":                 codes.StatoCivile,
	"relazione_parentela":          codes.RelazioneParentela,
	"tipo_soggiorno":               codes.TipoSoggiorno,
	"titolo_studio":                codes.TitoloStudio,
	"posizione_professione":        codes.PosizioneProfessione,
	"condizione_non_professionale": codes.CondizioneNonProfessionale,
	"tipi_cittadinanza":            codes.TipiCittadinanza,
	"tipo_indirizzo":               codes.TipoIndirizzo,
	"motivi_iscrizione":            codes.MotiviIscrizione,
	"specie_toponimo":              codes.SpecieToponimo,
}

// registerTables are the ANPR tables whose unknown codes are warnings
// (code_not_recognised), not errors: the marital status and the kind of
// permit held are copied from the register, which may use a code newer
// than the tables; the desk checks it rather than losing the person
// (issue 10: reported, never silently dropped).
var registerTables = map[string]bool{"stato_civile": true, "tipo_soggiorno": true}

type tablesKey struct{}

// tablesFrom returns the tables the validation runs with.
func tablesFrom(ctx context.Context) *codes.Tables {
	if t, ok := ctx.Value(tablesKey{}).(*codes.Tables); ok && t != nil {
		return t
	}
	return codes.Default()
}

// structValidator is the package's one validator, built on first use.
var structValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New()
	tags := map[string]validator.FuncCtx{
		"cf": func(_ context.Context, fl validator.FieldLevel) bool {
			_, err := cf.Parse(fl.Field().String())
			return err == nil
		},
		"belfiore": func(ctx context.Context, fl validator.FieldLevel) bool {
			_, ok := tablesFrom(ctx).ComuneByBelfiore(fl.Field().String(), 0)
			return ok
		},
		"istat_stato": func(ctx context.Context, fl validator.FieldLevel) bool {
			_, ok := tablesFrom(ctx).StateByIstat(fl.Field().String(), 0)
			return ok
		},
		"sigla": func(ctx context.Context, fl validator.FieldLevel) bool {
			_, ok := tablesFrom(ctx).Province(fl.Field().String())
			return ok
		},
		"questura": func(ctx context.Context, fl validator.FieldLevel) bool {
			p, ok := tablesFrom(ctx).Province(fl.Field().String())
			return ok && p.HasQuestura
		},
		"cap": func(_ context.Context, fl validator.FieldLevel) bool {
			return isDigits(fl.Field().String(), 5)
		},
		"kit": func(ctx context.Context, fl validator.FieldLevel) bool {
			return kitKnown(tablesFrom(ctx), int(fl.Field().Int()))
		},
		"anpr": func(ctx context.Context, fl validator.FieldLevel) bool {
			tab, ok := anprTables[fl.Param()]
			if !ok {
				return false
			}
			_, ok = tablesFrom(ctx).Decode(tab, fl.Field().String())
			return ok
		},
		"specie": func(ctx context.Context, fl validator.FieldLevel) bool {
			return isSpecie(tablesFrom(ctx), fl.Field().String())
		},
		"phone": func(_ context.Context, fl validator.FieldLevel) bool {
			return isPhone(fl.Field().String())
		},
		"nome": func(_ context.Context, fl validator.FieldLevel) bool {
			s := fl.Field().String()
			n, err := translit.Name(s)
			return err == nil && n == s
		},
	}
	for name, fn := range tags {
		if err := v.RegisterValidationCtx(name, fn); err != nil {
			panic(fmt.Sprintf("eli2: registering tag %s: %v", name, err)) // programming error, not input
		}
	}
	for _, r := range structRules {
		v.RegisterStructValidationMapRules(r.rules, r.typ)
	}
	return v
})

// structRules runs the tag rules on p and turns each failure into a Problem.
func (c *checker) structRules(p *Pratica) {
	ctx := context.WithValue(context.Background(), tablesKey{}, c.t)
	err := structValidator().StructCtx(ctx, p)
	if err == nil {
		return
	}
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		c.add("", CodeInvalidValue, "value", err.Error(), "allowed", "")
		return
	}
	for _, fe := range ves {
		c.fieldError(fe)
	}
}

// fieldError maps one validator failure to our code, path and message.
func (c *checker) fieldError(fe validator.FieldError) {
	path := fe.Namespace()
	if i := strings.IndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	value := fmt.Sprint(fe.Value())
	switch fe.Tag() {
	case "required":
		c.add(path, CodeRequired)
	case "oneof":
		c.add(path, CodeInvalidValue, "value", value, "allowed", strings.ReplaceAll(fe.Param(), " ", ", "))
	case "gte", "min":
		c.add(path, CodeOutOfRange, "value", value, "min", fe.Param())
	case "cf":
		c.cfShape(path, value)
	case "belfiore":
		c.add(path, CodeUnknownComune, "value", value)
	case "istat_stato":
		c.add(path, CodeUnknownState, "value", value)
	case "sigla":
		c.add(path, CodeUnknownProvince, "value", value)
	case "questura":
		c.add(path, CodeQuesturaUnknown, "value", value)
	case "cap":
		c.add(path, CodeCAPFormat, "value", value)
	case "kit":
		c.add(path, CodeUnknownKit, "value", value)
	case "anpr":
		code := CodeUnknownCode
		if registerTables[fe.Param()] {
			code = CodeCodeNotRecognised
		}
		c.add(path, code, "value", value, "table", fe.Param())
	case "specie":
		c.add(path, CodeUnknownCode, "value", value, "table", "specie_toponimo")
	case "email":
		c.add(path, CodeEmailFormat, "value", c.contact(value))
	case "phone":
		c.add(path, CodePhoneFormat, "value", c.contact(value))
	case "nome":
		c.nameProblem(path, value)
	default:
		c.add(path, CodeInvalidValue, "value", value, "allowed", fe.Tag())
	}
}

// contact returns an e-mail address or phone number as messages may show it.
func (c *checker) contact(s string) string {
	if c.opts.ShowPersonalData {
		return s
	}
	return MaskCodiceFiscale(s)
}

// nameProblem reports a name outside the allowed alphabet, with the
// transliterated suggestion, or the character that cannot be transliterated.
func (c *checker) nameProblem(path, value string) {
	field := path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		field = path[i+1:]
	}
	n, err := translit.Passport(value) // the suggestion is the passport's rendering
	if err != nil {
		ch := "?"
		var te *translit.Error
		if errors.As(err, &te) {
			ch = fmt.Sprintf("%q (%U)", te.Rune, te.Rune)
		}
		c.add(path, CodeNameUntransliterable, "field", field, "char", ch)
		return
	}
	c.add(path, CodeNameCharset, "field", field, "suggestion", c.name(n))
}

// kitKnown reports whether code is a kit code of some edition.
func kitKnown(t *codes.Tables, code int) bool {
	if _, ok := t.Kit(code); ok {
		return true // the first edition, without allocating
	}
	for _, e := range t.KitEditions() {
		if _, ok := t.KitIn(e.Name, code); ok {
			return true
		}
	}
	return false
}

// isDigits reports whether s is exactly n ASCII digits.
func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isPhone reports whether s is digits and single spaces with an optional
// leading +, holding 5 to 15 digits (the ITU E.164 maximum).
func isPhone(s string) bool {
	s = strings.TrimPrefix(s, "+")
	digits := 0
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			digits++
		case b == ' ' && i > 0 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return digits >= 5 && digits <= 15 && s[len(s)-1] != ' '
}

// specieCache holds, per *codes.Tables (immutable), the set of ANPR
// specie_toponimo descriptions, so that the check does not copy the table.
var specieCache sync.Map // *codes.Tables → map[string]struct{}

// isSpecie reports whether s is the description of an ANPR specie_toponimo,
// upper case as ANPR writes it.
func isSpecie(t *codes.Tables, s string) bool {
	if s == "" {
		return false
	}
	set, ok := specieCache.Load(t)
	if !ok {
		m := map[string]struct{}{}
		for _, e := range t.Entries(codes.SpecieToponimo) {
			m[e.Description] = struct{}{}
		}
		set, _ = specieCache.LoadOrStore(t, m)
	}
	_, found := set.(map[string]struct{})[s]
	return found
}
