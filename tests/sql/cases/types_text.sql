-- Character types: text, varchar(n), char(n) padding and length errors.
CREATE TABLE strs (id int PRIMARY KEY, t text, v varchar(5), c char(5), vv varchar);
INSERT INTO strs VALUES (1, 'hello', 'abc', 'ab', 'unbounded');
INSERT INTO strs VALUES (2, '', '', '', '');
INSERT INTO strs VALUES (3, 'it''s', 'ab   ', 'x', E'tab\there');
INSERT INTO strs VALUES (4, 'ünïcødé ✓', 'ñññññ', 'ñ', NULL);
SELECT id, t, v, c, vv, length(t), length(c), octet_length(c), c || '|' FROM strs ORDER BY id;
INSERT INTO strs (id, v) VALUES (5, 'toolong');
INSERT INTO strs (id, c) VALUES (6, 'toolong');
INSERT INTO strs (id, v) VALUES (7, 'abcde     ');
SELECT id, v, length(v) FROM strs WHERE id = 7;
SELECT 'toolong'::varchar(3), 'toolong'::char(3), 'a'::char(3) = 'a  '::char(3), 'a'::char(3)::text = 'a';
SELECT pg_typeof('x'::varchar(3)), pg_typeof('x'::char), pg_typeof('abc'), pg_typeof('a' || 'b');
SELECT c FROM strs WHERE c = 'ab' ORDER BY id;
SELECT id FROM strs WHERE t > 'h' ORDER BY t;
SELECT t FROM strs ORDER BY t COLLATE "C";
