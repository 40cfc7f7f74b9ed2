// Set-returning functions: in FROM (aliases, column aliases, WITH
// ORDINALITY, ROWS FROM, scalar functions as one-row tables, references to
// earlier FROM items), in the SELECT list (lockstep expansion, with
// aggregates, under LIMIT), generate_series' forms and errors, unnest over
// arrays and int2vector/oidvector, generate_subscripts,
// pg_partition_ancestors, and where sets are not allowed.
#include <QtTest>

#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

using Rows = std::vector<std::string>;

class SetFunctionsTest : public QObject {
  Q_OBJECT
 private slots:
  void fromClause() {
    SqlFixture f;
    QCOMPARE(f.Rows("SELECT * FROM generate_series(1, 3)"), (Rows{"1", "2", "3"}));
    QCOMPARE(f.channel.columns[0].name, std::string("generate_series"));
    QCOMPARE(f.Rows("SELECT g * 2 FROM generate_series(1, 3) AS g WHERE g > 1"), (Rows{"4", "6"}));
    QCOMPARE(f.Rows("SELECT x, n FROM unnest(ARRAY['a', 'b']) WITH ORDINALITY AS u(x, n)"),
             (Rows{"a|1", "b|2"}));
    QCOMPARE(f.channel.columns[1].type_oid, types::oid::kInt8);
    QCOMPARE(f.Rows("SELECT * FROM ROWS FROM (generate_series(1, 3), unnest(ARRAY['x'])) AS r(a, b)"),
             (Rows{"1|x", "2|NULL", "3|NULL"}));
    QCOMPARE(f.Rows("SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) AS u(n, s)"),
             (Rows{"1|a", "2|NULL"}));
    QCOMPARE(f.Rows("SELECT * FROM upper('abc') AS u"), (Rows{"ABC"}));
    QCOMPARE(f.channel.columns[0].name, std::string("u"));
    QCOMPARE(f.Rows("SELECT count(*) FROM generate_series(1, 10) a, generate_series(1, a) b"),
             (Rows{"55"}));
    QCOMPARE(f.Rows("SELECT a, b FROM generate_series(1, 2) a LEFT JOIN generate_series(2, 3) b "
                    "ON a = b ORDER BY a"),
             (Rows{"1|NULL", "2|2"}));
  }
  void selectList() {
    SqlFixture f;
    QCOMPARE(f.Rows("SELECT generate_series(1, 3)"), (Rows{"1", "2", "3"}));
    // Calls advance in lockstep; the shorter one yields NULLs.
    QCOMPARE(f.Rows("SELECT unnest(ARRAY[1, 2, 3]), generate_series(1, 2), 'k'"),
             (Rows{"1|1|k", "2|2|k", "3|NULL|k"}));
    QCOMPARE(f.Rows("SELECT generate_series(1, 3) AS g ORDER BY g DESC LIMIT 2"), (Rows{"3", "2"}));
    QCOMPARE(f.Rows("SELECT generate_series(1, 1000000000) LIMIT 2"), (Rows{"1", "2"}));
    QVERIFY(f.Exec("CREATE TABLE t (id int, tags text[]); "
                   "INSERT INTO t VALUES (1, ARRAY['a', 'b']), (2, '{}'), (3, NULL)").ok());
    QCOMPARE(f.Rows("SELECT id, unnest(tags) FROM t ORDER BY 1, 2"), (Rows{"1|a", "1|b"}));
    QCOMPARE(f.Rows("SELECT unnest(array_agg(id)) FROM t"), (Rows{"1", "2", "3"}));
    QCOMPARE(f.Rows("SELECT x FROM (SELECT generate_series(1, 2) AS x) s WHERE x > 1"), (Rows{"2"}));
  }
  void generateSeries() {
    SqlFixture f;
    QCOMPARE(f.Rows("SELECT * FROM generate_series(5, 1, -2)"), (Rows{"5", "3", "1"}));
    QCOMPARE(f.Rows("SELECT * FROM generate_series(2147483646, 2147483647)"),
             (Rows{"2147483646", "2147483647"}));
    QCOMPARE(f.Rows("SELECT * FROM generate_series(9223372036854775806, 9223372036854775807)"),
             (Rows{"9223372036854775806", "9223372036854775807"}));
    QCOMPARE(f.Rows("SELECT * FROM generate_series(1, 2, 0.5)"), (Rows{"1", "1.5", "2.0"}));
    QCOMPARE(f.Rows("SELECT * FROM generate_series(timestamp '2024-01-30', timestamp '2024-03-31', "
                    "interval '1 month')"),
             (Rows{"2024-01-30 00:00:00", "2024-02-29 00:00:00", "2024-03-29 00:00:00"}));
    QCOMPARE(f.Rows("SELECT count(*) FROM generate_series(timestamptz '2024-01-01 00:00+00', "
                    "timestamptz '2024-01-02 00:00+00', interval '1 hour')"),
             (Rows{"25"}));
    QCOMPARE(f.Rows("SELECT * FROM generate_series(1, NULL)"), Rows{});
    QCOMPARE(Code(f.Exec("SELECT * FROM generate_series(1, 3, 0)")), std::string("22023"));
    QCOMPARE(Code(f.Exec("SELECT * FROM generate_series(1, 'NaN'::numeric)")), std::string("22023"));
    QCOMPARE(Code(f.Exec("SELECT * FROM generate_series(now(), now(), interval '0')")),
             std::string("22023"));
  }
  void arrays() {
    SqlFixture f;
    QCOMPARE(f.Rows("SELECT * FROM unnest('{{1,2},{3,NULL}}'::int[])"), (Rows{"1", "2", "3", "NULL"}));
    QCOMPARE(f.Rows("SELECT unnest('3 1'::int2vector), generate_subscripts('3 1'::int2vector, 1)"),
             (Rows{"3|0", "1|1"}));
    QCOMPARE(f.channel.columns[0].type_oid, types::oid::kInt2);
    QCOMPARE(f.Rows("SELECT unnest('26 23'::oidvector)"), (Rows{"26", "23"}));
    QCOMPARE(f.Rows("SELECT generate_subscripts(ARRAY['a', 'b', 'c'], 1, true)"), (Rows{"3", "2", "1"}));
    QCOMPARE(f.Rows("SELECT generate_subscripts(ARRAY['a'], 2)"), Rows{});
    // pg_index.indkey is an int2vector; drivers unnest it.
    QVERIFY(f.Exec("CREATE TABLE k (a int, b int, c int, PRIMARY KEY (c, a))").ok());
    QCOMPARE(f.Rows("SELECT unnest(indkey) FROM pg_index WHERE indrelid = 'k'::regclass"),
             (Rows{"3", "1"}));
  }
  void partitionAncestors() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE p (id int)").ok());
    // No relation is in a partition tree: PostgreSQL answers no rows for a
    // plain table too.
    QCOMPARE(f.Rows("SELECT count(*) FROM pg_partition_ancestors('p'::regclass)"), (Rows{"0"}));
    QCOMPARE(f.Rows("SELECT 1 WHERE 'p'::regclass IN (SELECT pg_partition_ancestors('p'::regclass) "
                    "UNION ALL VALUES ('p'::regclass))"),
             (Rows{"1"}));
  }
  void notAllowed() {
    SqlFixture f;
    QCOMPARE(Code(f.Exec("SELECT 1 WHERE generate_series(1, 2) > 1")), std::string("0A000"));
    QCOMPARE(Code(f.Exec("SELECT 1 HAVING generate_series(1, 2) > 1")), std::string("0A000"));
    QCOMPARE(Code(f.Exec("SELECT sum(generate_series(1, 2))")), std::string("0A000"));
    QCOMPARE(Code(f.Exec("SELECT unnest(1)")), std::string("42883"));
    QCOMPARE(Code(f.Exec("SELECT * FROM generate_series(1, 2) AS g(a, b)")), std::string("42P10"));
  }
};

QTEST_GUILESS_MAIN(SetFunctionsTest)
#include "test_set_functions.moc"
