-- DEFAULT expressions and NOT NULL.
CREATE TABLE d (
  id int NOT NULL,
  name text NOT NULL DEFAULT 'anon',
  qty int DEFAULT 1 + 1,
  active boolean DEFAULT true,
  note varchar(10) DEFAULT NULL,
  created date DEFAULT '2024-01-01'
);
INSERT INTO d (id) VALUES (1);
INSERT INTO d (id, name, qty) VALUES (2, 'bob', DEFAULT);
INSERT INTO d VALUES (3, DEFAULT, 5, false, 'n', '2023-06-01');
INSERT INTO d (id, name) VALUES (4, NULL);
INSERT INTO d (name) VALUES ('no id');
SELECT id, name, qty, active, note, created FROM d ORDER BY id;
UPDATE d SET qty = DEFAULT, name = DEFAULT WHERE id = 3;
SELECT id, name, qty FROM d WHERE id = 3;
UPDATE d SET name = NULL WHERE id = 1;
ALTER TABLE d ALTER COLUMN note SET DEFAULT 'later';
INSERT INTO d (id) VALUES (5);
SELECT id, note FROM d WHERE id = 5;
ALTER TABLE d ALTER COLUMN note DROP DEFAULT;
INSERT INTO d (id) VALUES (6);
SELECT id, note FROM d WHERE id = 6;
ALTER TABLE d ALTER COLUMN note SET NOT NULL;
DELETE FROM d WHERE note IS NULL;
ALTER TABLE d ALTER COLUMN note SET NOT NULL;
INSERT INTO d (id) VALUES (7);
ALTER TABLE d ALTER COLUMN note DROP NOT NULL;
INSERT INTO d (id) VALUES (7);
SELECT id, note FROM d ORDER BY id;
