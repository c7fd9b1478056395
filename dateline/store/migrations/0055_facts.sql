-- Dated facts (history told in background paragraphs), proposed dates for undated articles, and
-- timeline entries built from facts as well as events.
CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,            -- evidence sentence
    end INTEGER NOT NULL,
    timex_start INTEGER NOT NULL,
    timex_end INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('point', 'since', 'range', 'duration')),
    date TEXT,                         -- absolute date (start of a range); NULL for a duration
    date_end TEXT,
    duration TEXT,                     -- TIMEX3 duration ("P1DE") of a "for almost a decade" fact
    mod TEXT NOT NULL DEFAULT '',
    concepts TEXT NOT NULL DEFAULT '[]',  -- JSON, best first (concepts.yaml)
    event TEXT NOT NULL,               -- PLOVER type of the first concept, or OTHER
    actors TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX facts_doc ON facts(doc_id, start);
CREATE INDEX facts_date ON facts(date);

-- A publication date proposed for an undated or ambiguous article from the timeline entries it
-- shares with dated ones. The user accepts it with `dateline set-date`.
CREATE TABLE date_proposals (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    granularity TEXT NOT NULL,
    score REAL NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]'   -- JSON [{entry_id, headline, own, their}]
);

ALTER TABLE timeline_entries ADD COLUMN date_end TEXT;
ALTER TABLE timeline_entries ADD COLUMN concepts TEXT NOT NULL DEFAULT '[]';

-- Derived and rebuilt after every ingest, so it is recreated rather than altered: a source is now
-- an event or a fact.
DROP TABLE timeline_sources;
CREATE TABLE timeline_sources (
    entry_id INTEGER NOT NULL REFERENCES timeline_entries(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    fact_id INTEGER REFERENCES facts(id) ON DELETE CASCADE,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date TEXT,                         -- what this source says the date is
    claim TEXT NOT NULL DEFAULT '',    -- how it says it: "in 1994", "since 1992", "for almost a decade"
    start INTEGER NOT NULL,            -- evidence sentence
    end INTEGER NOT NULL,
    CHECK ((event_id IS NULL) != (fact_id IS NULL))
);
CREATE INDEX timeline_sources_entry ON timeline_sources(entry_id);
CREATE INDEX timeline_sources_doc ON timeline_sources(doc_id);
