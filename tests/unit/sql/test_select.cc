// SELECT: filters, ordering, limits, grouping, joins, subqueries, CTEs, set
// operations, expressions, three-valued logic, errors with positions, and
// the access path chosen for point lookups.
#include <QtTest>

#include <chrono>

#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

using Rows = std::vector<std::string>;

class SelectTest : public QObject {
  Q_OBJECT
 private:
  void Load(SqlFixture& f) {
    Status s = f.Exec(
        "CREATE TABLE emp (id int PRIMARY KEY, name text, dept int, salary numeric(10,2), boss int);"
        "CREATE TABLE dept (id int PRIMARY KEY, title text);"
        "INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty');"
        "INSERT INTO emp VALUES (1, 'ann', 1, 100, NULL), (2, 'bob', 1, 80, 1), (3, 'cid', 2, 70, 1),"
        " (4, 'dan', NULL, 50, 2)");
    QVERIFY2(s.ok(), s.ToString().c_str());
  }

 private slots:
  void basics() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT name FROM emp WHERE salary > 60 ORDER BY salary DESC LIMIT 2"), (Rows{"ann", "bob"}));
    QCOMPARE(f.Rows("SELECT name FROM emp ORDER BY dept NULLS FIRST, id LIMIT 2 OFFSET 1"), (Rows{"ann", "bob"}));
    QCOMPARE(f.Rows("SELECT DISTINCT dept FROM emp WHERE dept IS NOT NULL ORDER BY 1"), (Rows{"1", "2"}));
    QCOMPARE(f.Rows("SELECT 1 + 2 AS x, 'a' || 'b', -5, NULL IS NULL"), (Rows{"3|ab|-5|t"}));
    QCOMPARE(f.channel.columns[0].name, std::string("x"));
    QCOMPARE(f.channel.columns[1].name, std::string("?column?"));
    QCOMPARE(f.Rows("SELECT id FROM emp WHERE id IN (1, 3) OR name LIKE 'd%' ORDER BY id"), (Rows{"1", "3", "4"}));
    QCOMPARE(f.Rows("SELECT id FROM emp WHERE salary BETWEEN 60 AND 90 ORDER BY id"), (Rows{"2", "3"}));
    QCOMPARE(f.Rows("SELECT id FROM emp WHERE dept NOT IN (1) ORDER BY id"), (Rows{"3"}));
    QCOMPARE(f.Rows("SELECT id FROM emp WHERE boss IS DISTINCT FROM 1 ORDER BY id"), (Rows{"1", "4"}));
    QCOMPARE(f.Rows("SELECT CASE WHEN salary > 75 THEN 'high' ELSE 'low' END, COALESCE(dept, 0), "
                    "NULLIF(dept, 1), GREATEST(1, dept, 0), LEAST(5, NULL) FROM emp WHERE id = 4"),
             (Rows{"low|0|NULL|1|5"}));
    QCOMPARE(f.Rows("SELECT CAST(salary AS int), salary::text, '42'::int + 1 FROM emp WHERE id = 2"),
             (Rows{"80|80.00|43"}));
    QCOMPARE(f.Rows("SELECT NULL AND false, NULL OR true, NOT NULL::bool"), (Rows{"f|t|NULL"}));
  }
  void aggregates() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT count(*), sum(salary), min(name), max(id), avg(salary)::numeric(10,1) FROM emp"),
             (Rows{"4|300.00|ann|4|75.0"}));
    QCOMPARE(f.Rows("SELECT dept, count(*) AS n FROM emp GROUP BY dept HAVING count(*) > 1 ORDER BY n DESC"),
             (Rows{"1|2"}));
    QCOMPARE(f.Rows("SELECT count(*) FROM emp WHERE id > 100"), (Rows{"0"}));
    QCOMPARE(f.Rows("SELECT count(DISTINCT dept), count(dept) FROM emp"), (Rows{"2|3"}));
    QCOMPARE(Code(f.Exec("SELECT name, count(*) FROM emp")), std::string("42803"));
  }
  void joins() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT e.name, d.title FROM emp e JOIN dept d ON e.dept = d.id ORDER BY e.id"),
             (Rows{"ann|eng", "bob|eng", "cid|ops"}));
    QCOMPARE(f.Rows("SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.id WHERE e.id > 2 ORDER BY e.id"),
             (Rows{"cid|ops", "dan|NULL"}));
    QCOMPARE(f.Rows("SELECT d.title, count(e.id) FROM emp e RIGHT JOIN dept d ON e.dept = d.id GROUP BY d.title ORDER BY 1"),
             (Rows{"empty|0", "eng|2", "ops|1"}));
    QCOMPARE(f.Rows("SELECT count(*) FROM emp e FULL JOIN dept d ON e.dept = d.id"), (Rows{"5"}));
    QCOMPARE(f.Rows("SELECT count(*) FROM emp CROSS JOIN dept"), (Rows{"12"}));
    QCOMPARE(f.Rows("SELECT a.name, b.name FROM emp a, emp b WHERE a.boss = b.id AND a.salary < b.salary ORDER BY a.id"),
             (Rows{"bob|ann", "cid|ann", "dan|bob"}));
    QCOMPARE(f.Rows("SELECT name FROM emp JOIN dept USING (id) ORDER BY id"), (Rows{"ann", "bob", "cid"}));
  }
  void subqueriesAndCtes() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT name FROM emp WHERE salary = (SELECT max(salary) FROM emp)"), (Rows{"ann"}));
    QCOMPARE(f.Rows("SELECT name FROM emp e WHERE EXISTS (SELECT 1 FROM emp x WHERE x.boss = e.id) ORDER BY 1"),
             (Rows{"ann", "bob"}));
    QCOMPARE(f.Rows("SELECT title FROM dept WHERE id NOT IN (SELECT dept FROM emp WHERE dept IS NOT NULL)"),
             (Rows{"empty"}));
    QCOMPARE(f.Rows("SELECT name, (SELECT title FROM dept d WHERE d.id = e.dept) FROM emp e ORDER BY id"),
             (Rows{"ann|eng", "bob|eng", "cid|ops", "dan|NULL"}));
    QCOMPARE(f.Rows("WITH rich AS (SELECT * FROM emp WHERE salary >= 80) SELECT count(*) FROM rich r1, rich r2"),
             (Rows{"4"}));
    QCOMPARE(f.Rows("SELECT x FROM (SELECT id * 2 AS x FROM emp) s WHERE x > 4 ORDER BY x"), (Rows{"6", "8"}));
    QCOMPARE(Code(f.Exec("SELECT (SELECT id FROM emp)")), std::string("21000"));
  }
  void setOperationsAndValues() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT dept FROM emp UNION SELECT id FROM dept ORDER BY 1 NULLS LAST"),
             (Rows{"1", "2", "3", "NULL"}));
    QCOMPARE(f.Rows("SELECT 1 UNION ALL SELECT 1"), (Rows{"1", "1"}));
    QCOMPARE(f.Rows("SELECT id FROM dept INTERSECT SELECT dept FROM emp ORDER BY 1"), (Rows{"1", "2"}));
    QCOMPARE(f.Rows("SELECT id FROM dept EXCEPT SELECT dept FROM emp"), (Rows{"3"}));
    QCOMPARE(f.Rows("VALUES (1, 'a'), (2, 'b') ORDER BY 1 DESC"), (Rows{"2|b", "1|a"}));
    QCOMPARE(f.Rows("SELECT * FROM (VALUES (1), (2)) AS v(n) WHERE n > 1"), (Rows{"2"}));
  }
  void errors() {
    SqlFixture f;
    Load(f);
    Status s = f.Exec("SELECT * FROM nope");
    QCOMPARE(Code(s), std::string("42P01"));
    QCOMPARE(std::string(s.message()), std::string("relation \"nope\" does not exist"));
    QCOMPARE(s.position(), 15);
    s = f.Exec("SELECT nope FROM emp");
    QCOMPARE(Code(s), std::string("42703"));
    QCOMPARE(std::string(s.message()), std::string("column \"nope\" does not exist"));
    QCOMPARE(s.position(), 8);
    s = f.Exec("SELECT id FROM emp, dept");
    QCOMPARE(Code(s), std::string("42702"));
    s = f.Exec("SELECT foo(1)");
    QCOMPARE(Code(s), std::string("42883"));
    QCOMPARE(Code(f.Exec("CREATE MATERIALIZED VIEW v AS SELECT 1")), std::string("0A000"));
    QCOMPARE(f.Rows("SELECT count(*) FROM emp GROUP BY ROLLUP (dept) ORDER BY 1 DESC LIMIT 1"), (Rows{"4"}));
    QCOMPARE(Code(f.Exec("SELECT 'abc'::int")), std::string("22P02"));
  }
  void pointLookupUsesPrimaryKey() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE acc (aid int PRIMARY KEY, abalance int)").ok());
    f.channel.copy_in.clear();
    std::string data;
    for (int i = 1; i <= 20000; ++i) data += std::to_string(i) + "\t0\n";
    f.channel.copy_in.push_back(data);
    QVERIFY(f.Exec("COPY acc FROM STDIN").ok());
    auto start = std::chrono::steady_clock::now();
    for (int i = 1; i <= 500; ++i) {
      QVERIFY(f.Exec("SELECT abalance FROM acc WHERE aid = " + std::to_string(i * 37 % 20000 + 1)).ok());
      QCOMPARE(f.channel.rows.size(), size_t{1});
    }
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - start).count() / 500;
    // A figure for the log only: timing belongs in tests/bench, not in a
    // pass/fail check on a shared machine.
    qInfo("point select through Session (simple query, parse+bind+plan+execute): %lld us", static_cast<long long>(micros));
    QCOMPARE(f.Rows("SELECT count(*) FROM acc WHERE aid BETWEEN 100 AND 199"), (Rows{"100"}));
  }
  void noCrashOnOddInput() {
    SqlFixture f;
    Load(f);
    // Each must either work or fail with a SQLSTATE; none may crash.
    const char* inputs[] = {
        "SELECT", "SELECT 1 FROM", "SELECT * FROM emp WHERE id = ANY($1)", "SELECT $1",
        "SELECT $2::int", "INSERT INTO emp SELECT", "SELECT ROW(1, 2)", "SELECT ARRAY[1, 2]",
        "SELECT x.* FROM emp", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 1",
        "SELECT sum(id) OVER () FROM emp", "LISTEN x", "DO $$ BEGIN END $$", "SELECT 1 LIMIT -1",
        "EXPLAIN SELECT 1", "SELECT * FROM generate_series(1, 3)", "CREATE TEMP TABLE tmp (a int)",
        "SELECT id FROM emp GROUP BY 1 ORDER BY sum(salary)", "SELECT DISTINCT ON (dept) name FROM emp",
        "UPDATE emp SET (name, dept) = ('x', 1)", "SELECT * FROM emp FOR UPDATE", "SELECT 1/0",
        "INSERT INTO emp (id) VALUES (1, 2)", "INSERT INTO emp (nope) VALUES (1)",
        "SELECT count(count(*)) FROM emp", "SELECT max(id) FROM emp WHERE sum(id) > 1",
        "SELECT * FROM emp e JOIN dept d USING (nope)", "SELECT 9223372036854775807 + 1",
        "SELECT -2147483648::int4", "SELECT 'x' = 1", "SELECT NULL::int + 1", "COPY emp FROM '/etc/passwd'",
        "SELECT * FROM pg_namespace WHERE nspname = 'public'", "SET TIME ZONE 'Mars/Olympus'",
        "CREATE INDEX ON emp USING hash (name)", "ALTER TABLE emp ALTER COLUMN name TYPE int",
        "TRUNCATE dept", "DELETE FROM dept USING emp WHERE emp.dept = dept.id AND emp.id = 3 RETURNING *",
        "UPDATE emp SET salary = salary * 2 FROM dept WHERE emp.dept = dept.id AND dept.title = 'eng'",
        "SELECT e.* FROM emp e ORDER BY e.nope", "SELECT 1 UNION SELECT 'a', 2",
        "VALUES (1), ('a')", "SELECT CASE WHEN true THEN 1 ELSE 'x' END", "PREPARE p AS SELECT 1",
        "CREATE SCHEMA s", "GRANT ALL ON emp TO bob", "SELECT * FROM emp, LATERAL (SELECT 1) x",
    };
    for (const char* sql : inputs) {
      Status s = f.Exec(sql);
      if (!s.ok()) QVERIFY2(s.sqlstate().size() == 5 && s.sqlstate() != "XX000", (std::string(sql) + " -> " + s.ToString()).c_str());
    }
    QCOMPARE(f.Value("SELECT sum(id) OVER () FROM emp LIMIT 1"), std::string("10"));
    QCOMPARE(f.Value("SELECT nspname FROM pg_namespace WHERE oid = 2200"), std::string("public"));
  }
  void secondaryIndexLookup() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE p (id serial PRIMARY KEY, email text, age int)").ok());
    QVERIFY(f.Exec("INSERT INTO p (email, age) VALUES ('a', 30), ('b', 40), ('c', NULL), ('d', 40)").ok());
    QVERIFY(f.Exec("CREATE INDEX p_age ON p (age)").ok());
    QCOMPARE(f.Rows("SELECT email FROM p WHERE age = 40 ORDER BY email"), (Rows{"b", "d"}));
    QCOMPARE(f.Rows("SELECT email FROM p WHERE age > 30 ORDER BY email"), (Rows{"b", "d"}));
    QCOMPARE(f.Rows("SELECT email FROM p WHERE age <= 30 ORDER BY email"), (Rows{"a"}));
    QVERIFY(f.Exec("UPDATE p SET age = 41 WHERE email = 'b'").ok());
    QCOMPARE(f.Rows("SELECT email FROM p WHERE age = 40"), (Rows{"d"}));
    QVERIFY(f.Exec("DELETE FROM p WHERE age = 40").ok());
    QCOMPARE(f.Rows("SELECT count(*) FROM p WHERE age = 40"), (Rows{"0"}));
  }
};

QTEST_GUILESS_MAIN(SelectTest)
#include "test_select.moc"
