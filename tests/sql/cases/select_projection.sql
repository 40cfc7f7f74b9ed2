-- Select lists of plain columns, which the scan projects itself: columns
-- reordered and repeated, NULLs and strings of changing length from row to
-- row, subqueries and views over them (projections of projections), and
-- correlated subqueries that re-run the scan per outer row.
CREATE TABLE people (id integer PRIMARY KEY, name text, nick text, age integer, score real);
INSERT INTO people VALUES (1, 'ann', NULL, 31, 1.5), (2, 'bob', 'bobby', NULL, NULL),
  (3, 'a much longer name than the others', 'c', 40, 2.25), (4, '', 'dee', 22, -0.5),
  (5, NULL, NULL, NULL, NULL);
SELECT name, id FROM people ORDER BY id;
SELECT nick, nick, id, nick FROM people ORDER BY id;
SELECT age, name, age FROM people WHERE id BETWEEN 2 AND 4;
SELECT score FROM people WHERE id = 3;
SELECT id FROM people WHERE id > 3;
SELECT n FROM (SELECT name AS n, id FROM people WHERE id < 4) s ORDER BY n;
SELECT x, x FROM (SELECT nick AS x FROM people) s ORDER BY x NULLS FIRST;
SELECT b, a FROM (SELECT a, b FROM (SELECT id AS a, name AS b FROM people) s1) s2 ORDER BY a;
SELECT count(*), sum(age), max(name), min(nick) FROM (SELECT age, name, nick FROM people) s;
CREATE VIEW people_names AS SELECT name, nick FROM people;
SELECT * FROM people_names ORDER BY name NULLS LAST, nick;
SELECT nick FROM people_names WHERE name = 'bob';
SELECT p.id, (SELECT q.name FROM people q WHERE q.id = p.id + 1) AS next_name FROM people p ORDER BY p.id;
SELECT name FROM people ORDER BY age DESC NULLS LAST, id LIMIT 2;
SELECT DISTINCT nick FROM people ORDER BY nick;
SELECT name, length(name) FROM people ORDER BY id;
