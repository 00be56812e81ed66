package codes

import "slices"

// Table names an ANPR decoding table.
type Table int

// The ANPR decoding tables, one per file in shared/data/anpr.
const (
	StatoCivile                Table = iota // stato_civile.csv
	RelazioneParentela                      // relazione_parentela.csv (relative to the household head)
	TipoSoggiorno                           // tipo_soggiorno.csv
	TitoloStudio                            // titolo_studio.csv
	PosizioneProfessione                    // posizione_professione.csv
	CondizioneNonProfessionale              // condizione_non_professionale.csv
	TipiCittadinanza                        // tipi_cittadinanza.csv
	TipoIndirizzo                           // tipo_indirizzo.csv
	MotiviIscrizione                        // motivi_iscrizione.csv
	SpecieToponimo                          // specie_toponimo.csv

	numTables = iota
)

// String returns the table's file name without extension (stato_civile), or
// "" for an unknown Table.
func (tab Table) String() string {
	if tab < 0 || int(tab) >= numTables {
		return ""
	}
	return decodingFiles[tab]
}

// Entry is one code of an ANPR decoding table.
type Entry struct {
	ID          string // code as ANPR writes it ("1", "A", "99")
	Description string // Italian description
	Note        string // ANPR note ("Utilizzabile solo al subentro"), often empty
}

// Decode returns the entry with code id of table tab. It does not allocate.
func (t *Tables) Decode(tab Table, id string) (Entry, bool) {
	if tab < 0 || int(tab) >= numTables {
		return Entry{}, false
	}
	for _, e := range t.decoding[tab] {
		if e.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

// Entries returns a copy of table tab in file order (nil for an unknown
// Table).
func (t *Tables) Entries(tab Table) []Entry {
	if tab < 0 || int(tab) >= numTables {
		return nil
	}
	return slices.Clone(t.decoding[tab])
}
