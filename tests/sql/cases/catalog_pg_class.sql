-- pg_class / pg_namespace rows for user objects, and the has_table query SQLAlchemy sends.
CREATE TABLE users (id serial PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name varchar(100));
CREATE INDEX users_name_idx ON users (name);
CREATE SEQUENCE standalone_seq;
CREATE SCHEMA other;
CREATE TABLE other.hidden (a int);
SELECT c.relname, c.relkind, c.relpersistence, n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'other') ORDER BY n.nspname, c.relname;
SELECT relname, relhasindex, relchecks, relnatts, relispartition, reltablespace, reloftype FROM pg_class WHERE relname IN ('users', 'hidden') ORDER BY relname;
SELECT c.relname, pg_table_is_visible(c.oid) FROM pg_class c WHERE c.relname IN ('users', 'hidden', 'users_pkey', 'standalone_seq', 'pg_class') ORDER BY 1;
SELECT nspname FROM pg_namespace WHERE nspname IN ('public', 'pg_catalog', 'information_schema', 'other') ORDER BY nspname;
SELECT oid, nspname FROM pg_namespace WHERE nspname IN ('pg_catalog', 'public') ORDER BY oid;
SELECT 'pg_class'::regclass::oid, 'pg_namespace'::regclass::oid, 'pg_attribute'::regclass::oid, 'pg_type'::regclass::oid, 'pg_constraint'::regclass::oid, 'pg_index'::regclass::oid, 'pg_extension'::regclass::oid, 'pg_description'::regclass::oid;
SELECT relname, relkind FROM pg_class WHERE oid IN ('pg_class'::regclass, 'pg_type'::regclass, 'pg_roles'::regclass) ORDER BY 1;
SELECT 'users'::regclass, 'users'::regclass::text, 'public.users'::regclass::text, 'other.hidden'::regclass::text;
SELECT 'nosuch'::regclass;
SELECT to_regclass('users')::text, to_regclass('nosuch'), to_regclass('other.hidden')::text;
SELECT count(*) FROM pg_class WHERE oid = 'users'::regclass AND relnamespace = 'public'::regnamespace;
-- @params ["users", "r", "p", "f", "v", "m", "pg_catalog"]
SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class JOIN pg_catalog.pg_namespace ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace WHERE pg_catalog.pg_class.relname = $1::VARCHAR AND pg_catalog.pg_class.relkind = ANY (ARRAY[$2::VARCHAR, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::VARCHAR]) AND pg_catalog.pg_table_is_visible(pg_catalog.pg_class.oid) AND pg_catalog.pg_namespace.nspname != $7::VARCHAR;
-- @params ["posts", "r", "p", "f", "v", "m", "pg_catalog"]
SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class JOIN pg_catalog.pg_namespace ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace WHERE pg_catalog.pg_class.relname = $1::VARCHAR AND pg_catalog.pg_class.relkind = ANY (ARRAY[$2::VARCHAR, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::VARCHAR]) AND pg_catalog.pg_table_is_visible(pg_catalog.pg_class.oid) AND pg_catalog.pg_namespace.nspname != $7::VARCHAR;
-- @params ["r", "p", "t", "pg_catalog"]
SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class JOIN pg_catalog.pg_namespace ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace WHERE pg_catalog.pg_class.relkind = ANY (ARRAY[$1::VARCHAR, $2::VARCHAR]) AND pg_catalog.pg_class.relpersistence != $3::VARCHAR AND pg_catalog.pg_table_is_visible(pg_catalog.pg_class.oid) AND pg_catalog.pg_namespace.nspname != $4::VARCHAR ORDER BY 1;
DROP TABLE users;
SELECT relname FROM pg_class WHERE relname LIKE 'users%' ORDER BY 1;
BEGIN;
CREATE TABLE in_tx (a int);
SELECT relname FROM pg_class WHERE relname = 'in_tx';
ROLLBACK;
SELECT relname FROM pg_class WHERE relname = 'in_tx';
