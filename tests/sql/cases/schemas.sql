-- CREATE / DROP SCHEMA, schema-qualified names in DDL and queries, and
-- search_path deciding where unqualified names are found and created.
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS app;
CREATE SCHEMA app;
CREATE SCHEMA pg_mine;
CREATE TABLE app.users (id serial PRIMARY KEY, name text UNIQUE);
CREATE INDEX users_name_lower ON app.users (name DESC);
CREATE SEQUENCE app.counter START 10;
CREATE VIEW app.names AS SELECT name FROM app.users;
INSERT INTO app.users (name) VALUES ('ann'), ('bob');
SELECT * FROM app.users ORDER BY id;
SELECT * FROM app.names ORDER BY 1;
SELECT nextval('app.counter');
SELECT * FROM users;
-- Same name in two schemas.
CREATE TABLE users (id int, note text);
INSERT INTO users VALUES (100, 'public one');
SELECT * FROM users;
SELECT u.name, p.note FROM app.users u CROSS JOIN public.users p ORDER BY u.id;
-- search_path: lookup order and where CREATE goes.
SET search_path = app, public;
SELECT * FROM users ORDER BY id;
SELECT current_schema();
CREATE TABLE made_here (x int);
SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relname IN ('made_here', 'users', 'names', 'counter', 'users_pkey', 'users_name_key',
                      'users_name_lower', 'users_id_seq')
  ORDER BY 1, 2;
SELECT pg_get_serial_sequence('app.users', 'id');
SELECT 'users'::regclass::text, 'public.users'::regclass::text;
SELECT pg_table_is_visible('public.users'::regclass), pg_table_is_visible('app.users'::regclass);
DROP INDEX users_name_lower;
RESET search_path;
SELECT * FROM made_here;
SELECT * FROM app.made_here;
-- Unknown schemas.
SELECT * FROM nope.t;
CREATE TABLE nope.t (x int);
-- Catalogs.
SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'public') ORDER BY 1;
SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('app', 'public') ORDER BY 1;
SELECT table_schema, table_name, table_type FROM information_schema.tables
  WHERE table_schema IN ('app', 'public') ORDER BY 1, 2;
SELECT table_schema, table_name FROM information_schema.views WHERE table_schema = 'app';
SELECT sequence_schema, sequence_name FROM information_schema.sequences WHERE sequence_schema = 'app' ORDER BY 2;
-- DROP SCHEMA.
DROP SCHEMA nope;
DROP SCHEMA IF EXISTS nope;
DROP SCHEMA app;
CREATE VIEW app_names AS SELECT name FROM app.users;
BEGIN;
DROP SCHEMA app CASCADE;
SELECT count(*) FROM pg_class WHERE relname IN ('app_names', 'made_here');
ROLLBACK;
DROP SCHEMA app CASCADE;
SELECT nspname FROM pg_namespace WHERE nspname = 'app';
SELECT count(*) FROM pg_class WHERE relname IN ('app_names', 'made_here', 'counter', 'users_id_seq');
SELECT * FROM users;
CREATE SCHEMA empty_one;
DROP SCHEMA empty_one;
SELECT nspname FROM pg_namespace WHERE nspname = 'empty_one';
