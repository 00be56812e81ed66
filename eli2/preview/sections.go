package preview

import (
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// headerView shows the file header (Intestazione) and the file's problems;
// h may be nil.
func headerView(h *eli2.Intestazione, problems eli2.Problems, opts Options, names namer, on codes.Date) sectionView {
	b := newBuilder(Item{Pratica: &eli2.Pratica{}, Problems: problems}, opts, names, on)
	s := sectionView{Title: b.t(lFileHeader)}
	if h != nil {
		comune := strings.TrimSpace(h.ComuneBelfiore + " " + h.ComuneIstat)
		name, _ := names.comune(h.ComuneBelfiore, on)
		created := ""
		if !h.DataCreazione.IsZero() {
			created = h.DataCreazione.Format("2006-01-02 15:04 -07:00")
		}
		s.Fields = []fieldView{
			b.field(lComune, "Intestazione.ComuneBelfiore", comune, name, "Intestazione.ComuneIstat"),
			b.field(lSportello, "Intestazione.Sportello", h.Sportello, ""),
			b.field(lOperatore, "Intestazione.Operatore", h.Operatore, ""),
			b.field(lCreazione, "Intestazione.DataCreazione", created, ""),
			b.field(lSoftware, "Intestazione.Software", strings.TrimSpace(h.Software+" "+h.VersioneSoftware), "",
				"Intestazione.VersioneSoftware"),
			b.field(lNumPratiche, "Intestazione.NumeroPratiche", strconv.Itoa(h.NumeroPratiche), ""),
		}
	}
	s.Problems = b.rest()
	return s
}

// fileProblemsView lists problems of the file found after its applications
// (such as a wrong count).
func fileProblemsView(problems eli2.Problems, opts Options, names namer) sectionView {
	b := newBuilder(Item{Pratica: &eli2.Pratica{}, Problems: problems}, opts, names, 0)
	return sectionView{Title: b.t(lFileProbs), Problems: b.rest()}
}

// appOf builds the view of the i-th application.
func appOf(i int, it Item, opts Options, names namer, on codes.Date) appView {
	p := it.Pratica
	b := newBuilder(it, opts, names, on)
	a := appView{
		Anchor:      "pratica-" + strconv.Itoa(i+1),
		OtherTitle:  b.t(lOtherProbs),
		NoneLabel:   b.t(lNone),
		ErrorText:   b.t(lError),
		WarningText: b.t(lWarning),
	}
	id := strings.TrimSpace(p.ID)
	if id == "" {
		id = b.t(lNoID)
	}
	a.Heading = b.t(lPratica) + " " + id
	a.IDProblems = b.take("ID")
	for _, pr := range it.Problems {
		if pr.Severity == eli2.SeverityWarning {
			a.Warnings++
		} else {
			a.Errors++
		}
	}
	switch {
	case a.Errors == 0 && a.Warnings == 0:
		a.Summary, a.Clean = b.t(lNoProblems), true
	default:
		a.Summary = countText(a.Errors, false, b.lang) + " · " + countText(a.Warnings, true, b.lang)
	}
	// The whole application ("" or "Pratica") is not a field: those problems
	// stay for the top list.
	a.Sections = []sectionView{
		b.richiesta(p),
		b.titolo(p.TitoloPosseduto),
		b.richiedente(&p.Richiedente),
		b.nascita("Richiedente.LuogoNascita", p.Richiedente.LuogoNascita, p.Richiedente.DataNascita),
		b.cittadinanza(&p.Richiedente),
		b.domicilio(&p.Domicilio),
		b.recapiti(p.Recapiti),
		b.documento(p.Documento),
		b.visto(p.Visto),
		b.familiari(p.Familiari),
		b.genitore(p.GenitoreTutore),
		b.istanza(&p.Istanza),
		b.socio(p.DatiSocioProfessionali),
	}
	a.Unmatched = b.rest()
	a.Fees = feesOf(it.Fees, b.lang)
	return a
}

func (b *builder) richiesta(p *eli2.Pratica) sectionView {
	r := p.Richiesta
	s := b.section(lSecRichiesta, "Richiesta")
	qName, _ := b.names.province(p.Questura)
	kit := func(code int) string {
		if code == 0 {
			return ""
		}
		n, _ := b.names.kit(code)
		return n
	}
	foto := ""
	if r.AggiornamentoFoto != nil {
		foto = b.t(lNo)
		if *r.AggiornamentoFoto {
			foto = b.t(lYes)
		}
	}
	s.Fields = []fieldView{
		b.field(lQuestura, "Questura", p.Questura, qName),
		b.field(lTipoRich, "Richiesta.TipoRichiesta", string(r.TipoRichiesta), b.enum(string(r.TipoRichiesta))),
		b.field(lTipoTitolo, "Richiesta.TipoTitolo", string(r.TipoTitolo), b.enum(string(r.TipoTitolo))),
		b.field(lTipologia, "Richiesta.Tipologia", itoa0(r.Tipologia), kit(r.Tipologia)),
		b.field(lTipologiaRic, "Richiesta.TipologiaRichiesta", itoa0(r.TipologiaRichiesta), kit(r.TipologiaRichiesta)),
		b.field(lDurata, "Richiesta.DurataMesi", itoa0(r.DurataMesi), ""),
		b.field(lAggFoto, "Richiesta.AggiornamentoFoto", foto, ""),
	}
	return s
}

func (b *builder) titolo(t *eli2.TitoloPosseduto) sectionView {
	s := b.section(lSecTitolo, "TitoloPosseduto")
	if t == nil {
		b.absent(&s)
		return s
	}
	tipo, _ := b.names.decode(codes.TipoSoggiorno, t.Tipo)
	qName, _ := b.names.province(t.QuesturaRilascio)
	s.Fields = []fieldView{
		b.field(lTipoSogg, "TitoloPosseduto.Tipo", t.Tipo, tipo),
		b.field(lNumero, "TitoloPosseduto.Numero", t.Numero, ""),
		b.field(lMotivo, "TitoloPosseduto.Motivo", t.Motivo, ""),
		b.field(lDataRilascio, "TitoloPosseduto.DataRilascio", b.date(t.DataRilascio), ""),
		b.field(lDataScadenza, "TitoloPosseduto.DataScadenza", b.date(t.DataScadenza), ""),
		b.field(lQuesturaRil, "TitoloPosseduto.QuesturaRilascio", t.QuesturaRilascio, qName),
	}
	return s
}

func (b *builder) richiedente(r *eli2.Richiedente) sectionView {
	s := b.section(lSecRich, "Richiedente")
	s.Fields = []fieldView{
		b.field(lCognome, "Richiedente.Cognome", r.Cognome, ""),
		b.field(lNome, "Richiedente.Nome", r.Nome, ""),
		b.field(lCF, "Richiedente.CodiceFiscale", b.cf(r.CodiceFiscale), ""),
		b.field(lSesso, "Richiedente.Sesso", string(r.Sesso), b.enum(string(r.Sesso))),
		b.field(lDataNascita, "Richiedente.DataNascita", b.pdate(r.DataNascita), ""),
	}
	s.Fields[0].Wide, s.Fields[1].Wide = true, true
	return s
}

// birthOn is the date a birth place is looked up on: the birth date, or
// its first possible day when partial.
func birthOn(d eli2.PartialDate) codes.Date { return d.Earliest() }

func (b *builder) nascita(path string, l eli2.LuogoNascita, born eli2.PartialDate) sectionView {
	s := b.section(lSecNascita, path)
	on := birthOn(born)
	cName, _ := b.names.comune(l.Comune, on)
	sName, _ := b.names.state(l.StatoEstero, on, b.lang)
	s.Fields = []fieldView{
		b.field(lComuneNascita, path+".Comune", l.Comune, cName),
		b.field(lStatoNascita, path+".StatoEstero", l.StatoEstero, sName),
		b.field(lLocalita, path+".Localita", l.Localita, ""),
	}
	return s
}

func (b *builder) cittadinanza(r *eli2.Richiedente) sectionView {
	s := b.section(lSecCittad, "")
	cit, _ := b.names.state(r.Cittadinanza, b.on, b.lang)
	sc, _ := b.names.decode(codes.StatoCivile, r.StatoCivile)
	s.Fields = []fieldView{
		b.field(lCittadinanza, "Richiedente.Cittadinanza", r.Cittadinanza, cit),
		b.field(lStatoCivile, "Richiedente.StatoCivile", r.StatoCivile, sc),
	}
	return s
}

func (b *builder) domicilio(d *eli2.Domicilio) sectionView {
	s := b.section(lSecDomicilio, "Domicilio", "Domicilio.Toponimo")
	cName, _ := b.names.comune(d.Comune, b.on)
	pName, _ := b.names.province(d.Provincia)
	s.Fields = []fieldView{
		b.field(lSpecie, "Domicilio.Toponimo.Specie", d.Toponimo.Specie, ""),
		b.field(lToponimo, "Domicilio.Toponimo.Denominazione", d.Toponimo.Denominazione, ""),
		b.field(lCivico, "Domicilio.NumeroCivico", d.NumeroCivico, ""),
		b.field(lEsponente, "Domicilio.Esponente", d.Esponente, ""),
		b.field(lScala, "Domicilio.Scala", d.Scala, ""),
		b.field(lInterno, "Domicilio.Interno", d.Interno, ""),
		b.field(lCAP, "Domicilio.CAP", d.CAP, ""),
		b.field(lComune, "Domicilio.Comune", d.Comune, cName),
		b.field(lProvincia, "Domicilio.Provincia", d.Provincia, pName),
		b.field(lPresso, "Domicilio.Presso", d.Presso, ""),
	}
	s.Fields[1].Wide, s.Fields[9].Wide = true, true
	return s
}

func (b *builder) recapiti(r *eli2.Recapiti) sectionView {
	s := b.section(lSecRecapiti, "Recapiti")
	if r == nil {
		b.absent(&s)
		return s
	}
	s.Fields = []fieldView{
		b.field(lTelefono, "Recapiti.Telefono", r.Telefono, ""),
		b.field(lEmail, "Recapiti.Email", r.Email, ""),
	}
	s.Fields[1].Wide = true
	return s
}

func (b *builder) documento(d *eli2.Documento) sectionView {
	s := b.section(lSecDocumento, "Documento")
	if d == nil {
		b.absent(&s)
		return s
	}
	st, _ := b.names.state(d.StatoRilascio, d.DataRilascio, b.lang)
	s.Fields = []fieldView{
		b.field(lTipoDoc, "Documento.Tipo", string(d.Tipo), b.enum(string(d.Tipo))),
		b.field(lNumero, "Documento.Numero", d.Numero, ""),
		b.field(lDataRilascio, "Documento.DataRilascio", b.date(d.DataRilascio), ""),
		b.field(lDataScadenza, "Documento.DataScadenza", b.date(d.DataScadenza), ""),
		b.field(lAutorita, "Documento.AutoritaRilascio", d.AutoritaRilascio, ""),
		b.field(lStatoRil, "Documento.StatoRilascio", d.StatoRilascio, st),
	}
	return s
}

func (b *builder) visto(v *eli2.Visto) sectionView {
	s := b.section(lSecVisto, "Visto")
	if v == nil {
		b.absent(&s)
		return s
	}
	s.Fields = []fieldView{
		b.field(lTipoVisto, "Visto.Tipo", v.Tipo, ""),
		b.field(lNumero, "Visto.Numero", v.Numero, ""),
		b.field(lDataRilascio, "Visto.DataRilascio", b.date(v.DataRilascio), ""),
	}
	return s
}

// familiari lists the children first (Modulo 1's children section), then
// the other family members; each row keeps its record index in its paths.
func (b *builder) familiari(fs []eli2.Familiare) sectionView {
	s := b.section(lSecFamiliari, "Familiari")
	if len(fs) == 0 {
		s.Note = b.t(lNone)
		return s
	}
	cols := []string{b.t(lRelazione), b.t(lCF), b.t(lCognome), b.t(lNome), b.t(lSesso),
		b.t(lDataNascita), b.t(lLuogoNascita), b.t(lCittadinanza)}
	children := tableView{Caption: b.t(lFigli), Columns: cols}
	others := tableView{Caption: b.t(lAltriFam), Columns: cols}
	for i := range fs {
		f := &fs[i]
		row := b.familiare("Familiari["+strconv.Itoa(i)+"]", f)
		if f.Relazione == eli2.Figlio {
			children.Rows = append(children.Rows, row)
		} else {
			others.Rows = append(others.Rows, row)
		}
	}
	for _, t := range []tableView{children, others} {
		if len(t.Rows) > 0 {
			s.Tables = append(s.Tables, t)
		}
	}
	return s
}

func (b *builder) familiare(path string, f *eli2.Familiare) rowView {
	r := rowView{Path: path, Problems: b.take(path)}
	lp := path + ".LuogoNascita"
	on := birthOn(f.DataNascita)
	place := ""
	name := ""
	switch {
	case f.LuogoNascita.Comune != "":
		place = f.LuogoNascita.Comune
		name, _ = b.names.comune(f.LuogoNascita.Comune, on)
	case f.LuogoNascita.StatoEstero != "":
		place = f.LuogoNascita.StatoEstero
		name, _ = b.names.state(f.LuogoNascita.StatoEstero, on, b.lang)
	}
	if loc := strings.TrimSpace(f.LuogoNascita.Localita); loc != "" {
		name = strings.TrimSpace(strings.TrimSuffix(loc+" · "+name, " · "))
	}
	cit, _ := b.names.state(f.Cittadinanza, b.on, b.lang)
	r.Cells = []fieldView{
		b.field(lRelazione, path+".Relazione", string(f.Relazione), b.enum(string(f.Relazione))),
		b.field(lCF, path+".CodiceFiscale", b.cf(f.CodiceFiscale), ""),
		b.field(lCognome, path+".Cognome", f.Cognome, ""),
		b.field(lNome, path+".Nome", f.Nome, ""),
		b.field(lSesso, path+".Sesso", string(f.Sesso), ""),
		b.field(lDataNascita, path+".DataNascita", b.pdate(f.DataNascita), ""),
		b.field(lLuogoNascita, lp, place, name, lp+".Comune", lp+".StatoEstero", lp+".Localita"),
		b.field(lCittadinanza, path+".Cittadinanza", f.Cittadinanza, cit),
	}
	return r
}

func (b *builder) genitore(g *eli2.GenitoreTutore) sectionView {
	s := b.section(lSecGenitore, "GenitoreTutore")
	if g == nil {
		b.absent(&s)
		return s
	}
	s.Fields = []fieldView{
		b.field(lRuolo, "GenitoreTutore.Ruolo", string(g.Ruolo), b.enum(string(g.Ruolo))),
		b.field(lCF, "GenitoreTutore.CodiceFiscale", b.cf(g.CodiceFiscale), ""),
		b.field(lCognome, "GenitoreTutore.Cognome", g.Cognome, ""),
		b.field(lNome, "GenitoreTutore.Nome", g.Nome, ""),
	}
	return s
}

func (b *builder) istanza(is *eli2.Istanza) sectionView {
	s := b.section(lSecIstanza, "Istanza")
	mods := make([]string, len(is.Moduli))
	for i, m := range is.Moduli {
		mods[i] = strconv.Itoa(m)
	}
	s.Fields = []fieldView{
		b.field(lModuli, "Istanza.Moduli", strings.Join(mods, ", "), ""),
		b.field(lFogli, "Istanza.FogliTotali", itoa0(is.FogliTotali), ""),
	}
	return s
}

func (b *builder) socio(d *eli2.DatiSocioProfessionali) sectionView {
	s := b.section(lSecSocio, "DatiSocioProfessionali")
	if d == nil {
		b.absent(&s)
		return s
	}
	ts, _ := b.names.decode(codes.TitoloStudio, d.TitoloStudio)
	pp, _ := b.names.decode(codes.PosizioneProfessione, d.PosizioneProfessione)
	cn, _ := b.names.decode(codes.CondizioneNonProfessionale, d.CondizioneNonProfessionale)
	s.Fields = []fieldView{
		b.field(lTitoloStudio, "DatiSocioProfessionali.TitoloStudio", d.TitoloStudio, ts),
		b.field(lPosizione, "DatiSocioProfessionali.PosizioneProfessione", d.PosizioneProfessione, pp),
		b.field(lCondizione, "DatiSocioProfessionali.CondizioneNonProfessionale", d.CondizioneNonProfessionale, cn),
	}
	return s
}
