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

// special maps a Latin letter (either case) to its multi-letter or
// non-decomposable transliteration in upper case.
var special = map[rune]string{
	'Ä': "AE", 'ä': "AE",
	'Ö': "OE", 'ö': "OE",
	'Ü': "UE", 'ü': "UE",
	'ß': "SS", 'ẞ': "SS",
	'Ø': "OE", 'ø': "OE",
	'Å': "AA", 'å': "AA",
	'Æ': "AE", 'æ': "AE",
	'Œ': "OE", 'œ': "OE",
	'Ð': "D", 'ð': "D",
	'Đ': "D", 'đ': "D",
	'Þ': "TH", 'þ': "TH",
	'Ł': "L", 'ł': "L",
	'Ħ': "H", 'ħ': "H",
	'İ': "I", 'ı': "I",
	'Ĳ': "IJ", 'ĳ': "IJ",
	'Ŀ': "L", 'ŀ': "L",
	'Ŧ': "T", 'ŧ': "T",
	'Ŋ': "NG", 'ŋ': "NG",
	'ĸ': "Q",
}

// apostrophes lists the characters read as an apostrophe: the ASCII one and
// its typographic look-alikes (right and left single quotation marks, grave
// and acute accents typed as letters, the modifier-letter apostrophe, the
// prime).
var apostrophes = map[rune]bool{
	'\'': true, '’': true, '‘': true, '`': true, '´': true, 'ʼ': true, '′': true,
}

// hyphens lists the characters read as a hyphen.
var hyphens = map[rune]bool{
	'-': true, '‐': true, '‑': true, '‒': true, '–': true, '—': true, '−': true,
}

// finalAccents are the combining marks that, on a vowel ending a word, are
// written as an apostrophe (the Italian grave and acute accents).
var finalAccents = map[rune]bool{
	'\u0300': true, // combining grave accent
	'\u0301': true, // combining acute accent
}
