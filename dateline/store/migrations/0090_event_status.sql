-- Whether the sentence says an event took place: asserted | negated | hypothetical | future | generic.
-- Only asserted events happened; the timeline and the exports show the others only when asked.
-- The flags negated / hypothetical / future stay, derived from the status, for older readers.
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'asserted';
UPDATE events SET status = CASE
    WHEN negated = 1 THEN 'negated'
    WHEN hypothetical = 1 THEN 'hypothetical'
    WHEN future = 1 THEN 'future'
    ELSE 'asserted' END;
CREATE INDEX events_status ON events(status, date);
