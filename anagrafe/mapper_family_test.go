package anagrafe_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/eli2"
)

// household builds a record for applicant id from the fixture household F1
// (head P001, spouse P002, children P003 aged 10 and P004 aged 15 on
// RefDate), changed by edit.
func household(t *testing.T, id string, edit func(ms []anagrafe.Person)) *anagrafe.Record {
	t.Helper()
	var ms []anagrafe.Person
	for _, p := range anagrafetest.Persons() {
		if p.FamilyID == "F1" {
			ms = append(ms, p)
		}
	}
	require.Len(t, ms, 4)
	if edit != nil {
		edit(ms)
	}
	for _, r := range anagrafe.Assemble(ms) {
		if r.Person.ID == id {
			return r
		}
	}
	t.Fatalf("no person %s", id)
	return nil
}

func children(p *eli2.Pratica) []string {
	var out []string
	for _, f := range p.Familiari {
		if f.Relazione == eli2.Figlio {
			out = append(out, f.Nome)
		}
	}
	return out
}

func codesOf(ps eli2.Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

func TestMapChildrenFromFiliation(t *testing.T) {
	// Issue 10: children come from filiation with the applicant, not from
	// the household; under 14 only (art. 31 c.1 d.lgs. 286/1998 as amended
	// by l. 122/2016: from 14 a minor applies in person); Italian or EU
	// children need no permit and are not listed.
	noLinks := func(ms []anagrafe.Person) {
		for i := range ms {
			ms[i].FatherID, ms[i].MotherID = "", ""
		}
	}
	tests := []struct {
		name        string
		applicant   string
		edit        func(ms []anagrafe.Person)
		want        []string
		unconfirmed bool
	}{
		{"head, links: own child under 14", "P001", nil, []string{"Sara"}, false},
		{"spouse, links: own child under 14", "P002", nil, []string{"Sara"}, false},
		{"head, links: the spouse's child of another union is not the head's", "P001", func(ms []anagrafe.Person) {
			ms[2].FatherID = ""
		}, nil, false},
		{"spouse, links: the spouse's child of another union is listed", "P002", func(ms []anagrafe.Person) {
			ms[2].FatherID = ""
		}, []string{"Sara"}, false},
		{"head, relations only: the head's children", "P001", noLinks, []string{"Sara"}, false},
		{"spouse, relations only: the head's children, to confirm", "P002", noLinks, []string{"Sara"}, true},
		{"child aged 13 is listed", "P001", func(ms []anagrafe.Person) {
			ms[3].BirthDate = eli2.PartialDate{Year: 2012, Month: 6, Day: 16}
		}, []string{"Sara", "Omar"}, false},
		{"child aged 14 on the day is not listed (applies in person)", "P001", func(ms []anagrafe.Person) {
			ms[2].BirthDate = eli2.PartialDate{Year: 2012, Month: 6, Day: 15}
		}, nil, false},
		{"Italian child is not listed", "P001", func(ms []anagrafe.Person) {
			ms[2].Citizenships = []string{"100"}
		}, nil, false},
		{"child with Italian and Moroccan citizenship is not listed", "P001", func(ms []anagrafe.Person) {
			ms[2].Citizenships = []string{"436", "100"}
		}, nil, false},
		{"stateless child is listed", "P001", func(ms []anagrafe.Person) {
			ms[2].Citizenships = []string{"999"}
		}, []string{"Sara"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := household(t, tt.applicant, tt.edit)
			p, probs, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
			require.NoError(t, err)
			var want []string
			for _, n := range tt.want {
				want = append(want, strings.ToUpper(n))
			}
			assert.Equal(t, want, children(p))
			assert.Equal(t, tt.unconfirmed, slices.Contains(codesOf(probs), eli2.CodeChildrenUnconfirmed), "%v", codesOf(probs))
			if tt.unconfirmed {
				for _, pr := range probs {
					if pr.Code == eli2.CodeChildrenUnconfirmed {
						assert.Equal(t, eli2.SeverityWarning, pr.Severity)
						assert.Equal(t, "Familiari", pr.Path)
						assert.Contains(t, pr.Message, "(figli dell'intestatario, 1)")
					}
				}
			}
		})
	}
}

func TestMapNotSubject(t *testing.T) {
	// Art. 1 c.1 d.lgs. 286/1998: the permit concerns citizens of non-EU
	// states and stateless persons; Italian, EU, EEA and Swiss citizens are
	// not subject (issue 10: skipped as "non soggetto a permesso").
	tests := []struct {
		name         string
		citizenships []string
		notSubject   bool
	}{
		{"Moroccan", []string{"436"}, false},
		{"Italian", []string{"100"}, true},
		{"Moroccan who became Italian", []string{"436", "100"}, true},
		{"stateless (999)", []string{"999"}, false},
		{"citizenship being defined (997)", []string{"997"}, false},
		{"citizenship not attributable (998)", []string{"998"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := household(t, "P001", func(ms []anagrafe.Person) { ms[0].Citizenships = tt.citizenships })
			p, _, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
			if tt.notSubject {
				require.ErrorIs(t, err, anagrafe.ErrNotSubject)
				assert.Nil(t, p)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.citizenships[0], p.Richiedente.Cittadinanza)
		})
	}
}

func TestMapNotSubjectBeforeNoPermit(t *testing.T) {
	// An Italian citizen without a permit is not subject, not "no permit".
	rec := anagrafetest.ByID("P040")
	_, _, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
	assert.True(t, errors.Is(err, anagrafe.ErrNotSubject), "%v", err)
	assert.False(t, errors.Is(err, anagrafe.ErrNoPermit))
}

func TestMapChildDocuments(t *testing.T) {
	// Issue 10 / l. 122/2016: each child listed gets an individual permit;
	// the application carries the child's passport (valid, most recent)
	// and permit numbers when the register gives them with the household
	// (members may come without documents: Family.Members).
	docs := []anagrafe.IdentityDocument{
		{Kind: anagrafe.Passport, Number: "OLD1", IssueDate: 20150101, ExpiryDate: 20200101},
		{Kind: anagrafe.Passport, Number: "UZ9", IssueDate: 20230101, ExpiryDate: 20280101},
		{Kind: anagrafe.IdentityCard, Number: "CI1", IssueDate: 20240101, ExpiryDate: 20340101},
	}
	tests := []struct {
		name               string
		docs               []anagrafe.IdentityDocument
		permit             *anagrafe.Permit
		passport, permesso string
	}{
		{"member without documents", nil, nil, "", ""},
		{"passport and permit", docs, &anagrafe.Permit{Type: "1", Kit: 13, Number: "I00000003"}, "UZ9", "I00000003"},
		{"identity card only", docs[2:], nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := household(t, "P001", nil)
			for i := range rec.Family.Members {
				if rec.Family.Members[i].ID == "P003" {
					rec.Family.Members[i].Documents, rec.Family.Members[i].Permit = tt.docs, tt.permit
				}
			}
			p, _, err := anagrafe.Map(rec, anagrafe.Request{}, anagrafe.MapOptions{On: anagrafetest.RefDate})
			require.NoError(t, err)
			require.Equal(t, []string{"SARA"}, children(p))
			f := p.Familiari[len(p.Familiari)-1]
			assert.Equal(t, tt.passport, f.NumeroPassaporto)
			assert.Equal(t, tt.permesso, f.NumeroPermesso)
		})
	}
}
