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

CREATE VIEW eli2.famiglie AS
SELECT f.codice AS id FROM vendor.famiglie f;

CREATE VIEW eli2.persone AS
SELECT i.id::text AS id,
       i.codice_fiscale,
       i.cognome,
       i.nome,
       i.sesso,
       to_char(i.data_nascita, 'YYYY-MM-DD') AS data_nascita,
       COALESCE(cn.belfiore, NULLIF(trim(i.comune_nascita_istat), '')) AS comune_nascita,
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
LEFT JOIN eli2.stati_nome sn ON sn.nome = upper(trim(i.stato_nascita))
-- The comune of birth from today's ISTAT code at the birth date, as
-- codes.Tables.ComuneByIstat: a row that had the code on that date, else
-- the comune (by Belfiore code) of a row that ever had it, if it existed
-- then; without a date, the most recent row.
LEFT JOIN LATERAL (
    SELECT c.belfiore
    FROM eli2.comuni_istat c
    WHERE c.istat = trim(i.comune_nascita_istat)
      AND (i.data_nascita IS NULL OR EXISTS (
            SELECT 1 FROM eli2.comuni_istat b
            WHERE b.belfiore = c.belfiore AND i.data_nascita BETWEEN b.dal AND b.al))
    ORDER BY COALESCE(i.data_nascita BETWEEN c.dal AND c.al, false) DESC, c.dal DESC
    LIMIT 1
) cn ON true;

CREATE VIEW eli2.indirizzi AS
SELECT i.id::text AS persona_id,
       COALESCE(rc.belfiore, NULLIF(trim(i.comune_istat), '')) AS comune,
       rc.provincia,
       sp.specie,
       CASE WHEN sp.specie IS NULL THEN NULLIF(trim(i.indirizzo), '')
            ELSE trim(substr(trim(i.indirizzo), length(sp.specie) + 2)) END AS denominazione,
       -- "12/A", "12 A", "12-a" → 12 and A; "SNC" → no number; anything
       -- else is kept as written (vendormap.SplitHouseNumber does the same
       -- in Go)
       CASE WHEN hn.m IS NOT NULL THEN hn.m[1]
            WHEN upper(trim(i.civico)) IN ('SNC', 'S.N.C.') THEN NULL
            ELSE NULLIF(trim(i.civico), '') END AS civico,
       upper(hn.m[2]) AS esponente,
       i.scala,
       i.interno,
       i.cap,
       i.presso
FROM vendor.individui i
LEFT JOIN LATERAL (
    SELECT c.belfiore, c.provincia FROM eli2.comuni_istat c
    WHERE c.istat = trim(i.comune_istat) ORDER BY c.dal DESC LIMIT 1
) rc ON true
-- The longest ANPR specie that starts the street line and leaves a name.
LEFT JOIN LATERAL (
    SELECT s.specie FROM eli2.specie_toponimo s
    WHERE upper(trim(i.indirizzo)) LIKE s.specie || ' %'
    ORDER BY length(s.specie) DESC LIMIT 1
) sp ON true
CROSS JOIN LATERAL (
    SELECT regexp_match(trim(i.civico), '^([0-9]+)(?:[ /-]*([A-Za-z0-9]{1,6}))?$') AS m
) hn;

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
