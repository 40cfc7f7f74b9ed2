-- ORDER BY that a primary key or an index provides (no sort in the plan):
-- the rows and their order must be PostgreSQL's, NULLs and ties included.
CREATE TABLE events (id integer PRIMARY KEY, kind text, score integer, at date);
CREATE INDEX events_score ON events (score);
CREATE INDEX events_kind_score ON events (kind, score);
CREATE INDEX events_at_desc ON events (at DESC);
INSERT INTO events VALUES
  (1, 'a', 30, '2024-01-03'), (2, 'b', NULL, '2024-01-01'), (3, 'a', 10, NULL),
  (4, NULL, 20, '2024-01-02'), (5, 'b', 10, '2024-01-05'), (6, 'a', NULL, '2024-01-04'),
  (7, 'c', 20, '2024-01-02'), (8, 'b', 30, NULL);
SELECT id FROM events ORDER BY id LIMIT 3;
SELECT id FROM events ORDER BY id LIMIT 3 OFFSET 6;
SELECT id, score FROM events ORDER BY score, id LIMIT 8;
SELECT id, score FROM events ORDER BY score NULLS FIRST, id LIMIT 3;
SELECT id, score FROM events ORDER BY score DESC, id LIMIT 3;
SELECT id, score FROM events WHERE score >= 20 ORDER BY score, id LIMIT 3;
SELECT id, score FROM events WHERE score > 10 ORDER BY id LIMIT 2;
SELECT id FROM events WHERE id > 3 ORDER BY id LIMIT 2;
SELECT id, kind, score FROM events WHERE kind = 'a' ORDER BY kind, score, id LIMIT 5;
SELECT kind, score, id FROM events ORDER BY kind, score, id LIMIT 8;
SELECT id, at FROM events ORDER BY at, id LIMIT 4;
SELECT id, at FROM events ORDER BY at DESC, id LIMIT 4;
SELECT e.id FROM events e ORDER BY e.score, e.id LIMIT 4;
SELECT id AS score, score AS id FROM events ORDER BY score LIMIT 3;
SELECT id FROM events WHERE (score > 10 OR (score = 10 AND id > 3)) ORDER BY score, id LIMIT 3;
SELECT id, score * 2 AS doubled FROM events ORDER BY score, id LIMIT 4;
SELECT id FROM events ORDER BY score::text, id LIMIT 4;
SELECT id FROM events ORDER BY id LIMIT 0;
SELECT id FROM events ORDER BY id FETCH FIRST 2 ROWS ONLY;
BEGIN;
SELECT id FROM events WHERE kind = 'b' ORDER BY id LIMIT 2 FOR UPDATE;
COMMIT;
