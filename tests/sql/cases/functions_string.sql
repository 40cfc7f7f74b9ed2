-- String functions.
SELECT length('hello'), char_length('héllo'), octet_length('héllo'), bit_length('a');
SELECT upper('abc'), lower('ÀBC'), initcap('hello wORLD');
SELECT substring('hello world' FROM 7), substring('hello world' FROM 1 FOR 5), substr('hello', 2, 3), substr('hello', 3);
SELECT position('lo' IN 'hello'), strpos('hello', 'l'), position('z' IN 'hello');
SELECT trim('  x  ') || '|', ltrim('  x  ') || '|', rtrim('  x  ') || '|', trim(BOTH 'x' FROM 'xxaxx'), btrim('xyaxy', 'xy');
SELECT replace('a.b.c', '.', '-'), translate('abc', 'ab', 'xy'), reverse('abc'), repeat('ab', 3);
SELECT lpad('7', 3, '0'), rpad('ab', 5, '*'), lpad('hello', 3), left('hello', 2), right('hello', 2), left('hello', -1);
SELECT concat('a', 1, NULL, true), concat_ws('-', 'a', NULL, 'b'), 'a' || 'b' || 'c';
SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5), string_to_array('a,b,c', ','), array_to_string(ARRAY['x', 'y'], '+');
SELECT md5('abc'), ascii('A'), chr(66), to_hex(255), quote_ident('My Col'), quote_literal('it''s');
SELECT format('%s has %s items', 'cart', 3), format('%I.%L', 'tbl', 'v'), format('[%5s]', 'ab');
SELECT starts_with('hello', 'he'), 'abc' < 'abd', 'B' < 'a', overlay('hello' PLACING 'XY' FROM 2 FOR 3);
SELECT length(NULL::text), upper(NULL), coalesce(substr(NULL, 1), 'n');
SELECT encode('abc'::bytea, 'hex'), encode('abc'::bytea, 'base64'), decode('616263', 'hex'), convert_to('a', 'UTF8');
SELECT length(repeat('x', 10000)), string_agg(x, '') FROM (VALUES ('a'), ('b')) v(x);
SELECT lower(42);
