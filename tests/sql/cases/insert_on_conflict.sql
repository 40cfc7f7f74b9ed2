-- INSERT .. ON CONFLICT DO NOTHING / DO UPDATE with excluded, WHERE, RETURNING.
CREATE TABLE up (id int PRIMARY KEY, email text UNIQUE, name text, hits int DEFAULT 0);
INSERT INTO up VALUES (1, 'a@x', 'A', 0);
INSERT INTO up VALUES (1, 'z@x', 'Z', 0) ON CONFLICT DO NOTHING;
INSERT INTO up VALUES (1, 'z@x', 'Z', 0) ON CONFLICT (id) DO NOTHING RETURNING id;
INSERT INTO up VALUES (2, 'a@x', 'A2', 0) ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id, email, name;
INSERT INTO up VALUES (3, 'a@x', 'A3', 0) ON CONFLICT (email) DO UPDATE SET hits = up.hits + 1, name = excluded.name || '!' RETURNING id, name, hits;
INSERT INTO up VALUES (4, 'a@x', 'A4', 0) ON CONFLICT (email) DO UPDATE SET hits = up.hits + 1 WHERE up.hits > 5 RETURNING id;
INSERT INTO up VALUES (5, 'b@x', 'B', 0) ON CONFLICT (email) DO UPDATE SET name = 'never' RETURNING id, name;
INSERT INTO up VALUES (6, 'c@x', 'C', 0), (7, 'c@x', 'C2', 0) ON CONFLICT (email) DO NOTHING;
INSERT INTO up VALUES (8, 'd@x', 'D', 0), (9, 'd@x', 'D2', 0) ON CONFLICT (email) DO UPDATE SET name = excluded.name;
INSERT INTO up VALUES (1, 'a@x', 'x', 0) ON CONFLICT (name) DO NOTHING;
INSERT INTO up (id, email, name) VALUES (10, 'e@x', 'E') ON CONFLICT ON CONSTRAINT up_email_key DO UPDATE SET name = 'E2';
INSERT INTO up (id, email, name) VALUES (11, 'e@x', 'E') ON CONFLICT ON CONSTRAINT up_email_key DO UPDATE SET name = 'E2';
SELECT id, email, name, hits FROM up ORDER BY id;
INSERT INTO up (id, email, name) VALUES (1, 'q@x', 'Q') ON CONFLICT (id) DO UPDATE SET email = 'b@x';
