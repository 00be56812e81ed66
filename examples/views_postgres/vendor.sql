-- The registry vendor's own schema on PostgreSQL: the tables of
-- examples/vendor_schema (integer keys, ISTAT comune codes, the birth state
-- stored by name, one citizenship, free-text permit types, a permit history
-- in which cancelled and superseded rows stay), with PostgreSQL's types.
-- The tables live in schema vendor; views.sql maps them to sqlreg's schema
-- in schema eli2.

CREATE TABLE vendor.famiglie (
    id     BIGINT PRIMARY KEY,
    codice TEXT NOT NULL UNIQUE               -- household code shown to operators
);

CREATE TABLE vendor.individui (
    id                   BIGINT PRIMARY KEY,
    codice_fiscale       TEXT,
    cognome              TEXT NOT NULL,
    nome                 TEXT NOT NULL,
    sesso                TEXT NOT NULL CHECK (sesso IN ('M', 'F')),
    data_nascita         DATE,
    comune_nascita_istat TEXT,                -- ISTAT code of the comune of birth (today's)
    stato_nascita        TEXT,                -- name of the state of birth (MAROCCO)
    luogo_estero         TEXT,
    cittadinanza         TEXT,                -- ISTAT code of the one citizenship kept
    stato_civile         TEXT,
    comune_istat         TEXT,                -- residence: ISTAT code of the comune
    indirizzo            TEXT,                -- street line as written (VIA DEI SERVI)
    civico               TEXT,                -- house number as written (12/A, SNC)
    scala                TEXT,
    interno              TEXT,
    cap                  TEXT,
    presso               TEXT,
    telefono             TEXT,
    email                TEXT,
    famiglia_id          BIGINT REFERENCES vendor.famiglie (id),
    parentela            TEXT,
    padre_id             BIGINT,
    madre_id             BIGINT,
    aggiornato           TIMESTAMPTZ
);
CREATE INDEX ON vendor.individui (famiglia_id);

CREATE TABLE vendor.permessi (
    id            BIGINT PRIMARY KEY,
    individuo_id  BIGINT NOT NULL REFERENCES vendor.individui (id),
    tipo          TEXT NOT NULL,              -- free text (MOTIVI FAMILIARI)
    titolo        TEXT NOT NULL,              -- ANPR tipo_soggiorno code
    numero        TEXT,
    rilascio      DATE,
    scadenza      DATE,                       -- NULL for a carta
    rinnovo       DATE,
    questura      TEXT,                       -- as written (QUESTURA DI FIRENZE)
    annullato     INTEGER NOT NULL DEFAULT 0, -- 1: cancelled
    sostituito_da BIGINT REFERENCES vendor.permessi (id)
);

CREATE TABLE vendor.documenti (
    id           BIGINT PRIMARY KEY,
    individuo_id BIGINT NOT NULL REFERENCES vendor.individui (id),
    ordine       INTEGER NOT NULL,
    tipo         TEXT NOT NULL,
    numero       TEXT,
    rilascio     DATE,
    scadenza     DATE,
    autorita     TEXT,
    stato_istat  TEXT
);
