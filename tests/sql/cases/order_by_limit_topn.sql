-- ORDER BY with LIMIT that no index serves: the sort keeps only the first
-- OFFSET + LIMIT rows (a bounded heap). Rows, order, NULLs and offsets must
-- be PostgreSQL's; every ORDER BY ends in a unique column so ties are fixed.
CREATE TABLE scores (id integer PRIMARY KEY, player text, points integer, note text);
INSERT INTO scores SELECT g, 'p' || (g % 7), (g * 37) % 101, CASE WHEN g % 9 = 0 THEN NULL ELSE 'n' || g END
  FROM generate_series(1, 500) g;
SELECT id, points FROM scores ORDER BY points DESC, id LIMIT 5;
SELECT id, points FROM scores ORDER BY points, id LIMIT 5 OFFSET 3;
SELECT id, points FROM scores ORDER BY points, id DESC LIMIT 3 OFFSET 495;
SELECT id, points FROM scores ORDER BY points, id LIMIT 3 OFFSET 600;
SELECT id FROM scores ORDER BY note NULLS FIRST, id LIMIT 4;
SELECT id FROM scores ORDER BY note DESC NULLS LAST, id LIMIT 4;
SELECT id FROM scores ORDER BY points, id LIMIT 0;
SELECT count(*) FROM (SELECT id FROM scores ORDER BY points, id LIMIT NULL) s;
SELECT count(*) FROM (SELECT id FROM scores ORDER BY points, id LIMIT ALL) s;
SELECT id, points FROM scores ORDER BY points * -1, id LIMIT 3;
SELECT player, (SELECT s2.id FROM scores s2 WHERE s2.player = s1.player ORDER BY s2.points DESC, s2.id LIMIT 1)
  FROM scores s1 WHERE s1.id <= 7 ORDER BY player;
SELECT player, max(points) FROM scores GROUP BY player ORDER BY max(points) DESC, player LIMIT 3;
SELECT DISTINCT points FROM scores ORDER BY points DESC LIMIT 3;
SELECT id FROM scores WHERE player = 'p3' ORDER BY points, id LIMIT 4;
SELECT id, points FROM scores ORDER BY points, id FETCH FIRST 2 ROWS ONLY;
SELECT id, points FROM scores ORDER BY points DESC, id LIMIT 2 OFFSET 1;
SELECT id FROM scores ORDER BY points, id LIMIT -1;
SELECT id FROM scores ORDER BY points, id OFFSET -1;
