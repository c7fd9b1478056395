-- Near-duplicate search without holding the corpus in memory: the LSH band keys of each indexed
-- document's MinHash signature, looked up by key. Filled from the stored signatures the first time
-- an ingest needs it; corpus_state 'lsh_bands' records the banding (bands * 1000 + rows) it was
-- filled with, so that another --near-threshold refills it.
CREATE TABLE minhash_bands (
    key INTEGER NOT NULL,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_key ON minhash_bands (key);
CREATE INDEX minhash_bands_doc ON minhash_bands (doc_id);
