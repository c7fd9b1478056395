-- PLOVER events, each with its evidence (sentence and trigger offsets into documents.text).
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,            -- evidence sentence
    end INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_lemma TEXT NOT NULL,
    event TEXT NOT NULL,               -- one of the 16 PLOVER types
    mode TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '[]',
    actors TEXT NOT NULL DEFAULT '[]',     -- JSON [{actor_id, name, code, sector, entity_text}]
    recipients TEXT NOT NULL DEFAULT '[]',
    date TEXT,
    date_granularity TEXT NOT NULL DEFAULT '',
    date_source TEXT NOT NULL,         -- trigger | statement | published | unknown
    location TEXT,
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    future INTEGER NOT NULL DEFAULT 0,
    historical INTEGER NOT NULL DEFAULT 0,
    confidence REAL NOT NULL,
    rank INTEGER NOT NULL              -- 0 for the best event of its sentence
);
CREATE INDEX events_doc ON events(doc_id, start);
CREATE INDEX events_type_date ON events(event, date);
CREATE INDEX events_date ON events(date);

-- Which actors take part in which event, for "what did Russia do" queries.
CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_actors_actor ON event_actors(actor_id, role);
CREATE INDEX event_actors_code ON event_actors(code, role);
