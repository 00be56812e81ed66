package anagrafe

import (
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/eli2"
)

// RegisterSpellings returns, by field path of the application Map builds
// for rec and req (Richiedente.Cognome, Familiari[0].Nome,
// GenitoreTutore.Cognome…), the register's spelling of each name the
// application writes otherwise: Map writes names as the passport's
// machine-readable zone does (eli2.Normalize: José María → JOSE MARIA,
// Müller → MUELLER). It is what preview.Item.Register shows beside the
// transliterated name. Names the application writes unchanged but for
// the case are absent;
// the error is Map's, for a record Map cannot build.
func RegisterSpellings(rec *Record, req Request, opts MapOptions) (map[string]string, error) {
	if rec == nil {
		return nil, ErrNilRecord
	}
	opts = opts.withDefaults()
	if freeMovement(opts.Tables, rec.Person.Citizenships, opts.On) {
		return nil, ErrNotSubject
	}
	m := mapper{rec: rec, p: &rec.Person, opts: opts}
	raw, err := m.build(req)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	norm := *raw
	norm.Familiari = append([]eli2.Familiare(nil), raw.Familiari...)
	if raw.GenitoreTutore != nil {
		g := *raw.GenitoreTutore
		norm.GenitoreTutore = &g
	}
	_ = eli2.Normalize(&norm) // names it cannot write keep the register's spelling
	add := func(path, before, after string) {
		if strings.ToUpper(before) != after { // a change of case alone is no other spelling
			out[path] = before
		}
	}
	add("Richiedente.Cognome", raw.Richiedente.Cognome, norm.Richiedente.Cognome)
	add("Richiedente.Nome", raw.Richiedente.Nome, norm.Richiedente.Nome)
	for i := range raw.Familiari {
		p := "Familiari[" + strconv.Itoa(i) + "]"
		add(p+".Cognome", raw.Familiari[i].Cognome, norm.Familiari[i].Cognome)
		add(p+".Nome", raw.Familiari[i].Nome, norm.Familiari[i].Nome)
	}
	if g := raw.GenitoreTutore; g != nil {
		add("GenitoreTutore.Cognome", g.Cognome, norm.GenitoreTutore.Cognome)
		add("GenitoreTutore.Nome", g.Nome, norm.GenitoreTutore.Nome)
	}
	return out, nil
}
