// Session: transaction control, failed state, savepoints, settings.
#include <QtTest>

#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

class SessionTest : public QObject {
  Q_OBJECT
 private slots:
  void reportsStartupParameters() {
    SqlFixture f;
    bool saw_version = false, saw_interval = false;
    for (const auto& [k, v] : f.session().ReportedParameters()) {
      if (k == "server_version") saw_version = v == "15.8";
      if (k == "IntervalStyle") saw_interval = v == "postgres";
    }
    QVERIFY(saw_version);
    QVERIFY(saw_interval);
  }
  void emptyQuery() {
    SqlFixture f;
    QVERIFY(f.Exec(";").ok());
    QCOMPARE(f.channel.log, std::vector<std::string>{"I"});
  }
  void beginCommitStatus() {
    SqlFixture f;
    QVERIFY(f.Exec("BEGIN").ok());
    QCOMPARE(f.session().transaction_status(), TransactionStatus::kInBlock);
    QVERIFY(f.Exec("COMMIT").ok());
    QCOMPARE(f.session().transaction_status(), TransactionStatus::kIdle);
  }
  void failedTransactionIgnoresCommands() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int)").ok());
    QVERIFY(f.Exec("BEGIN").ok());
    QVERIFY(f.Exec("INSERT INTO t VALUES (1)").ok());
    Status s = f.Exec("SELECT * FROM missing");
    QCOMPARE(Code(s), std::string("42P01"));
    QCOMPARE(f.session().transaction_status(), TransactionStatus::kFailed);
    s = f.Exec("SELECT 1");
    QCOMPARE(Code(s), std::string("25P02"));
    QCOMPARE(std::string(s.message()),
             std::string("current transaction is aborted, commands ignored until end of transaction block"));
    QVERIFY(f.Exec("COMMIT").ok());
    QCOMPARE(f.channel.tags, std::vector<std::string>{"ROLLBACK"});
    QCOMPARE(f.Value("SELECT count(*) FROM t"), std::string("0"));
  }
  void warningsOutsideBlocks() {
    SqlFixture f;
    QVERIFY(f.Exec("COMMIT").ok());
    QCOMPARE(f.channel.notices, std::vector<std::string>{"WARNING: there is no transaction in progress"});
    QVERIFY(f.Exec("BEGIN; BEGIN").ok());
    QCOMPARE(f.channel.notices, std::vector<std::string>{"WARNING: there is already a transaction in progress"});
    QVERIFY(f.Exec("ROLLBACK").ok());
  }
  void savepoints() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int)").ok());
    QVERIFY(f.Exec("BEGIN; INSERT INTO t VALUES (1); SAVEPOINT s1; INSERT INTO t VALUES (2)").ok());
    QVERIFY(f.Exec("SAVEPOINT s2; INSERT INTO t VALUES (3)").ok());
    QCOMPARE(Code(f.Exec("SELECT 1/0")), std::string("22012"));
    QVERIFY(f.Exec("ROLLBACK TO SAVEPOINT s2").ok());
    QCOMPARE(f.session().transaction_status(), TransactionStatus::kInBlock);
    QCOMPARE(f.Rows("SELECT a FROM t ORDER BY a"), (std::vector<std::string>{"1", "2"}));
    QVERIFY(f.Exec("ROLLBACK TO s1").ok());
    QCOMPARE(f.Rows("SELECT a FROM t ORDER BY a"), (std::vector<std::string>{"1"}));
    QVERIFY(f.Exec("RELEASE SAVEPOINT s1").ok());
    QCOMPARE(Code(f.Exec("ROLLBACK TO s1")), std::string("3B001"));
    QVERIFY(f.Exec("ROLLBACK").ok());
    QVERIFY(f.Exec("BEGIN; INSERT INTO t VALUES (5); SAVEPOINT x; INSERT INTO t VALUES (6); RELEASE x; COMMIT").ok());
    QCOMPARE(f.Rows("SELECT a FROM t ORDER BY a"), (std::vector<std::string>{"5", "6"}));
    QCOMPARE(Code(f.Exec("SAVEPOINT y")), std::string("25P01"));
  }
  void implicitTransactionRollsBackOnError() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int)").ok());
    QCOMPARE(Code(f.Exec("INSERT INTO t VALUES (1); SELECT 1/0")), std::string("22012"));
    QCOMPARE(f.Value("SELECT count(*) FROM t"), std::string("0"));
    QVERIFY(f.Exec("INSERT INTO t VALUES (1); BEGIN; INSERT INTO t VALUES (2)").ok());
    QCOMPARE(f.session().transaction_status(), TransactionStatus::kInBlock);
    QVERIFY(f.Exec("ROLLBACK").ok());
    // As in PostgreSQL, BEGIN turns the implicit transaction into the block:
    // the INSERT before it is rolled back too.
    QCOMPARE(f.Value("SELECT count(*) FROM t"), std::string("0"));
  }
  void ddlIsTransactional() {
    SqlFixture f;
    QVERIFY(f.Exec("BEGIN; CREATE TABLE t (a int); INSERT INTO t VALUES (1)").ok());
    QCOMPARE(f.Value("SELECT a FROM t"), std::string("1"));
    QVERIFY(f.Exec("ROLLBACK").ok());
    QCOMPARE(Code(f.Exec("SELECT * FROM t")), std::string("42P01"));
  }
  void setShowReset() {
    SqlFixture f;
    QCOMPARE(f.Value("SHOW DateStyle"), std::string("ISO, MDY"));
    QCOMPARE(f.Value("SHOW server_version"), std::string("15.8"));
    QCOMPARE(f.Value("SHOW transaction isolation level"), std::string("read committed"));
    QCOMPARE(f.Value("SHOW standard_conforming_strings"), std::string("on"));
    QVERIFY(f.Exec("SET application_name = 'myapp'").ok());
    QVERIFY(std::find(f.channel.log.begin(), f.channel.log.end(), "S application_name=myapp") != f.channel.log.end());
    QCOMPARE(f.Value("SHOW application_name"), std::string("myapp"));
    QVERIFY(f.Exec("RESET application_name").ok());
    QCOMPARE(f.Value("SHOW application_name"), std::string(""));
    QVERIFY(f.Exec("SET TIME ZONE 'Europe/Berlin'").ok());
    QCOMPARE(f.Value("SHOW TimeZone"), std::string("Europe/Berlin"));
    QCOMPARE(Code(f.Exec("SET no_such_thing = 1")), std::string("42704"));
    QVERIFY(f.Exec("SET search_path TO public, \"$user\"").ok());
    QCOMPARE(f.Value("SHOW search_path"), std::string("public, \"$user\""));
    QVERIFY(f.Exec("SET statement_timeout = 5000").ok());
    QVERIFY(f.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ").ok());
    QCOMPARE(f.Value("SHOW transaction_isolation"), std::string("repeatable read"));
    QVERIFY(f.Exec("COMMIT").ok());
    QVERIFY(f.Exec("DISCARD ALL").ok());
  }
  void cursors() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int); INSERT INTO t VALUES (1), (2), (3)").ok());
    QCOMPARE(Code(f.Exec("DECLARE c CURSOR FOR SELECT a FROM t")), std::string("25P01"));
    QVERIFY(f.Exec("BEGIN; DECLARE c CURSOR FOR SELECT a FROM t ORDER BY a").ok());
    QCOMPARE(f.Rows("FETCH 2 FROM c"), (std::vector<std::string>{"1", "2"}));
    QCOMPARE(f.channel.tags, std::vector<std::string>{"FETCH 2"});
    QCOMPARE(f.Rows("FETCH ALL FROM c"), (std::vector<std::string>{"3"}));
    QCOMPARE(f.Rows("FETCH 1 FROM c"), (std::vector<std::string>{}));
    QVERIFY(f.Exec("CLOSE c").ok());
    QCOMPARE(Code(f.Exec("FETCH 1 FROM c")), std::string("34000"));
    QVERIFY(f.Exec("COMMIT").ok());
  }
  void isolationRepeatableRead() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 10)").ok());
    auto other = f.NewSession();
    RecordingChannel ch;
    QVERIFY(f.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT v FROM t").ok());
    QVERIFY(other->ExecuteSimpleQuery("UPDATE t SET v = 20 WHERE id = 1", ch).ok());
    QCOMPARE(f.Value("SELECT v FROM t"), std::string("10"));
    QCOMPARE(Code(f.Exec("UPDATE t SET v = 30 WHERE id = 1")), std::string("40001"));
    QVERIFY(f.Exec("ROLLBACK").ok());
    // READ COMMITTED re-reads the newest version under the row lock.
    QVERIFY(f.Exec("BEGIN; SELECT v FROM t").ok());
    QVERIFY(other->ExecuteSimpleQuery("UPDATE t SET v = v + 1 WHERE id = 1", ch).ok());
    QVERIFY(f.Exec("UPDATE t SET v = v + 1 WHERE id = 1").ok());
    QVERIFY(f.Exec("COMMIT").ok());
    QCOMPARE(f.Value("SELECT v FROM t"), std::string("22"));
  }
};

QTEST_GUILESS_MAIN(SessionTest)
#include "test_session.moc"
