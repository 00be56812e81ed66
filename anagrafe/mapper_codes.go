package anagrafe

import (
	"strconv"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// registerCodes reports the register codes the application cannot carry
// and the mapper would otherwise drop without a word (issue 10: unknown
// codes are reported, never silently dropped): a household member's
// relation not in ANPR's relazione_parentela table (the member cannot be
// placed as spouse or child), and a document of a kind the model does not
// know (it cannot be taken as the passport). Marital status and permit
// type travel in the application, where eli2.Validate reports them.
func (m *mapper) registerCodes() {
	if f := m.rec.Family; f != nil {
		for i, x := range f.Members {
			if x.ID == m.p.ID || x.Relation == "" {
				continue
			}
			if _, ok := m.opts.Tables.Decode(codes.RelazioneParentela, x.Relation); !ok {
				m.notRecognised("Familiari", x.Relation, "relazione_parentela (componente "+strconv.Itoa(i+1)+")")
			}
		}
	}
	for _, d := range m.p.Documents {
		if !knownDocumentKind(d.Kind) {
			m.notRecognised("Documento", string(d.Kind), "tipo documento")
		}
	}
}

func knownDocumentKind(k DocumentKind) bool {
	switch k {
	case Passport, EquivalentDocument, TravelDocument, IdentityCard, OtherDocument:
		return true
	}
	return false
}

func (m *mapper) notRecognised(path, value, table string) {
	code := eli2.CodeCodeNotRecognised
	m.problems = append(m.problems, eli2.Problem{Path: path, Code: code, Severity: eli2.SeverityOf(code),
		Message: eli2.Message(m.opts.Lang, code, "value", value, "table", table)})
}
