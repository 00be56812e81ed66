package translit

// This file is the one transliteration table of the module. Every name that
// reaches a file, a tax code or a comparison goes through it, so that a name
// is spelled the same way everywhere.
//
// Sources (facts only):
//   - Ministero dell'Interno, circolare n. 1/2008 on the spelling of foreign
//     names in the population register: letters outside the Italian alphabet
//     are written with the Latin letters that render them, diacritics are
//     dropped, and an Italian name ending in an accented vowel keeps the
//     accent as an apostrophe (NICOLÒ → NICOLO'). The same rule is used by the
//     tax agency when computing the codice fiscale.
//   - ICAO Doc 9303, part 3 (machine readable zone of travel documents): the
//     recommended multi-letter transliterations of Latin letters with
//     diacritics, e.g. Ä → AE, Ö → OE, Ü → UE, ß → SS, Ø → OE, Å → AA, Æ → AE,
//     Œ → OE, Þ → TH, and the single-letter ones (Ð, Đ → D; Ł → L; Ħ → H;
//     dotted and dotless I → I).
//
// Letters that are not in this table are decomposed (Unicode NFD, and NFKD
// for ligatures and width variants) and their combining marks dropped; a
// letter whose decomposition is not a Latin letter A–Z (Cyrillic, Greek,
// Arabic, CJK…) is an error, never a guess.

// special returns the transliteration in upper case of a Latin letter
// (either case) that becomes several letters or does not decompose, or "".
func special(r rune) string {
	switch r {
	case 'Ä', 'ä', 'Æ', 'æ':
		return "AE"
	case 'Ö', 'ö', 'Ø', 'ø', 'Œ', 'œ':
		return "OE"
	case 'Ü', 'ü':
		return "UE"
	case 'ß', 'ẞ':
		return "SS"
	case 'Å', 'å':
		return "AA"
	case 'Ð', 'ð', 'Đ', 'đ':
		return "D"
	case 'Þ', 'þ':
		return "TH"
	case 'Ł', 'ł', 'Ŀ', 'ŀ':
		return "L"
	case 'Ħ', 'ħ':
		return "H"
	case 'İ', 'ı':
		return "I"
	case 'Ĳ', 'ĳ':
		return "IJ"
	case 'Ŧ', 'ŧ':
		return "T"
	case 'Ŋ', 'ŋ':
		return "NG"
	case 'ĸ':
		return "Q"
	}
	return ""
}

// isApostrophe reports the characters read as an apostrophe: the ASCII one
// and its typographic look-alikes (right and left single quotation marks,
// grave and acute accents typed as letters, the modifier-letter apostrophe,
// the prime).
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', '′':
		return true
	}
	return false
}

// isHyphen reports the characters read as a hyphen.
func isHyphen(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '−':
		return true
	}
	return false
}

// isFinalAccent reports the combining marks that, on a vowel ending a word,
// are written as an apostrophe: the Italian grave and acute accents.
func isFinalAccent(r rune) bool { return r == '\u0300' || r == '\u0301' }
