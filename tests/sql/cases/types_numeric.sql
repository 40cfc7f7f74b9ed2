-- Integer, floating point and numeric column types: storage, output, typmods, range errors.
CREATE TABLE nums (
  s smallint,
  i integer,
  b bigint,
  r real,
  d double precision,
  n numeric,
  n52 numeric(5,2),
  n10 numeric(10)
);
INSERT INTO nums VALUES (1, 2, 3, 1.5, 2.25, 123.456, 123.456, 12345.6);
INSERT INTO nums VALUES (-32768, -2147483648, -9223372036854775808, -0.5, -1e-10, -0.001, -999.99, -1);
INSERT INTO nums VALUES (32767, 2147483647, 9223372036854775807, 3.4e38, 1.7976931348623157e308, 1e20, 0.005, 0);
INSERT INTO nums VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT s, i, b, r, d, n, n52, n10 FROM nums ORDER BY i NULLS LAST;
INSERT INTO nums (s) VALUES (32768);
INSERT INTO nums (i) VALUES (2147483648);
INSERT INTO nums (b) VALUES (9223372036854775808);
INSERT INTO nums (n52) VALUES (1000);
INSERT INTO nums (i) VALUES ('abc');
INSERT INTO nums (i) VALUES ('12');
INSERT INTO nums (i) VALUES (' 13 ');
INSERT INTO nums (i) VALUES (14.5);
INSERT INTO nums (s) VALUES (2.5);
SELECT i FROM nums WHERE i BETWEEN 10 AND 20 ORDER BY i;
SELECT 'NaN'::float8, 'Infinity'::float8, '-Infinity'::float4, 'NaN'::numeric;
SELECT 0.1::float8 + 0.2::float8, 1/3::float8, 10::real / 3;
SELECT 1.0::numeric / 3, 2::numeric ^ 10, round(2.5::numeric), round(2.5::float8), round(-2.5::numeric);
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3, 7.0 / 2;
SELECT 32767::smallint + 1::smallint;
SELECT 2147483647 + 1;
SELECT 9223372036854775807 + 1;
SELECT 1 / 0;
SELECT 1.5 / 0;
SELECT 1::float8 / 0;
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof(10000000000), pg_typeof(1::smallint + 1), pg_typeof(1 + 1.5), pg_typeof(1::real * 2);
SELECT 123.4500::numeric, 0.000001::numeric, 1e6::numeric, 100::numeric(10,3), -0.0::numeric;
SELECT 1e15::float8, 1e16::float8, 123456789012345678::float8, 0.1::real, 1.0e-5::float8;
