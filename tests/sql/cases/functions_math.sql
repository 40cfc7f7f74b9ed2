-- Math functions.
SELECT abs(-5), abs(-5.5), abs(-2::smallint), abs(-7::bigint);
SELECT ceil(4.2), ceiling(-4.2), floor(4.8), floor(-4.8), round(4.567, 2), round(4.5), trunc(4.567, 1), trunc(-4.5);
SELECT mod(10, 3), mod(-10, 3), 10 % 4, div(10, 3), power(2, 10), power(2.0, 0.5), sqrt(16), cbrt(27::float8);
SELECT exp(1::float8), ln(10::float8), log(100), log(2, 8), log10(1000::float8);
SELECT sign(-3), sign(0.0), sign(2.5::float8), pi(), degrees(pi()), radians(180);
SELECT sin(0), cos(0), tan(0), asin(1), acos(1), atan(1), atan2(1, 1);
SELECT greatest(1.5, 2), least(-1, -2.5), width_bucket(5, 0, 10, 5);
SELECT round(123.456::numeric, -1), round(1.23456789012345::numeric, 10), scale(1.2300), 2.0 * 3.00;
SELECT gcd(12, 18), lcm(4, 6), factorial(5);
SELECT sqrt(-1);
SELECT ln(0);
SELECT log(-1);
SELECT 10 % 0;
SELECT mod(5.5, 2), 5.5 % 2, -7 / 2.0, 7::numeric / 2, 2 ^ -1, (-8) ^ (1.0 / 3);
SELECT round(2.675::float8 * 100) / 100, 1e300::float8 * 1e10;
SELECT trunc(1e20::float8), 9007199254740993::bigint::float8, 0.1 + 0.2, 0.1::float8 + 0.2::float8 = 0.3::float8;
SELECT int4 '5' + int2 '3', int8 '5' * int4 '3', -(-2147483647 - 1);
SELECT setseed(0.5) IS NULL, random() BETWEEN 0 AND 1;
