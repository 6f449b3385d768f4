-- schema.sql: the actornet store's schema, version 2 (PRAGMA user_version = 2,
-- PRAGMA application_id = 0x616e6574, "anet"). This file documents the
-- current layout; the migrations that build it are in src/store/store.c
-- (MIGRATIONS), and tests/unit/store/test_store.c checks that a new store has
-- exactly these tables, columns and indexes.
--
-- Every record is kept twice: verbatim, as the JSON line `actornet extract`
-- wrote (the `json` columns: export gives these back byte for byte, so
-- `build --db` equals building from the JSONL), and split into columns for
-- SQL queries and filters. Dates are ISO strings at their precision
-- (YYYY, YYYY-MM or YYYY-MM-DD) or NULL.
--
-- History:
--   1  documents, actors, events.
--   2  affiliations (backfilled from the stored document records).
-- Events are indexed by id and by (doc, ord) only: every further index
-- costs about a tenth of the insert time. For heavy SQL use add your own,
-- e.g. CREATE INDEX events_source ON events(source_id); they are kept.
-- Opened with the store in WAL mode (journal_mode=WAL, synchronous=NORMAL)
-- and foreign_keys=ON: deleting a document deletes its rows everywhere.

-- One row per document id. seq orders the export (the order documents were
-- first stored; a replaced document keeps its seq).
CREATE TABLE documents (
  seq    INTEGER PRIMARY KEY,
  id     TEXT NOT NULL UNIQUE,       -- document id ("d01", a file name, JSONL "id")
  hash   TEXT NOT NULL,              -- SHA-256 hex of text + date/outlet/url/title
  date   TEXT,
  outlet TEXT,
  url    TEXT,
  title  TEXT,
  added  TEXT NOT NULL,              -- UTC time stored, YYYY-MM-DDTHH:MM:SSZ
  json   TEXT NOT NULL               -- the "document" record line
);

-- The actors of each document, as its document record lists them.
CREATE TABLE actors (
  doc      INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  ord      INTEGER NOT NULL,         -- position in the record's "actors" array
  id       TEXT NOT NULL,            -- actor id (slug or ISO alpha-3)
  label    TEXT NOT NULL,
  kind     TEXT NOT NULL,            -- person | organization | country
  country  TEXT,                     -- ISO 3166 alpha-3
  aliases  TEXT NOT NULL DEFAULT '[]', -- JSON array of the names seen
  mentions INTEGER NOT NULL DEFAULT 0,
  key      TEXT,                     -- cross-document resolution key
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;
CREATE INDEX actors_id ON actors(id);

-- Person -> organization/country links of each document.
CREATE TABLE affiliations (
  doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  ord    INTEGER NOT NULL,           -- position in the record's "affiliations" array
  person TEXT NOT NULL,              -- actor id
  org    TEXT NOT NULL,              -- actor id
  role   TEXT,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;
CREATE INDEX affiliations_person ON affiliations(person);

-- One row per event record; every field of the record has a column.
CREATE TABLE events (
  id            TEXT PRIMARY KEY,    -- 16 hex digits, unique in the store
  doc           INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
  ord           INTEGER NOT NULL,    -- position among the document's events
  type          TEXT NOT NULL,       -- call, meet, praise, accuse, ...
  source_id     TEXT NOT NULL,
  source_label  TEXT,
  source_kind   TEXT,
  target_id     TEXT NOT NULL,
  target_label  TEXT,
  target_kind   TEXT,
  directed      INTEGER,             -- 0 or 1
  date          TEXT,
  date_text     TEXT,
  outlet        TEXT,
  url           TEXT,
  attributed_to TEXT,
  sentence      TEXT,
  off_start     INTEGER,             -- byte offsets into the original text
  off_end       INTEGER,
  trigger       TEXT,
  confidence    REAL,
  cameo         TEXT,
  plover        TEXT,
  json          TEXT NOT NULL,       -- the "event" record line
  UNIQUE (doc, ord)
);
