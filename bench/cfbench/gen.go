// Package cfbench generates the deterministic set of people and codici
// fiscali that the codice fiscale benchmarks share between Go and Node, and
// reads it back, so that every library is timed on the same inputs.
package cfbench

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/codes/cf"
)

// Record is one person of the benchmark set: the data Compute needs, the
// code it gives (Base) and the code as the benchmark presents it (Code,
// omocodic for about 1% of the records).
type Record struct {
	Code      string // the code to validate and decode (possibly omocodic)
	Base      string // the non-omocodic code Compute gives for the data
	Surname   string
	Name      string
	Sex       byte // 'M' or 'F'
	Birth     codes.Date
	PlaceCode string // Belfiore code of the birthplace
	PlaceName string // name of the comune, or Italian name of the state
	Province  string // province sigla of the comune, "EE" for a state
}

// Reference is the reference date of the century rule used by every
// decoder in the benchmarks, so that results do not depend on today.
var Reference = codes.NewDate(2026, 1, 1)

const (
	consonants = "BCDFGLMNPRSTVZ"
	vowels     = "AEIOU"
)

// word returns an upper-case pseudo-name of syllables drawn from r.
func word(r *rand.Rand, minSyl, maxSyl int) string {
	var b strings.Builder
	n := minSyl + r.IntN(maxSyl-minSyl+1)
	if r.IntN(5) == 0 { // start with a vowel
		b.WriteByte(vowels[r.IntN(len(vowels))])
	}
	for i := 0; i < n; i++ {
		b.WriteByte(consonants[r.IntN(len(consonants))])
		if r.IntN(6) == 0 {
			b.WriteByte(consonants[r.IntN(len(consonants))])
		}
		b.WriteByte(vowels[r.IntN(len(vowels))])
	}
	return b.String()
}

// Generate returns n records drawn deterministically from seed: names made of
// syllables (some short, some with two words), birth dates from 1940 to
// 2007, birthplaces among the comuni active today that existed on the birth
// date (85%) and the foreign states valid on it (15%).
func Generate(n int, seed uint64, t *codes.Tables) ([]Record, error) {
	if t == nil {
		t = codes.Default()
	}
	var comuni []codes.Comune
	for _, c := range t.Comuni() {
		if c.Active() && len(c.Belfiore) == 4 && c.Province != "" {
			comuni = append(comuni, c)
		}
	}
	var states []codes.State
	for _, s := range t.States() {
		if len(s.Belfiore) == 4 && s.Birth && !s.Dissolved && s.NameIT != "" {
			states = append(states, s)
		}
	}
	if len(comuni) == 0 || len(states) == 0 {
		return nil, fmt.Errorf("cfbench: tables hold no usable comuni (%d) or states (%d)", len(comuni), len(states))
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	out := make([]Record, 0, n)
	for len(out) < n {
		rec := Record{Surname: word(r, 1, 4), Name: word(r, 1, 3), Sex: 'M'}
		if r.IntN(8) == 0 {
			rec.Surname = word(r, 1, 1) + " " + word(r, 2, 3)
		}
		if r.IntN(6) == 0 {
			rec.Name += " " + word(r, 2, 3)
		}
		if r.IntN(2) == 0 {
			rec.Sex = 'F'
		}
		y := 1940 + r.IntN(68)
		m := 1 + r.IntN(12)
		rec.Birth = codes.NewDate(y, m, 1+r.IntN(codes.DaysIn(y, m)))
		if r.IntN(100) < 85 {
			c := comuni[r.IntN(len(comuni))]
			if !c.ValidOn(rec.Birth) {
				continue
			}
			rec.PlaceCode, rec.PlaceName, rec.Province = c.Belfiore, c.Name, c.Province
		} else {
			s := states[r.IntN(len(states))]
			if !s.ValidOn(rec.Birth) {
				continue
			}
			rec.PlaceCode, rec.PlaceName, rec.Province = s.Belfiore, strings.ToUpper(s.NameIT), "EE"
		}
		c, err := cf.Compute(cf.Person{Surname: rec.Surname, Name: rec.Name, Sex: rec.Sex, Birth: rec.Birth, PlaceCode: rec.PlaceCode})
		if err != nil {
			return nil, fmt.Errorf("cfbench: record %d: %w", len(out), err)
		}
		rec.Base, rec.Code = c.String(), c.String()
		if r.IntN(100) == 0 {
			v := cf.Variants(c)
			rec.Code = v[r.IntN(len(v))].String()
		}
		out = append(out, rec)
	}
	return out, nil
}

// header is the first line of the TSV file.
const header = "code\tbase\tsurname\tname\tsex\tyear\tmonth\tday\tplace_code\tplace_name\tprovince"

// Write writes records as tab-separated values with a header line.
func Write(w io.Writer, recs []Record) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(header + "\n")
	for _, r := range recs {
		y, m, d := int(r.Birth)/10000, int(r.Birth)/100%100, int(r.Birth)%100
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%c\t%d\t%d\t%d\t%s\t%s\t%s\n",
			r.Code, r.Base, r.Surname, r.Name, r.Sex, y, m, d, r.PlaceCode, r.PlaceName, r.Province)
	}
	return bw.Flush()
}

// Read reads what Write wrote.
func Read(rd io.Reader) ([]Record, error) {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var out []Record
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			if sc.Text() != header {
				return nil, fmt.Errorf("cfbench: line 1: unexpected header")
			}
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 11 || len(f[4]) != 1 {
			return nil, fmt.Errorf("cfbench: line %d: want 11 fields", line)
		}
		var ymd [3]int
		for i := range ymd {
			v, err := strconv.Atoi(f[5+i])
			if err != nil {
				return nil, fmt.Errorf("cfbench: line %d: %w", line, err)
			}
			ymd[i] = v
		}
		out = append(out, Record{Code: f[0], Base: f[1], Surname: f[2], Name: f[3], Sex: f[4][0],
			Birth: codes.NewDate(ymd[0], ymd[1], ymd[2]), PlaceCode: f[8], PlaceName: f[9], Province: f[10]})
	}
	return out, sc.Err()
}
