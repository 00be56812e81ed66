package cf

// Omocodia: when two persons would get the same code, the tax agency gives
// the later one a variant in which digits are replaced by letters, 0…9 →
// L M N P Q R S T U V, in the seven numeric positions 7, 8, 10, 11, 13, 14 and
// 15 (1-based), and recomputes the check character. Parse accepts any of the
// 2^7 = 128 patterns.

const omoLetters = "LMNPQRSTUV"

// omoPositions are the 0-based indexes of the substitutable digits, from the
// rightmost (position 15) to the leftmost (position 7): the order in which
// the tax agency substitutes them.
var omoPositions = [7]int{14, 13, 12, 10, 9, 7, 6}

// omoValue maps each byte to the digit it stands for in a numeric position
// (the digit itself, or the omocodic letter's digit), or -1.
var omoValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < 10; i++ {
		t['0'+i] = int8(i)
		t[omoLetters[i]] = int8(i)
	}
	return t
}()

// omoDigit returns the digit an omocodic letter stands for, or -1.
func omoDigit(ch byte) int {
	if isDigit(ch) {
		return -1
	}
	return int(omoValue[ch])
}

// IsOmocodic reports whether at least one digit of c has been replaced by a
// letter.
func (c Code) IsOmocodic() bool {
	if c.Len() != 16 {
		return false
	}
	for _, i := range omoPositions {
		if !isDigit(c.b[i]) {
			return true
		}
	}
	return false
}

// Base returns the code with every omocodic letter turned back into its digit
// and the check character recomputed: the code the person would have without
// omocodia. A non-omocodic or provisional code is returned unchanged.
func (c Code) Base() Code {
	if !c.IsOmocodic() {
		return c
	}
	for _, i := range omoPositions {
		if d := omoDigit(c.b[i]); d >= 0 {
			c.b[i] = byte('0' + d)
		}
	}
	c.b[15] = checkChar(c.b[:15])
	return c
}

// Variants returns the seven omocodic variants of c in the order in which
// the tax agency assigns them: the first replaces the rightmost
// substitutable digit (position 15) with its letter, the second also the one
// before it (positions 14 and 15), and so on cumulatively leftwards —
// positions 13, 11, 10, 8 and finally 7 — so that the seventh has all seven
// digits replaced. Each has its check character recomputed. c may itself be
// omocodic (its Base is used). A provisional or zero code has no variants.
//
// Parse also accepts the other 120 patterns, which the agency does not assign
// in practice.
func Variants(c Code) []Code {
	if c.Len() != 16 {
		return nil
	}
	v := c.Base()
	out := make([]Code, 0, len(omoPositions))
	for _, i := range omoPositions {
		v.b[i] = omoLetters[v.b[i]-'0']
		v.b[15] = checkChar(v.b[:15])
		out = append(out, v)
	}
	return out
}
