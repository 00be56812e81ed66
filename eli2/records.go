package eli2

import (
	"time"

	"github.com/retecomuni/eli2sdk/codes"
)

// ImportFile is a whole import file held in memory: convenient for one
// application or a small batch. Large batches use Encoder and Decoder.
type ImportFile struct {
	Intestazione Intestazione
	Pratiche     []Pratica
}

// Intestazione is the file header: who produced the file, when, and how
// many applications it holds.
type Intestazione struct {
	ComuneBelfiore   string    // sending comune, Belfiore code (D612)
	ComuneIstat      string    // sending comune, ISTAT code (048017)
	Sportello        string    // help desk identifier
	Operatore        string    // operator identifier
	DataCreazione    time.Time // creation time, written in RFC 3339 with offset
	Software         string    // producing software
	VersioneSoftware string    // its version
	NumeroPratiche   int       // number of applications; checked on read
}

// Pratica is one application: the data of one Modulo 1.
type Pratica struct {
	ID                     string // unique within the file
	Questura               string // province sigla of the questura
	Richiesta              Richiesta
	TitoloPosseduto        *TitoloPosseduto // required unless RILASCIO
	Richiedente            Richiedente
	Domicilio              Domicilio
	Recapiti               *Recapiti
	Documento              *Documento
	Visto                  *Visto // only on RILASCIO
	Familiari              []Familiare
	GenitoreTutore         *GenitoreTutore // required for a minor applicant
	Istanza                Istanza
	DatiSocioProfessionali *DatiSocioProfessionali
}

// Richiesta is what is asked: request type, document kind and kit code.
type Richiesta struct {
	TipoRichiesta      TipoRichiesta
	TipoTitolo         TipoTitolo
	Tipologia          int   // kit code (kit/tipologie_permesso.csv)
	TipologiaRichiesta int   // kit code of the permit wanted; only for CONVERSIONE, 0 if absent
	DurataMesi         int   // requested duration in months; 0 if absent
	AggiornamentoFoto  *bool // only for AGGIORNAMENTO of a CARTA
}

// TitoloPosseduto is the permit or card the applicant holds now.
type TitoloPosseduto struct {
	Tipo             string     // ANPR tipo_soggiorno code: 1 permesso, 2 carta, 5 ricevuta, 6 rinnovo in corso…
	Numero           string     // document number
	Motivo           string     // motive as written on the permit
	DataRilascio     codes.Date // issue date
	DataScadenza     codes.Date // expiry date
	QuesturaRilascio string     // sigla of the issuing questura
}

// LuogoNascita is a birth place: an Italian comune or a foreign state.
// Exactly one of Comune and StatoEstero is set.
type LuogoNascita struct {
	Comune      string // Belfiore code of the comune
	StatoEstero string // ISTAT 3-digit code of the state, as the register holds it
	Localita    string // town abroad, free text
}

// Richiedente is the applicant.
type Richiedente struct {
	CodiceFiscale string // optional: 16-character or 11-digit provisional
	Cognome       string
	Nome          string
	Sesso         Sesso
	DataNascita   PartialDate
	LuogoNascita  LuogoNascita
	Cittadinanza  string // ISTAT 3-digit state code; 999 apolide
	StatoCivile   string // ANPR stato_civile code
}

// Toponimo is a street: ANPR specie (VIA, PIAZZA…) and name.
type Toponimo struct {
	Specie        string // ANPR specie_toponimo description, upper case
	Denominazione string
}

// Domicilio is where the applicant lives.
type Domicilio struct {
	Comune       string // Belfiore code
	Provincia    string // province sigla
	Toponimo     Toponimo
	NumeroCivico string
	Esponente    string
	Scala        string
	Interno      string
	CAP          string // 5 digits
	Presso       string // "c/o"
}

// Recapiti are the applicant's contacts.
type Recapiti struct {
	Telefono string
	Email    string
}

// Documento is the passport or equivalent document.
type Documento struct {
	Tipo             TipoDocumento
	Numero           string
	DataRilascio     codes.Date
	DataScadenza     codes.Date
	AutoritaRilascio string
	StatoRilascio    string // ISTAT 3-digit code of the issuing state
}

// Visto is the entry visa, reported only on a first issue.
type Visto struct {
	Tipo         string
	Numero       string
	DataRilascio codes.Date
}

// Familiare is a family member listed in the application.
type Familiare struct {
	Relazione     Relazione
	CodiceFiscale string
	Cognome       string
	Nome          string
	Sesso         Sesso
	DataNascita   PartialDate
	LuogoNascita  LuogoNascita
	Cittadinanza  string
	// NumeroPassaporto and NumeroPermesso are a child's passport and
	// permit numbers, when the register knows them (optional in v1): since
	// l. 122/2016 each child listed gets an individual permit.
	NumeroPassaporto string
	NumeroPermesso   string
}

// GenitoreTutore is the parent or guardian who signs for a minor applicant.
type GenitoreTutore struct {
	Ruolo         RuoloTutela
	CodiceFiscale string
	Cognome       string
	Nome          string
}

// Istanza counts the forms filled and sheets of the application.
type Istanza struct {
	Moduli      []int // forms filled: 1, 2
	FogliTotali int   // total sheets, at least 1
}

// DatiSocioProfessionali are the optional ANPR codes of education and work.
type DatiSocioProfessionali struct {
	TitoloStudio               string // ANPR titolo_studio
	PosizioneProfessione       string // ANPR posizione_professione
	CondizioneNonProfessionale string // ANPR condizione_non_professionale
}
