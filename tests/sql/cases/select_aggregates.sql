-- Aggregates, GROUP BY, HAVING, FILTER, DISTINCT aggregates and their result types.
CREATE TABLE sales (id int PRIMARY KEY, region text, product text, qty int, price numeric(8,2), weight real);
INSERT INTO sales VALUES
  (1, 'north', 'apple', 10, 1.50, 0.5),
  (2, 'north', 'pear', 5, 2.00, 0.25),
  (3, 'south', 'apple', 7, 1.40, 0.5),
  (4, 'south', 'apple', NULL, 1.60, NULL),
  (5, 'east', 'plum', 3, 3.10, 1),
  (6, 'north', 'apple', 2, 1.55, 0.5);
SELECT count(*), count(qty), sum(qty), avg(qty), min(qty), max(qty) FROM sales;
SELECT sum(price), avg(price), min(price), max(price), sum(weight), avg(weight) FROM sales;
SELECT region, count(*), sum(qty) FROM sales GROUP BY region ORDER BY region;
SELECT region, product, count(*) AS n FROM sales GROUP BY region, product ORDER BY region, product;
SELECT region, sum(qty) FROM sales GROUP BY region HAVING sum(qty) > 8 ORDER BY region;
SELECT region FROM sales GROUP BY region HAVING count(*) = 1;
SELECT product, count(DISTINCT region) FROM sales GROUP BY product ORDER BY product;
SELECT count(*) FILTER (WHERE qty > 4), sum(qty) FILTER (WHERE region = 'north') FROM sales;
SELECT region, string_agg(product, ',' ORDER BY id) FROM sales GROUP BY region ORDER BY region;
SELECT region, array_agg(id ORDER BY id) FROM sales GROUP BY region ORDER BY 1;
SELECT bool_and(qty > 0), bool_or(qty > 9), every(price > 1) FROM sales;
SELECT count(*), sum(qty), avg(qty), max(region) FROM sales WHERE id > 100;
SELECT region, count(*) FROM sales WHERE id > 100 GROUP BY region;
SELECT pg_typeof(count(*)), pg_typeof(sum(qty)), pg_typeof(avg(qty)), pg_typeof(sum(price)), pg_typeof(sum(weight)), pg_typeof(sum(id::bigint)), pg_typeof(sum(id::smallint)) FROM sales;
SELECT region, product FROM sales GROUP BY region;
SELECT qty FROM sales HAVING count(*) > 1;
SELECT sum(product) FROM sales;
SELECT region, max(qty) - min(qty) AS spread FROM sales GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT count(*) AS n FROM sales GROUP BY region HAVING count(*) > 1 ORDER BY n;
SELECT stddev(qty), variance(qty) FROM sales;
SELECT sum(qty)::numeric / count(qty) FROM sales;
SELECT avg(x) FROM (VALUES (1), (2)) t(x);
SELECT region, count(*) FROM sales GROUP BY ROLLUP (region) ORDER BY region NULLS LAST;
