-- json and jsonb: input normalization, operators, functions, casts,
-- aggregates, set-returning functions and their errors.
CREATE TABLE docs (id int PRIMARY KEY, j json, jb jsonb);
INSERT INTO docs VALUES
  (1, '{"b": 1, "a": [1, 2.50], "a": {"x": null}}', '{"b": 1, "a": [1, 2.50], "a": {"x": null}}'),
  (2, '[1, "two", {"three": 3}]', '[1, "two", {"three": 3}]'),
  (3, '"str"', '"str"'),
  (4, '12.50', '12.50'),
  (5, 'null', 'null'),
  (6, '{"aa": 1, "b": 2, "c": {"d": [true, false]}}', '{"aa": 1, "b": 2, "c": {"d": [true, false]}}');
SELECT id, j, jb FROM docs ORDER BY id;

-- input forms and errors
SELECT '{"b":1,"a":2,"b":3}'::jsonb, '{"n": -0.0, "e": 1e2, "f": 1.5E-3}'::jsonb, '"\u00e9\n\"x\""'::jsonb;
SELECT '  [1, {"k" :  "v"}]  '::json, '[]'::jsonb, '{}'::jsonb;
SELECT '{bad'::jsonb;
SELECT '[1,'::json;
SELECT '01'::jsonb;
SELECT '"\u0000"'::jsonb;
SELECT '"\ud800"'::jsonb;
SELECT '"\x"'::jsonb;
SELECT '1e1000000'::jsonb;
SELECT '[1] x'::jsonb;

-- -> ->> #> #>>
SELECT jb -> 'a' AS a, jb ->> 'b' AS b, jb -> 1 AS e1, jb ->> -1 AS last FROM docs ORDER BY id;
SELECT j -> 'a' AS a, j ->> 'b' AS b, j -> 1 AS e1, j ->> -1 AS last FROM docs ORDER BY id;
SELECT jb #> '{c,d}' AS p1, jb #>> '{c,d,0}' AS p2, jb #> '{2,three}' AS p3, jb #>> '{}' AS whole FROM docs ORDER BY id;
SELECT j #> '{c,d}' AS p1, j #>> '{c,d,0}' AS p2, j #> '{2,three}' AS p3 FROM docs ORDER BY id;
SELECT '{"a": [1, 2]}'::jsonb #> '{a,x}', '[1]'::jsonb #> '{-1}', '{"a": 1}'::jsonb #> '{a,NULL}', '1'::jsonb -> 0, '1'::json -> 0;
SELECT jsonb_extract_path(jb, 'c', 'd'), jsonb_extract_path_text(jb, 'c', 'd', '1'), json_extract_path(j, 'c'), json_extract_path_text(j, 'b') FROM docs WHERE id = 6;

-- typeof, array_length
SELECT id, jsonb_typeof(jb), json_typeof(j) FROM docs ORDER BY id;
SELECT jsonb_array_length('[1, [2, 3], {}]'), json_array_length('[]');
SELECT jsonb_array_length('{"a": 1}');
SELECT jsonb_array_length('1');
SELECT json_array_length('"x"');

-- containment and existence
SELECT '{"a": 1, "b": {"c": [1, 2]}}'::jsonb @> '{"b": {"c": [2]}}', '{"a": 1}'::jsonb @> '{"a": 1.0}', '{"a": [1, 2]}'::jsonb @> '{"a": 1}';
SELECT '[1, [2, 3], {"x": 1}]'::jsonb @> '[[3], {}]', '[[1, 2]]'::jsonb @> '[1]', '[1, 2]'::jsonb @> '1', '1'::jsonb @> '[1]', '"a"'::jsonb @> '"a"';
SELECT '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}', '[]'::jsonb <@ '{}', '{}'::jsonb @> '{}', jsonb_contains('[1,2]', '[2]'), jsonb_contained('[2]', '[1,2]');
SELECT '{"a": 1, "b": null}'::jsonb ? 'b', '["a", 1]'::jsonb ? 'a', '["a", 1]'::jsonb ? '1', '"a"'::jsonb ? 'a', '{"x": {"a": 1}}'::jsonb ? 'a';
SELECT '{"a": 1, "b": 2}'::jsonb ?| ARRAY['x', 'b'], '{"a": 1}'::jsonb ?| ARRAY['x'], '{"a": 1, "b": 2}'::jsonb ?& ARRAY['a', 'b'], '{"a": 1}'::jsonb ?& ARRAY['a', NULL], '{"a": 1}'::jsonb ?& ARRAY['a', 'z'];
SELECT jsonb_exists('{"a": 1}', 'a'), jsonb_exists_any('["x"]', ARRAY['x', 'y']), jsonb_exists_all('["x"]', ARRAY['x', 'y']);
SELECT id FROM docs WHERE jb @> '{"b": 1}' ORDER BY id;
SELECT id FROM docs WHERE jb ? 'two' ORDER BY id;

-- concatenation and deletion
SELECT '{"a": 1, "b": 2}'::jsonb || '{"b": 3, "c": 4}', '[1, 2]'::jsonb || '[3]', '{"a": 1}'::jsonb || '[2]', '1'::jsonb || '2', '[]'::jsonb || '"x"', '{"a": 1}'::jsonb || '1';
SELECT '{"a": 1, "b": 2}'::jsonb - 'a', '["a", "b", "a", 1]'::jsonb - 'a', '{"a": 1, "b": 2, "c": 3}'::jsonb - ARRAY['a', 'c', 'z'], '[1, 2, 3]'::jsonb - 1, '[1, 2, 3]'::jsonb - -1, '[1, 2, 3]'::jsonb - 9;
SELECT '1'::jsonb - 'a';
SELECT '{"a": 1}'::jsonb - 0;
SELECT '"x"'::jsonb - 0;
SELECT '{"a": {"b": [1, 2, 3]}}'::jsonb #- '{a,b,1}', '{"a": {"b": 1}}'::jsonb #- '{a}', '[1, [2, 3]]'::jsonb #- '{1,-1}', '{"a": 1}'::jsonb #- '{x,y}', '{"a": 1}'::jsonb #- '{}';
SELECT '1'::jsonb #- '{a}';
SELECT '[1, 2]'::jsonb #- '{x}';

-- jsonb_set, jsonb_insert
SELECT jsonb_set('{"a": {"b": 1}}', '{a,b}', '2'), jsonb_set('{"a": 1}', '{c}', '[3]'), jsonb_set('{"a": 1}', '{c}', '3', false), jsonb_set('{"a": 1}', '{a,b}', '2');
SELECT jsonb_set('[1, 2]', '{0}', '"x"'), jsonb_set('[1, 2]', '{-1}', '9'), jsonb_set('[1, 2]', '{-5}', '0'), jsonb_set('[1, 2]', '{9}', '0'), jsonb_set('[]', '{3}', '1'), jsonb_set('[1]', '{5}', '2', false);
SELECT jsonb_set('{"a": 1}', '{a}', NULL);
SELECT jsonb_set('1', '{a}', '1');
SELECT jsonb_set('{"a": 1}', '{NULL}', '1');
SELECT jsonb_set('{"a": [1]}', '{a,x}', '1');
SELECT jsonb_insert('[1, 2]', '{1}', '0'), jsonb_insert('[1, 2]', '{1}', '0', true), jsonb_insert('[1, 2]', '{-1}', '0'), jsonb_insert('{"a": [1]}', '{a,9}', '2'), jsonb_insert('{"a": 1}', '{b}', '2');
SELECT jsonb_insert('{"a": 1}', '{a}', '2');

-- strip_nulls, pretty
SELECT jsonb_strip_nulls('{"a": null, "b": [null, {"c": null, "d": 1}], "e": {}}'), jsonb_strip_nulls('[null]');
SELECT jsonb_pretty('{"a": [1, {"b": null}], "c": {}, "d": []}');
SELECT jsonb_pretty('"x"'), jsonb_pretty('[]');

-- building
SELECT jsonb_build_object('b', 1, 'a', 'x', 'b', NULL), jsonb_build_object(), jsonb_build_object(1, 2.50, true, ARRAY[1, 2]);
SELECT json_build_object('b', 1, 'a', json_build_array(1, 'x', NULL)), json_build_object(), json_build_array();
SELECT jsonb_build_array(1, 'a', NULL, 1.50, '{"x": 1}'::jsonb, ARRAY['p', 'q']), json_build_array('{"x" :  1}'::json, 2::float8, 'NaN'::float8);
SELECT jsonb_build_object('a');
SELECT jsonb_build_object(NULL, 1);
SELECT jsonb_build_object(ARRAY[1], 1);
SELECT json_build_object('{"a": 1}'::json, 1);
SELECT to_jsonb(1), to_jsonb(2.50::numeric), to_jsonb('a"b'::text), to_jsonb(true), to_jsonb('{{1,2},{3,4}}'::int[]), to_jsonb(NULL::int), to_jsonb('NaN'::float8), to_jsonb(1e20::float8);
SELECT to_json(1), to_json(2.50::numeric), to_json('a"b'::text), to_json(false), to_json(ARRAY['a', NULL]), to_json('{"k": [1]}'::jsonb), to_json('Infinity'::numeric), to_json(1e20::float8);
SELECT to_jsonb('2024-03-01'::date), to_json('2024-03-01 10:20:30'::timestamp), to_jsonb('2024-03-01 10:20:30+00'::timestamptz), to_json('2024-03-01 10:20:30.5+00'::timestamptz);

-- aggregates
SELECT jsonb_agg(id ORDER BY id), json_agg(id ORDER BY id) FROM docs;
SELECT jsonb_agg(jb), json_agg(j) FROM docs WHERE id IN (3, 5);
SELECT jsonb_agg(x), json_agg(x) FROM (VALUES (1), (NULL)) t(x);
SELECT jsonb_agg(x), json_agg(x), jsonb_object_agg(x, x), json_object_agg(x, x) FROM (SELECT 1 AS x WHERE false) t;
SELECT jsonb_object_agg(k, v), json_object_agg(k, v) FROM (VALUES ('b', 1), ('a', 2), ('b', 3)) t(k, v);
SELECT jsonb_object_agg(k, v) FROM (VALUES (NULL::text, 1)) t(k, v);
SELECT json_object_agg(k, v) FROM (VALUES (NULL::text, 1)) t(k, v);

-- casts
SELECT '{"a": 1}'::jsonb::json, '{"b": 1, "a": 2}'::json::jsonb, '[1, 2]'::jsonb::text, '{"x" : 1}'::json::text, '{"z": 1, "a": 2}'::text::jsonb;
SELECT '12'::jsonb::int, '1.5'::jsonb::int, '-3'::jsonb::int2, '9000000000'::jsonb::int8, '2.50'::jsonb::numeric, '1.5'::jsonb::float8, '1e3'::jsonb::float4, 'true'::jsonb::bool;
SELECT ('{"n": 42}'::jsonb -> 'n')::int + 1, ('{"f": false}'::jsonb -> 'f')::boolean;
SELECT '"x"'::jsonb::int;
SELECT 'null'::jsonb::int;
SELECT '[1]'::jsonb::numeric;
SELECT '{}'::jsonb::float8;
SELECT '1'::jsonb::bool;
SELECT 'true'::jsonb::float8;
SELECT '1e30'::jsonb::int;

-- comparison and ordering (jsonb btree order)
SELECT '{"a": 1, "b": 2}'::jsonb = '{"b": 2, "a": 1}', '[1.0]'::jsonb = '[1.00]', '1'::jsonb <> '1.0', '"a"'::jsonb < '"b"';
SELECT '1'::jsonb > '[]', '1'::jsonb < '[1]', '1'::jsonb < '[0]', '"a"'::jsonb < '1', 'null'::jsonb < '""', '{}'::jsonb > '[1, 2, 3]';
SELECT '{"b": 1}'::jsonb > '{"a": 2}', '{"aa": 1}'::jsonb > '{"b": 1}', '[[1]]'::jsonb > '[{}]', '[1, 2]'::jsonb > '["x", 3]', 'true'::jsonb > '1', '{"a": 1, "c": 0}'::jsonb < '{"a": 5, "b": 0}';
SELECT '{"a":1}'::jsonb >= '{"a":1}', '[2]'::jsonb <= '[1]';
CREATE TABLE ord (v jsonb);
INSERT INTO ord VALUES ('1'), ('[]'), ('[1]'), ('{}'), ('{"a": 1}'), ('"s"'), ('null'), ('true'), ('false'), ('[1, 2]'), ('{"b": 0}'), ('{"a": 1, "b": 2}'), ('2.5'), ('[0]'), ('""');
SELECT v FROM ord ORDER BY v;
SELECT v FROM ord ORDER BY v DESC;
SELECT DISTINCT v FROM (VALUES ('1.0'::jsonb), ('1'), ('{"a": 1}'), ('{"a": 1.00}')) t(v) ORDER BY 1;
SELECT count(*) FROM ord GROUP BY jsonb_typeof(v) ORDER BY 1;

-- a jsonb column with an index, updated through jsonb_set
CREATE TABLE users (id int PRIMARY KEY, metadata jsonb NOT NULL DEFAULT '{}');
CREATE INDEX users_meta ON users (metadata);
INSERT INTO users VALUES (1, '{"role": "admin"}'), (2, '{}'), (3, '{"role": "user", "level": 2}');
SELECT id FROM users WHERE metadata @> '{"role": "admin"}';
UPDATE users SET metadata = jsonb_set(metadata, '{level}', '5'::jsonb) WHERE id = 1;
SELECT id, metadata FROM users ORDER BY id;
SELECT id FROM users WHERE metadata = '{"level": 5, "role": "admin"}';
SELECT metadata ->> 'role' AS role, count(*) FROM users GROUP BY 1 ORDER BY 1;

-- parameters
-- @params ["{\"k\": [1, 2]}", "k"]
SELECT $1::jsonb -> $2;
-- @params ["{\"role\": \"admin\"}"]
SELECT id FROM users WHERE metadata @> $1::jsonb;

-- set-returning functions
SELECT * FROM jsonb_array_elements('[1, "a", null, {"b": 2}]');
SELECT * FROM jsonb_array_elements_text('[1, "a", null, {"b": 2}]');
SELECT * FROM json_array_elements('[1, "a" , {"b":  2}]');
SELECT * FROM jsonb_each('{"b": 1, "a": [2], "c": null}');
SELECT * FROM jsonb_each_text('{"b": 1, "a": "x", "c": null}');
SELECT * FROM json_each('{"b": 1, "a": "x"}');
SELECT * FROM jsonb_object_keys('{"bb": 1, "a": 2, "c": 3}');
SELECT jsonb_array_elements('[1, 2]') AS e, jsonb_object_keys('{"k": 1, "j": 2}') AS k;
SELECT d.id, value FROM docs d, jsonb_array_elements(d.jb) WHERE jsonb_typeof(d.jb) = 'array' ORDER BY 1, 2;
SELECT * FROM jsonb_array_elements('{"a": 1}');
SELECT * FROM jsonb_array_elements('1');
SELECT * FROM jsonb_each('[1]');
SELECT * FROM jsonb_object_keys('[1]');
SELECT * FROM jsonb_object_keys('1');

-- deep nesting and big numbers
SELECT jsonb_typeof((repeat('[', 1000) || repeat(']', 1000))::jsonb), jsonb_array_length((repeat('[', 500) || repeat(']', 500))::jsonb);
SELECT '123456789012345678901234567890.123456789'::jsonb, '-1e-20'::jsonb;
