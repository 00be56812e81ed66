package cf

// The check character of a personal code: the characters at odd positions
// (1st, 3rd… 15th) are converted with oddValue, those at even positions with
// their plain value (0–9 for digits, 0–25 for A–Z); the sum modulo 26 is the
// check letter (0 = A). The tables are those of the Ministry of Finance
// decree of 23 December 1976.

// oddValue is the value of A…Z (and of the digits 0…9, which count as A…J)
// at an odd position.
var oddValue = [26]byte{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// charValue returns the position of ch in 0…9 or A…Z.
func charValue(ch byte) int {
	if ch <= '9' {
		return int(ch - '0')
	}
	return int(ch - 'A')
}

// oddByte and evenByte map a character straight to its value at an odd or
// even position (0 for bytes that are neither digits nor upper-case letters,
// which Parse rejects before computing the check character).
var oddByte, evenByte = func() (odd, even [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		odd[c], even[c] = oddValue[charValue(byte(c))], uint8(charValue(byte(c)))
	}
	for c := 'A'; c <= 'Z'; c++ {
		odd[c], even[c] = oddValue[charValue(byte(c))], uint8(charValue(byte(c)))
	}
	return
}()

// checkChar computes the check letter of the first 15 characters b (upper-case
// letters and digits).
func checkChar(b []byte) byte {
	_ = b[14]
	sum := uint(oddByte[b[0]]) + uint(evenByte[b[1]]) + uint(oddByte[b[2]]) + uint(evenByte[b[3]]) +
		uint(oddByte[b[4]]) + uint(evenByte[b[5]]) + uint(oddByte[b[6]]) + uint(evenByte[b[7]]) +
		uint(oddByte[b[8]]) + uint(evenByte[b[9]]) + uint(oddByte[b[10]]) + uint(evenByte[b[11]]) +
		uint(oddByte[b[12]]) + uint(evenByte[b[13]]) + uint(oddByte[b[14]])
	return byte('A' + sum%26)
}

// provisionalCheckDigit computes the check digit of the first 10 digits of an
// 11-digit code (provisional codice fiscale, partita IVA): digits at odd
// positions count as they are, those at even positions are doubled (minus 9
// when over 9); the check digit brings the sum to a multiple of 10.
func provisionalCheckDigit(b []byte) byte {
	_ = b[9]
	sum := 0
	for i := 0; i < 10; i++ {
		d := int(b[i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}
