-- tabelle dei codici di eli2sdk (dati 2023-05-16): eli2 codes dump --format sql
-- compatibile con PostgreSQL e SQLite
BEGIN;

-- tabella di decodifica ANPR stato_civile
DROP TABLE IF EXISTS eli2_anpr_stato_civile;
CREATE TABLE eli2_anpr_stato_civile (
  codice TEXT,
  descrizione TEXT,
  nota TEXT
);
INSERT INTO eli2_anpr_stato_civile (codice, descrizione, nota) VALUES
  ('1', 'Celibe/Nubile', NULL),
  ('2', 'Coniugato/a', NULL),
  ('3', 'Vedovo/a', NULL),
  ('4', 'Divorziato/a', NULL),
  ('9', 'Non classificabile/ignoto/n.c', NULL),
  ('6', 'Unito civilmente', NULL),
  ('7', 'Stato libero a seguito di decesso della parte unita civilmente', NULL),
  ('8', 'Stato libero a seguito di scioglimento dell''unione', NULL);

COMMIT;
