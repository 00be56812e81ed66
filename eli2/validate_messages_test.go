package eli2

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codeConstants reads the Code… constants declared in messages.go and
// codes_mapping.go (the codes of package anagrafe's mapper).
func codeConstants(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range []string{"messages.go", "codes_mapping.go"} {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		require.NoError(t, err)
		codeConstantsOf(t, f, out)
	}
	return out
}

func codeConstantsOf(t *testing.T, f *ast.File, out map[string]string) {
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if strings.HasPrefix(n.Name, "Code") {
					v, err := strconv.Unquote(vs.Values[i].(*ast.BasicLit).Value)
					require.NoError(t, err)
					out[n.Name] = v
				}
			}
		}
	}
}

func TestEveryCodeHasBothLanguages(t *testing.T) {
	consts := codeConstants(t)
	require.Greater(t, len(consts), 40)
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	seen := map[string]string{}
	for name, code := range consts {
		assert.Regexp(t, snake, code, name)
		assert.NotContains(t, seen, code, "%s duplicates %s", name, seen[code])
		seen[code] = name
		for _, lang := range Languages {
			assert.NotEmpty(t, catalogs[lang][code], "%s has no %s message", code, lang)
		}
	}
	assert.Len(t, ProblemCodes(), len(consts), "catalogue holds only problem codes")
	assert.Len(t, messagesEN, len(messagesIT))
	for k := range phrasesIT {
		assert.NotEmpty(t, phrasesEN[k], "phrase %s has no English", k)
	}
	assert.Len(t, phrasesEN, len(phrasesIT))
}

func TestMessagePlaceholdersMatch(t *testing.T) {
	ph := regexp.MustCompile(`\{[a-z]+\}`)
	for code, it := range messagesIT {
		assert.ElementsMatch(t, ph.FindAllString(it, -1), ph.FindAllString(messagesEN[code], -1), code)
	}
}

func TestMessage(t *testing.T) {
	assert.Equal(t, "CAP 5012 non valido: servono 5 cifre", Message("it", CodeCAPFormat, "value", "5012"))
	assert.Equal(t, "CAP 5012 is not valid: 5 digits required", Message("en", CodeCAPFormat, "value", "5012"))
	assert.Equal(t, Message("it", CodeRequired), Message("fr", CodeRequired), "unknown language falls back to Italian")
	assert.Equal(t, "no_such_code", Message("it", "no_such_code"))
	assert.Equal(t, "CAP {value} non valido: servono 5 cifre", Message("it", CodeCAPFormat), "missing parameter left visible")
	assert.Equal(t, SeverityWarning, SeverityOf(CodeCFMismatch))
	assert.Equal(t, SeverityError, SeverityOf(CodeCFChecksum))
	assert.Equal(t, SeverityError, SeverityOf(CodeQuesturaMismatch), "an error since issue 10 (art. 5 c.4)")
	assert.Equal(t, SeverityError, SeverityOf("no_such_code"))
}

func TestEnglishMessages(t *testing.T) {
	p := typicalPratica()
	p.Domicilio.CAP = "501"
	got := Validate(p, ValidateOptions{On: testOn, Lang: "en"})
	require.Len(t, got, 1)
	assert.Equal(t, "CAP 5*1 is not valid: 5 digits required", got[0].Message, "the value is masked: an address may have been typed into the CAP column")
}

func TestMasking(t *testing.T) {
	assert.Equal(t, "RSSMRA*********Z", MaskCodiceFiscale("RSSMRA85T10A562Z"))
	assert.Equal(t, "123*******3", MaskCodiceFiscale("12345678903"))
	assert.Equal(t, "**", MaskCodiceFiscale("AB"))
	assert.Equal(t, "M. R.", MaskName("MARIO ROSSI"))
	assert.Equal(t, "D. A. H.", MaskName("D'ANGELO-HOXHA"))
	assert.Equal(t, "", MaskName(""))
}

func TestValidateNil(t *testing.T) {
	got := Validate(nil, ValidateOptions{})
	require.Len(t, got, 1)
	assert.Equal(t, CodeRequired, got[0].Code)
}

func TestProblemsOrderedByField(t *testing.T) {
	p := typicalPratica()
	p.Istanza.FogliTotali = 0
	p.ID = ""
	p.Richiedente.StatoCivile = "77"
	p.TitoloPosseduto = nil
	got := Validate(p, ValidateOptions{On: testOn})
	var paths []string
	for _, pr := range got {
		paths = append(paths, pr.Path)
	}
	assert.Equal(t, []string{"ID", "TitoloPosseduto", "Richiedente.StatoCivile", "Istanza.FogliTotali"}, paths)
}

func TestValidateDefaults(t *testing.T) {
	o := ValidateOptions{Lang: "de"}.withDefaults()
	assert.NotNil(t, o.Tables)
	assert.False(t, o.On.IsZero())
	assert.Equal(t, "it", o.Lang)
	assert.Equal(t, DefaultChildMaxAge, o.ChildMaxAge)
	assert.Equal(t, DefaultPolicy(), o.Policy)
	assert.Equal(t, o.Today, o.On, "the file date defaults to the run date")

	o = ValidateOptions{ChildMaxAge: 18, Policy: Policy{RenewalNotice: Days(30)}}.withDefaults()
	assert.Equal(t, 18, o.Policy.ChildMaxAge, "the older ChildMaxAge field still works")
	assert.Equal(t, Days(30), o.Policy.RenewalNotice)
	assert.Equal(t, Days(60), o.Policy.ExpiryGrace)
	o = ValidateOptions{ChildMaxAge: 18, Policy: Policy{ChildMaxAge: 12}}.withDefaults()
	assert.Equal(t, 12, o.Policy.ChildMaxAge, "Policy wins")
}

// TestRuleCatalogue: every problem code is in the catalogue with both
// messages, a severity and a source, and the package doc lists it.
func TestRuleCatalogue(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	rules := Rules()
	require.Len(t, rules, len(codeConstants(t)))
	assert.Len(t, ruleMeta, len(rules), "ruleMeta holds only problem codes")
	for i, r := range rules {
		if i > 0 {
			assert.Less(t, rules[i-1].Code, r.Code, "sorted")
		}
		assert.NotEmpty(t, r.MessageIT, r.Code)
		assert.NotEmpty(t, r.MessageEN, r.Code)
		assert.NotEmpty(t, ruleMeta[r.Code].source, "%s has no source", r.Code)
		assert.Contains(t, []Severity{SeverityError, SeverityWarning}, ruleMeta[r.Code].severity, r.Code)
		assert.Equal(t, SeverityOf(r.Code), r.Severity)
		assert.Contains(t, string(doc), "//	"+r.Code+" ", "doc.go lists %s", r.Code)
	}
}

// TestBirthDatesMasked: messages do not quote a birth date unless
// ShowPersonalData (issue 11: no personal data in messages); the year is
// kept so the operator can find the record.
func TestBirthDatesMasked(t *testing.T) {
	p := typicalPratica()
	var child int
	for i, f := range p.Familiari {
		if f.Relazione == Figlio {
			child = i
		}
	}
	p.Familiari[child].DataNascita = PartialDate{Year: p.Richiedente.DataNascita.Year + 5, Month: 3, Day: 9}
	find := func(ps Problems) string {
		for _, pr := range ps {
			if pr.Code == CodeParentTooYoung {
				return pr.Message
			}
		}
		return ""
	}
	msg := find(Validate(p, ValidateOptions{On: testOn}))
	require.NotEmpty(t, msg)
	full := p.Familiari[child].DataNascita.String()
	assert.NotContains(t, msg, full)
	assert.Contains(t, msg, full[:4]+"-**-**")
	assert.NotContains(t, msg, p.Richiedente.DataNascita.String())

	msg = find(Validate(p, ValidateOptions{On: testOn, ShowPersonalData: true}))
	assert.Contains(t, msg, full)
}
