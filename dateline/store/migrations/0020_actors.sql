-- Canonical actors of the corpus, rebuilt from the actor_mention spans after every ingest.
CREATE TABLE actors (
    id TEXT PRIMARY KEY,             -- "RUS", "RUS:GOV:foreign-ministry", "person:lavrov", "ORG:osce-minsk-group"
    name TEXT NOT NULL,
    kind TEXT NOT NULL,              -- person | organization | country | igo | pre
    code TEXT NOT NULL DEFAULT '',   -- ISO 3166 alpha-3, IGO, NGO
    sector TEXT NOT NULL DEFAULT '', -- PLOVER sector
    office TEXT NOT NULL DEFAULT '',
    aliases TEXT NOT NULL DEFAULT '[]',
    n_mentions INTEGER NOT NULL,
    n_documents INTEGER NOT NULL,
    first_seen TEXT,                 -- earliest publication date of a document mentioning it
    last_seen TEXT
);
CREATE INDEX actors_code ON actors(code, sector);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
