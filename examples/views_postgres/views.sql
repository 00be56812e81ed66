-- Views that show the vendor's tables (schema vendor, vendor.sql) as the
-- register schema of package anagrafe/sqlreg (anagrafe/sqlreg/schema.sql),
-- in schema eli2, so that the SDK's reference SQL adapter exports them
-- without Go code:
--
--   eli2 export --db 'postgres://…/anagrafe?search_path=eli2' …
--
-- They read the code tables that codetables.go writes into schema eli2 from
-- the SDK's own tables (never retyped): comuni_istat, stati_nome,
-- questure_nome, specie_toponimo, permessi_kit.
--
-- A vendor value that no code table maps is passed through as written
-- (an ISTAT comune code, a state name): sqlreg accepts only a Belfiore code
-- in comune_nascita and indirizzi.comune and a 3-digit ISTAT code in
-- stato_nascita, so the person is reported as an anagrafe.RecordError
-- (bad_value, naming persone.stato_nascita…), never exported with the
-- place missing. A view must not turn such a value into NULL: NULL means
-- "not recorded", and the file would then say birth_place_missing.
--
-- Speed: sqlreg reads persons in chunks, ORDER BY id COLLATE "C" with
-- keyset pagination, and joins the other views on persona_id = id. The
-- view's id is the text of an integer key, so the indexes are on the
-- expressions the views expose (id::text, and its "C" collation for the
-- ordering); cancelled and superseded permits are filtered in the view
-- with a shape that keeps a WHERE on data_scadenza using the expiry index.
-- Look-ups of codes are scalar subqueries and a function, never lateral
-- joins: a view with lateral joins is not merged into sqlreg's query, and
-- PostgreSQL then computes it for every person for each chunk. A first
-- version with lateral joins and a LIKE against every specie took 139 s
-- for 10,240 persons, this one about 6 s (BenchmarkViewsVsGoAdapter in
-- examples/views_postgres_test.go compares with the Go adapter).

-- Expression indexes for the views' text ids.
CREATE INDEX individui_id_text ON vendor.individui ((id::text));
CREATE INDEX individui_id_c ON vendor.individui ((id::text) COLLATE "C");
CREATE INDEX individui_aggiornato ON vendor.individui (aggiornato);
CREATE INDEX documenti_persona ON vendor.documenti ((individuo_id::text), ordine);
-- The current permits (neither cancelled nor superseded): by person, and by
-- expiry and renewal date for the pushed-down queries.
CREATE INDEX permessi_correnti_persona ON vendor.permessi ((individuo_id::text))
    WHERE annullato = 0 AND sostituito_da IS NULL;
CREATE INDEX permessi_correnti_ultimo ON vendor.permessi (individuo_id, rilascio, id)
    WHERE annullato = 0 AND sostituito_da IS NULL;
CREATE INDEX permessi_correnti_scadenza ON vendor.permessi (scadenza)
    WHERE annullato = 0 AND sostituito_da IS NULL;
CREATE INDEX permessi_correnti_rinnovo ON vendor.permessi (rinnovo)
    WHERE annullato = 0 AND sostituito_da IS NULL;

-- A street line split as vendormap.SplitStreet does: the specie is the
-- longest ANPR specie (specie_toponimo) its leading words form that still
-- leaves a name ("VIA NUOVA MARINA": VIA NUOVA + MARINA), else the whole
-- line if it is a specie ("CASE SPARSE"); the name is the other words,
-- single-spaced, as written. The leading words are looked up by the
-- table's key, longest first (a few index probes per line, rather than a
-- LIKE against every specie). Case is ignored, accents are not: a vendor
-- writing LOCALITÀ for ANPR's LOCALITA' adds a row to specie_toponimo.
-- Each function body is one SELECT without FROM, so that PostgreSQL
-- inlines it into the view's query (a function that is not inlined pays an
-- executor start per call).
CREATE FUNCTION eli2.specie_parole(line text) RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (
        SELECT k
        FROM regexp_split_to_array(upper(trim(line)), '\s+') AS w,
             generate_series(cardinality(w), 1, -1) AS k,
             eli2.specie_toponimo s
        WHERE trim(line) <> '' AND s.specie = array_to_string(w[1:k], ' ')
        ORDER BY k = cardinality(w), k DESC
        LIMIT 1)
$$;

-- The specie of a street line (see specie_parole), NULL if none.
CREATE FUNCTION eli2.specie_di(line text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT array_to_string((regexp_split_to_array(upper(trim(line)), '\s+'))[1:eli2.specie_parole(line)], ' ')
$$;

-- The name of a street line after its specie: the whole line, single-spaced,
-- when no specie starts it; NULL when the line is only a specie.
CREATE FUNCTION eli2.denominazione_di(line text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT NULLIF(array_to_string((regexp_split_to_array(trim(line), '\s+'))[COALESCE(eli2.specie_parole(line), 0) + 1:], ' '), '')
$$;

CREATE VIEW eli2.famiglie AS
SELECT f.codice AS id FROM vendor.famiglie f;

-- Place codes are looked up in scalar subqueries of the select list, not
-- in lateral joins: the views then stay a scan of individui that the
-- planner merges into sqlreg's queries, so that a chunk of persons is read
-- by the id index and the look-ups run for the chunk's rows only.
CREATE VIEW eli2.persone AS
SELECT i.id::text AS id,
       i.codice_fiscale,
       i.cognome,
       i.nome,
       i.sesso,
       to_char(i.data_nascita, 'YYYY-MM-DD') AS data_nascita,
       -- The comune of birth from today's ISTAT code at the birth date, as
       -- codes.Tables.ComuneByIstat: a row that had the code on that date,
       -- else the comune (by Belfiore code) of a row that ever had it, if it
       -- existed then; without a date, the most recent row.
       COALESCE((
           SELECT c.belfiore
           FROM eli2.comuni_istat c
           WHERE c.istat = trim(i.comune_nascita_istat)
             AND (i.data_nascita IS NULL OR EXISTS (
                   SELECT 1 FROM eli2.comuni_istat b
                   WHERE b.belfiore = c.belfiore
                     AND i.data_nascita >= COALESCE(b.dal, '-infinity') AND i.data_nascita <= b.al))
           ORDER BY COALESCE(i.data_nascita >= COALESCE(c.dal, '-infinity') AND i.data_nascita <= c.al, false) DESC,
                    c.dal DESC NULLS LAST
           LIMIT 1), NULLIF(trim(i.comune_nascita_istat), '')) AS comune_nascita,
       COALESCE(sn.istat, NULLIF(trim(i.stato_nascita), '')) AS stato_nascita,
       i.luogo_estero AS localita_nascita,
       i.stato_civile,
       i.telefono,
       i.email,
       NULL::text AS titolo_studio,                -- not stored by the vendor
       NULL::text AS posizione_professione,
       NULL::text AS condizione_non_professionale,
       f.codice AS famiglia_id,
       i.parentela AS relazione_parentela,
       i.padre_id::text AS padre_id,
       i.madre_id::text AS madre_id,
       NULL::text AS dichiarazione_dimora,         -- not stored: sqlreg.Options.NoResidenceDeclaration
       i.aggiornato AS aggiornato_il
FROM vendor.individui i
LEFT JOIN vendor.famiglie f ON f.id = i.famiglia_id
LEFT JOIN eli2.stati_nome sn ON sn.nome = upper(trim(i.stato_nascita));

CREATE VIEW eli2.indirizzi AS
SELECT i.id::text AS persona_id,
       -- the residence comune: the most recent row of today's ISTAT code
       COALESCE((SELECT c.belfiore FROM eli2.comuni_istat c WHERE c.istat = trim(i.comune_istat)
                 ORDER BY c.dal DESC NULLS LAST LIMIT 1),
                NULLIF(trim(i.comune_istat), '')) AS comune,
       (SELECT c.provincia FROM eli2.comuni_istat c WHERE c.istat = trim(i.comune_istat)
        ORDER BY c.dal DESC NULLS LAST LIMIT 1) AS provincia,
       -- the longest ANPR specie that starts the street line and leaves a
       -- name, and the rest of the line
       eli2.specie_di(i.indirizzo) AS specie,
       eli2.denominazione_di(i.indirizzo) AS denominazione,
       -- "12/A", "12 A", "12-a", "12A" → 12 and A; "SNC" → no number;
       -- anything else is kept whole as the number (vendormap.SplitHouseNumber
       -- does the same in Go)
       CASE WHEN trim(i.civico) ~ '^[0-9]+([ /-]+[A-Za-z0-9]{1,6}|[A-Za-z][A-Za-z0-9]{0,5})?$'
                 THEN substring(trim(i.civico) FROM '^[0-9]+')
            WHEN upper(trim(i.civico)) IN ('SNC', 'S.N.C.', 'SENZA NUMERO CIVICO') THEN NULL
            -- a kilometre marker "Km. 3+500" → "KM 3+500"
            WHEN trim(i.civico) ~* '^KM( *\. *| +)[0-9]+([,.+][0-9]+)?$'
                 THEN 'KM ' || regexp_replace(trim(i.civico), '^[Kk][Mm] *\.? *', '')
            ELSE NULLIF(trim(i.civico), '') END AS civico,
       CASE WHEN trim(i.civico) ~ '^[0-9]+([ /-]+[A-Za-z0-9]{1,6}|[A-Za-z][A-Za-z0-9]{0,5})?$'
                 THEN NULLIF(upper(ltrim(substring(trim(i.civico) FROM '^[0-9]+(.*)$'), ' /-')), '') END AS esponente,
       i.scala,
       i.interno,
       i.cap,
       i.presso
FROM vendor.individui i;

CREATE VIEW eli2.cittadinanze AS
SELECT i.id::text AS persona_id, 1 AS ordine, trim(i.cittadinanza) AS stato
FROM vendor.individui i
WHERE NULLIF(trim(i.cittadinanza), '') IS NOT NULL;

-- The current permit: neither cancelled nor superseded, the latest issued
-- if the data hold several. NOT EXISTS rather than DISTINCT ON, so that a
-- condition on data_scadenza reaches the expiry index.
CREATE VIEW eli2.permessi AS
SELECT m.individuo_id::text AS persona_id,
       m.titolo AS tipo,
       k.kit AS tipologia_kit,
       m.tipo AS motivo,
       m.numero,
       m.rilascio AS data_rilascio,
       m.scadenza AS data_scadenza,
       COALESCE(q.sigla, m.questura) AS questura,
       m.rinnovo AS data_rinnovo
FROM vendor.permessi m
LEFT JOIN eli2.permessi_kit k ON k.testo = upper(trim(m.tipo))
LEFT JOIN eli2.questure_nome q ON q.nome = upper(trim(m.questura))
WHERE m.annullato = 0 AND m.sostituito_da IS NULL
  AND NOT EXISTS (
        SELECT 1 FROM vendor.permessi n
        WHERE n.individuo_id = m.individuo_id AND n.annullato = 0 AND n.sostituito_da IS NULL
          AND (COALESCE(n.rilascio, '-infinity'), n.id) > (COALESCE(m.rilascio, '-infinity'), m.id));

CREATE VIEW eli2.documenti AS
SELECT d.individuo_id::text AS persona_id,
       d.ordine,
       d.tipo,
       d.numero,
       d.rilascio AS data_rilascio,
       d.scadenza AS data_scadenza,
       d.autorita,
       d.stato_istat AS stato_rilascio
FROM vendor.documenti d;
