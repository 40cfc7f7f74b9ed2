-- information_schema views over user tables.
CREATE TABLE customers (id serial PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name text, balance numeric(10,2) DEFAULT 0, joined date, flags boolean[]);
CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id) ON DELETE CASCADE, total numeric CHECK (total >= 0), placed timestamptz);
CREATE SCHEMA extra;
CREATE TABLE extra.misc (a int);
CREATE SEQUENCE plain_seq START 3;
SELECT table_catalog = current_database(), table_schema, table_name, table_type, is_insertable_into FROM information_schema.tables WHERE table_schema IN ('public', 'extra') ORDER BY table_schema, table_name;
SELECT table_name, column_name, ordinal_position, column_default, is_nullable, data_type, character_maximum_length, numeric_precision, numeric_scale, datetime_precision, udt_name, is_identity, identity_generation FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position;
SELECT constraint_name, table_name, constraint_type, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type <> 'CHECK' ORDER BY table_name, constraint_name;
SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type = 'CHECK';
SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint FROM information_schema.key_column_usage WHERE table_schema = 'public' ORDER BY table_name, constraint_name, ordinal_position;
SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('public', 'extra', 'information_schema', 'pg_catalog') ORDER BY schema_name;
SELECT sequence_schema, sequence_name, data_type, start_value, minimum_value, maximum_value, increment, cycle_option FROM information_schema.sequences WHERE sequence_schema = 'public' ORDER BY sequence_name;
SELECT constraint_name, update_rule, delete_rule FROM information_schema.referential_constraints WHERE constraint_schema = 'public' ORDER BY constraint_name;
SELECT table_name FROM information_schema.views WHERE table_schema = 'public';
SELECT column_name FROM information_schema.columns WHERE table_name = 'misc';
