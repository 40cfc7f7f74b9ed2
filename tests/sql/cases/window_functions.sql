-- Window functions: ranking, offsets, aggregates over partitions and frames.
CREATE TABLE sc (id int PRIMARY KEY, grp text, val int);
INSERT INTO sc VALUES (1, 'a', 10), (2, 'a', 20), (3, 'a', 20), (4, 'b', 5), (5, 'b', 15), (6, 'c', 7);
SELECT id, row_number() OVER (ORDER BY id) FROM sc ORDER BY id;
SELECT id, grp, val, row_number() OVER (PARTITION BY grp ORDER BY val DESC, id) AS rn FROM sc ORDER BY grp, rn;
SELECT id, val, rank() OVER (ORDER BY val), dense_rank() OVER (ORDER BY val), percent_rank() OVER (ORDER BY val), cume_dist() OVER (ORDER BY val) FROM sc ORDER BY val, id;
SELECT id, val, lag(val) OVER (ORDER BY id), lead(val) OVER (ORDER BY id), lag(val, 2, -1) OVER (ORDER BY id) FROM sc ORDER BY id;
SELECT id, grp, sum(val) OVER (PARTITION BY grp) AS total, sum(val) OVER (PARTITION BY grp ORDER BY id) AS running FROM sc ORDER BY id;
SELECT id, avg(val) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM sc ORDER BY id;
SELECT id, count(*) OVER (), max(val) OVER (PARTITION BY grp) FROM sc ORDER BY id;
SELECT id, first_value(val) OVER w, last_value(val) OVER w, nth_value(val, 2) OVER w FROM sc WINDOW w AS (PARTITION BY grp ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY id;
SELECT id, ntile(3) OVER (ORDER BY id) FROM sc ORDER BY id;
SELECT id, sum(val) OVER (ORDER BY val) FROM sc ORDER BY id;
SELECT grp, sum(val), rank() OVER (ORDER BY sum(val) DESC) FROM sc GROUP BY grp ORDER BY grp;
SELECT * FROM (SELECT id, grp, row_number() OVER (PARTITION BY grp ORDER BY val DESC, id) AS rn FROM sc) t WHERE rn = 1 ORDER BY grp;
SELECT id FROM sc WHERE row_number() OVER (ORDER BY id) = 1;
SELECT pg_typeof(row_number() OVER ()), pg_typeof(rank() OVER ()), pg_typeof(sum(val) OVER ()) FROM sc LIMIT 1;
