package codes

import (
	"fmt"
	"io"
	"slices"

	"github.com/retecomuni/eli2sdk/codes/internal/source"
)

// Sources are official files to build Tables from at run time. Every field
// is optional: a nil reader keeps the corresponding embedded table.
type Sources struct {
	Comuni          io.Reader // ANPR_archivio_comuni.csv
	States          io.Reader // ANPR stati_esteri.csv (dates dd/mm/yyyy)
	DissolvedStates io.Reader // stati_esteri_cessati.csv format
	// ExtraStates is an additional table in the cessati format (CODAT,
	// DENOMINAZIONE, DATAINIZIOVALIDITA, DATAFINEVALIDITA,
	// SUCCESSORI_CODISTAT, NOTE; optional CODISTAT, CODISO3166_1_ALPHA3),
	// for the Z-codes ANPR's table lacks. Where a Z-code is in several
	// tables, ANPR's row wins, then the cessati table's.
	ExtraStates io.Reader
	Provinces   io.Reader           // ISTAT province.csv
	Kit         io.Reader           // the 2006 (first) kit edition, tipologie_permesso.csv
	Decoding    map[Table]io.Reader // ANPR decoding tables (ID,DESCRIZIONE,NOTE)

	// KitEditions replace kit editions or add newer ones (see
	// KitEditionSource). Durations and successors are applied to every
	// edition again.
	KitEditions []KitEditionSource
	// KitDurations replaces codes/data/kit_durate.csv (CODICE, EDIZIONE,
	// MESI as months or NESSUNA, OPERAZIONI, FONTE).
	KitDurations io.Reader
	// KitSuccessors replaces codes/data/kit_successori.csv (CODICE_<old
	// edition>, CODICE_<new edition>, FONTE).
	KitSuccessors io.Reader
	// FreeMovement replaces codes/data/libera_circolazione.csv (ISO3, NOME,
	// AMBITO, DAL, AL, FONTE); ISO3 codes are mapped to ISTAT codes through
	// the states table, and a code it lacks is reported and dropped.
	FreeMovement io.Reader
	// StateAliases replaces anpr/stati_esteri_alias.csv (ALIAS, CODISTAT,
	// NOTA), the common and former names FindStates also matches.
	StateAliases io.Reader
	// Fees replaces kit/importi.csv (VOCE, IMPORTO_EUR, SI_APPLICA_A,
	// VALIDO_DAL, FONTE); FeeExemptions replaces kit/importi_esenzioni.csv
	// (ESENZIONE, VOCI, FONTE).
	Fees, FeeExemptions io.Reader
}

// KitEditionSource is a kit table given to Load. With the Name of an
// existing edition ("2006", "2024") it replaces that edition's rows (when
// Rows is not nil) and its start date and source (when not zero). With a
// new Name it adds an edition, in force from From (required, distinct from
// the other editions' dates). Rows are in either layout: the 2006 one
// (OPERAZIONE column) or the 2024 one (RILASCIO, RINNOVO, CONVERSIONE,
// AGGIORNAMENTO, DUPLICATO columns, SI or empty).
type KitEditionSource struct {
	Name   string
	From   Date
	Source string
	Rows   io.Reader
}

// Load builds new Tables from src, taking the embedded table for every nil
// reader. It never modifies Default(). Irregular rows do not make it fail
// (see Tables.Issues); a file that is not CSV or lacks a required column
// does.
func Load(src Sources) (*Tables, error) {
	def := Default()
	var in source.Inputs
	var issues []source.Issue
	keep := map[string]bool{} // files whose embedded issues still apply
	collect := func(iss []source.Issue, err error) error {
		issues = append(issues, iss...)
		return err
	}

	if src.Comuni != nil {
		rows, iss, err := source.ReadComuni(src.Comuni)
		if err := collect(iss, err); err != nil {
			return nil, err
		}
		in.Comuni = rows
	} else {
		keep[source.ComuniFile] = true
	}

	statesGiven := src.States != nil || src.DissolvedStates != nil || src.ExtraStates != nil
	if statesGiven {
		parts := [...]struct {
			r      io.Reader
			origin uint8
			file   string
		}{
			{src.States, source.OriginANPR, source.StatesFile},
			{src.DissolvedStates, source.OriginDissolved, source.DissolvedStatesFile},
			{src.ExtraStates, source.OriginExtra, source.ExtraStatesFile},
		}
		for _, p := range parts {
			var rows []source.State
			var iss []source.Issue
			var err error
			switch {
			case p.r == nil:
				keep[p.file] = true
				for _, s := range def.states {
					if s.origin == p.origin {
						rows = append(rows, stateToRow(s))
					}
				}
			case p.origin == source.OriginANPR:
				rows, iss, err = source.ReadStates(p.r)
			default:
				rows, iss, err = source.ReadDissolvedStates(p.r, p.origin, p.file)
			}
			if err := collect(iss, err); err != nil {
				return nil, err
			}
			in.States = append(in.States, rows...)
		}
	} else {
		keep[source.StatesFile] = true
		keep[source.DissolvedStatesFile] = true
		keep[source.ExtraStatesFile] = true
	}

	if src.Provinces != nil {
		rows, iss, err := source.ReadProvinces(src.Provinces)
		if err := collect(iss, err); err != nil {
			return nil, err
		}
		in.Provinces = rows
	} else {
		keep[source.ProvincesFile] = true
	}
	kitGiven := src.Kit != nil || len(src.KitEditions) > 0 || src.KitDurations != nil || src.KitSuccessors != nil
	if kitGiven {
		iss, err := loadKit(&in, def, src)
		if err := collect(iss, err); err != nil {
			return nil, err
		}
		// Parse issues of the editions whose rows were not given still apply.
		for i, e := range def.kit {
			replaced := i == 0 && src.Kit != nil
			for _, g := range src.KitEditions {
				replaced = replaced || (g.Name == e.Name && g.Rows != nil)
			}
			keep[e.file] = !replaced
		}
	} else {
		for _, e := range def.kit {
			keep[e.file] = true
		}
		keep[source.KitDurationsFile] = true
		keep[source.KitSuccessorFile] = true
	}
	for tab := range Table(numTables) {
		r := src.Decoding[tab]
		if r == nil {
			keep[decodingFiles[tab]+".csv"] = true
			continue
		}
		rows, iss, err := source.ReadDecoding(r, decodingFiles[tab]+".csv")
		if err := collect(iss, err); err != nil {
			return nil, err
		}
		in.Decoding[tab] = rows
	}
	for tab := range src.Decoding {
		if tab < 0 || int(tab) >= numTables {
			return nil, fmt.Errorf("codes: Load: tabella di decodifica sconosciuta %d", int(tab))
		}
	}

	set, buildIssues := source.Build(in)
	t := fromSet(set)
	issues = append(issues, buildIssues...)

	// Tables not given keep the embedded ones (shared: they are immutable).
	if src.Comuni == nil {
		t.comuni, t.comuniByBelfiore, t.comuniByIstat, t.comuniByName =
			def.comuni, def.comuniByBelfiore, def.comuniByIstat, def.comuniByName
	}
	if !statesGiven {
		t.states, t.statesByIstat, t.statesByBelfiore, t.statesByISO3, t.statesByName =
			def.states, def.statesByIstat, def.statesByBelfiore, def.statesByISO3, def.statesByName
	}
	if src.Provinces == nil {
		t.provinces = def.provinces
	}
	if !kitGiven {
		t.kit, t.kitDurations, t.kitSuccessors = def.kit, def.kitDurations, def.kitSuccessors
	}
	for tab := range Table(numTables) {
		if src.Decoding[tab] == nil {
			t.decoding[tab] = def.decoding[tab]
		}
	}
	if src.FreeMovement != nil || statesGiven {
		var rows []source.FreeMovement
		if src.FreeMovement != nil {
			r, iss, err := source.ReadFreeMovement(src.FreeMovement)
			if err != nil {
				return nil, err
			}
			issues = append(issues, iss...)
			rows = r
		} else {
			rows = freeMovementToRows(def.freeMovement)
		}
		states := make([]source.State, len(t.states))
		for i, s := range t.states {
			states[i] = stateToRow(s)
		}
		mapped, missing := source.MapFreeMovement(rows, states)
		issues = append(issues, missing...)
		t.freeMovement = freeMovementFromRows(mapped)
	} else {
		t.freeMovement = def.freeMovement
	}
	t.stateAliases = def.stateAliases
	keep[source.StateAliasesFile] = src.StateAliases == nil && !statesGiven
	if src.StateAliases != nil {
		rows, iss, err := source.ReadStateAliases(src.StateAliases)
		if err := collect(iss, err); err != nil {
			return nil, err
		}
		t.stateAliases = rows
	}
	if src.StateAliases != nil || statesGiven {
		states := make([]source.State, len(t.states))
		for i, s := range t.states {
			states[i] = stateToRow(s)
		}
		issues = append(issues, source.CheckStateAliases(t.stateAliases, states)...)
	}
	t.fees, t.feeExemptions = def.fees, def.feeExemptions
	keep[source.FeesFile] = src.Fees == nil
	keep[source.FeeExemptionsFile] = src.FeeExemptions == nil
	if src.Fees != nil {
		rows, iss, err := source.ReadFees(src.Fees)
		if err := collect(iss, err); err != nil {
			return nil, err
		}
		t.fees = feesFromRows(rows)
	}
	if src.FeeExemptions != nil {
		rows, iss, err := source.ReadFeeExemptions(src.FeeExemptions)
		if err := collect(iss, err); err != nil {
			return nil, err
		}
		t.feeExemptions = feeExemptionsFromRows(rows)
	}
	var kept []Issue
	for _, i := range def.issues {
		// Issues spanning rows (Line 0) come from the index build: they are
		// recomputed for every table that was rebuilt.
		rebuilt := (i.File == source.ComuniFile && src.Comuni != nil) || (i.File == source.StatesFile && statesGiven)
		if keep[i.File] && !(i.Line == 0 && rebuilt) {
			kept = append(kept, i)
		}
	}
	for _, i := range issues {
		kept = append(kept, Issue(i))
	}
	t.issues = kept
	return t, nil
}

// loadKit fills in's kit inputs from src, taking the embedded editions,
// durations and successors that src does not replace.
func loadKit(in *source.Inputs, def *Tables, src Sources) ([]source.Issue, error) {
	var issues []source.Issue
	eds := make([]source.KitEdition, len(def.kit))
	rows := make([][]source.Kit, len(def.kit))
	for i, e := range def.kit {
		eds[i] = source.KitEdition{Name: e.Name, File: e.file, From: int32(e.From), Source: e.Source}
		for _, k := range e.rows {
			rows[i] = append(rows[i], kitToRow(k))
		}
	}
	given := src.KitEditions
	if src.Kit != nil {
		given = append([]KitEditionSource{{Name: def.kit[0].Name, Rows: src.Kit}}, given...)
	}
	for _, g := range given {
		i := slices.IndexFunc(eds, func(e source.KitEdition) bool { return e.Name == g.Name })
		if i < 0 {
			if g.Rows == nil || g.From == 0 {
				return nil, fmt.Errorf("codes: Load: nuova edizione del kit %q: servono le righe e la data di entrata in vigore", g.Name)
			}
			eds = append(eds, source.KitEdition{Name: g.Name, File: "tipologie_permesso_" + g.Name + ".csv"})
			rows = append(rows, nil)
			i = len(eds) - 1
		}
		if g.From != 0 {
			eds[i].From = int32(g.From)
		}
		if g.Source != "" {
			eds[i].Source = g.Source
		}
		if g.Rows != nil {
			r, iss, err := source.ReadKit(g.Rows, g.Name, eds[i].File)
			if err != nil {
				return nil, err
			}
			issues = append(issues, iss...)
			rows[i] = r
		}
	}
	for _, r := range rows {
		in.Kit = append(in.Kit, r...)
	}
	if err := source.CheckKitEditions(eds); err != nil {
		return nil, err
	}
	in.KitEditions = eds
	in.KitDurations, in.KitSuccessors = def.kitDurations, def.kitSuccessors
	if src.KitDurations != nil {
		d, iss, err := source.ReadKitDurations(src.KitDurations)
		if err != nil {
			return nil, err
		}
		issues = append(issues, iss...)
		in.KitDurations = d
	}
	if src.KitSuccessors != nil {
		s, iss, err := source.ReadKitSuccessors(src.KitSuccessors)
		if err != nil {
			return nil, err
		}
		issues = append(issues, iss...)
		in.KitSuccessors = s
	}
	return issues, nil
}

// fromSet converts the indexed source rows into Tables.
func fromSet(s *source.Set) *Tables {
	t := &Tables{
		comuniByBelfiore: s.ComuniByBelfiore,
		comuniByIstat:    s.ComuniByIstat,
		statesByIstat:    s.StatesByIstat,
		statesByBelfiore: s.StatesByBelfiore,
		statesByISO3:     s.StatesByISO3,
	}
	if len(s.Comuni) > 0 {
		t.comuni = make([]Comune, len(s.Comuni))
		for i, c := range s.Comuni {
			t.comuni[i] = Comune{
				ID: c.ID, Istat: c.Istat, Belfiore: c.Belfiore, Name: c.Name, NameTranslit: c.NameTranslit,
				AltName: c.AltName, Province: c.Province, ProvinceIstat: c.ProvinceIstat, Region: c.Region,
				From: Date(c.From), To: Date(c.To), Status: c.Status,
			}
		}
	}
	t.comuniByName = convertNames(s.ComuniByName)
	if len(s.States) > 0 {
		t.states = make([]State, len(s.States))
		for i, st := range s.States {
			t.states[i] = State{
				Istat: st.Istat, Belfiore: st.Belfiore, ISO3: st.ISO3, Name: st.Name, NameIT: st.NameIT, NameEN: st.NameEN,
				From: Date(st.From), To: Date(st.To), Citizenship: st.Citizenship, Birth: st.Birth, Residence: st.Residence,
				Kind: st.Kind, Dissolved: st.Dissolved, Successors: st.Successors, Note: st.Note, origin: st.Origin,
			}
		}
	}
	t.statesByName = convertNames(s.StatesByName)
	if len(s.Provinces) > 0 {
		t.provinces = make([]Province, len(s.Provinces))
		for i, p := range s.Provinces {
			t.provinces[i] = Province(p)
		}
	}
	for _, e := range s.KitEditions {
		ke := kitEdition{KitEdition: KitEdition{Name: e.Name, From: Date(e.From), Source: e.Source}, file: e.File}
		for _, k := range s.Kit {
			if k.Edition == e.Name {
				ke.rows = append(ke.rows, kitFromRow(k))
			}
		}
		t.kit = append(t.kit, ke)
	}
	t.kitDurations, t.kitSuccessors = s.KitDurations, s.KitSuccessors
	for tab, entries := range s.Decoding {
		if len(entries) > 0 {
			t.decoding[tab] = make([]Entry, len(entries))
			for i, e := range entries {
				t.decoding[tab][i] = Entry(e)
			}
		}
	}
	return t
}

func convertNames(refs []source.NameRef) []nameRef {
	if len(refs) == 0 {
		return nil
	}
	out := make([]nameRef, len(refs))
	for i, r := range refs {
		out[i] = nameRef{key: r.Key, row: r.Row}
	}
	return out
}

// stateToRow turns an embedded state back into a source row, so that a Load
// that replaces only some state tables can rebuild the merged index.
func stateToRow(s State) source.State {
	return source.State{
		Istat: s.Istat, Belfiore: s.Belfiore, ISO3: s.ISO3, Name: s.Name, NameIT: s.NameIT, NameEN: s.NameEN,
		From: int32(s.From), To: int32(s.To), Citizenship: s.Citizenship, Birth: s.Birth, Residence: s.Residence,
		Kind: s.Kind, Dissolved: s.Dissolved, Successors: s.Successors, Note: s.Note, Origin: s.origin,
	}
}
