-- Aggregates with ORDER BY, DISTINCT and FILTER inside the call, the
-- statistics aggregates, and ROLLUP / CUBE / GROUPING SETS.
CREATE TABLE ao (id int PRIMARY KEY, cat text, sub text, n int, x float8, price numeric(6,2));
INSERT INTO ao VALUES
  (1, 'fruit', 'apple', 3, 1.5, 0.50), (2, 'fruit', 'pear', 1, 2.5, 0.75), (3, 'fruit', 'apple', NULL, NULL, 0.55),
  (4, 'veg', 'leek', 7, 4.0, 1.20), (5, 'veg', 'kale', 2, -1.0, NULL), (6, 'veg', 'leek', 7, 0.5, 1.10),
  (7, 'nuts', NULL, 4, 3.25, 5.00);
SELECT cat, string_agg(sub, ', ' ORDER BY sub DESC NULLS LAST, id) FROM ao GROUP BY cat ORDER BY cat;
SELECT cat, array_agg(n ORDER BY n NULLS FIRST, id DESC) FROM ao GROUP BY cat ORDER BY cat;
SELECT array_agg(id ORDER BY x DESC) FROM ao;
SELECT string_agg(DISTINCT sub, '/' ORDER BY sub) FROM ao;
SELECT array_agg(DISTINCT n ORDER BY n DESC) FROM ao;
SELECT cat, count(DISTINCT sub), sum(DISTINCT n), avg(DISTINCT n) FROM ao GROUP BY cat ORDER BY cat;
SELECT count(*) FILTER (WHERE n > 2), sum(n) FILTER (WHERE cat <> 'veg'), array_agg(id ORDER BY id) FILTER (WHERE x > 1) FROM ao;
SELECT cat, string_agg(sub, ',' ORDER BY id) FILTER (WHERE n IS NOT NULL) FROM ao GROUP BY cat ORDER BY cat;
SELECT cat, min(sub ORDER BY sub), max(n ORDER BY id) FROM ao GROUP BY cat ORDER BY cat;
SELECT stddev(n), stddev_samp(n), stddev_pop(n), variance(n), var_samp(n), var_pop(n) FROM ao;
SELECT stddev(x), stddev_pop(x), variance(x), var_pop(x) FROM ao;
SELECT stddev(price), var_pop(price) FROM ao;
SELECT cat, stddev(n), variance(x) FROM ao GROUP BY cat ORDER BY cat;
SELECT stddev(n) FROM ao WHERE id = 1;
SELECT cat, sub, count(*), sum(n) FROM ao GROUP BY ROLLUP (cat, sub) ORDER BY cat NULLS LAST, sub NULLS LAST;
SELECT cat, sub, count(*) FROM ao GROUP BY CUBE (cat, sub) ORDER BY cat NULLS LAST, sub NULLS LAST, 3;
SELECT cat, sub, count(*) FROM ao GROUP BY GROUPING SETS ((cat), (sub), ()) ORDER BY cat NULLS LAST, sub NULLS LAST, 3;
SELECT cat, sub, sum(n) FROM ao GROUP BY cat, ROLLUP (sub) ORDER BY cat, sub NULLS LAST;
SELECT cat, count(*) FROM ao WHERE false GROUP BY ROLLUP (cat);
SELECT cat, count(*) FROM ao GROUP BY ROLLUP (cat) HAVING count(*) > 2 ORDER BY cat NULLS FIRST;
SELECT string_agg(sub, ',' ORDER BY n) FROM ao WHERE false;
SELECT count(DISTINCT sub ORDER BY n) FROM ao;
SELECT sum(n ORDER BY id) FILTER (WHERE sum(n) > 1) FROM ao;
SELECT cat, sub, grouping(cat), grouping(sub), grouping(cat, sub), count(*) FROM ao GROUP BY ROLLUP (cat, sub) ORDER BY grouping(cat, sub), cat, sub NULLS FIRST;
SELECT CASE WHEN grouping(cat) = 1 THEN 'total' ELSE cat END AS label, sum(n) FROM ao GROUP BY CUBE (cat) ORDER BY 1;
SELECT cat, grouping(sub) FROM ao GROUP BY cat;
