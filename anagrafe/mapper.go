package anagrafe

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// ErrNoPermit is returned by Map when the request type must come from the
// permit held (the default, RINNOVO) but the register holds none.
var ErrNoPermit = errors.New("anagrafe: the register holds no residence permit for this person: choose the request type")

// ErrNilRecord is returned by Map for a nil record.
var ErrNilRecord = errors.New("anagrafe: nil record")

// Request is what the help-desk operator decides; everything else comes
// from the register. The zero Request asks to renew the permit held.
type Request struct {
	// TipoRichiesta defaults to RINNOVO (the register must hold a permit).
	TipoRichiesta eli2.TipoRichiesta
	// Tipologia is the kit code; 0 derives it (see Map).
	Tipologia int
	// TipologiaRichiesta is the kit code wanted, for CONVERSIONE only.
	TipologiaRichiesta int
	// TipoTitolo defaults to the kit table's TITOLO of Tipologia.
	TipoTitolo eli2.TipoTitolo
	// DurataMesi is the requested duration in months; 0 = absent.
	DurataMesi int
	// AggiornamentoFoto is for AGGIORNAMENTO of a CARTA only.
	AggiornamentoFoto *bool
	// Questura overrides the questura (province sigla).
	Questura string
	// Istanza is the forms filled and sheets; zero means form 1, one sheet.
	Istanza eli2.Istanza
	// Visto is the entry visa (RILASCIO only).
	Visto *eli2.Visto
	// PraticaID is the application's id in the file; "" means the person ID.
	PraticaID string
}

// FiliationMode says where Map looks for children and parents.
type FiliationMode int

// Filiation modes.
const (
	// FiliationAuto uses filiation links when any member of the household
	// has FatherID or MotherID set, and relation codes otherwise.
	FiliationAuto FiliationMode = iota
	// FiliationLinks uses FatherID/MotherID only.
	FiliationLinks
	// FiliationRelations uses relazione_parentela codes only.
	FiliationRelations
)

// MapOptions tune Map.
type MapOptions struct {
	// Tables are the code tables; nil means codes.Default().
	Tables *codes.Tables
	// On is the reference date (the file's creation date): ages, valid
	// passports and kit codes are judged on it. 0 means today.
	On codes.Date
	// ChildMaxAge is the age under which children are listed; 0 means
	// eli2.DefaultChildMaxAge (14).
	ChildMaxAge int
	// Filiation chooses links or relation codes for children and parents.
	Filiation FiliationMode
	// Lang is the language of validation messages ("it" default, "en").
	Lang string
	// ShowPersonalData lets validation messages quote names and codes in full.
	ShowPersonalData bool
	// SkipValidation returns no problems (the caller validates later).
	SkipValidation bool
}

// Map builds the application of rec's person for req and validates it.
//
// From the register: the applicant (names transliterated with
// eli2.Normalize, birth place as comune or state + locality, citizenship —
// with several, the one of the chosen passport's issuing state, else the
// first —, marital status), domicile, contacts, socio-professional codes,
// the passport (PassportLike documents valid on opts.On, national passport
// first, most recent issue first; an expired one only if none is valid),
// the permit held (TitoloPosseduto, unless RILASCIO; tipo_soggiorno 5
// ricevuta and 6 rinnovo in corso keep their code), family members and the
// parent or guardian of a minor (see below).
//
// Defaults for what the operator did not set: RINNOVO; kit code — always
// one in force on opts.On (codes.Tables.KitOn: the 2006 table up to
// 2024-05-29, Poste Italiane's 2024 table from 2024-05-30) that allows the
// operation: the permit's Kit when it is; else the code that replaced it
// (22 → 27, 25 → 24); else 9 for a carta (tipo 2); else the code whose
// description matches the permit's motive (exactly, or by unique
// containment); 14 instead of 13 for an applicant aged 14–17; 3/4 for
// AGGIORNAMENTO, 11/12 for DUPLICATO (carta/permesso), 10 for CONVERSIONE.
// When none can be derived (ANPR-shaped registers record no motive, 26
// turismo has no successor) Tipologia is 0: the application is still
// built and validation warns that the desk must choose (kit_to_choose).
// TipoTitolo comes from the kit code, or, with none, from the permit held
// (tipo_soggiorno 2 is a carta); Questura: the one serving the
// domicile's province, else the permit's.
//
// Family (Modulo 1's children section): children come from filiation
// with the applicant, not from the household — the head's child is not
// necessarily the spouse's. With filiation links, the household members
// whose FatherID or MotherID is the applicant; without (registers that
// keep only relations to the head), the members with relation 3 (child of
// the head) when the applicant is the head, and the same children for a
// spouse (2, 28) with a children_unconfirmed warning asking the desk to
// confirm them. Only children under ChildMaxAge (14, on the latest day of
// a partial birth date) are listed: under 14 a child is entered on a
// parent's application and then gets an individual permit, from 14 the
// minor applies in person with a parent or guardian (art. 31 c.1 d.lgs.
// 286/1998 as amended by l. 122/2016). Italian, EU, EEA or Swiss children
// are not listed. The spouse is listed as CONIUGE: relation 2/28 when the
// applicant is the head, the head when the applicant is the spouse (every
// such member: validation reports more than one spouse). A minor
// applicant (possibly under 18 on opts.On) gets a GenitoreTutore: a parent
// from the links (father, then mother) when they are in the household;
// else, by relation codes, the guardian (26) or a parent (6) of a head
// applicant, or the head for a child (3) of the head.
//
// Eligibility: a citizen of Italy, of an EU or EEA state or of Switzerland
// on opts.On needs no permit: Map returns an error wrapping ErrNotSubject
// (exports count it as a skip, not an error). Stateless (999) and
// undetermined (997, 998) citizenships are mapped.
//
// Map returns the problems of eli2.Validate followed by its own warnings
// (nil with SkipValidation). An error means no application could be built:
// nil record, a person not subject to a permit (ErrNotSubject), no permit
// for a default request, or a name that cannot be transliterated (a
// *eli2.NameError naming the field).
func Map(rec *Record, req Request, opts MapOptions) (*eli2.Pratica, eli2.Problems, error) {
	if rec == nil {
		return nil, nil, ErrNilRecord
	}
	opts = opts.withDefaults()
	if freeMovement(opts.Tables, rec.Person.Citizenships, opts.On) {
		return nil, nil, fmt.Errorf("%w (person %q)", ErrNotSubject, rec.Person.ID)
	}
	m := mapper{rec: rec, p: &rec.Person, opts: opts}
	pr, err := m.build(req)
	if err != nil {
		return nil, nil, err
	}
	if err := eli2.Normalize(pr); err != nil {
		return nil, nil, fmt.Errorf("anagrafe: person %q: %w", rec.Person.ID, err)
	}
	if opts.SkipValidation {
		return pr, nil, nil
	}
	probs := eli2.Validate(pr, eli2.ValidateOptions{
		Tables: opts.Tables, On: opts.On, Lang: opts.Lang,
		ChildMaxAge: opts.ChildMaxAge, ShowPersonalData: opts.ShowPersonalData,
	})
	return pr, append(probs, m.problems...), nil
}

// withDefaults fills in the zero fields of o as MapOptions documents.
func (o MapOptions) withDefaults() MapOptions {
	if o.Tables == nil {
		o.Tables = codes.Default()
	}
	if o.On == 0 {
		o.On = codes.Today()
	}
	if o.ChildMaxAge <= 0 {
		o.ChildMaxAge = eli2.DefaultChildMaxAge
	}
	return o
}

type mapper struct {
	rec  *Record
	p    *Person
	opts MapOptions
	// problems are the mapper's own findings (children taken from
	// household relations), added to the validator's.
	problems eli2.Problems
}

func (m *mapper) build(req Request) (*eli2.Pratica, error) {
	p := m.p
	tipo := req.TipoRichiesta
	if tipo == "" {
		if p.Permit == nil {
			return nil, fmt.Errorf("%w (person %q)", ErrNoPermit, p.ID)
		}
		tipo = eli2.Rinnovo
	}
	pr := &eli2.Pratica{ID: cmp.Or(req.PraticaID, p.ID)}
	pr.Richiesta = eli2.Richiesta{
		TipoRichiesta:      tipo,
		Tipologia:          cmp.Or(req.Tipologia, m.kit(tipo)),
		TipologiaRichiesta: req.TipologiaRichiesta,
		TipoTitolo:         req.TipoTitolo,
		DurataMesi:         req.DurataMesi,
		AggiornamentoFoto:  req.AggiornamentoFoto,
	}
	if pr.Richiesta.TipoTitolo == "" {
		if k, ok := m.opts.Tables.KitOn(pr.Richiesta.Tipologia, m.opts.On); ok {
			pr.Richiesta.TipoTitolo = eli2.TipoTitolo(k.Titolo)
		} else if pr.Richiesta.Tipologia == 0 && p.Permit != nil && tipo != eli2.Rilascio {
			// The kit code is left to the desk; the title renewed or
			// updated is the one held (tipo_soggiorno 2: carta).
			pr.Richiesta.TipoTitolo = eli2.Permesso
			if m.isCarta() {
				pr.Richiesta.TipoTitolo = eli2.Carta
			}
		}
	}
	pr.Questura = cmp.Or(req.Questura, m.questura())
	if pm := p.Permit; pm != nil && tipo != eli2.Rilascio {
		pr.TitoloPosseduto = &eli2.TitoloPosseduto{
			Tipo: pm.Type, Numero: pm.Number, Motivo: pm.Motive,
			DataRilascio: pm.IssueDate, DataScadenza: pm.ExpiryDate, QuesturaRilascio: pm.Questura,
		}
	}
	doc := m.passport()
	pr.Richiedente = eli2.Richiedente{
		CodiceFiscale: p.CodiceFiscale,
		Cognome:       p.Surname,
		Nome:          p.Name,
		Sesso:         p.Sex,
		DataNascita:   p.BirthDate,
		LuogoNascita:  birthPlace(p),
		Cittadinanza:  citizenship(p, doc),
		StatoCivile:   p.MaritalStatus,
	}
	a := p.Address
	pr.Domicilio = eli2.Domicilio{
		Comune: a.Comune, Provincia: a.Province,
		Toponimo:     eli2.Toponimo{Specie: strings.ToUpper(a.Specie), Denominazione: a.Street},
		NumeroCivico: a.Number, Esponente: a.Exponent, Scala: a.Staircase, Interno: a.Interior,
		CAP: a.CAP, Presso: a.CareOf,
	}
	if p.Phone != "" || p.Email != "" {
		pr.Recapiti = &eli2.Recapiti{Telefono: p.Phone, Email: p.Email}
	}
	if doc != nil {
		pr.Documento = &eli2.Documento{
			Tipo: eli2.TipoDocumento(doc.Kind), Numero: doc.Number,
			DataRilascio: doc.IssueDate, DataScadenza: doc.ExpiryDate,
			AutoritaRilascio: doc.Authority, StatoRilascio: doc.IssuingState,
		}
	}
	if tipo == eli2.Rilascio && req.Visto != nil {
		v := *req.Visto
		pr.Visto = &v
	}
	m.registerCodes()
	var unconfirmed bool
	pr.Familiari, unconfirmed = m.family()
	if unconfirmed {
		m.problems = append(m.problems, m.childrenUnconfirmed(pr))
	}
	if m.minor() {
		pr.GenitoreTutore = m.guardian()
	}
	pr.Istanza = req.Istanza
	if len(pr.Istanza.Moduli) == 0 && pr.Istanza.FogliTotali == 0 {
		pr.Istanza = eli2.Istanza{Moduli: []int{1}, FogliTotali: 1}
	} else {
		pr.Istanza.Moduli = slices.Clone(pr.Istanza.Moduli)
	}
	if p.Education != "" || p.Occupation != "" || p.NonProfessional != "" {
		pr.DatiSocioProfessionali = &eli2.DatiSocioProfessionali{
			TitoloStudio: p.Education, PosizioneProfessione: p.Occupation, CondizioneNonProfessionale: p.NonProfessional,
		}
	}
	return pr, nil
}

// Kit codes with a fixed role (kit/tipologie_permesso.csv).
const (
	kitAggiornamentoCarta    = 3
	kitAggiornamentoPermesso = 4
	kitCarta                 = 9
	kitConversione           = 10
	kitDuplicatoCarta        = 11
	kitDuplicatoPermesso     = 12
	kitFamiglia              = 13
	kitFamigliaMinore        = 14
)

func (m *mapper) isCarta() bool { return m.p.Permit != nil && m.p.Permit.Type == "2" }

// kit derives the kit code for tipo from the edition in force on opts.On,
// 0 when it cannot: a code is never derived that the edition does not hold
// or whose operations do not include tipo.
func (m *mapper) kit(tipo eli2.TipoRichiesta) int {
	t, on := m.opts.Tables, m.opts.On
	inForce := func(code int, op codes.KitOp) int {
		if k, ok := t.KitOn(code, on); ok && k.Allows(op) {
			return code
		}
		return 0
	}
	switch tipo {
	case eli2.Aggiornamento:
		if m.isCarta() {
			return inForce(kitAggiornamentoCarta, codes.KitAggiornamento)
		}
		return inForce(kitAggiornamentoPermesso, codes.KitAggiornamento)
	case eli2.Duplicato:
		if m.isCarta() {
			return inForce(kitDuplicatoCarta, codes.KitDuplicato)
		}
		return inForce(kitDuplicatoPermesso, codes.KitDuplicato)
	case eli2.Conversione:
		return inForce(kitConversione, codes.KitConversione)
	}
	pm := m.p.Permit
	if pm == nil {
		return 0
	}
	op := codes.KitRinnovo
	if tipo == eli2.Rilascio {
		op = codes.KitRilascio
	}
	code := 0
	switch {
	case pm.Kit != 0 && inForce(pm.Kit, op) != 0:
		code = pm.Kit
	case pm.Kit != 0 && m.successor(pm.Kit, op) != 0:
		code = m.successor(pm.Kit, op)
	case m.isCarta():
		code = inForce(kitCarta, op)
	case pm.Motive != "":
		code = m.kitByMotive(pm.Motive, op)
	}
	if code == kitFamiglia && pm.Kit != kitFamiglia {
		if age, ok := m.age(); ok && age >= 14 && age < eli2.AdultAge {
			code = cmp.Or(inForce(kitFamigliaMinore, op), code)
		}
	}
	return code
}

// successor returns the code that replaced the register's kit code in the
// edition in force (22 → 27, 25 → 24: codes.Tables.KitSuccessor) when it
// allows op, else 0.
func (m *mapper) successor(code int, op codes.KitOp) int {
	if next, _, ok := m.opts.Tables.KitSuccessor(code, m.opts.On); ok && next.Allows(op) {
		return next.Code
	}
	return 0
}

// kitByMotive finds the code in force allowing op whose description is the
// permit's motive, exactly or by unique containment; 0 when none or
// several match.
func (m *mapper) kitByMotive(motive string, op codes.KitOp) int {
	motive = codes.NormalizeName(motive)
	var contains []int
	for _, k := range m.opts.Tables.KitTypesOn(m.opts.On) {
		if !k.Allows(op) {
			continue
		}
		d := codes.NormalizeName(k.Description)
		if d == motive {
			return k.Code
		}
		if len(motive) >= 5 && (strings.Contains(d, motive) || strings.Contains(motive, d)) {
			contains = append(contains, k.Code)
		}
	}
	if len(contains) == 1 {
		return contains[0]
	}
	return 0
}

// age returns the applicant's age on opts.On when the birth date is
// complete enough to know it.
func (m *mapper) age() (int, bool) {
	bd := m.p.BirthDate
	if bd.IsZero() {
		return 0, false
	}
	lo := codes.YearsBetween(bd.Latest(), m.opts.On)
	hi := codes.YearsBetween(bd.Earliest(), m.opts.On)
	return lo, lo == hi
}

// minor reports whether the applicant may be under 18 on opts.On.
func (m *mapper) minor() bool {
	bd := m.p.BirthDate
	return !bd.IsZero() && codes.YearsBetween(bd.Latest(), m.opts.On) < eli2.AdultAge
}

// questura returns the questura serving the domicile's province, else the
// permit's.
func (m *mapper) questura() string {
	if pv, ok := m.opts.Tables.Province(m.p.Address.Province); ok && pv.Questura != "" {
		return pv.Questura
	}
	if m.p.Permit != nil {
		return m.p.Permit.Questura
	}
	return m.p.Address.Province
}

// passport picks the applicant's document for Modulo 1.
func (m *mapper) passport() *IdentityDocument { return m.passportOf(m.p) }

// passportOf picks p's passport or equivalent document: valid on opts.On
// first, national passport first, most recent issue first.
func (m *mapper) passportOf(p *Person) *IdentityDocument {
	var best *IdentityDocument
	rank := func(d *IdentityDocument) (valid, national int, issued codes.Date) {
		if d.ExpiryDate == 0 || d.ExpiryDate >= m.opts.On {
			valid = 1
		}
		if d.Kind == Passport {
			national = 1
		}
		return valid, national, d.IssueDate
	}
	for i := range p.Documents {
		d := &p.Documents[i]
		if !d.Kind.PassportLike() {
			continue
		}
		if best == nil {
			best = d
			continue
		}
		v1, n1, i1 := rank(d)
		v2, n2, i2 := rank(best)
		if v1 > v2 || v1 == v2 && (n1 > n2 || n1 == n2 && i1 > i2) {
			best = d
		}
	}
	return best
}

func birthPlace(p *Person) eli2.LuogoNascita {
	if p.BirthComune != "" {
		return eli2.LuogoNascita{Comune: p.BirthComune}
	}
	return eli2.LuogoNascita{StatoEstero: p.BirthState, Localita: p.BirthLocality}
}

// citizenship returns the passport's issuing state when it is one of the
// person's citizenships, else the first citizenship.
func citizenship(p *Person, doc *IdentityDocument) string {
	if doc != nil && doc.IssuingState != "" && slices.Contains(p.Citizenships, doc.IssuingState) {
		return doc.IssuingState
	}
	if len(p.Citizenships) > 0 {
		return p.Citizenships[0]
	}
	return ""
}

// useLinks reports whether filiation links are used.
func (m *mapper) useLinks() bool {
	switch m.opts.Filiation {
	case FiliationLinks:
		return true
	case FiliationRelations:
		return false
	}
	if m.p.FatherID != "" || m.p.MotherID != "" {
		return true
	}
	if m.rec.Family != nil {
		for _, x := range m.rec.Family.Members {
			if x.FatherID != "" || x.MotherID != "" {
				return true
			}
		}
	}
	return false
}

func isSpouseRel(r string) bool { return r == RelSpouse || r == RelPartner }

// family lists the spouse and the children of the applicant, and reports
// whether children were taken from household relations for a spouse (the
// desk must confirm them, see Map).
func (m *mapper) family() (out []eli2.Familiare, unconfirmed bool) {
	f := m.rec.Family
	if f == nil {
		return nil, false
	}
	p := m.p
	links := m.useLinks()
	for _, x := range f.Members {
		if x.ID == p.ID {
			continue
		}
		spouse := p.Relation == RelHead && isSpouseRel(x.Relation) || isSpouseRel(p.Relation) && x.Relation == RelHead
		if spouse {
			out = append(out, familiare(eli2.Coniuge, &x))
			continue
		}
		child := false
		switch {
		case links:
			// Filiation: the child of the applicant, whoever heads the household.
			child = x.FatherID == p.ID || x.MotherID == p.ID
		case p.Relation == RelHead:
			child = x.Relation == RelChild
		case isSpouseRel(p.Relation):
			// Relation 3 says "child of the head", not of the spouse: listed,
			// but the desk must confirm (issue 10).
			child = x.Relation == RelChild
		}
		if !child || !m.listable(&x) {
			continue
		}
		if !links && isSpouseRel(p.Relation) {
			unconfirmed = true
		}
		f := familiare(eli2.Figlio, &x)
		// Each child listed gets an individual permit (l. 122/2016): carry
		// the child's passport and permit numbers when the register gives
		// them with the household.
		if d := m.passportOf(&x); d != nil {
			f.NumeroPassaporto = d.Number
		}
		if x.Permit != nil {
			f.NumeroPermesso = x.Permit.Number
		}
		out = append(out, f)
	}
	return out, unconfirmed
}

// listable reports whether child x goes on the applicant's Modulo 1: under
// ChildMaxAge on opts.On (on the latest day of a partial birth date) and
// needing a permit. Under 14 a child is listed on a parent's application
// and then gets an individual permit; from 14 the minor applies in person
// (art. 31 c.1 d.lgs. 286/1998 as amended by l. 122/2016 art. 10). An
// Italian, EU, EEA or Swiss child needs no permit and is not listed.
func (m *mapper) listable(x *Person) bool {
	if x.BirthDate.IsZero() || codes.YearsBetween(x.BirthDate.Latest(), m.opts.On) >= m.opts.ChildMaxAge {
		return false
	}
	return !freeMovement(m.opts.Tables, x.Citizenships, m.opts.On)
}

func familiare(rel eli2.Relazione, x *Person) eli2.Familiare {
	c := ""
	if len(x.Citizenships) > 0 {
		c = x.Citizenships[0]
	}
	return eli2.Familiare{
		Relazione: rel, CodiceFiscale: x.CodiceFiscale, Cognome: x.Surname, Nome: x.Name, Sesso: x.Sex,
		DataNascita: x.BirthDate, LuogoNascita: birthPlace(x), Cittadinanza: c,
	}
}

func parentRole(x *Person) eli2.RuoloTutela {
	switch x.Sex {
	case eli2.Maschio:
		return eli2.Padre
	case eli2.Femmina:
		return eli2.Madre
	}
	return ""
}

func genitore(role eli2.RuoloTutela, x *Person) *eli2.GenitoreTutore {
	return &eli2.GenitoreTutore{Ruolo: role, CodiceFiscale: x.CodiceFiscale, Cognome: x.Surname, Nome: x.Name}
}

// guardian finds the parent or guardian of a minor applicant.
func (m *mapper) guardian() *eli2.GenitoreTutore {
	f := m.rec.Family
	p := m.p
	if m.useLinks() {
		if x, ok := f.Member(p.FatherID); ok {
			return genitore(eli2.Padre, &x)
		}
		if x, ok := f.Member(p.MotherID); ok {
			return genitore(eli2.Madre, &x)
		}
		if m.opts.Filiation == FiliationLinks {
			return nil
		}
	}
	if f == nil {
		return nil
	}
	switch p.Relation {
	case RelHead:
		for _, want := range []string{RelGuardian, RelParent} {
			for _, x := range f.Members {
				if x.ID == p.ID || x.Relation != want {
					continue
				}
				if want == RelGuardian {
					return genitore(eli2.Tutore, &x)
				}
				if role := parentRole(&x); role != "" {
					return genitore(role, &x)
				}
			}
		}
	case RelChild:
		if h, ok := f.Head(); ok {
			if role := parentRole(&h); role != "" {
				return genitore(role, &h)
			}
		}
	}
	return nil
}

// childrenUnconfirmed is the warning for children listed for a spouse from
// household relations.
func (m *mapper) childrenUnconfirmed(pr *eli2.Pratica) eli2.Problem {
	n := 0
	for _, f := range pr.Familiari {
		if f.Relazione == eli2.Figlio {
			n++
		}
	}
	code := eli2.CodeChildrenUnconfirmed
	return eli2.Problem{Path: "Familiari", Code: code, Severity: eli2.SeverityOf(code),
		Message: eli2.Message(m.opts.Lang, code, "count", strconv.Itoa(n))}
}
