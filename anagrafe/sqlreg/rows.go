package sqlreg

import (
	"strings"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
)

// Table is one table of the schema as loaders fill it: its name, its
// columns in the order AppendRows gives their values, and what follows the
// VALUES of an INSERT (a household is shared by several persons).
type Table struct {
	Name    string
	Columns []string
	Suffix  string
}

// Tables are the tables a person is written to, in insertion order
// (households before persons, persons before the rows that refer to them).
var Tables = [...]Table{
	{"famiglie", []string{"id"}, " ON CONFLICT (id) DO NOTHING"},
	{"persone", []string{"id", "codice_fiscale", "cognome", "nome", "sesso", "data_nascita", "comune_nascita",
		"stato_nascita", "localita_nascita", "stato_civile", "telefono", "email", "titolo_studio",
		"posizione_professione", "condizione_non_professionale", "famiglia_id", "relazione_parentela", "padre_id",
		"madre_id", "dichiarazione_dimora", "aggiornato_il"}, ""},
	{"indirizzi", []string{"persona_id", "comune", "provincia", "specie", "denominazione", "civico", "esponente",
		"scala", "interno", "cap", "presso"}, ""},
	{"cittadinanze", []string{"persona_id", "ordine", "stato"}, ""},
	{"permessi", []string{"persona_id", "tipo", "tipologia_kit", "motivo", "numero", "data_rilascio",
		"data_scadenza", "questura", "data_rinnovo"}, ""},
	{"documenti", []string{"persona_id", "ordine", "tipo", "numero", "data_rilascio", "data_scadenza", "autorita",
		"stato_rilascio"}, ""},
}

// Rows holds values of rows per table of Tables, each row
// len(Tables[i].Columns) values long.
type Rows [len(Tables)][]any

// AppendRows appends the rows of person p to rows, encoded as the schema
// stores them: ISO dates, the fixed-width UTC time of aggiornato_il, NULL
// for what is empty. Writer inserts them one statement per row; a bulk
// loader may insert many rows per statement.
func AppendRows(rows *Rows, p *anagrafe.Person) {
	if p.FamilyID != "" {
		rows[0] = append(rows[0], p.FamilyID)
	}
	var updated any
	if !p.UpdatedAt.IsZero() {
		updated = formatTime(p.UpdatedAt)
	}
	rows[1] = append(rows[1], p.ID, nullStr(p.CodiceFiscale), p.Surname, p.Name, nullStr(string(p.Sex)),
		nullStr(p.BirthDate.String()), nullStr(p.BirthComune), nullStr(p.BirthState), nullStr(p.BirthLocality),
		nullStr(p.MaritalStatus), nullStr(p.Phone), nullStr(p.Email), nullStr(p.Education), nullStr(p.Occupation),
		nullStr(p.NonProfessional), nullStr(p.FamilyID), nullStr(p.Relation), nullStr(p.FatherID), nullStr(p.MotherID),
		nullDate(p.ResidenceDeclaredOn), updated)
	if a := p.Address; !a.IsZero() {
		rows[2] = append(rows[2], p.ID, nullStr(a.Comune), nullStr(a.Province), nullStr(a.Specie), nullStr(a.Street),
			nullStr(a.Number), nullStr(a.Exponent), nullStr(a.Staircase), nullStr(a.Interior), nullStr(a.CAP),
			nullStr(a.CareOf))
	}
	for i, c := range p.Citizenships {
		rows[3] = append(rows[3], p.ID, i+1, c)
	}
	if pm := p.Permit; pm != nil {
		var kit any
		if pm.Kit != 0 {
			kit = pm.Kit
		}
		rows[4] = append(rows[4], p.ID, pm.Type, kit, nullStr(pm.Motive), nullStr(pm.Number), nullDate(pm.IssueDate),
			nullDate(pm.ExpiryDate), nullStr(pm.Questura), nullDate(pm.RenewedOn))
	}
	for i, d := range p.Documents {
		rows[5] = append(rows[5], p.ID, i+1, string(d.Kind), nullStr(d.Number), nullDate(d.IssueDate),
			nullDate(d.ExpiryDate), nullStr(d.Authority), nullStr(d.IssuingState))
	}
}

// InsertSQL returns the INSERT of n rows into t with ? placeholders (as
// SQLite takes them; Writer rebinds them to $1, $2… for PostgreSQL).
func (t Table) InsertSQL(n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(t.Name)
	b.WriteString(" (")
	b.WriteString(strings.Join(t.Columns, ", "))
	b.WriteString(") VALUES ")
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.Columns)), ", ") + ")"
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	b.WriteString(t.Suffix)
	return b.String()
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullDate(d codes.Date) any {
	if d == 0 {
		return nil
	}
	return d.String()
}
