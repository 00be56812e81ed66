package eli2

// TipoRichiesta is what the applicant asks for (Modulo 1's request type).
type TipoRichiesta string

// The request types of format v1.
const (
	Rilascio      TipoRichiesta = "RILASCIO"      // first issue
	Rinnovo       TipoRichiesta = "RINNOVO"       // renewal
	Aggiornamento TipoRichiesta = "AGGIORNAMENTO" // update of address, civil status, children, passport, photo
	Conversione   TipoRichiesta = "CONVERSIONE"   // conversion to another permit type
	Duplicato     TipoRichiesta = "DUPLICATO"     // duplicate of a lost or stolen document
)

// TipiRichiesta lists every TipoRichiesta in file order.
var TipiRichiesta = []TipoRichiesta{Rilascio, Rinnovo, Aggiornamento, Conversione, Duplicato}

// Valid reports whether t is one of the defined constants.
func (t TipoRichiesta) Valid() bool {
	for _, v := range TipiRichiesta {
		if t == v {
			return true
		}
	}
	return false
}

// TipoTitolo is the kind of document: residence permit or residence card.
type TipoTitolo string

// The document kinds, matching the kit table's TITOLO column.
const (
	Permesso TipoTitolo = "PERMESSO"
	Carta    TipoTitolo = "CARTA"
)

// Valid reports whether t is PERMESSO or CARTA.
func (t TipoTitolo) Valid() bool { return t == Permesso || t == Carta }

// Sesso is the applicant's sex as written on the passport.
type Sesso string

// The two values Modulo 1 accepts.
const (
	Maschio Sesso = "M"
	Femmina Sesso = "F"
)

// Valid reports whether s is M or F.
func (s Sesso) Valid() bool { return s == Maschio || s == Femmina }

// Relazione is a family member's relation to the applicant.
type Relazione string

// Relations in the family section of Modulo 1.
const (
	Figlio   Relazione = "FIGLIO"   // son or daughter (the children section)
	Coniuge  Relazione = "CONIUGE"  // spouse or civil partner
	Genitore Relazione = "GENITORE" // parent
	Altro    Relazione = "ALTRO"    // any other relative living with the applicant
)

// Relazioni lists every Relazione.
var Relazioni = []Relazione{Figlio, Coniuge, Genitore, Altro}

// Valid reports whether r is one of the defined constants.
func (r Relazione) Valid() bool {
	for _, v := range Relazioni {
		if r == v {
			return true
		}
	}
	return false
}

// RuoloTutela is the role of the adult who signs for a minor applicant.
type RuoloTutela string

// Roles in the parent/guardian section.
const (
	Padre  RuoloTutela = "PADRE"
	Madre  RuoloTutela = "MADRE"
	Tutore RuoloTutela = "TUTORE"
)

// Valid reports whether r is PADRE, MADRE or TUTORE.
func (r RuoloTutela) Valid() bool { return r == Padre || r == Madre || r == Tutore }

// TipoDocumento is the kind of identity document held by the applicant.
type TipoDocumento string

// Document kinds accepted as "passport or equivalent".
const (
	Passaporto            TipoDocumento = "PASSAPORTO"
	DocumentoEquipollente TipoDocumento = "DOCUMENTO_EQUIPOLLENTE" // travel document of equivalent value
	TitoloViaggio         TipoDocumento = "TITOLO_VIAGGIO"         // refugee or stateless travel document
)

// Valid reports whether t is one of the defined constants.
func (t TipoDocumento) Valid() bool {
	return t == Passaporto || t == DocumentoEquipollente || t == TitoloViaggio
}
