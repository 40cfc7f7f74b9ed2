// Views and schemas through a Session: what the recorded SQL cases cannot
// show — persistence across a reopen, the stored definition text, notices
// of DROP ... CASCADE, and changes that would break a view.
#include <QtTest>

#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

class ViewsTest : public QObject {
  Q_OBJECT
 private slots:
  void viewsAndSchemasSurviveReopen() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE SCHEMA s").ok());
    QVERIFY(f.Exec("CREATE TABLE s.t (a int, b text)").ok());
    QVERIFY(f.Exec("INSERT INTO s.t VALUES (1, 'x'), (2, 'y')").ok());
    QVERIFY(f.Exec("CREATE VIEW s.v (n) AS SELECT a FROM s.t WHERE a > 1").ok());
    f.Reopen();
    QCOMPARE(f.Rows("SELECT * FROM s.v"), std::vector<std::string>{"2"});
    QCOMPARE(f.Value("SELECT nspname FROM pg_namespace WHERE nspname = 's'"), std::string("s"));
  }
  void definitionIsQualifiedDeparse() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int)").ok());
    QVERIFY(f.Exec("CREATE VIEW v AS WITH w AS (SELECT a FROM t) SELECT a FROM w WHERE a > 1").ok());
    QCOMPARE(f.Value("SELECT pg_get_viewdef('v')"),
             std::string(" WITH w AS (SELECT a FROM public.t) SELECT a FROM w WHERE a > 1;"));
  }
  void cascadeNotices() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int)").ok());
    QVERIFY(f.Exec("CREATE VIEW v1 AS SELECT a FROM t").ok());
    QVERIFY(f.Exec("CREATE VIEW v2 AS SELECT a FROM v1").ok());
    Status refused = f.Exec("DROP TABLE t");
    QCOMPARE(Code(refused), std::string("2BP01"));
    QCOMPARE(std::string(refused.detail()),
             std::string("view v1 depends on table t\nview v2 depends on view v1"));
    f.channel.notices.clear();
    QVERIFY(f.Exec("DROP TABLE t CASCADE").ok());
    QCOMPARE(f.channel.notices,
             std::vector<std::string>{"NOTICE: drop cascades to 2 other objects"});
    QCOMPARE(f.Value("SELECT count(*) FROM pg_views WHERE schemaname = 'public'"), std::string("0"));
  }
  void replaceCannotMakeACycle() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE VIEW v1 AS SELECT 1 AS a").ok());
    QVERIFY(f.Exec("CREATE VIEW v2 AS SELECT a FROM v1").ok());
    QCOMPARE(Code(f.Exec("CREATE OR REPLACE VIEW v1 AS SELECT a FROM v2")), std::string("42P17"));
    QCOMPARE(Code(f.Exec("CREATE OR REPLACE VIEW v1 AS SELECT a FROM v1")), std::string("42P17"));
    QCOMPARE(f.Value("SELECT a FROM v2"), std::string("1"));
  }
  void tableChangesThatWouldBreakAViewAreRefused() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int, b text)").ok());
    QVERIFY(f.Exec("CREATE VIEW v AS SELECT a, b FROM t").ok());
    // PostgreSQL follows the rename (views bind by attnum); db9 keeps SQL
    // text and refuses instead of breaking the view.
    QCOMPARE(Code(f.Exec("ALTER TABLE t RENAME COLUMN b TO c")), std::string("2BP01"));
    QCOMPARE(Code(f.Exec("ALTER TABLE t DROP COLUMN b")), std::string("2BP01"));
    QVERIFY(f.Exec("ALTER TABLE t ADD COLUMN c int").ok());
    QVERIFY(f.Exec("ALTER TABLE t RENAME TO u").ok());
    QVERIFY(f.Exec("INSERT INTO u VALUES (1, 'x', 2)").ok());
    QCOMPARE(f.Rows("SELECT * FROM v"), std::vector<std::string>{"1|x"});
  }
  void renamingAViewColumnKeepsTheQuery() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE VIEW v AS SELECT 1 AS a").ok());
    QVERIFY(f.Exec("CREATE VIEW reader AS SELECT a FROM v").ok());
    // PostgreSQL allows this (reader binds by attnum); db9's reader names
    // the column, so the rename is refused while reader exists.
    QCOMPARE(Code(f.Exec("ALTER VIEW v RENAME COLUMN a TO b")), std::string("2BP01"));
    QVERIFY(f.Exec("DROP VIEW reader").ok());
    QVERIFY(f.Exec("ALTER VIEW v RENAME COLUMN a TO b").ok());
    QCOMPARE(f.Value("SELECT b FROM v"), std::string("1"));
    QCOMPARE(f.Value("SELECT pg_get_viewdef('v')"), std::string(" SELECT b FROM (SELECT 1 AS a) v(b);"));
  }
  void writesThroughOtherViewsAreRefused() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int, b int)").ok());
    QVERIFY(f.Exec("CREATE VIEW sums AS SELECT a, sum(b) AS s FROM t GROUP BY a").ok());
    Status s = f.Exec("INSERT INTO sums VALUES (1, 2)");
    QCOMPARE(Code(s), std::string("0A000"));
    QCOMPARE(std::string(s.message()), std::string("cannot insert into view \"sums\""));
    QCOMPARE(Code(f.Exec("UPDATE sums SET a = 1")), std::string("0A000"));
    QVERIFY(f.Exec("CREATE VIEW plain AS SELECT a, b FROM t").ok());
    // A subquery could name other tables' columns: not rewritten, refused.
    QCOMPARE(Code(f.Exec("DELETE FROM plain WHERE a IN (SELECT a FROM t)")), std::string("0A000"));
    QCOMPARE(Code(f.Exec("INSERT INTO plain VALUES (1, 2) ON CONFLICT DO NOTHING")),
             std::string("0A000"));
    QVERIFY(f.Exec("INSERT INTO plain VALUES (1, 2)").ok());
    QCOMPARE(f.Rows("SELECT * FROM t"), std::vector<std::string>{"1|2"});
  }
  void dropSchemaCascadeTakesViewsElsewhere() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE SCHEMA s").ok());
    QVERIFY(f.Exec("CREATE TABLE s.t (a int)").ok());
    QVERIFY(f.Exec("CREATE VIEW outside AS SELECT a FROM s.t").ok());
    QCOMPARE(Code(f.Exec("DROP SCHEMA s")), std::string("2BP01"));
    QVERIFY(f.Exec("DROP SCHEMA s CASCADE").ok());
    QCOMPARE(f.Value("SELECT count(*) FROM pg_class WHERE relname IN ('t', 'outside')"),
             std::string("0"));
    QCOMPARE(Code(f.Exec("CREATE TABLE s.t (a int)")), std::string("3F000"));
  }
};

QTEST_GUILESS_MAIN(ViewsTest)
#include "test_views.moc"
