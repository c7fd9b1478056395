-- What an analyst sorts and filters a large timeline by.
-- n_sources now counts independent stories (the versions of one story, same outlet and overlapping
-- text, count once); n_outlets the outlets among them; importance ranks entries (see
-- dateline/resolve/importance.py). start_day / end_day are the first and last calendar day an
-- entry's date covers (a week, a decade, a range), so that every granularity sorts by its start
-- and filters by overlap.
ALTER TABLE timeline_entries ADD COLUMN n_outlets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timeline_entries ADD COLUMN importance REAL NOT NULL DEFAULT 0;
ALTER TABLE timeline_entries ADD COLUMN start_day TEXT;
ALTER TABLE timeline_entries ADD COLUMN end_day TEXT;
CREATE INDEX timeline_importance ON timeline_entries(importance DESC, id);
CREATE INDEX timeline_days ON timeline_entries(start_day, end_day);
-- Until the next resolution fills them, the days of the usual dates, so that periods still filter.
UPDATE timeline_entries SET start_day = CASE
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(date, 1, 10)
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN date || '-01'
    WHEN date GLOB '[0-9][0-9][0-9][0-9]' THEN date || '-01-01'
    WHEN date GLOB '[0-9][0-9][0-9]' THEN date || '0-01-01' END;
UPDATE timeline_entries SET end_day = CASE
    WHEN COALESCE(date_end, date) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(COALESCE(date_end, date), 1, 10)
    WHEN COALESCE(date_end, date) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN date(COALESCE(date_end, date) || '-01', '+1 month', '-1 day')
    WHEN COALESCE(date_end, date) GLOB '[0-9][0-9][0-9][0-9]' THEN COALESCE(date_end, date) || '-12-31'
    WHEN COALESCE(date_end, date) GLOB '[0-9][0-9][0-9]' THEN COALESCE(date_end, date) || '9-12-31' END;
-- The timeline of a database made before this migration lacks the other figures: resolve again.
UPDATE corpus_state SET value = value + 1 WHERE key = 'changes';
