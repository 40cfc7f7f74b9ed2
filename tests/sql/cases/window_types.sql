-- Result types of window functions and window aggregates, and arguments that
-- need coercion (lag/lead defaults, ntile/nth_value counts).
CREATE TABLE wt (id int PRIMARY KEY, small int2, big int8, num numeric(6,2), r real, t varchar(5));
INSERT INTO wt VALUES (1, 1, 10, 1.25, 0.5, 'a'), (2, 2, 20, NULL, 1.5, 'bb'), (3, 3, 30, 3.50, NULL, NULL);
SELECT pg_typeof(rank() OVER ()), pg_typeof(dense_rank() OVER ()), pg_typeof(percent_rank() OVER ()), pg_typeof(cume_dist() OVER ()), pg_typeof(ntile(2) OVER ()) FROM wt LIMIT 1;
SELECT pg_typeof(lag(small) OVER ()), pg_typeof(lead(num) OVER ()), pg_typeof(first_value(t) OVER ()), pg_typeof(nth_value(r, 1) OVER ()) FROM wt LIMIT 1;
SELECT pg_typeof(sum(small) OVER ()), pg_typeof(sum(big) OVER ()), pg_typeof(avg(big) OVER ()), pg_typeof(sum(r) OVER ()), pg_typeof(count(t) OVER ()), pg_typeof(max(t) OVER ()) FROM wt LIMIT 1;
SELECT id, sum(small) OVER w, sum(big) OVER w, avg(num) OVER w, sum(r) OVER w, max(t) OVER w FROM wt WINDOW w AS (ORDER BY id) ORDER BY id;
SELECT id, lag(small, 1, small) OVER (ORDER BY id), lead(big, 1, big) OVER (ORDER BY id), lag(t, 1, t) OVER (ORDER BY id) FROM wt ORDER BY id;
SELECT id, ntile(small) OVER (ORDER BY id), nth_value(t, small) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM wt ORDER BY id;
SELECT id, lag(id, 1, 0.5) OVER (ORDER BY id) FROM wt ORDER BY id;
SELECT id, lead(num, 1, 0) OVER (ORDER BY id) FROM wt ORDER BY id;
SELECT id, lag(t, 1, 'none') OVER (ORDER BY id) FROM wt ORDER BY id;
