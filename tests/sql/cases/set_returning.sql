-- Set-returning functions in FROM and in the SELECT list: generate_series
-- (integer, bigint, numeric, timestamp), unnest (arrays, int2vector),
-- generate_subscripts, WITH ORDINALITY, ROWS FROM, column aliases, LATERAL
-- references, pg_partition_ancestors, and where sets are not allowed.
SELECT * FROM generate_series(1, 3);
SELECT g FROM generate_series(10, 1, -4) AS g;
SELECT * FROM generate_series(1, 2, 0.5) AS s(v);
SELECT * FROM generate_series(2147483646, 2147483647);
SELECT * FROM generate_series(9223372036854775806::bigint, 9223372036854775807);
SELECT * FROM generate_series(timestamp '2024-01-30', timestamp '2024-03-31', interval '1 month');
SELECT count(*) FROM generate_series(1, NULL);
SELECT * FROM generate_series(1, 3, 0);
SELECT * FROM generate_series(1, 'NaN'::numeric);
SELECT x, n FROM unnest(ARRAY['a', 'b', NULL]) WITH ORDINALITY AS u(x, n);
SELECT * FROM unnest('{{1,2},{3,4}}'::int[]);
SELECT * FROM ROWS FROM (generate_series(1, 3), unnest(ARRAY['x'])) AS r(a, b);
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) AS u(n, s);
SELECT * FROM upper('abc') AS u;
SELECT count(*) FROM generate_series(1, 10) a, generate_series(1, a) b;
SELECT a, b FROM generate_series(1, 3) a LEFT JOIN generate_series(2, 4) b ON a = b ORDER BY a;
SELECT generate_series(1, 3);
SELECT unnest(ARRAY[1, 2, 3]) AS u, generate_series(1, 2) AS g, 'k' AS k;
SELECT generate_series(1, 5) AS g ORDER BY g DESC LIMIT 2;
SELECT generate_series(1, 1000000000) LIMIT 2;
SELECT unnest('3 1'::int2vector) AS k, generate_subscripts('3 1'::int2vector, 1) AS s;
SELECT unnest('26 23'::oidvector);
SELECT generate_subscripts(ARRAY['a', 'b', 'c'], 1, true);
SELECT generate_subscripts(ARRAY['a'], 2);
CREATE TABLE tagged (id int PRIMARY KEY, tags text[]);
INSERT INTO tagged VALUES (1, '{a,b}'), (2, '{}'), (3, NULL);
SELECT id, unnest(tags) FROM tagged ORDER BY 1, 2;
SELECT unnest(array_agg(id ORDER BY id)) FROM tagged;
SELECT t.id, x FROM tagged t, unnest(t.tags) AS x ORDER BY 1, 2;
CREATE TABLE k3 (a int, b int, c int, PRIMARY KEY (c, a));
SELECT unnest(indkey) AS attnum, generate_subscripts(indkey, 1) AS ord FROM pg_index WHERE indrelid = 'k3'::regclass;
SELECT count(*) FROM pg_partition_ancestors('k3'::regclass);
SELECT 1 WHERE generate_series(1, 2) > 1;
SELECT sum(generate_series(1, 2));
SELECT * FROM generate_series(1, 2) AS g(a, b);
