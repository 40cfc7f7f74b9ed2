// Extended protocol: Parse with parameter type inference, Bind in text and
// binary, Describe, Execute with row limits (portal suspension), Sync
// ending implicit transactions, prepared-statement errors.
#include <QtTest>

#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

class ExtendedTest : public QObject {
  Q_OBJECT
 private slots:
  void inferredParameterTypes() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE acc (aid int PRIMARY KEY, abalance int, name varchar(10))").ok());
    Session& s = f.session();
    QVERIFY(s.Parse("upd", "UPDATE acc SET abalance = abalance + $1 WHERE aid = $2", {}).ok());
    auto d = s.DescribeStatement("upd");
    QVERIFY(d.ok());
    QCOMPARE(d->parameter_types, (std::vector<types::Oid>{types::oid::kInt4, types::oid::kInt4}));
    QVERIFY(!d->columns.has_value());
    QVERIFY(s.Parse("ins", "INSERT INTO acc VALUES ($1, $2, $3) RETURNING aid", {0, types::oid::kInt8, 0}).ok());
    d = s.DescribeStatement("ins");
    QCOMPARE(d->parameter_types,
             (std::vector<types::Oid>{types::oid::kInt4, types::oid::kInt8, types::oid::kVarchar}));
    QVERIFY(d->columns.has_value());
    QCOMPARE((*d->columns)[0].name, std::string("aid"));
  }
  void bindExecuteSync() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE acc (aid int PRIMARY KEY, abalance int)").ok());
    Session& s = f.session();
    QVERIFY(s.Parse("ins", "INSERT INTO acc VALUES ($1, $2)", {}).ok());
    for (int i = 1; i <= 5; ++i) {
      BindRequest b;
      b.statement = "ins";
      b.parameters = {std::to_string(i), std::string("0")};
      QVERIFY(s.Bind(b).ok());
      auto r = s.Execute("", 0, f.channel);
      QVERIFY(r.ok());
    }
    QVERIFY(s.Sync().ok());
    QCOMPARE(s.transaction_status(), TransactionStatus::kIdle);
    // Binary int4 parameter.
    QVERIFY(s.Parse("sel", "SELECT abalance FROM acc WHERE aid = $1", {}).ok());
    BindRequest b;
    b.statement = "sel";
    b.parameter_formats = {Format::kBinary};
    b.parameters = {std::string("\x00\x00\x00\x03", 4)};
    QVERIFY(s.Bind(b).ok());
    f.channel.Clear();
    QVERIFY(s.Execute("", 0, f.channel).ok());
    QCOMPARE(f.channel.rows.size(), size_t{1});
    QCOMPARE(f.channel.tags, std::vector<std::string>{"SELECT 1"});
    QVERIFY(s.Sync().ok());
  }
  void rowLimitsSuspend() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int); INSERT INTO t VALUES (1), (2), (3)").ok());
    Session& s = f.session();
    QVERIFY(s.Parse("", "SELECT a FROM t ORDER BY a", {}).ok());
    BindRequest b;
    QVERIFY(s.Bind(b).ok());
    f.channel.Clear();
    auto r = s.Execute("", 2, f.channel);
    QVERIFY(r.ok());
    QCOMPARE(*r, ExecuteOutcome::kSuspended);
    QCOMPARE(f.channel.rows.size(), size_t{2});
    r = s.Execute("", 2, f.channel);
    QCOMPARE(*r, ExecuteOutcome::kComplete);
    QCOMPARE(f.channel.rows.size(), size_t{3});
    // PostgreSQL 15 counts only the rows of the Execute that completes the
    // portal (checked against it by tests/wire/test_extended.py).
    QCOMPARE(f.channel.tags, std::vector<std::string>{"SELECT 1"});
    QVERIFY(s.Sync().ok());
  }
  void errorsAndFailedBatch() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int PRIMARY KEY)").ok());
    Session& s = f.session();
    QCOMPARE(Code(s.Parse("x", "SELECT * FROM nope", {})), std::string("42P01"));
    QVERIFY(s.Sync().ok());
    QVERIFY(s.Parse("x", "SELECT 1", {}).ok());
    QCOMPARE(Code(s.Parse("x", "SELECT 2", {})), std::string("42P05"));
    BindRequest b;
    b.statement = "x";
    b.parameters = {std::string("1")};
    QCOMPARE(Code(s.Bind(b)), std::string("08P01"));
    QVERIFY(s.Sync().ok());
    // An error inside the batch rolls back its implicit transaction.
    QVERIFY(s.Parse("", "INSERT INTO t VALUES (1)", {}).ok());
    QVERIFY(s.Bind(BindRequest{}).ok());
    QVERIFY(s.Execute("", 0, f.channel).ok());
    QVERIFY(s.Parse("", "INSERT INTO t VALUES (1)", {}).ok());
    QVERIFY(s.Bind(BindRequest{}).ok());
    QCOMPARE(Code(s.Execute("", 0, f.channel).status()), std::string("23505"));
    QVERIFY(s.Sync().ok());
    QCOMPARE(f.Value("SELECT count(*) FROM t"), std::string("0"));
    // Inside BEGIN the failure lasts until ROLLBACK.
    QVERIFY(f.Exec("BEGIN").ok());
    QVERIFY(s.Parse("", "SELECT 1/0", {}).ok());
    QVERIFY(s.Bind(BindRequest{}).ok());
    QVERIFY(!s.Execute("", 0, f.channel).ok());
    QVERIFY(s.Sync().ok());
    QCOMPARE(s.transaction_status(), TransactionStatus::kFailed);
    QCOMPARE(Code(s.Parse("", "SELECT 1", {})), std::string("25P02"));
    QVERIFY(s.Parse("", "ROLLBACK", {}).ok());
    QVERIFY(s.Bind(BindRequest{}).ok());
    QVERIFY(s.Execute("", 0, f.channel).ok());
    QVERIFY(s.Sync().ok());
    QCOMPARE(s.transaction_status(), TransactionStatus::kIdle);
  }
  void planCacheFollowsDdl() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int); INSERT INTO t VALUES (1)").ok());
    Session& s = f.session();
    QVERIFY(s.Parse("q", "SELECT * FROM t", {}).ok());
    QVERIFY(s.Bind(BindRequest{.portal = "", .statement = "q", .parameter_formats = {}, .parameters = {}, .result_formats = {}}).ok());
    f.channel.Clear();
    QVERIFY(s.Execute("", 0, f.channel).ok());
    QVERIFY(s.Sync().ok());
    QVERIFY(f.Exec("ALTER TABLE t ADD COLUMN b int DEFAULT 7").ok());
    QVERIFY(s.Bind(BindRequest{.portal = "", .statement = "q", .parameter_formats = {}, .parameters = {}, .result_formats = {}}).ok());
    f.channel.Clear();
    QVERIFY(s.Execute("", 0, f.channel).ok());
    QCOMPARE(f.channel.rows[0].size(), size_t{2});
    QVERIFY(s.Sync().ok());
  }
  void sqlalchemyInsertManyValues() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (id serial PRIMARY KEY, name varchar(20))").ok());
    Session& s = f.session();
    QVERIFY(s.Parse("", "INSERT INTO t (name) SELECT p0::VARCHAR FROM (VALUES ($1::VARCHAR, 0), "
                        "($2::VARCHAR, 1), ($3::VARCHAR, 2)) AS imp_sen(p0, sen_counter) ORDER BY "
                        "sen_counter RETURNING t.id, t.id AS id__1", {}).ok());
    BindRequest b;
    b.parameters = {std::string("c"), std::string("a"), std::string("b")};
    QVERIFY(s.Bind(b).ok());
    f.channel.Clear();
    QVERIFY(s.Execute("", 0, f.channel).ok());
    QVERIFY(s.Sync().ok());
    QCOMPARE(f.channel.tags, std::vector<std::string>{"INSERT 0 3"});
    QCOMPARE(f.Rows("SELECT id, name FROM t ORDER BY id"),
             (std::vector<std::string>{"1|c", "2|a", "3|b"}));
  }
  void preparedPointSelectCost() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE acc (aid int PRIMARY KEY, abalance int)").ok());
    std::string data;
    for (int i = 1; i <= 10000; ++i) data += std::to_string(i) + "\t0\n";
    f.channel.copy_in.push_back(data);
    QVERIFY(f.Exec("COPY acc FROM STDIN").ok());
    Session& s = f.session();
    QVERIFY(s.Parse("P_2", "SELECT abalance FROM acc WHERE aid = $1;", {}).ok());
    QVERIFY(s.Sync().ok());
    const int n = 2000;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
      BindRequest b;
      b.statement = "P_2";
      b.parameters = {std::to_string(i % 10000 + 1)};
      QVERIFY(s.Bind(b).ok());
      f.channel.Clear();
      QVERIFY(s.Execute("", 0, f.channel).ok());
      QVERIFY(s.Sync().ok());
      QCOMPARE(f.channel.rows.size(), size_t{1});
    }
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - start).count() / n;
    qInfo("prepared point select (Bind+Execute+Sync through Session): %lld us", static_cast<long long>(micros));
  }
  void cancel() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (a int)").ok());
    std::string data;
    for (int i = 0; i < 3000; ++i) data += std::to_string(i) + "\n";
    f.channel.copy_in.push_back(data);
    QVERIFY(f.Exec("COPY t FROM STDIN").ok());
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      f.session().Cancel();
    });
    Status s = f.Exec("SELECT count(*) FROM t a, t b, t c");
    canceller.join();
    QCOMPARE(Code(s), std::string("57014"));
  }
};

QTEST_GUILESS_MAIN(ExtendedTest)
#include "test_extended.moc"
