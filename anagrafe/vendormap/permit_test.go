package vendormap

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/codes"
)

func TestPermitDefault(t *testing.T) {
	on := codes.NewDate(2024, 1, 15)
	tests := []struct {
		text string
		want int
	}{
		{"MOTIVI FAMILIARI", 13},
		{"Motivi familiari", 13},
		{"FAMIGLIA", 13},
		{"LAVORO SUBORDINATO", 16},
		{"lavoro subordinato stagionale", 18},
		{"STUDIO", 24},
		{"LAVORO AUTONOMO", 15},
		{"ATTESA OCCUPAZIONE", 5},
		{"SOGGIORNANTE DI LUNGO PERIODO", 9},
		{"CARTA DI SOGGIORNO", 9},
		{"Permesso UE per soggiornanti di lungo periodo", 9},
		{"Famiglia minore 14-18 anni", 14},
		{"RESIDENZA ELETTIVA", 21},
		{"AFFIDAMENTO", 2},
	}
	for _, tt := range tests {
		got, err := DefaultPermitTable().Kit(tt.text, on)
		require.NoError(t, err, tt.text)
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestPermitUnknown(t *testing.T) {
	tab := DefaultPermitTable()
	for _, text := range []string{"", "PROTEZIONE SPECIALE", "LAVORO", "MOTIVI FAMILIARI BIS"} {
		got, err := tab.Kit(text, codes.NewDate(2024, 1, 15))
		assert.ErrorIs(t, err, ErrUnknownPermit, text)
		assert.Zero(t, got)
	}
}

// A text whose code is not in force on the date is unknown, never mapped.
func TestPermitNotInForce(t *testing.T) {
	tab, err := ReadPermitTable(strings.NewReader("TESTO,KIT,FONTE\nCARTA UE,8,kit 2006 code 8 'Carta di soggiorno cittadini U.E.'\n"), nil)
	require.NoError(t, err)
	got, err := tab.Kit("Carta UE", codes.NewDate(2007, 4, 10))
	require.NoError(t, err)
	assert.Equal(t, 8, got)
	got, err = tab.Kit("Carta UE", codes.NewDate(2007, 4, 11))
	assert.ErrorIs(t, err, ErrUnknownPermit)
	assert.ErrorContains(t, err, "kit code 8, not in force on 2007-04-11")
	assert.Zero(t, got)
}

// Every row of the embedded table cites the description its code has in
// the edition(s) it names.
func TestPermitDefaultSources(t *testing.T) {
	rows := DefaultPermitTable().Rows()
	require.NotEmpty(t, rows)
	for _, r := range rows {
		assert.Contains(t, r.Source, fmt.Sprintf("code %d ", r.Kit), r.Text)
		var editions []string
		switch {
		case strings.HasPrefix(r.Source, "kit 2006 and 2024 code"):
			editions = []string{"2006", "2024"}
		case strings.HasPrefix(r.Source, "kit 2006 code"):
			editions = []string{"2006"}
		case strings.HasPrefix(r.Source, "kit 2024 code"):
			editions = []string{"2024"}
		default:
			t.Errorf("%s: source %q names no edition", r.Text, r.Source)
		}
		for _, ed := range editions {
			k, ok := codes.Default().KitIn(ed, r.Kit)
			require.True(t, ok, "%s: code %d not in edition %s", r.Text, r.Kit, ed)
			if !strings.Contains(r.Source, "note:") {
				assert.Contains(t, r.Source, "'"+k.Description+"'", "%s (edition %s)", r.Text, ed)
			}
		}
	}
}

// The edition in force decides: codes the 2024 table dropped are unknown
// from 2024-05-30, codes it added unknown before.
func TestPermitEditions(t *testing.T) {
	tab := DefaultPermitTable()
	before, from := codes.NewDate(2024, 5, 29), codes.NewDate(2024, 5, 30)
	tests := []struct {
		text           string
		before, from24 int // 0: unknown
	}{
		{"TURISMO", 26, 0},
		{"RICERCA SCIENTIFICA", 22, 0},
		{"ADOZIONE", 1, 0},
		{"RICERCATORE", 0, 27},
		{"LAVORO SUBORDINATO", 16, 16},
		{"SOGGIORNANTE DI LUNGO PERIODO", 9, 9},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			on   codes.Date
			want int
		}{{before, tt.before}, {from, tt.from24}} {
			got, err := tab.Kit(tt.text, c.on)
			assert.Equal(t, c.want, got, "%s on %s", tt.text, c.on)
			if c.want == 0 {
				assert.ErrorIs(t, err, ErrUnknownPermit, "%s on %s", tt.text, c.on)
			} else {
				assert.NoError(t, err)
			}
		}
	}
}

func TestReadPermitTableErrors(t *testing.T) {
	tests := []struct {
		csv, err string
	}{
		{"", "EOF"},
		{"TEXT,CODE,SOURCE\n", "header"},
		{"TESTO,KIT,FONTE\n,13,x\n", "line 2: TESTO is empty"},
		{"TESTO,KIT,FONTE\nFAMIGLIA,tredici,x\n", `line 2: KIT "tredici" is not a number`},
		{"TESTO,KIT,FONTE\nFAMIGLIA,99,x\n", "line 2: KIT 99 is in no kit edition"},
		{"TESTO,KIT,FONTE\nFAMIGLIA,13,\n", "line 2: FONTE is empty"},
		{"TESTO,KIT,FONTE\nFAMIGLIA,13,x\nfamiglia,13,y\n", `line 3: TESTO "famiglia" repeated`},
		{"TESTO,KIT,FONTE\nFAMIGLIA,13\n", "wrong number of fields"},
	}
	for _, tt := range tests {
		_, err := ReadPermitTable(strings.NewReader(tt.csv), nil)
		assert.ErrorContains(t, err, tt.err, tt.csv)
	}
}

func TestPermitExtend(t *testing.T) {
	base := DefaultPermitTable()
	on := codes.NewDate(2024, 1, 15)
	ext, err := base.Extend(strings.NewReader("\ufeffTesto,Kit,Fonte\nSTUDIO,24,mine\nP.S. LAV. AUT.,15,mine\n"))
	require.NoError(t, err)
	got, err := ext.Kit("p.s. lav. aut.", on)
	require.NoError(t, err)
	assert.Equal(t, 15, got)
	_, err = base.Kit("p.s. lav. aut.", on)
	assert.ErrorIs(t, err, ErrUnknownPermit, "Extend does not change the base table")
	_, err = base.Extend(strings.NewReader("TESTO,KIT,FONTE\nX,16,a\nx,16,b\n"))
	assert.ErrorContains(t, err, "line 3")
}

// A code only the 2024 edition has (27) loads: "in no edition" means none.
func TestReadPermitTableLaterEdition(t *testing.T) {
	tab, err := ReadPermitTable(strings.NewReader("TESTO,KIT,FONTE\nRICERCATORE UNIVERSITARIO,27,kit 2024 code 27\n"), nil)
	require.NoError(t, err)
	got, err := tab.Kit("ricercatore universitario", codes.NewDate(2025, 1, 1))
	require.NoError(t, err)
	assert.Equal(t, 27, got)
}

func FuzzReadPermitTable(f *testing.F) {
	f.Add("TESTO,KIT,FONTE\nFAMIGLIA,13,x\n")
	f.Add("TESTO,KIT,FONTE\n\"A,B\",16,\"q\"\"\"\n")
	f.Add("x")
	f.Fuzz(func(t *testing.T, s string) {
		tab, err := ReadPermitTable(strings.NewReader(s), nil)
		if err != nil {
			assert.Nil(t, tab)
			return
		}
		// Every row loaded maps its own text, to a code some edition has.
		for _, r := range tab.Rows() {
			assert.True(t, kitKnown(codes.Default(), r.Kit))
			got, err := tab.Kit(r.Text, codes.NewDate(2000, 1, 1))
			if err == nil {
				assert.Equal(t, r.Kit, got)
			}
		}
	})
}

// A code withdrawn by the 2024 edition says what replaced it, if anything,
// and is still not returned.
func TestPermitSuccessorHint(t *testing.T) {
	on := codes.NewDate(2024, 6, 1)
	got, err := DefaultPermitTable().Kit("RICERCA SCIENTIFICA", on)
	assert.Zero(t, got)
	require.ErrorIs(t, err, ErrUnknownPermit)
	assert.ErrorContains(t, err, "kit code 22, not in force on 2024-06-01 (the kit tables name 27 ")
	_, err = DefaultPermitTable().Kit("TURISMO", on)
	assert.ErrorContains(t, err, "kit code 26, not in force on 2024-06-01 (no code replaced it)")
}
