-- SELECT ... FOR UPDATE / SHARE in one session: results, and the query
-- shapes PostgreSQL refuses.
CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL, balance integer NOT NULL);
INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 50), (3, 'cid', 0);
CREATE TABLE notes (id integer PRIMARY KEY, account integer NOT NULL, body text);
INSERT INTO notes VALUES (10, 1, 'first'), (11, 2, 'second');
BEGIN;
SELECT * FROM accounts WHERE balance > 0 ORDER BY id FOR UPDATE;
SELECT id, balance * 2 AS doubled FROM accounts ORDER BY id DESC LIMIT 2 FOR SHARE;
SELECT a.owner, n.body FROM accounts a, notes n WHERE n.account = a.id ORDER BY a.id FOR UPDATE OF a;
SELECT a.owner FROM accounts a, notes n WHERE n.account = a.id ORDER BY 1 FOR UPDATE OF a, n NOWAIT;
SELECT owner FROM accounts WHERE id = 2 FOR NO KEY UPDATE SKIP LOCKED;
SELECT owner FROM accounts WHERE id = 3 FOR KEY SHARE;
SELECT id FROM accounts ORDER BY id LIMIT 1 OFFSET 1 FOR UPDATE;
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
SELECT balance FROM accounts WHERE id = 1 FOR UPDATE;
COMMIT;
SELECT count(*) FROM accounts FOR UPDATE;
SELECT DISTINCT owner FROM accounts FOR UPDATE;
SELECT owner FROM accounts GROUP BY owner FOR SHARE;
SELECT owner, row_number() OVER () FROM accounts FOR UPDATE;
SELECT id FROM accounts UNION SELECT id FROM notes FOR UPDATE;
SELECT generate_series(1, 2) FROM accounts FOR UPDATE;
SELECT * FROM accounts FOR UPDATE OF missing;
SELECT * FROM accounts a FOR UPDATE OF accounts;
SELECT 1 AS one FOR UPDATE;
SELECT x FROM generate_series(1, 2) AS g(x) FOR UPDATE;
SELECT * FROM accounts WHERE id = 1 FOR UPDATE FOR SHARE;
