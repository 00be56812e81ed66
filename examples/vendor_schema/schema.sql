-- A registry vendor's own schema (not ANPR's, not sqlreg's): integer keys,
-- ISTAT comune codes, the birth state stored by name, one citizenship,
-- full birth dates only, free-text permit types and a permit history in
-- which cancelled (annullato) and superseded (sostituito_da) rows stay.

CREATE TABLE IF NOT EXISTS famiglie (
    id     INTEGER PRIMARY KEY,
    codice TEXT NOT NULL UNIQUE               -- household code shown to operators
);

CREATE TABLE IF NOT EXISTS individui (
    id                   INTEGER PRIMARY KEY,
    codice_fiscale       TEXT,
    cognome              TEXT NOT NULL,
    nome                 TEXT NOT NULL,
    sesso                TEXT NOT NULL CHECK (sesso IN ('M', 'F')),
    data_nascita         TEXT,                -- YYYY-MM-DD; NULL when only year or month is known
    comune_nascita_istat TEXT,                -- ISTAT code of the comune of birth
    stato_nascita        TEXT,                -- name of the state of birth (MAROCCO)
    luogo_estero         TEXT,
    cittadinanza         TEXT,                -- ISTAT code of the one citizenship kept
    stato_civile         TEXT,                -- ANPR stato_civile code
    comune_istat         TEXT,                -- residence: ISTAT code of the comune
    indirizzo            TEXT,                -- street line as written (VIA DEI SERVI)
    civico               TEXT,                -- house number as written (12/A, SNC)
    scala                TEXT,
    interno              TEXT,
    cap                  TEXT,
    presso               TEXT,
    telefono             TEXT,
    email                TEXT,
    famiglia_id          INTEGER REFERENCES famiglie (id),
    parentela            TEXT,                -- ANPR relazione_parentela code
    padre_id             INTEGER,
    madre_id             INTEGER,
    aggiornato           TEXT                 -- last change, RFC 3339 UTC
);
CREATE INDEX IF NOT EXISTS individui_famiglia ON individui (famiglia_id);
-- Streams come in ascending byte order of the ID ("10" < "100" < "2"), the
-- adapter contract: an index on the text form lets the paged stream
-- (WHERE CAST(id AS TEXT) > ? ORDER BY CAST(id AS TEXT)) seek instead of sort.
CREATE INDEX IF NOT EXISTS individui_id_testo ON individui (CAST(id AS TEXT));

CREATE TABLE IF NOT EXISTS permessi (
    id            INTEGER PRIMARY KEY,
    individuo_id  INTEGER NOT NULL REFERENCES individui (id),
    tipo          TEXT NOT NULL,              -- free text (MOTIVI FAMILIARI)
    titolo        TEXT NOT NULL,              -- ANPR tipo_soggiorno code
    numero        TEXT,
    rilascio      TEXT,                       -- YYYY-MM-DD
    scadenza      TEXT,                       -- YYYY-MM-DD; NULL for a carta
    rinnovo       TEXT,                       -- YYYY-MM-DD of the latest renewal
    questura      TEXT,                       -- as written (QUESTURA DI FIRENZE)
    annullato     INTEGER NOT NULL DEFAULT 0, -- 1: cancelled (entered in error, revoked)
    sostituito_da INTEGER REFERENCES permessi (id)
);
-- The current permit of a person: neither cancelled nor superseded.
CREATE INDEX IF NOT EXISTS permessi_correnti ON permessi (scadenza, individuo_id) WHERE annullato = 0 AND sostituito_da IS NULL;
CREATE INDEX IF NOT EXISTS permessi_individuo ON permessi (individuo_id);

CREATE TABLE IF NOT EXISTS documenti (
    id           INTEGER PRIMARY KEY,
    individuo_id INTEGER NOT NULL REFERENCES individui (id),
    ordine       INTEGER NOT NULL,
    tipo         TEXT NOT NULL,               -- anagrafe.DocumentKind (PASSAPORTO…)
    numero       TEXT,
    rilascio     TEXT,
    scadenza     TEXT,
    autorita     TEXT,
    stato_istat  TEXT
);
CREATE INDEX IF NOT EXISTS documenti_individuo ON documenti (individuo_id, ordine);
