package eli2_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/schema"
)

func TestSchemaEmbedded(t *testing.T) {
	require.Equal(t, schema.V1XSD, eli2.SchemaV1())
	a := eli2.SchemaV1()
	a[0] = 'X'
	require.NotEqual(t, a[0], eli2.SchemaV1()[0], "SchemaV1 returns a copy")
}

// TestSchemaRejects shows the XSD is strict: each mutation of a valid file
// must be rejected by xmllint.
func TestSchemaRejects(t *testing.T) {
	base := sampleXML(t, "batch")
	tests := []struct{ name, old, new string }{
		{"request type", "<TipoRichiesta>RINNOVO<", "<TipoRichiesta>RINNOVA<"},
		{"titolo", "<TipoTitolo>PERMESSO<", "<TipoTitolo>PERMESSI<"},
		{"belfiore", "<Comune>D612<", "<Comune>d612<"},
		{"istat comune", "<ComuneIstat>048017<", "<ComuneIstat>48017<"},
		{"state", "<StatoEstero>250<", "<StatoEstero>Z149<"},
		{"CAP", "<CAP>50124<", "<CAP>5012<"},
		{"sigla", "<Questura>FI<", "<Questura>Firenze<"},
		{"surname", "<Cognome>HORVAT<", "<Cognome>Horvat<"},
		{"codice fiscale", "<CodiceFiscale>HRVVNI75M21Z118Y<", "<CodiceFiscale>HRVVNI75M21Z118<"},
		{"birth date", "<DataNascita>1975-08-21<", "<DataNascita>21/08/1975<"},
		{"date", "<DataScadenza>2026-06-10<", "<DataScadenza>2026-02-30<"},
		{"sex", "<Sesso>M<", "<Sesso>X<"},
		{"duplicate id", `id="FI-2026-0003"`, `id="FI-2026-0002"`},
		{"version", `versione="1"`, `versione="2"`},
		{"order", "<Nome>IVAN</Nome>", ""},
		{"unknown element", "<CAP>50124</CAP>", "<CAP>50124</CAP><Citofono>1</Citofono>"},
		{"both places", "<StatoEstero>250</StatoEstero>", "<Comune>D612</Comune><StatoEstero>250</StatoEstero>"},
		{"kit code", "<Tipologia>15<", "<Tipologia>0<"},
		{"sheets", "<FogliTotali>1<", "<FogliTotali>0<"},
		{"modulo", "<Modulo>1<", "<Modulo>3<"},
		{"empty id", `id="FI-2026-0003"`, `id=""`},
		{"birth date with zone", "<DataNascita>1975-08-21<", "<DataNascita>1975-08-21Z<"},
		{"year with zone", "<DataNascita>1980-05<", "<DataNascita>1980Z<"},
		{"date with zone", "<DataScadenza>2026-06-10<", "<DataScadenza>2026-03-10+01:00<"},
		{"creation without offset", "2026-03-15T10:30:00+01:00", "2026-03-15T10:30:00"},
		{"huge duration", "<DurataMesi>24<", "<DurataMesi>99999999999<"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, base, tt.old)
			_, ok := xmllint(t, "bad.xml", []byte(strings.Replace(base, tt.old, tt.new, 1)))
			assert.False(t, ok, "xmllint accepted the file with %s", tt.name)
		})
	}
	_, ok := xmllint(t, "batch.xml", []byte(base))
	require.True(t, ok)
}
