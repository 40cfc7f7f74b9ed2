-- ORDER BY ... DESC that a primary key or an index provides read backward
-- (no sort in the plan): rows, order, NULLs first and ties must be
-- PostgreSQL's, also with the transaction's own uncommitted changes.
CREATE TABLE events (id integer PRIMARY KEY, kind text, score integer, at date);
CREATE INDEX events_score ON events (score);
CREATE INDEX events_kind_score ON events (kind, score);
INSERT INTO events VALUES
  (1, 'a', 30, '2024-01-03'), (2, 'b', NULL, '2024-01-01'), (3, 'a', 10, NULL),
  (4, NULL, 20, '2024-01-02'), (5, 'b', 10, '2024-01-05'), (6, 'a', NULL, '2024-01-04'),
  (7, 'c', 20, '2024-01-02'), (8, 'b', 30, NULL);
SELECT id FROM events ORDER BY id DESC LIMIT 3;
SELECT id FROM events ORDER BY id DESC LIMIT 3 OFFSET 6;
SELECT id FROM events ORDER BY id DESC NULLS FIRST LIMIT 2;
SELECT id FROM events ORDER BY id DESC NULLS LAST LIMIT 2;
SELECT id, score FROM events ORDER BY score DESC, id DESC LIMIT 8;
SELECT id, score FROM events ORDER BY score DESC LIMIT 3;
SELECT id, score FROM events ORDER BY score DESC NULLS LAST, id DESC LIMIT 3;
SELECT id, score FROM events ORDER BY score DESC, id LIMIT 4;
SELECT id FROM events WHERE id < 6 ORDER BY id DESC LIMIT 2;
SELECT id FROM events WHERE id <= 6 AND id > 2 ORDER BY id DESC LIMIT 10;
SELECT id FROM events WHERE id > 100 ORDER BY id DESC LIMIT 2;
SELECT id, score FROM events WHERE score <= 20 ORDER BY score DESC, id DESC LIMIT 3;
SELECT id, score FROM events WHERE score > 10 ORDER BY score DESC LIMIT 10;
SELECT id, kind, score FROM events WHERE kind = 'a' ORDER BY kind DESC, score DESC, id DESC LIMIT 5;
SELECT kind, score, id FROM events ORDER BY kind DESC, score DESC, id DESC LIMIT 8;
SELECT e.id FROM events e ORDER BY e.id DESC LIMIT 2;
SELECT id FROM events ORDER BY id DESC FETCH FIRST 2 ROWS ONLY;
BEGIN;
INSERT INTO events VALUES (9, 'c', 40, NULL), (0, 'z', NULL, NULL);
DELETE FROM events WHERE id IN (8, 5);
UPDATE events SET score = 15 WHERE id = 7;
SELECT id FROM events ORDER BY id DESC LIMIT 4;
SELECT id, score FROM events ORDER BY score DESC, id DESC LIMIT 10;
SELECT id FROM events WHERE id < 8 ORDER BY id DESC LIMIT 3;
ROLLBACK;
BEGIN;
SELECT id FROM events WHERE kind = 'b' ORDER BY id DESC LIMIT 2 FOR UPDATE;
COMMIT;
