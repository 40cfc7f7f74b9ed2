-- INSERT, UPDATE and DELETE through simple views (plain columns of one
-- table, optionally a WHERE): PostgreSQL 15's automatically updatable
-- views. UPDATE and DELETE change only the rows the view shows.
CREATE TABLE acct (id serial PRIMARY KEY, owner text NOT NULL, balance numeric(10,2) DEFAULT 0, active boolean DEFAULT true);
INSERT INTO acct (owner, balance) VALUES ('ann', 10), ('bob', 20), ('cid', 30);
CREATE VIEW active_accts AS SELECT id, owner, balance FROM acct WHERE active;
CREATE VIEW renamed (who, money) AS SELECT owner, balance FROM acct;
CREATE VIEW everything AS SELECT * FROM acct;
CREATE VIEW aliased AS SELECT a.owner AS name, a.id FROM acct a WHERE a.balance > 15;
INSERT INTO active_accts (owner, balance) VALUES ('dee', 40) RETURNING *;
INSERT INTO active_accts VALUES (100, 'eve', 5);
INSERT INTO active_accts (owner) SELECT 'x' || owner FROM acct WHERE id = 1 RETURNING owner, balance;
UPDATE aliased SET name = upper(name) WHERE id = 3 RETURNING *;
UPDATE aliased SET name = 'nobody' WHERE id = 1;
SELECT * FROM acct ORDER BY id;
UPDATE active_accts SET balance = balance + 1 WHERE owner = 'ann' RETURNING id, balance;
UPDATE acct SET active = false WHERE owner = 'bob';
-- @rowsort
UPDATE active_accts SET balance = 0 RETURNING owner;
DELETE FROM active_accts WHERE balance = 0 AND owner LIKE 'e%' RETURNING *;
SELECT * FROM acct ORDER BY id;
INSERT INTO renamed (who, money) VALUES ('fay', 7) RETURNING who, money;
UPDATE renamed SET money = money * 2 WHERE who = 'fay' RETURNING *;
UPDATE renamed AS r SET money = 1 WHERE r.who = 'fay' RETURNING r.money, r.*;
DELETE FROM renamed WHERE who = 'fay';
INSERT INTO everything (owner) VALUES ('gus') RETURNING owner, balance, active;
UPDATE everything SET active = NOT active WHERE owner = 'gus' RETURNING active;
DELETE FROM everything WHERE owner = 'gus';
SELECT * FROM acct ORDER BY id;
SELECT * FROM active_accts ORDER BY id;
-- Columns the view does not show.
UPDATE active_accts SET active = true;
DELETE FROM active_accts WHERE active;
INSERT INTO renamed (owner) VALUES ('x');
-- What the catalogs say about updatability.
CREATE VIEW totals AS SELECT owner, count(*) AS n FROM acct GROUP BY owner;
SELECT table_name, is_updatable, is_insertable_into, is_trigger_updatable FROM information_schema.views
  WHERE table_schema = 'public' ORDER BY 1;
SELECT table_name, table_type, is_insertable_into FROM information_schema.tables
  WHERE table_schema = 'public' ORDER BY 1;
SELECT table_name, column_name, is_updatable FROM information_schema.columns
  WHERE table_name IN ('totals', 'renamed') ORDER BY 1, ordinal_position;
