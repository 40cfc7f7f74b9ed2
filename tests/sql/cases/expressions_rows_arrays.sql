-- Row comparisons, row NULL tests, array subscripts and slices, named
-- arguments, result column names, SIMILAR TO.
CREATE TABLE rr (id int PRIMARY KEY, a int, b text, arr int[]);
INSERT INTO rr VALUES (1, 1, 'x', '{1,2,3}'), (2, NULL, 'y', '{}'), (3, 2, NULL, NULL), (4, NULL, NULL, '{{1,2},{3,4}}');
SELECT id, (a, b) = (1, 'x'), (a, b) <> (1, 'x'), (a, b) < (2, 'a'), (a, b) >= (1, 'x'), ROW(a, b) IS NULL, ROW(a, b) IS NOT NULL FROM rr ORDER BY id;
SELECT (1, 2, 3) < (1, 2, 4), (1, NULL, 3) < (1, 2, 4), (1, NULL) = (2, NULL), (1, NULL) <> (2, NULL), (NULL, 1) <= (NULL, 1);
SELECT (1, 2) = (1, 2, 3);
SELECT id, arr[1], arr[2:3], arr[:2], arr[3:], arr[0], arr[1][2], arr[2][1] FROM rr ORDER BY id;
SELECT (ARRAY[10, 20, 30])[NULL], (ARRAY[10, 20, 30])[2:1], ('{{1,2},{3,4}}'::int[])[1:2][2], (ARRAY['a', 'b'])[2] || '!';
SELECT (5)[1];
SELECT make_interval(days => 3), make_interval(1, hours => 2), make_interval(secs => 1.5, weeks => 1);
SELECT make_interval(days => 1, days => 2);
SELECT make_interval(nosuch => 1);
SELECT make_interval(days => 1, 2);
SELECT 1::int2::int8, 'a'::text::varchar, CASE WHEN true THEN 1 END, CASE WHEN true THEN 1 ELSE id END, CASE WHEN true THEN 1 END::text, arr[1], (arr)[1:1] FROM rr WHERE id = 1;
SELECT * FROM rr x JOIN rr x ON true;
SELECT * FROM rr JOIN rr ON true;
SELECT 'aXbXc' SIMILAR TO 'a%c', 'abc' SIMILAR TO 'a_', 'abc' NOT SIMILAR TO '(a|x)bc', 'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c', 'a%' SIMILAR TO 'a#%' ESCAPE '#';
SELECT pg_typeof(NULL), pg_typeof('x'), pg_typeof('x'::text), format('%s|%5s|', 'a', NULL);
-- untyped literals in set operations take the other side's type
SELECT 1 UNION SELECT '2' ORDER BY 1;
SELECT 'a' UNION SELECT 'b' ORDER BY 1;
SELECT NULL UNION ALL SELECT NULL;
SELECT 1.5 UNION SELECT NULL ORDER BY 1;
SELECT 'x', 1 UNION SELECT NULL, NULL ORDER BY 1;
