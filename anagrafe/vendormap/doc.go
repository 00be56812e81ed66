// Package vendormap turns the free text and local codes a registry vendor's
// schema holds into the codes package anagrafe's model uses: questura names
// to siglas, street lines to ANPR specie + denominazione, house numbers to
// number + esponente, permit texts to kit codes, state names to ISTAT codes.
//
// Every helper reads the code tables of package codes (provinces and
// questure, ANPR specie_toponimo, kit editions, foreign states and their
// aliases) and says "unknown" (an error wrapping a sentinel the caller can
// test with errors.Is) rather than guess. The package ships two lists of its
// own: the permit-text table, an embedded CSV (permit_texts.csv) whose every
// row cites the kit description it relies on, replaceable or extendable with
// the vendor's own texts; and the two questura seats that are not a word of
// their province's name (Aosta, Verbania), checked against the comuni archive.
//
// Errors quote the vocabulary values a vendor must fix in its mapping (a
// state name, a questura, a permit text) but never an address: street
// lines and house numbers are personal data and stay out of messages.
package vendormap
