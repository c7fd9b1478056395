-- Quotes and attributions: who said what, when. Offsets point into documents.text.
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,          -- content span
    end INTEGER NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_lemma TEXT NOT NULL DEFAULT '',
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    actor_id TEXT,                   -- canonical actor (see actors.id)
    speaker_name TEXT,
    code TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    office TEXT NOT NULL DEFAULT '',
    direct INTEGER NOT NULL,
    date TEXT,                       -- the statement's own date, else the publication date
    date_source TEXT NOT NULL,       -- text | published | unknown
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id, start);
CREATE INDEX quotes_actor ON quotes(actor_id, date);
CREATE INDEX quotes_code ON quotes(code, date);
