-- Core tables: documents, their annotations (spans), stage bookkeeping and ingest problems.
-- Every extracted fact points back to its evidence as (doc_id, start, end): character offsets
-- into documents.text, Python string indexing.

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,          -- stable id: sha256 of the source and record
    path TEXT NOT NULL,                    -- file path, "-" for stdin; "file.jsonl:12" for a record
    record_id TEXT,                        -- the record's own id in JSON/JSONL inputs
    url TEXT,
    title TEXT,
    summary TEXT,                          -- standfirst / lead paragraph set apart from the body
    text TEXT NOT NULL,                    -- cleaned article text; all offsets point into it
    body_start INTEGER NOT NULL DEFAULT 0, -- where the body begins after headline and standfirst
    content_hash TEXT NOT NULL,            -- sha256 of the normalised text, for exact duplicates
    n_chars INTEGER NOT NULL,
    n_words INTEGER NOT NULL,
    outlet TEXT,
    place TEXT,
    dateline_text TEXT,                    -- the dateline as written ("MOSCOW, May 19 (Sputnik) –")
    dateline_start INTEGER,
    dateline_end INTEGER,
    published TEXT,                        -- YYYY-MM-DD, NULL while ambiguous or unknown
    date_source TEXT NOT NULL CHECK (date_source IN
        ('metadata', 'explicit', 'inferred', 'ambiguous', 'unknown', 'user')),
    date_confidence REAL NOT NULL DEFAULT 0,
    date_candidates TEXT NOT NULL DEFAULT '[]',  -- JSON [{"date", "score", "evidence"}]
    date_evidence TEXT NOT NULL DEFAULT '[]',    -- JSON list of strings
    duplicate_of INTEGER REFERENCES documents(id),
    duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near')),
    similarity REAL,
    minhash BLOB,                          -- MinHash signature for near-duplicate search
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

-- Generic annotation spans: sentences, entities, time expressions, actor mentions ...
CREATE TABLE spans (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    value TEXT,
    attrs TEXT NOT NULL DEFAULT '{}',
    CHECK (start >= 0 AND end >= start)
);
CREATE INDEX spans_doc ON spans(doc_id, kind, start);
CREATE INDEX spans_kind_value ON spans(kind, value);

-- Which version of which stage produced the rows a document has: the incremental contract.
CREATE TABLE stage_runs (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    published TEXT,                        -- the publication date the stage ran against
    n_rows INTEGER NOT NULL,
    PRIMARY KEY (doc_id, stage)
);

-- Inputs that could not be ingested, kept so a batch reports them and a user can find them later.
CREATE TABLE ingest_errors (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    problem TEXT NOT NULL,
    at TEXT NOT NULL
);

-- Full-text index over the article text. content="documents" is the form Datasette detects.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content="documents", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
