// Package demo generates synthetic population registers for demonstrations,
// benchmarks and tests: households of residents from many countries, with
// permits, documents and tax codes computed from the code tables, and about
// one record in a hundred deliberately wrong. The people do not exist: names
// are drawn at random from pools of common names and every number is made
// up, and the same seed always gives the same register.
//
// Generate streams persons to any Writer (a *sqlreg.Writer, a slice) one
// household at a time in constant memory; CreateSQLite builds a whole SQLite
// register file atomically.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
	"github.com/retecomuni/eli2sdk/eli2"
)

// DefaultComune is the Belfiore code of the demo register's comune
// (Firenze): every domicile is there.
const DefaultComune = "D612"

// DefaultDefectRate is the default share of deliberately wrong records.
const DefaultDefectRate = 0.01

// ErrBadOptions is wrapped by errors about invalid Options.
var ErrBadOptions = errors.New("demo: invalid options")

// Writer receives the generated persons household by household, head
// first: in ascending ID order with Options.Contiguous, scattered
// otherwise (see Options.Contiguous). *sqlreg.Writer implements it.
type Writer interface {
	Write(p *anagrafe.Person) error
}

// WriterFunc adapts a function to Writer.
type WriterFunc func(p *anagrafe.Person) error

// Write calls f(p).
func (f WriterFunc) Write(p *anagrafe.Person) error { return f(p) }

// Options configure Generate.
type Options struct {
	// Persons is the number of persons to generate (at least 1).
	Persons int
	// Seed selects the register: the same seed and options give the same
	// persons.
	Seed int64
	// On is the reference date permits and ages are spread around; 0 means
	// today.
	On codes.Date
	// DefectRate is the share of permit holders given a deliberate defect;
	// 0 means DefaultDefectRate, a negative value none.
	DefectRate float64
	// Tables are the code tables; nil means codes.Default().
	Tables *codes.Tables
	// Contiguous numbers the members of each household consecutively
	// (the layout of earlier versions). By default persons are numbered
	// in registration order with households scattered over the whole
	// register, as in a real one: the members of a household registered
	// at different times (issue 12).
	Contiguous bool
}

// Defect kinds: what is wrong with a deliberately wrong record.
const (
	DefectCFChecksum      = "cf_checksum"       // codice fiscale with a wrong check character
	DefectProvince        = "province_mismatch" // domicile province is not the comune's
	DefectPassportExpired = "passport_expired"  // the only passport has expired (a warning)
	DefectMissingPermit   = "missing_permit"    // a foreign adult with no permit recorded
	DefectCAP             = "cap_format"        // postcode of four digits
	DefectUnknownKit      = "unknown_kit"       // permit kit code not in the kit table
)

// DefectKinds lists every defect kind, in the order Generate picks them.
var DefectKinds = []string{DefectCFChecksum, DefectProvince, DefectPassportExpired, DefectMissingPermit, DefectCAP, DefectUnknownKit}

// Stats summarise a generated register.
type Stats struct {
	Persons       int            // persons written
	Households    int            // households
	PermitHolders int            // persons with a permit
	Minors        int            // persons under 18 on the reference date
	Defects       map[string]int // deliberately wrong records by kind
	// Defective lists the IDs of the deliberately wrong records, at most
	// the first 1000.
	Defective []string
	// Cases counts the persons in each situation of CaseKinds, the rules
	// of issue 10 that the register exercises.
	Cases map[string]int
}

// Generate writes opts.Persons synthetic persons to w, household by
// household, and returns what it wrote. It stops with ctx's error when ctx
// is cancelled and with w's error when a write fails.
func Generate(ctx context.Context, w Writer, opts Options) (Stats, error) {
	g, err := newGenerator(opts)
	if err != nil {
		return Stats{}, err
	}
	for g.stats.Persons < g.opts.Persons {
		if g.stats.Households%64 == 0 {
			if err := ctx.Err(); err != nil {
				return g.stats, err
			}
		}
		for _, p := range g.household() {
			if err := w.Write(p); err != nil {
				return g.stats, fmt.Errorf("demo: %w", err)
			}
		}
	}
	return g.stats, nil
}

// state is a foreign state as the generator uses it.
type state struct {
	istat, belfiore, name string
}

type generator struct {
	opts     Options
	t        *codes.Tables
	r        *rand.Rand
	on       codes.Date
	comune   codes.Comune
	cittadin [][]state // per origin
	extra    []state   // any state allowed as citizenship, for second citizenships
	weights  int
	renamed  []codes.Comune // old rows of comuni later renamed
	kits     []int          // kit codes for adults' permits
	educ     []string
	occ      []string
	nonProf  []string
	quest    []string // provinces with a questura
	z118     string
	z135     string
	yugo     []string // ISTAT codes of successors of Z118 used as birth states
	stats    Stats
	nextID   int
	nextFam  int
	scatter  scatter
	eu       []state // EU states whose citizens register without a permit
	nextCase int     // index in CaseKinds of the next case to inject
	foreign  int     // foreign households generated
}

func newGenerator(opts Options) (*generator, error) {
	if opts.Persons < 1 {
		return nil, fmt.Errorf("%w: Persons must be at least 1", ErrBadOptions)
	}
	if opts.On == 0 {
		opts.On = codes.Today()
	}
	if !opts.On.Valid() {
		return nil, fmt.Errorf("%w: invalid reference date", ErrBadOptions)
	}
	if opts.DefectRate == 0 {
		opts.DefectRate = DefaultDefectRate
	}
	if opts.DefectRate > 1 {
		return nil, fmt.Errorf("%w: DefectRate above 1", ErrBadOptions)
	}
	t := opts.Tables
	if t == nil {
		t = codes.Default()
	}
	g := &generator{opts: opts, t: t, on: opts.On}
	g.r = rand.New(rand.NewPCG(uint64(opts.Seed), 0x656c69327364))
	c, ok := t.ComuneByBelfiore(DefaultComune, opts.On)
	if !ok {
		return nil, fmt.Errorf("%w: demo comune %s not in the tables on %s", ErrBadOptions, DefaultComune, opts.On)
	}
	g.comune = c
	for _, o := range origins {
		var ss []state
		for _, iso := range o.citizenship {
			s, ok := t.StateByISO3(iso)
			if !ok || !s.Citizenship || s.Belfiore == "" {
				return nil, fmt.Errorf("demo: state %s missing from the code tables", iso)
			}
			ss = append(ss, state{s.Istat, s.Belfiore, s.Name})
		}
		g.cittadin = append(g.cittadin, ss)
		g.weights += o.weight
	}
	for _, s := range t.States() {
		if s.Citizenship && s.Birth && s.Belfiore != "" && s.Istat != "" && s.Istat != "100" && !s.Dissolved &&
			s.Kind == "STATO" && s.ValidOn(opts.On) && s.From <= 19000101 && !freeMovement(t, s.Istat, opts.On) {
			g.extra = append(g.extra, state{s.Istat, s.Belfiore, s.Name})
		}
	}
	if len(g.extra) == 0 {
		return nil, errors.New("demo: no citizenship states in the code tables")
	}
	if s, err := t.StateByBelfiore("Z118"); err == nil {
		g.z118 = s.Belfiore
		for _, iso := range []string{"HRV", "BIH", "SRB"} {
			if st, ok := t.StateByISO3(iso); ok && s.HasSuccessor(st.Istat) {
				g.yugo = append(g.yugo, st.Istat)
			}
		}
	}
	if s, err := t.StateByBelfiore("Z135"); err == nil {
		g.z135 = s.Belfiore
	}
	g.renamed = renamedComuni(t)
	g.kits = renewableKits(t, opts.On)
	if len(g.kits) == 0 {
		return nil, errors.New("demo: no permit kit codes in the code tables")
	}
	g.educ = entryIDs(t, codes.TitoloStudio)
	g.occ = entryIDs(t, codes.PosizioneProfessione)
	g.nonProf = entryIDs(t, codes.CondizioneNonProfessionale)
	for _, p := range t.Provinces() {
		if p.HasQuestura {
			g.quest = append(g.quest, p.Sigla)
		}
	}
	g.stats.Defects = map[string]int{}
	g.stats.Cases = map[string]int{}
	g.scatter = newScatter(opts.Persons, opts.Seed)
	for _, iso := range euOrigins {
		s, ok := t.StateByISO3(iso)
		if !ok || s.Belfiore == "" {
			return nil, fmt.Errorf("demo: state %s missing from the code tables", iso)
		}
		g.eu = append(g.eu, state{s.Istat, s.Belfiore, s.Name})
	}
	return g, nil
}

func entryIDs(t *codes.Tables, tab codes.Table) []string {
	var ids []string
	for _, e := range t.Entries(tab) {
		if e.Note == "" {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// renamedComuni returns the old rows (valid from before 1930, ended later)
// of comuni whose Belfiore code is still active under another name, such as
// Girgenti (A089), renamed Agrigento in 1927.
func renamedComuni(t *codes.Tables) []codes.Comune {
	var out []codes.Comune
	seen := map[string]bool{}
	for _, c := range t.Comuni() {
		if c.Belfiore == "" || c.Belfiore == "ND" || seen[c.Belfiore] || c.Active() {
			continue
		}
		if c.From > 19150101 || c.To < 19200101 {
			continue
		}
		now, ok := t.ComuneByBelfiore(c.Belfiore, 0)
		if !ok || !now.Active() || now.Name == c.Name {
			continue
		}
		seen[c.Belfiore] = true
		out = append(out, c)
	}
	return out
}

func (g *generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

func (g *generator) newID() string {
	g.nextID++
	return "P" + pad(g.nextID, 7)
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// birth returns a birth date for someone aged between minAge and maxAge
// (inclusive) on the reference date.
func (g *generator) birth(minAge, maxAge int) codes.Date {
	latest := g.on.AddMonths(-12 * minAge).AddDays(-1)
	earliest := g.on.AddMonths(-12 * (maxAge + 1)).AddDays(1)
	return latest.AddDays(-g.r.IntN(daysBetween(earliest, latest) + 1))
}

// household generates the next household (or a single person) and returns
// its members, head first, in ascending ID order.
func (g *generator) household() []*anagrafe.Person {
	left := g.opts.Persons - g.stats.Persons
	g.nextFam++
	fam := "F" + pad(g.nextFam, 6)
	g.stats.Households++
	addr := g.address()
	var members []*anagrafe.Person
	if g.chance(0.08) {
		members = g.italianHousehold(fam, addr, left)
	} else {
		members = g.foreignHousehold(fam, addr, left)
	}
	if !g.opts.Contiguous {
		g.scatterIDs(members)
	}
	for _, p := range members {
		g.finish(p)
	}
	g.countCases(members)
	return members
}

// scatterIDs replaces the provisional consecutive IDs of a household's
// members by their registration numbers (see layout.go), head first, and
// the filiation links with them.
func (g *generator) scatterIDs(members []*anagrafe.Person) {
	nums := make([]int, len(members))
	old := make(map[string]string, len(members))
	for i, p := range members {
		seq, _ := strconv.Atoi(p.ID[1:])
		nums[i] = g.scatter.at(seq - 1)
	}
	slices.Sort(nums)
	for i, p := range members {
		id := "P" + pad(nums[i]+1, 7)
		old[p.ID] = id
		p.ID = id
	}
	for _, p := range members {
		if id, ok := old[p.FatherID]; ok {
			p.FatherID = id
		}
		if id, ok := old[p.MotherID]; ok {
			p.MotherID = id
		}
	}
}

func (g *generator) address() anagrafe.Address {
	s := streets[g.r.IntN(len(streets))]
	a := anagrafe.Address{
		Comune: g.comune.Belfiore, Province: g.comune.Province, Specie: s.specie, Street: s.name,
		Number: strconv.Itoa(1 + g.r.IntN(180)), CAP: "501" + pad(21+g.r.IntN(25), 2),
	}
	if g.chance(0.15) {
		a.Exponent = string(rune('A' + g.r.IntN(4)))
	}
	if g.chance(0.3) {
		a.Interior = strconv.Itoa(1 + g.r.IntN(20))
	}
	if g.chance(0.1) {
		a.Staircase = string(rune('A' + g.r.IntN(3)))
	}
	return a
}

func (g *generator) pickOrigin() int {
	n := g.r.IntN(g.weights)
	for i, o := range origins {
		if n < o.weight {
			return i
		}
		n -= o.weight
	}
	return 0
}

// person fills the fields common to everyone.
func (g *generator) person(o *origin, fam string, addr anagrafe.Address, sex eli2.Sesso, birth codes.Date) *anagrafe.Person {
	p := &anagrafe.Person{ID: g.newID(), FamilyID: fam, Address: addr, Sex: sex, BirthDate: eli2.DateFrom(birth)}
	if sex == eli2.Maschio {
		p.Name = g.pick(o.male)
	} else {
		p.Name = g.pick(o.female)
	}
	p.Surname = g.pick(o.surnames)
	return p
}

func (g *generator) italianHousehold(fam string, addr anagrafe.Address, left int) []*anagrafe.Person {
	n := min(1+g.r.IntN(3), left)
	var out []*anagrafe.Person
	surname := g.pick(italian.surnames)
	for i := range n {
		sex := eli2.Maschio
		if i == 1 || (n == 1 && g.chance(0.4)) {
			sex = eli2.Femmina
		}
		var birth codes.Date
		place := g.comune.Belfiore
		if i == 0 && len(g.renamed) > 0 && g.chance(0.3) {
			// An elderly resident born in a comune that has since been
			// renamed (Girgenti, now Agrigento): the tax code carries the
			// Belfiore code, the register the code as it was.
			c := g.renamed[g.r.IntN(len(g.renamed))]
			from := max(c.From, 19200101)
			to := min(c.To, g.on.AddDays(-70*365))
			if to > from {
				birth = from.AddDays(g.r.IntN(daysBetween(from, to)))
				place = c.Belfiore
			}
		}
		if birth == 0 {
			switch i {
			case 0, 1:
				birth = g.birth(25, 85)
			default:
				// Born when both parents were at least 18.
				young := min(codes.YearsBetween(mustDate(out[0].BirthDate), g.on), codes.YearsBetween(mustDate(out[1].BirthDate), g.on))
				birth = g.birth(0, max(0, min(20, young-19)))
			}
		}
		p := g.person(&italian, fam, addr, sex, birth)
		if i > 0 {
			p.Surname = surname
		} else {
			surname = p.Surname
		}
		p.BirthComune = place
		p.Citizenships = []string{"100"}
		switch i {
		case 0:
			p.Relation = anagrafe.RelHead
			p.MaritalStatus = "1"
			if n > 1 {
				p.MaritalStatus = "2"
			}
		case 1:
			p.Relation = anagrafe.RelSpouse
			p.MaritalStatus = "2"
		default:
			p.Relation = anagrafe.RelChild
			p.MaritalStatus = "1"
			p.FatherID, p.MotherID = out[0].ID, out[1].ID
		}
		p.Documents = []anagrafe.IdentityDocument{{Kind: anagrafe.IdentityCard, Number: "CA" + pad(g.r.IntN(1e7), 7),
			IssueDate: g.on.AddDays(-g.r.IntN(3000)), Authority: "Comune di Firenze"}}
		p.Documents[0].ExpiryDate = p.Documents[0].IssueDate.AddDays(3650)
		p.CodiceFiscale = g.taxCode(p, place)
		out = append(out, p)
	}
	return out
}

func daysBetween(a, b codes.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

func (g *generator) foreignHousehold(fam string, addr anagrafe.Address, left int) []*anagrafe.Person {
	oi := g.pickOrigin()
	o := &origins[oi]
	cit := g.cittadin[oi][g.r.IntN(len(g.cittadin[oi]))]
	if g.chance(0.06) {
		// Residents from anywhere in the states table (names from a
		// random pool): the register holds citizens of many countries.
		cit = g.extra[g.r.IntN(len(g.extra))]
	}
	kind := g.r.IntN(100)
	adults, kids := 1, 0
	switch {
	case kind < 30:
	case kind < 50:
		adults = 2
	default:
		adults = 1 + min(1, g.r.IntN(5)) // mostly couples, some single parents
		kids = 1 + g.r.IntN(3)
	}
	for adults+kids > left {
		if kids > 0 {
			kids--
		} else {
			adults--
		}
	}
	filiation := g.chance(0.7)
	var out []*anagrafe.Person
	// The head is the man in a couple, either in a single-parent household.
	for i := range adults {
		sex := eli2.Maschio
		if i == 1 || (adults == 1 && g.chance(0.45)) {
			sex = eli2.Femmina
		}
		minAge := 18
		if kids > 0 {
			minAge = 30
		}
		p := g.person(o, fam, addr, sex, g.birth(minAge, 64))
		if i == 1 {
			p.Surname = g.pick(o.surnames)
		}
		g.foreignBirth(p, o, cit)
		p.Citizenships = []string{cit.istat}
		if g.chance(0.03) {
			p.Citizenships = append(p.Citizenships, g.extra[g.r.IntN(len(g.extra))].istat)
		}
		if i == 0 {
			p.Relation = anagrafe.RelHead
		} else {
			p.Relation = anagrafe.RelSpouse
		}
		switch {
		case adults == 2:
			p.MaritalStatus = "2"
		case kids > 0:
			p.MaritalStatus = g.pick([]string{"1", "3", "4"})
		default:
			p.MaritalStatus = g.pick([]string{"1", "1", "1", "2", "4"})
		}
		g.permit(p, 0)
		out = append(out, p)
	}
	if len(out) == 0 {
		return out
	}
	var father, mother *anagrafe.Person
	for _, a := range out {
		if a.Sex == eli2.Maschio && father == nil {
			father = a
		} else if a.Sex == eli2.Femmina && mother == nil {
			mother = a
		}
	}
	for range kids {
		sex := eli2.Sesso("M")
		if g.chance(0.5) {
			sex = eli2.Femmina
		}
		p := g.person(o, fam, addr, sex, g.birth(0, 17))
		if father != nil {
			p.Surname = father.Surname
		} else {
			p.Surname = out[0].Surname
		}
		p.Relation = anagrafe.RelChild
		p.MaritalStatus = "1"
		if filiation {
			if father != nil {
				p.FatherID = father.ID
			}
			if mother != nil {
				p.MotherID = mother.ID
			}
		}
		p.Citizenships = []string{cit.istat}
		age := codes.YearsBetween(mustDate(p.BirthDate), g.on)
		if age < 10 && g.chance(0.6) {
			// Born in Italy.
			p.BirthComune = g.comune.Belfiore
			p.CodiceFiscale = g.taxCode(p, g.comune.Belfiore)
		} else {
			g.foreignBirth(p, o, cit)
		}
		if age >= 14 {
			g.permit(p, kitFamigliaMin)
		} else {
			g.passport(p)
		}
		out = append(out, p)
	}
	return g.injectCase(out, o, cit, left)
}

func mustDate(p eli2.PartialDate) codes.Date {
	d, _ := p.Date()
	if d == 0 {
		d = p.Earliest()
	}
	return d
}

// foreignBirth sets the birth place abroad and the tax code: births in
// Yugoslavia before 1991 and in the Soviet Union are coded with the
// dissolved state's Z-code, while the register holds today's state.
func (g *generator) foreignBirth(p *anagrafe.Person, o *origin, cit state) {
	birth := mustDate(p.BirthDate)
	p.BirthState = cit.istat
	p.BirthLocality = g.pick(o.towns)
	code := cit.belfiore
	switch {
	case len(g.yugo) > 0 && (cit.istat == "252" || cit.istat == "271") && birth < 19910625:
		p.BirthState = g.yugo[g.r.IntN(len(g.yugo))]
		code = g.z118
	case g.z135 != "" && (cit.istat == "243" || cit.istat == "254") && birth < 19911226:
		code = g.z135
	}
	// A few registers know only the year (or year and month) of birth.
	if g.chance(0.01) {
		if g.chance(0.5) {
			p.BirthDate = eli2.PartialDate{Year: birth.Year()}
		} else {
			p.BirthDate = eli2.PartialDate{Year: birth.Year(), Month: birth.Month()}
		}
	}
	p.CodiceFiscale = g.taxCode(p, code)
}

// taxCode computes p's codice fiscale with the birthplace code place.
// A few are omocodic variants, a few provisional 11-digit codes.
func (g *generator) taxCode(p *anagrafe.Person, place string) string {
	if g.chance(0.005) {
		return provisional(g.r)
	}
	c, err := cf.Compute(cf.Person{Surname: p.Surname, Name: p.Name, Sex: p.Sex[0], Birth: p.BirthDate.Earliest(), PlaceCode: place})
	if err != nil {
		// Every pool name transliterates (see the tests); should one not,
		// the person simply has no tax code recorded.
		return ""
	}
	if g.chance(0.005) {
		vs := cf.Variants(c)
		if len(vs) > 0 {
			c = vs[0]
			if g.chance(0.2) {
				c = vs[g.r.IntN(len(vs))]
			}
		}
	}
	return c.String()
}

// provisional returns an 11-digit provisional tax code with its check
// digit (the algorithm of the partita IVA).
func provisional(r *rand.Rand) string {
	var b [11]byte
	b[0] = '9' // provisional codes issued by the tax agency in this demo
	for i := 1; i < 10; i++ {
		b[i] = byte('0' + r.IntN(10))
	}
	sum := 0
	for i := range 10 {
		d := int(b[i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	b[10] = byte('0' + (10-sum%10)%10)
	return string(b[:])
}

// permit gives p a permit (kit 0 = pick one) and a passport.
func (g *generator) permit(p *anagrafe.Person, kit int) {
	if kit == 0 {
		if g.chance(0.15) {
			kit = kitCarta // carta di soggiorno: no expiry
		} else {
			kit = g.kits[g.r.IntN(len(g.kits))]
		}
	}
	pm := &anagrafe.Permit{Type: "1", Number: "I" + pad(g.r.IntN(1e8), 8), Questura: g.comune.Province}
	g.setKit(pm, kit)
	if g.chance(0.05) {
		pm.Questura = g.pick(g.quest)
	}
	if k, ok := g.t.Kit(kit); ok && k.Titolo == "CARTA" {
		pm.Type = "2"
		pm.IssueDate = g.on.AddDays(-30 - g.r.IntN(3000))
	} else {
		// Expiry spread around the reference date: most in the future, some
		// within 60 days, some recently expired, some expired more than six
		// months ago.
		var exp codes.Date
		switch n := g.r.IntN(100); {
		case n < 12:
			exp = g.on.AddDays(g.r.IntN(61))
		case n < 22:
			exp = g.on.AddDays(-1 - g.r.IntN(180))
		case n < 30:
			exp = g.on.AddMonths(-6).AddDays(-2 - g.r.IntN(540))
		default:
			exp = g.on.AddDays(61 + g.r.IntN(670))
		}
		pm.ExpiryDate = exp
		years := 1 + g.r.IntN(2)
		pm.IssueDate = exp.AddMonths(-12 * years).AddDays(g.r.IntN(20))
		if pm.IssueDate > g.on {
			pm.IssueDate = g.on.AddDays(-1)
		}
		if exp < g.on && g.chance(0.2) {
			pm.Type = g.pick([]string{"5", "6"}) // receipt or renewal in progress
		}
	}
	if g.chance(0.6) {
		pm.RenewedOn = pm.IssueDate
	}
	p.Permit = pm
	switch {
	case pm.RenewedOn != 0 && g.chance(0.9):
		p.ResidenceDeclaredOn = pm.RenewedOn.AddDays(g.r.IntN(50))
		if p.ResidenceDeclaredOn > g.on {
			p.ResidenceDeclaredOn = g.on
		}
	case pm.RenewedOn != 0:
		p.ResidenceDeclaredOn = pm.RenewedOn.AddDays(-400)
	}
	g.passport(p)
}

func (g *generator) passport(p *anagrafe.Person) {
	issue := g.on.AddDays(-30 - g.r.IntN(3000))
	issuer := ""
	if len(p.Citizenships) > 0 {
		issuer = p.Citizenships[0]
	}
	p.Documents = append(p.Documents, anagrafe.IdentityDocument{
		Kind: anagrafe.Passport, Number: string(rune('A'+g.r.IntN(26))) + pad(g.r.IntN(1e8), 8),
		IssueDate: issue, ExpiryDate: issue.AddMonths(120), Authority: "Ministero degli Esteri", IssuingState: issuer,
	})
}

// finish adds contacts, socio-professional codes and the update time, and
// applies a defect to some permit holders.
func (g *generator) finish(p *anagrafe.Person) {
	age := codes.YearsBetween(mustDate(p.BirthDate), g.on)
	if age >= 18 {
		if g.chance(0.7) {
			p.Phone = "+39 3" + pad(g.r.IntN(100), 2) + " " + pad(g.r.IntN(1e7), 7)
		}
		if g.chance(0.4) {
			p.Email = "residente" + p.ID[1:] + "@example.org"
		}
		p.Education = g.pick(g.educ)
		if g.chance(0.75) {
			p.Occupation = g.pick(g.occ)
		} else {
			p.NonProfessional = g.pick(g.nonProf)
		}
	} else {
		g.stats.Minors++
	}
	p.UpdatedAt = g.on.Time().Add(-time.Duration(g.r.IntN(730*24)) * time.Hour).Add(time.Duration(g.r.IntN(3600)) * time.Second)
	if p.Permit != nil && age >= 18 && g.opts.DefectRate > 0 && g.chance(g.opts.DefectRate) {
		g.defect(p)
	}
	if p.Permit != nil {
		g.stats.PermitHolders++
	}
	g.stats.Persons++
}

func (g *generator) defect(p *anagrafe.Person) {
	kind := DefectKinds[g.r.IntN(len(DefectKinds))]
	switch kind {
	case DefectCFChecksum:
		if len(p.CodiceFiscale) != 16 {
			kind = DefectCAP
			p.Address.CAP = p.Address.CAP[:4]
			break
		}
		b := []byte(p.CodiceFiscale)
		b[15] = 'A' + (b[15]-'A'+1)%26
		p.CodiceFiscale = string(b)
	case DefectProvince:
		p.Address.Province = "PO"
	case DefectPassportExpired:
		for i := range p.Documents {
			p.Documents[i].IssueDate = g.on.AddMonths(-121)
			p.Documents[i].ExpiryDate = g.on.AddDays(-1 - g.r.IntN(300))
		}
	case DefectMissingPermit:
		p.Permit = nil
	case DefectCAP:
		p.Address.CAP = p.Address.CAP[:4]
	case DefectUnknownKit:
		p.Permit.Kit = 99
	}
	g.stats.Defects[kind]++
	if len(g.stats.Defective) < 1000 {
		g.stats.Defective = append(g.stats.Defective, p.ID)
	}
}
