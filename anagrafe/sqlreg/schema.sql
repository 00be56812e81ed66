-- eli2sdk register schema, version 1 (package anagrafe/sqlreg).
--
-- ANPR-like tables read by the reference SQL adapter. A vendor whose
-- database differs creates views with these names and columns over its own
-- tables. The same text runs on SQLite and PostgreSQL.
--
-- Conventions:
--   * every column is TEXT unless stated, NULL and '' both mean "not recorded"
--   * full dates are ISO text YYYY-MM-DD (they compare correctly as text)
--   * codes are the register's own: Belfiore codes for comuni, ISTAT 3-digit
--     codes for states, ANPR table IDs as decimal text
--   * aggiornato_il is UTC in the fixed-width form
--     YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ (nine fractional digits, so that text
--     order is time order)
--   * persons are read in byte order of persone.id (COLLATE "C" on PostgreSQL)

-- Households (famiglie anagrafiche).
CREATE TABLE IF NOT EXISTS famiglie (
    id TEXT PRIMARY KEY -- household identifier
);

-- Residents: one row per person.
CREATE TABLE IF NOT EXISTS persone (
    id                           TEXT PRIMARY KEY,               -- register identifier of the person
    codice_fiscale               TEXT,                           -- 16-character or 11-digit provisional code
    cognome                      TEXT NOT NULL,                  -- surname as recorded (accents allowed)
    nome                         TEXT NOT NULL,                  -- given names as recorded
    sesso                        TEXT,                           -- M or F
    data_nascita                 TEXT,                           -- birth date: YYYY, YYYY-MM or YYYY-MM-DD
    comune_nascita               TEXT,                           -- Belfiore code of the comune of birth (born in Italy)
    stato_nascita                TEXT,                           -- ISTAT 3-digit code of the state of birth (born abroad)
    localita_nascita             TEXT,                           -- town of birth abroad, free text
    stato_civile                 TEXT,                           -- ANPR stato_civile code
    telefono                     TEXT,                           -- phone number
    email                        TEXT,                           -- e-mail address
    titolo_studio                TEXT,                           -- ANPR titolo_studio code
    posizione_professione        TEXT,                           -- ANPR posizione_professione code
    condizione_non_professionale TEXT,                           -- ANPR condizione_non_professionale code
    famiglia_id                  TEXT REFERENCES famiglie (id),  -- household, NULL if none
    relazione_parentela          TEXT,                           -- ANPR relazione_parentela code, relative to the household head (1 = head)
    padre_id                     TEXT,                           -- persone.id of the father (filiation link), if recorded
    madre_id                     TEXT,                           -- persone.id of the mother (filiation link), if recorded
    dichiarazione_dimora         TEXT,                           -- date of the latest declaration of habitual residence (DPR 223/1989 art. 7 c.3)
    aggiornato_il                TEXT                            -- last change of the person's data, UTC fixed-width (see above)
);
CREATE INDEX IF NOT EXISTS persone_famiglia ON persone (famiglia_id);
CREATE INDEX IF NOT EXISTS persone_aggiornato ON persone (aggiornato_il);

-- Citizenships: one row per citizenship, in register order.
CREATE TABLE IF NOT EXISTS cittadinanze (
    persona_id TEXT NOT NULL REFERENCES persone (id) ON DELETE CASCADE, -- the person
    ordine     INTEGER NOT NULL,                                        -- position in the register's list, from 1
    stato      TEXT NOT NULL,                                           -- ISTAT 3-digit state code, 999 apolide
    PRIMARY KEY (persona_id, ordine)
);

-- Domicile: at most one row per person.
CREATE TABLE IF NOT EXISTS indirizzi (
    persona_id    TEXT PRIMARY KEY REFERENCES persone (id) ON DELETE CASCADE, -- the person
    comune        TEXT,                                                       -- Belfiore code of the comune
    provincia     TEXT,                                                       -- province sigla
    specie        TEXT,                                                       -- ANPR specie_toponimo description, upper case (VIA, PIAZZA)
    denominazione TEXT,                                                       -- street name without the specie
    civico        TEXT,                                                       -- house number
    esponente     TEXT,                                                       -- esponente (A, bis)
    scala         TEXT,                                                       -- staircase
    interno       TEXT,                                                       -- interior
    cap           TEXT,                                                       -- postcode, 5 digits
    presso        TEXT                                                        -- care of (c/o)
);

-- Residence permit held: at most one row per person (the current one).
CREATE TABLE IF NOT EXISTS permessi (
    persona_id    TEXT PRIMARY KEY REFERENCES persone (id) ON DELETE CASCADE, -- the holder
    tipo          TEXT NOT NULL,                                              -- ANPR tipo_soggiorno code (1 permesso, 2 carta, 5 ricevuta, 6 rinnovo in corso)
    tipologia_kit INTEGER,                                                    -- kit code of the permit type (kit/tipologie_permesso.csv), if recorded
    motivo        TEXT,                                                       -- motive as written on the permit
    numero        TEXT,                                                       -- document number
    data_rilascio TEXT,                                                       -- issue date
    data_scadenza TEXT,                                                       -- expiry date, NULL if none
    questura      TEXT,                                                       -- sigla of the issuing questura
    data_rinnovo  TEXT                                                        -- date of the latest renewal recorded
);
CREATE INDEX IF NOT EXISTS permessi_scadenza ON permessi (data_scadenza);
CREATE INDEX IF NOT EXISTS permessi_rinnovo ON permessi (data_rinnovo);

-- Identity and travel documents, in register order.
CREATE TABLE IF NOT EXISTS documenti (
    persona_id     TEXT NOT NULL REFERENCES persone (id) ON DELETE CASCADE, -- the holder
    ordine         INTEGER NOT NULL,                                        -- position in the register's list, from 1
    tipo           TEXT NOT NULL,                                           -- PASSAPORTO, DOCUMENTO_EQUIPOLLENTE, TITOLO_VIAGGIO, CARTA_IDENTITA, ALTRO
    numero         TEXT,                                                    -- document number
    data_rilascio  TEXT,                                                    -- issue date
    data_scadenza  TEXT,                                                    -- expiry date
    autorita       TEXT,                                                    -- issuing authority, free text
    stato_rilascio TEXT,                                                    -- ISTAT 3-digit code of the issuing state
    PRIMARY KEY (persona_id, ordine)
);
