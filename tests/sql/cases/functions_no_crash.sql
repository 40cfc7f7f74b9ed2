-- Inputs that once ended the daemon (every connection dropped without an
-- ErrorResponse); each must be answered like PostgreSQL answers it.
-- numeric digits with leading zeros were read as octal (log(2, 8) threw).
SELECT log(2, 8), log(100), log(0.08), ln(0.09), log10(0.001::numeric), exp(0.05::numeric);
SELECT 0.08::numeric, 0.010::numeric, 007.5::numeric, 0.09 * 10;
-- long subjects overflowed the regular expression matcher's stack.
SELECT repeat('a', 30000) ~ '(a|b)*c', repeat('ab', 20000) ~ 'b$', repeat('a', 30000) !~ '.*c', repeat('x', 30000) ~* 'X+$';
SELECT length(regexp_replace(repeat('a', 3000), 'a+', 'b')), length(regexp_replace(repeat('xy', 3000), 'y', '', 'g'));
SELECT (regexp_match(repeat('a', 2000) || ' key=val', '(\w+)=(\w+)'))[2];
SELECT repeat('ab', 20000) SIMILAR TO '(ab)*', repeat('ab', 20000) SIMILAR TO '%c%';
-- errors, not crashes
SELECT 'abc' ~ '(';
SELECT 'abc' ~ 'a)|(b';
SELECT factorial(40000);
SELECT width_bucket(1, 0, 10, 0);
-- deeply nested patterns overflowed the regular expression compiler's stack.
SELECT 'a' ~ (repeat('(', 100000) || 'a' || repeat(')', 100000));
