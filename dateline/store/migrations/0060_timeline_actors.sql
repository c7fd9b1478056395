-- Who takes part in each timeline entry, so "the timeline of Russia" is an index lookup rather
-- than a scan of every entry's JSON; rebuilt with the timeline.
CREATE TABLE timeline_actors (
    entry_id INTEGER NOT NULL REFERENCES timeline_entries(id) ON DELETE CASCADE,
    actor_id TEXT,
    code TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient'))
);
CREATE INDEX timeline_actors_actor ON timeline_actors(actor_id, entry_id);
CREATE INDEX timeline_actors_code ON timeline_actors(code, entry_id);
CREATE INDEX timeline_actors_entry ON timeline_actors(entry_id);
CREATE INDEX timeline_kind_date ON timeline_entries(kind, date);
