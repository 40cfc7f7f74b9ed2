-- CASE, COALESCE, NULLIF, GREATEST/LEAST, operators and precedence.
CREATE TABLE e (id int PRIMARY KEY, v int, s text);
INSERT INTO e VALUES (1, 5, 'a'), (2, NULL, NULL), (3, -3, ''), (4, 0, 'b');
SELECT id, CASE WHEN v > 0 THEN 'pos' WHEN v < 0 THEN 'neg' WHEN v = 0 THEN 'zero' ELSE 'null' END FROM e ORDER BY id;
SELECT id, CASE v WHEN 5 THEN 'five' WHEN 0 THEN 'zero' END FROM e ORDER BY id;
SELECT id, CASE WHEN v > 0 THEN v ELSE 0 END FROM e ORDER BY id;
SELECT id, coalesce(v, -1), coalesce(s, 'none'), coalesce(NULL, NULL, 3) FROM e ORDER BY id;
SELECT id, nullif(v, 0), nullif(s, '') FROM e ORDER BY id;
SELECT greatest(1, 5, 3), least(4, 2, 8), greatest(1, NULL, 2), least('b', 'a');
SELECT 2 + 3 * 4, (2 + 3) * 4, 2 ^ 3 ^ 2, -2 ^ 2, 10 - 2 - 3, 100 / 10 / 5;
SELECT 1 < 2, 2 <= 2, 3 <> 3, 3 != 4, 'a' < 'b', NOT true, true AND false OR true;
SELECT 5 & 3, 5 | 3, 5 # 3, ~5, 1 << 4, 256 >> 2;
SELECT @ -5, abs(-5), |/ 16, sqrt(2::float8);
SELECT 'abc' || 'def', 'abc' || 1, 1 || 'abc', 'x' || NULL;
SELECT CASE WHEN 1 = 1 THEN 1 ELSE 'x' END;
SELECT CASE WHEN false THEN 1 / 0 ELSE 2 END;
SELECT pg_typeof(CASE WHEN true THEN 1 ELSE 2.5 END), pg_typeof(coalesce(1, 2::bigint)), pg_typeof(nullif(1, 2));
SELECT id, v IS NULL, v IS NOT NULL, v IS DISTINCT FROM 5, v IS NOT DISTINCT FROM NULL FROM e ORDER BY id;
SELECT ROW(1, 'a') = ROW(1, 'a'), (1, 2) < (1, 3);
