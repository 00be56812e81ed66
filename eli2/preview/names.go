package preview

import "github.com/retecomuni/eli2sdk/codes"

// anprTable names an ANPR decoding table.
type anprTable int

const (
	tabStatoCivile anprTable = iota
	tabTipoSoggiorno
	tabTitoloStudio
	tabPosizioneProfessione
	tabCondizioneNonProfessionale
)

// namer turns codes into the names printed beside them. Every method
// returns ok=false for an unknown code, and the page shows the code alone.
type namer interface {
	comune(belfiore string, on codes.Date) (string, bool) // "FIRENZE (FI)"
	state(istat string, on codes.Date, l Lang) (string, bool)
	province(sigla string) (string, bool)
	kit(code int) (string, bool)
	decode(t anprTable, id string) (string, bool)
}

// noNames resolves nothing.
type noNames struct{}

func (noNames) comune(string, codes.Date) (string, bool)      { return "", false }
func (noNames) state(string, codes.Date, Lang) (string, bool) { return "", false }
func (noNames) province(string) (string, bool)                { return "", false }
func (noNames) kit(int) (string, bool)                        { return "", false }
func (noNames) decode(anprTable, string) (string, bool)       { return "", false }

// defaultNames returns the namer backed by the embedded code tables.
func defaultNames() namer { return noNames{} }
