-- WITH (CTEs): simple, several, referencing each other, recursive, data-modifying.
CREATE TABLE nodes (id int PRIMARY KEY, parent int, name text);
INSERT INTO nodes VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x');
WITH top AS (SELECT id, name FROM nodes WHERE parent IS NULL) SELECT name FROM top;
WITH c1 AS (SELECT id FROM nodes WHERE id > 2), c2 AS (SELECT id * 10 AS x FROM c1) SELECT x FROM c2 ORDER BY x;
WITH counts AS (SELECT parent, count(*) AS n FROM nodes GROUP BY parent) SELECT n.name, c.n FROM nodes n JOIN counts c ON c.parent = n.id ORDER BY n.id;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n), count(*) FROM t;
WITH RECURSIVE tree AS (SELECT id, name, 0 AS depth FROM nodes WHERE parent IS NULL UNION ALL SELECT n.id, n.name, tree.depth + 1 FROM nodes n JOIN tree ON n.parent = tree.id) SELECT id, name, depth FROM tree ORDER BY depth, id;
WITH RECURSIVE path AS (SELECT id, parent, name::text AS p FROM nodes WHERE id = 5 UNION ALL SELECT n.id, n.parent, n.name || '/' || path.p FROM nodes n JOIN path ON n.id = path.parent) SELECT p FROM path WHERE parent IS NULL;
WITH x AS (SELECT 1 AS a) SELECT a FROM x, x AS y;
WITH moved AS (DELETE FROM nodes WHERE id = 5 RETURNING id, name) SELECT id, name FROM moved;
WITH ins AS (INSERT INTO nodes VALUES (6, 3, 'b1') RETURNING id) SELECT count(*) FROM ins;
WITH upd AS (UPDATE nodes SET name = upper(name) WHERE parent = 1 RETURNING id, name) SELECT id, name FROM upd ORDER BY id;
SELECT id, name FROM nodes ORDER BY id;
WITH a AS (SELECT 1), a AS (SELECT 2) SELECT 1;
WITH q AS MATERIALIZED (SELECT id FROM nodes) SELECT count(*) FROM q;
