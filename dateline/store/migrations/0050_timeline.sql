-- The corpus timeline: one entry per real-world event, every source kept. Rebuilt after each ingest.
CREATE TABLE timeline_entries (
    id INTEGER PRIMARY KEY,
    date TEXT,                         -- the entry's date at its granularity (1994, 2016-04, 2018-05-18)
    granularity TEXT NOT NULL,         -- day | month | week | season | year | decade | ''
    kind TEXT NOT NULL CHECK (kind IN ('news', 'background')),
    event TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT '',
    actors TEXT NOT NULL DEFAULT '[]',      -- JSON [{actor_id, name, code, sector}]
    recipients TEXT NOT NULL DEFAULT '[]',
    headline TEXT NOT NULL,
    n_sources INTEGER NOT NULL,
    n_documents INTEGER NOT NULL,
    contradictions TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX timeline_date ON timeline_entries(date);
CREATE INDEX timeline_event ON timeline_entries(event, date);

CREATE TABLE timeline_sources (
    entry_id INTEGER NOT NULL REFERENCES timeline_entries(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date TEXT,                         -- what this source says the date is
    start INTEGER NOT NULL,            -- evidence sentence
    end INTEGER NOT NULL
);
CREATE INDEX timeline_sources_entry ON timeline_sources(entry_id);
CREATE INDEX timeline_sources_doc ON timeline_sources(doc_id);
