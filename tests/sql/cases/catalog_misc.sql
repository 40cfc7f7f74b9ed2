-- Other catalogs clients read: pg_database, pg_roles, pg_settings, pg_am, pg_extension, pg_description,
-- pg_sequence, pg_inherits, pg_partitioned_table, privileges, comments; pgbench's partition probe.
SELECT datname, pg_encoding_to_char(encoding), datcollate, datctype, datistemplate, datallowconn, datlocprovider FROM pg_database WHERE datname = current_database();
SELECT count(*) FROM pg_database WHERE datname = current_database();
SELECT rolname = current_user, rolcanlogin FROM pg_roles WHERE rolname = current_user;
SELECT usename = current_user FROM pg_user WHERE usename = current_user;
SELECT pg_get_userbyid(datdba) = current_user FROM pg_database WHERE datname = current_database();
SELECT name, setting, vartype FROM pg_settings WHERE name IN ('standard_conforming_strings', 'server_encoding', 'integer_datetimes', 'max_identifier_length') ORDER BY name;
SELECT amname, amtype FROM pg_am WHERE amname IN ('btree', 'heap') ORDER BY amname;
-- db9 has no PL/pgSQL, which PostgreSQL installs by default: leave it out.
SELECT extname, extversion FROM pg_extension WHERE extname NOT IN ('plpgsql', 'vector');
SELECT e.extname AS "Name", n.nspname AS "Schema", c.description AS "Description" FROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace LEFT JOIN pg_catalog.pg_description c ON c.objoid = e.oid AND c.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass WHERE e.extname NOT IN ('plpgsql', 'vector') ORDER BY 1;
CREATE TABLE documented (id int PRIMARY KEY, body text);
COMMENT ON TABLE documented IS 'a table with comments';
COMMENT ON COLUMN documented.body IS 'the body';
SELECT obj_description('documented'::regclass, 'pg_class'), col_description('documented'::regclass, 2), col_description('documented'::regclass, 1);
SELECT d.objsubid, d.description FROM pg_description d WHERE d.objoid = 'documented'::regclass ORDER BY d.objsubid;
COMMENT ON TABLE documented IS NULL;
SELECT obj_description('documented'::regclass, 'pg_class');
SELECT has_table_privilege('documented', 'SELECT'), has_table_privilege('documented', 'INSERT'), has_schema_privilege('public', 'CREATE'), has_database_privilege(current_database(), 'CONNECT');
CREATE SEQUENCE seq_cat START 5 INCREMENT 2 MAXVALUE 1000;
SELECT seqtypid::regtype, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle FROM pg_sequence WHERE seqrelid = 'seq_cat'::regclass;
SELECT schemaname, sequencename, start_value, increment_by, max_value, last_value FROM pg_sequences WHERE sequencename = 'seq_cat';
SELECT count(*) FROM pg_inherits;
SELECT count(*) FROM pg_partitioned_table;
CREATE TABLE pgbench_accounts (aid int NOT NULL, bid int, abalance int, filler char(84)) WITH (fillfactor = 100);
select o.n, p.partstrat, pg_catalog.count(i.inhparent) from pg_catalog.pg_class as c join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) as o(n) left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) where c.relname = 'pgbench_accounts' and o.n is not null group by 1, 2 order by 1 asc limit 1;
SELECT reloptions FROM pg_class WHERE relname = 'pgbench_accounts';
SELECT count(*) FROM pg_policy;
SELECT count(*) FROM pg_trigger WHERE tgrelid = 'documented'::regclass;
SELECT count(*) FROM pg_statistic_ext WHERE stxrelid = 'documented'::regclass;
SELECT count(*) FROM pg_publication;
SELECT count(*) FROM pg_enum;
SELECT collname FROM pg_collation WHERE collname IN ('default', 'C', 'POSIX') ORDER BY collname;
SELECT count(*) > 0 FROM pg_proc WHERE proname = 'now';
SELECT pg_catalog.pg_relation_is_publishable('documented'::regclass);
SELECT count(*) FROM pg_catalog.pg_partition_ancestors('documented'::regclass);
SELECT n.nspname AS "Name" FROM pg_catalog.pg_namespace n WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' ORDER BY 1;
