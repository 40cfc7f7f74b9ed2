-- pg_type rows of the built-in types clients decode by OID, and psycopg's TypeInfo query.
SELECT oid, typname, typlen, typbyval, typtype, typcategory, typdelim, typarray, typelem, typnamespace = 'pg_catalog'::regnamespace AS in_catalog FROM pg_type WHERE oid IN (16, 17, 18, 19, 20, 21, 23, 25, 26, 114, 700, 701, 1042, 1043, 1082, 1083, 1114, 1184, 1186, 1700, 2950, 3802) ORDER BY oid;
SELECT oid, typname, typelem, typdelim, typcategory FROM pg_type WHERE oid IN (1000, 1005, 1007, 1009, 1015, 1016, 1021, 1022, 1231, 2951, 3807, 199, 1115, 1182, 1185) ORDER BY oid;
SELECT typname, typinput::text, typoutput::text, typreceive::text, typsend::text FROM pg_type WHERE oid IN (23, 25, 3802) ORDER BY oid;
SELECT 'int4'::regtype::oid, 'integer'::regtype, 'character varying'::regtype, 'timestamptz'::regtype, 'jsonb'::regtype::text, 'int[]'::regtype;
SELECT to_regtype('integer'), to_regtype('hstore'), to_regtype('varchar'), to_regtype('text[]');
SELECT 'hstore'::regtype;
-- @params ["hstore"]
SELECT typname AS name, oid, typarray AS array_oid, oid::regtype::text AS regtype, typdelim AS delimiter FROM pg_type t WHERE t.oid = to_regtype($1) ORDER BY t.oid;
-- @params ["hstore"]
SELECT typname AS name, oid, typarray AS array_oid, oid::regtype::text AS regtype, typdelim AS delimiter FROM pg_type t WHERE t.oid = $1::regtype ORDER BY t.oid;
-- @params ["jsonb"]
SELECT typname AS name, oid, typarray AS array_oid, oid::regtype::text AS regtype, typdelim AS delimiter FROM pg_type t WHERE t.oid = to_regtype($1) ORDER BY t.oid;
-- @params ["numeric"]
SELECT typname AS name, oid, typarray AS array_oid, oid::regtype::text AS regtype, typdelim AS delimiter FROM pg_type t WHERE t.oid = $1::regtype ORDER BY t.oid;
SELECT pg_type_is_visible('int4'::regtype), typname FROM pg_type WHERE oid = 23;
SELECT 23::regtype, 1043::regtype::text, 0::regtype, 999999::regtype::text;
SELECT count(*) > 0 FROM pg_type WHERE typtype = 'b';
SELECT typname FROM pg_type WHERE typtype = 'd' AND typnamespace = 'public'::regnamespace;
SELECT typname FROM pg_type WHERE typtype = 'e' AND typnamespace = 'public'::regnamespace;
