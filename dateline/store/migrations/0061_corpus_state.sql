-- A change counter: every write of documents or annotation rows bumps `changes`; the corpus-level
-- resolution records the count it ran at in `resolved`, and is skipped when nothing changed since.
CREATE TABLE corpus_state (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO corpus_state (key, value) VALUES ('changes', 1), ('resolved', 0);
