package vendormap

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/retecomuni/eli2sdk/codes"
)

// ErrHouseNumber is wrapped by errors for a house number the splitter cannot
// read.
var ErrHouseNumber = errors.New("vendormap: unreadable house number")

// HouseNumber is a house number split into its parts.
type HouseNumber struct {
	Number    string // digits of the civic number ("12"); empty for SNC and kilometre markers
	Exponent  string // esponente, upper case ("A", "BIS", "R"); empty when none
	NoNumber  bool   // senza numero civico (SNC, S.N.C., "senza numero civico")
	Kilometre string // kilometre marker as written after KM ("3,500", "3+500"); empty when none
}

// maxExponent bounds the esponente: longer text is more likely a staircase
// or interior than an exponent ("QUATER" is the longest in use).
const maxExponent = 6

// SplitHouseNumber splits a house number as registers write it:
//
//   - "12", "12/A", "12 A", "12A", "12-a" give Number 12 and Exponent A;
//     "12 bis", "12/BIS" give Exponent BIS; "12r" (Genova's and Firenze's red
//     numbers) gives Exponent R; "12/1" gives Exponent 1.
//   - "SNC", "S.N.C.", "snc" and "senza numero civico" give NoNumber and
//     nothing else.
//   - "KM 3,500", "Km. 3+500" (a kilometre marker on a road, as rural
//     addresses have) give Kilometre "3,500" or "3+500", as written, and no
//     Number: the marker is not a civic number, and the caller decides where
//     to put it (Address.Number "KM 3,500" keeps it readable on Modulo 1).
//   - "" gives the zero HouseNumber and no error.
//
// Anything else — a number with two exponents ("12/A/3"), letters only, an
// exponent longer than six characters — is an error wrapping
// ErrHouseNumber: the caller keeps the raw text rather than a wrong split.
func SplitHouseNumber(s string) (HouseNumber, error) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return HouseNumber{}, nil
	}
	switch n := codes.NormalizeName(raw); {
	case n == "SNC" || n == "S N C" || n == "SENZA NUMERO CIVICO":
		return HouseNumber{NoNumber: true}, nil
	case strings.HasPrefix(n, "KM "):
		return splitKilometre(raw)
	}
	i := 0
	for i < len(raw) && raw[i] >= '0' && raw[i] <= '9' {
		i++
	}
	if i == 0 {
		return HouseNumber{}, fmt.Errorf("%w: does not start with a number", ErrHouseNumber)
	}
	h := HouseNumber{Number: raw[:i]}
	rest := strings.TrimLeft(raw[i:], " /-")
	if rest == "" {
		if len(raw) > i {
			return HouseNumber{}, fmt.Errorf("%w: ends with a separator", ErrHouseNumber)
		}
		return h, nil
	}
	if len(rest) > maxExponent || strings.IndexFunc(rest, func(r rune) bool { return r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) }) >= 0 {
		return HouseNumber{}, fmt.Errorf("%w: more than a number and an esponente of up to %d letters or digits", ErrHouseNumber, maxExponent)
	}
	h.Exponent = strings.ToUpper(rest)
	return h, nil
}

// splitKilometre reads "KM 3,500", "Km. 3+500": the marker after KM, digits
// with at most one ',', '.' or '+' inside.
func splitKilometre(raw string) (HouseNumber, error) {
	rest := strings.TrimSpace(raw[2:])
	rest = strings.TrimSpace(strings.TrimPrefix(rest, "."))
	seps, digits := 0, 0
	for i, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case (r == ',' || r == '.' || r == '+') && i > 0 && i < len(rest)-1:
			seps++
		default:
			return HouseNumber{}, fmt.Errorf("%w: KM not followed by a kilometre marker", ErrHouseNumber)
		}
	}
	if digits == 0 || seps > 1 {
		return HouseNumber{}, fmt.Errorf("%w: KM not followed by a kilometre marker", ErrHouseNumber)
	}
	return HouseNumber{Kilometre: rest}, nil
}
