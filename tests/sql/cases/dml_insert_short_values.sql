-- INSERT without a column list may give fewer values than the table has
-- columns: the rest take their defaults. With a column list, or with VALUES
-- rows of different lengths, it is an error.
CREATE TABLE t (a int, b text DEFAULT 'dflt', c int);
INSERT INTO t VALUES (1);
INSERT INTO t VALUES (2, 'two'), (3, 'three');
INSERT INTO t SELECT 4, 'four';
INSERT INTO t VALUES (5, 'five', 5, 6);
INSERT INTO t (a, b) VALUES (6);
INSERT INTO t VALUES (7), (8, 'eight');
INSERT INTO t (a) SELECT 9, 'x';
SELECT * FROM t ORDER BY a;
