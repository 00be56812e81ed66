// Package eli2 holds the typed records of a residence-permit application
// (Pratica, the data of the post-office kit's Modulo 1), the streaming codec
// of the ELI2 import file (format v1, with its embedded XSD) and the
// validation that returns every problem of an application with a stable code.
// The file format and its encoding rules (element order, value formats,
// character encodings, the header count) are documented on V1.
//
// # Rules
//
// Validate judges an application on its file date (ValidateOptions.On, the
// header's DataCreazione) with the code tables in force on that date: the
// kit code by the edition of the kit table in force then, places by their
// validity dates. The time and age rules are the named values of Policy
// (DefaultPolicy gives the law's values), each overridable. Rules returns
// the catalogue below with the Italian and English messages and the full
// source of each rule; `eli2 validate --rules` prints it. Severity E blocks
// the export, W is shown to the operator. docs/rules.md explains the
// choices made where the law or the issue is silent.
//
//	above_maximum                  E  format v1 XSD (maxInclusive)
//	birth_in_future                E  plausibility
//	birth_place_conflict           E  format v1
//	birth_place_missing            E  format v1
//	cap_format                     E  format v1; Poste Italiane CAP
//	cf_character                   E  DPR 605/1973, DM 23/12/1976
//	cf_checksum                    E  DPR 605/1973, DM 23/12/1976
//	cf_format                      E  DPR 605/1973, DM 23/12/1976
//	cf_length                      E  DPR 605/1973, DM 23/12/1976
//	cf_mismatch                    W  DM 23/12/1976; the agency's code prevails
//	child_older_than_parent        E  plausibility
//	child_too_old                  E  Modulo 1 children section; l. 122/2016 (Policy.ChildMaxAge)
//	children_unconfirmed           W  ANPR relations are to the head (package anagrafe's mapper)
//	choice_conflict                E  format v1 XSD (choice)
//	citizenship_undetermined       W  ANPR states table (997, 998)
//	code_not_recognised            W  ANPR decoding tables (marital status, permit kind)
//	comune_istat_mismatch          E  ANPR comuni archive
//	comune_not_active              E  ANPR comuni archive
//	conversion_target_invalid      E  kit table in force (target must allow RILASCIO)
//	conversion_target_not_allowed  E  format v1
//	conversion_target_required     E  format v1; kit code 10
//	count_mismatch                 E  format v1
//	date_in_future                 E  plausibility
//	document_expired               W  Modulo 1 (valid passport)
//	document_missing               W  Modulo 1 (passport or equivalent document)
//	duplicate_id                   E  format v1
//	duration_not_applicable        W  art. 9 d.lgs. 286/1998, l. 238/2021 (kit_durate.csv)
//	duration_too_long              W  kit_durate.csv, source per code (art. 5 c.3, art. 24, d.l. 20/2023)
//	email_format                   E  format v1
//	expiry_before_issue            E  plausibility
//	field_too_large                E  format v1: value beyond Decoder.MaxFieldSize
//	file_date_in_future            E  format v1: DataCreazione not after the run date
//	foto_only_carta_update         E  format v1; kit code 3
//	guardian_required              E  artt. 2, 320 codice civile; kit code 14
//	invalid_date                   E  format v1 XSD (date types)
//	invalid_value                  E  format v1
//	issued_before_birth            E  plausibility
//	kit_not_valid_on_date          E  kit table in force on the file date (kit_edizioni.csv), successor named
//	kit_operation_mismatch         E  operations of the kit table in force
//	kit_titolo_mismatch            E  TITOLO of the kit table in force
//	kit_to_choose                  W  ANPR permit record holds no motive: the desk chooses
//	name_accent_apostrophe         W  ICAO 9303 (no apostrophe for an accent)
//	name_charset                   E  circolare Interno 1/2008; ICAO 9303
//	name_untransliterable          E  circolare Interno 1/2008; ICAO 9303
//	not_subject_to_permit          E  art. 1 d.lgs. 286/1998; d.lgs. 30/2007; EEA; EU-CH agreement
//	out_of_range                   E  format v1
//	parent_too_young               E  plausibility (Policy.ParentMinAge)
//	pattern                        E  format v1 XSD (pattern)
//	permit_expired_grace           W  art. 13 c.2 lett. b d.lgs. 286/1998 (Policy.ExpiryGrace)
//	permit_expired_review          W  DPR 223/1989 art. 11 c.1 lett. c (Policy.RegisterReview)
//	phone_format                   E  format v1; ITU-T E.164
//	place_not_valid_on_date        E  ANPR comuni archive and states table
//	province_mismatch              E  ANPR comuni archive; ISTAT provinces
//	questura_mismatch              E  art. 5 c.4 d.lgs. 286/1998 (SU served by CA)
//	questura_unknown               E  ISTAT provinces (SU has no questura)
//	renewal_late                   W  art. 5 c.4 d.lgs. 286/1998 (Policy.RenewalNotice)
//	required                       E  format v1
//	spouse_multiple                E  art. 29 c.1-ter d.lgs. 286/1998
//	spouse_too_young               W  art. 84 codice civile (Policy.SpouseMinAge)
//	state_not_birth_place          E  ANPR states table
//	state_not_citizenship          E  ANPR states table
//	titolo_expired                 W  art. 5 d.lgs. 286/1998 (an expired permit is renewed)
//	titolo_posseduto_required      E  format v1; Modulo 1
//	too_long                       E  format v1 XSD (maxLength)
//	too_many                       E  format v1 XSD (maxOccurs)
//	too_short                      E  format v1 XSD (minLength)
//	unknown_code                   E  ANPR decoding tables
//	unknown_comune                 E  ANPR comuni archive
//	unknown_kit                    E  kit tables (every edition)
//	unknown_province               E  ISTAT provinces
//	unknown_state                  E  ANPR states table
//	unreadable                     E  format v1: value the Decoder could not read
//	validity_too_long              E  art. 9 d.lgs. 286/1998, l. 238/2021: 10 years (Policy.MaxValidity)
//	visto_only_rilascio            E  format v1; Modulo 1
package eli2
