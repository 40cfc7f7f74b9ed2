// Relational breadth: LATERAL subqueries and functions, ARRAY(subquery),
// WITH RECURSIVE (UNION and UNION ALL, LIMIT over an endless recursion,
// statement_timeout cancelling one, type errors), DISTINCT ON, row-valued
// IN, and NATURAL/USING column order.
#include <QtTest>

#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

using Rows = std::vector<std::string>;

class RelationalTest : public QObject {
  Q_OBJECT
 private:
  void Load(SqlFixture& f) {
    Status s = f.Exec(
        "CREATE TABLE a (id int PRIMARY KEY, name text);"
        "CREATE TABLE b (id int PRIMARY KEY, a_id int, label text);"
        "INSERT INTO a VALUES (1, 'one'), (2, 'two'), (3, 'three');"
        "INSERT INTO b VALUES (10, 1, 'x'), (11, 1, 'y'), (12, 2, 'z')");
    QVERIFY2(s.ok(), s.ToString().c_str());
  }

 private slots:
  void lateral() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT a.name, l.label FROM a CROSS JOIN LATERAL (SELECT label FROM b "
                    "WHERE b.a_id = a.id ORDER BY b.id DESC LIMIT 1) l ORDER BY a.id"),
             (Rows{"one|y", "two|z"}));
    QCOMPARE(f.Rows("SELECT a.id, l.n FROM a LEFT JOIN LATERAL (SELECT count(*) AS n FROM b "
                    "WHERE b.a_id = a.id HAVING count(*) > 1) l ON true ORDER BY a.id"),
             (Rows{"1|2", "2|NULL", "3|NULL"}));
    QCOMPARE(f.Rows("SELECT a.id, s FROM a, LATERAL (SELECT a.id * 10 AS s) x WHERE s > 10 ORDER BY 1"),
             (Rows{"2|20", "3|30"}));
    // Without LATERAL a subquery cannot see earlier FROM items.
    QVERIFY(!f.Exec("SELECT * FROM a, (SELECT a.id) x").ok());
    // A correlated LATERAL inside a correlated subquery sees both levels.
    QCOMPARE(f.Rows("SELECT (SELECT max(g) FROM b, generate_series(b.id, b.id + a.id) g "
                    "WHERE b.a_id = a.id) FROM a ORDER BY a.id"),
             (Rows{"12", "14", "NULL"}));
  }
  void arraySubquery() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT ARRAY(SELECT label FROM b ORDER BY id DESC)"), (Rows{"{z,y,x}"}));
    QCOMPARE(f.channel.columns[0].name, std::string("array"));
    QCOMPARE(f.Rows("SELECT a.id, ARRAY(SELECT b.id FROM b WHERE b.a_id = a.id ORDER BY 1) FROM a "
                    "ORDER BY 1"),
             (Rows{"1|{10,11}", "2|{12}", "3|{}"}));
    QCOMPARE(Code(f.Exec("SELECT ARRAY(SELECT 1, 2)")), std::string("42601"));
  }
  void recursive() {
    SqlFixture f;
    QCOMPARE(f.Rows("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) "
                    "SELECT sum(n), count(*) FROM t"),
             (Rows{"15|5"}));
    // UNION drops repeats, which ends a walk around a cycle.
    QCOMPARE(f.Rows("WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n % 3 + 1 FROM t) "
                    "SELECT n FROM t ORDER BY n"),
             (Rows{"1", "2", "3"}));
    // Rows stream out: LIMIT stops an endless recursion.
    QCOMPARE(f.Rows("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) "
                    "SELECT n FROM t LIMIT 3"),
             (Rows{"1", "2", "3"}));
    QCOMPARE(Code(f.Exec("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n::bigint + 1 FROM t) "
                         "SELECT n FROM t")),
             std::string("42804"));
    QCOMPARE(Code(f.Exec("WITH RECURSIVE t(n) AS (SELECT n FROM t) SELECT n FROM t")),
             std::string("42P19"));
    QCOMPARE(Code(f.Exec("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t "
                         "WHERE n < (SELECT max(n) FROM t)) SELECT n FROM t")),
             std::string("42P19"));
    QCOMPARE(Code(f.Exec("WITH a AS (SELECT 1), a AS (SELECT 2) SELECT 1")), std::string("42712"));
    // Without LIMIT an endless recursion runs until the statement is cancelled.
    QVERIFY(f.Exec("SET statement_timeout = 200").ok());
    QCOMPARE(Code(f.Exec("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) "
                         "SELECT count(*) FROM t")),
             std::string("57014"));
  }
  void dataModifyingWith() {
    SqlFixture f;
    Load(f);
    // Runs once, to completion, even when the main query stops early or
    // never reads it.
    QCOMPARE(f.Rows("WITH gone AS (DELETE FROM b WHERE a_id = 1 RETURNING id) SELECT 1 LIMIT 1"),
             (Rows{"1"}));
    QCOMPARE(f.Rows("SELECT count(*) FROM b"), (Rows{"1"}));
    QCOMPARE(f.Rows("WITH ins AS (INSERT INTO b VALUES (20, 3, 'w'), (21, 3, 'v') RETURNING id) "
                    "SELECT id FROM ins ORDER BY id LIMIT 1"),
             (Rows{"20"}));
    QCOMPARE(f.Rows("SELECT count(*) FROM b"), (Rows{"3"}));
    QCOMPARE(Code(f.Exec("SELECT (WITH d AS (DELETE FROM b RETURNING id) SELECT count(*) FROM d)")),
             std::string("0A000"));
  }
  void distinctOn() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT DISTINCT ON (a_id) a_id, label FROM b ORDER BY a_id, label DESC"),
             (Rows{"1|y", "2|z"}));
    QCOMPARE(f.Rows("SELECT DISTINCT ON (b.a_id) label FROM b ORDER BY b.a_id, id"), (Rows{"x", "z"}));
    QCOMPARE(Code(f.Exec("SELECT DISTINCT ON (a_id) label FROM b ORDER BY label")), std::string("42P10"));
  }
  void rowIn() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT id FROM b WHERE (a_id, label) IN (SELECT 1, 'y' UNION ALL SELECT 2, 'z') "
                    "ORDER BY id"),
             (Rows{"11", "12"}));
    QCOMPARE(f.Rows("SELECT id FROM b WHERE (a_id, label) NOT IN (SELECT 1, 'y') ORDER BY id"),
             (Rows{"10", "12"}));
    QCOMPARE(f.Rows("SELECT (1, NULL::text) IN (SELECT 1, 'y')"), (Rows{"NULL"}));
    QCOMPARE(Code(f.Exec("SELECT (1, 2) IN (SELECT 1)")), std::string("42601"));
  }
  void naturalJoinOrder() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE l (x int, k int); CREATE TABLE r (k int, y int);"
                   "INSERT INTO l VALUES (1, 1), (2, 2); INSERT INTO r VALUES (1, 10), (3, 30)").ok());
    QCOMPARE(f.Rows("SELECT * FROM l NATURAL JOIN r"), (Rows{"1|1|10"}));
    QCOMPARE(f.channel.columns[0].name, std::string("k"));
    QCOMPARE(f.Rows("SELECT * FROM l FULL JOIN r USING (k) ORDER BY k"),
             (Rows{"1|1|10", "2|2|NULL", "3|NULL|30"}));
    QCOMPARE(f.Rows("SELECT l.k, r.k FROM l JOIN r USING (k)"), (Rows{"1|1"}));
  }
};

QTEST_GUILESS_MAIN(RelationalTest)
#include "test_relational.moc"
