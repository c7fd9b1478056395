-- A direct quote's content as its quoted pieces (JSON [[start, end], ...]): start/end still cover
-- the whole run, speech tag included ("“A,” she said, “B.”"), for readers that want one span.
ALTER TABLE quotes ADD COLUMN pieces TEXT NOT NULL DEFAULT '[]';
