-- Views: CREATE [OR REPLACE] VIEW, reading views (joins, subqueries, views
-- on views, CTE shadowing), the catalogs that describe them, DROP with
-- dependencies, and what happens to a view when its table changes.
-- (INSERT/UPDATE/DELETE through views: views_updatable.sql.)
CREATE TABLE emp (id int PRIMARY KEY, name text NOT NULL, dept text, salary numeric(10,2));
INSERT INTO emp VALUES (1, 'ann', 'eng', 100), (2, 'bob', 'eng', 80), (3, 'cid', 'ops', 70), (4, 'dee', NULL, 60);
CREATE VIEW eng AS SELECT id, name, salary FROM emp WHERE dept = 'eng';
SELECT * FROM eng ORDER BY id;
SELECT name FROM eng WHERE salary > 90;
CREATE VIEW dept_totals (dept, people, total) AS
  SELECT dept, count(*), sum(salary) FROM emp GROUP BY dept;
SELECT * FROM dept_totals ORDER BY dept NULLS LAST;
SELECT e.name, d.total FROM emp e JOIN dept_totals d ON d.dept = e.dept ORDER BY e.id;
SELECT e.name, x.name FROM emp e LEFT JOIN eng x ON x.id = e.id ORDER BY e.id;
SELECT count(*) FROM (SELECT * FROM eng) s;
SELECT id FROM emp WHERE id IN (SELECT id FROM eng) ORDER BY id;
SELECT id, (SELECT count(*) FROM eng WHERE eng.salary < emp.salary) AS cheaper FROM emp ORDER BY id;
-- A CTE of the same name hides the view.
WITH eng AS (SELECT 42 AS id) SELECT * FROM eng;
-- The view's own query does not see the caller's CTEs.
WITH emp AS (SELECT 1 AS nothing) SELECT count(*) FROM eng;
CREATE VIEW eng_names AS SELECT upper(name) AS loud FROM eng;
SELECT * FROM eng_names ORDER BY 1;
-- Views read the current rows.
UPDATE emp SET dept = 'eng' WHERE id = 3;
SELECT * FROM eng_names ORDER BY 1;
SELECT x.a, x.b FROM eng AS x(a, b) ORDER BY 1;
SELECT eng.name FROM eng WHERE eng.id = 2;
-- An untyped literal makes a text column; types and typmods come through.
CREATE VIEW consts AS SELECT 'x' AS lit, 1 + 1 AS two, 2.5::numeric(4,1) AS n, NULL::varchar(5) AS v;
SELECT * FROM consts;
SELECT lit || 'y' FROM consts;
ALTER VIEW consts RENAME COLUMN two TO deux;
SELECT deux, lit FROM consts;
ALTER VIEW consts RENAME COLUMN nope TO x;
ALTER VIEW consts RENAME COLUMN lit TO n;
-- Views with set operations, DISTINCT, ORDER BY and LIMIT.
CREATE VIEW top2 AS SELECT name FROM emp ORDER BY salary DESC LIMIT 2;
SELECT * FROM top2;
CREATE VIEW depts AS SELECT DISTINCT dept FROM emp WHERE dept IS NOT NULL UNION SELECT 'hr';
SELECT * FROM depts ORDER BY 1;
-- Catalogs.
SELECT relname, relkind, relnatts, relhasrules, relam FROM pg_class
  WHERE relname IN ('eng', 'dept_totals', 'consts') ORDER BY 1;
SELECT attname, atttypid::regtype, attnum, atttypmod FROM pg_attribute
  WHERE attrelid = 'consts'::regclass ORDER BY attnum;
SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1;
SELECT table_name, check_option FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1;
SELECT schemaname, viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 2;
SELECT column_name, data_type, ordinal_position FROM information_schema.columns
  WHERE table_name = 'dept_totals' ORDER BY ordinal_position;
SELECT pg_get_viewdef('emp'::regclass) IS NULL, pg_get_viewdef('consts') IS NULL,
       pg_get_viewdef('consts'::regclass, true) IS NULL;
SELECT pg_get_viewdef('nope');
-- Bad definitions.
CREATE VIEW eng AS SELECT 1;
CREATE OR REPLACE VIEW emp AS SELECT 1;
CREATE VIEW bad (a, b) AS SELECT 1;
CREATE VIEW bad AS SELECT 1 AS a, 2 AS a;
CREATE VIEW bad AS SELECT * FROM nope;
CREATE VIEW bad AS SELECT nope FROM emp;
CREATE VIEW nope.bad AS SELECT 1;
CREATE VIEW bad AS WITH z AS (INSERT INTO emp (id, name) VALUES (9, 'x') RETURNING id) SELECT id FROM z;
CREATE VIEW bad AS SELECT id INTO other FROM emp;
-- OR REPLACE may add columns at the end only.
CREATE OR REPLACE VIEW eng AS SELECT id FROM emp;
CREATE OR REPLACE VIEW eng AS SELECT id, name AS nm, salary FROM emp;
CREATE OR REPLACE VIEW eng AS SELECT id, name, dept AS salary FROM emp;
CREATE OR REPLACE VIEW eng AS SELECT id, name, salary, dept FROM emp WHERE dept = 'eng';
SELECT * FROM eng ORDER BY id;
SELECT relnatts FROM pg_class WHERE relname = 'eng';
-- DROP and dependencies.
DROP TABLE emp;
DROP VIEW eng;
DROP VIEW emp;
DROP TABLE eng;
DROP VIEW nope;
DROP VIEW IF EXISTS nope;
BEGIN;
DROP TABLE emp CASCADE;
SELECT count(*) FROM pg_views WHERE schemaname = 'public';
ROLLBACK;
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1;
DROP VIEW eng_names, eng;
DROP VIEW dept_totals, consts, top2, depts CASCADE;
SELECT count(*) FROM pg_views WHERE schemaname = 'public';
-- A SELECT * view keeps the columns it had; renames follow the table.
CREATE VIEW all_emp AS SELECT * FROM emp;
ALTER TABLE emp ADD COLUMN extra int;
SELECT * FROM all_emp ORDER BY id;
ALTER TABLE emp RENAME TO staff;
SELECT count(*) FROM all_emp;
ALTER VIEW all_emp RENAME TO everyone;
SELECT count(*) FROM everyone;
ALTER TABLE staff DROP COLUMN extra;
ALTER TABLE staff DROP COLUMN salary;
SELECT * FROM everyone ORDER BY id;
DROP TABLE staff CASCADE;
SELECT count(*) FROM pg_class WHERE relname = 'everyone';
