// db.execute, db.cancel, and what happens to a running statement whose
// client hangs up — through the C++ client (and a raw socket where the test
// must hang up), on a control server over a real TenantManager. Every failure
// case checks the exact error and that the table is as it was.
#include <QtTest>

#include <chrono>
#include <future>
#include <thread>

#include "shared/control/json_codec.h"
#include "tests/unit/control/control_test_daemon.h"

using namespace db9;
using namespace db9::control;

using testing::Code;
using testing::RawSocket;

namespace {

constexpr char kDatabase[] = "work";
constexpr char kUpdateById[] = "UPDATE accounts SET balance = balance + $1 WHERE id = $2";

std::string Describe(const Status& s) { return s.ToString(); }
std::string Message(const Status& s) { return std::string(s.message()); }
std::string Detail(const Status& s) { return std::string(s.detail()); }

}  // namespace

class SqlControlTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  testing::TestDaemon daemon_;
  std::unique_ptr<Client> client_;

  // The table every test starts from: (1, ann, 100), (2, bob, 50), (3, bob, 70).
  std::vector<ResultRow> Accounts() {
    auto result =
        client_->Sql({kDatabase, "SELECT id, owner, balance FROM accounts ORDER BY id", 100});
    if (!result.ok()) qFatal("read accounts: %s", result.status().ToString().c_str());
    return result->results.at(0).rows;
  }

  int OpenConnections() {
    auto status = client_->GetDatabaseStatus(kDatabase);
    return status.ok() ? status->database.open_connections : -1;
  }

  // True once no SQL session of the control server is open on the database:
  // a runner lives exactly as long as its request.
  bool WaitUntilIdle(std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      if (OpenConnections() == 0) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  // Cancels `key` as soon as the request holding it has registered it.
  bool CancelWhenRunning(Client& other, const std::string& key) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      auto cancelled = other.CancelSql(key);
      if (!cancelled.ok()) qFatal("db.cancel: %s", cancelled.status().ToString().c_str());
      if (*cancelled) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    std::string failure = daemon_.Start(dir_);
    QVERIFY2(failure.empty(), failure.c_str());
    client_ = daemon_.Connect();
    QVERIFY(client_->CreateDatabase(kDatabase).ok());
  }

  void init() {
    auto made = client_->Sql({kDatabase,
                              "DROP TABLE IF EXISTS accounts;"
                              "CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance int);"
                              "INSERT INTO accounts VALUES "
                              "(1, 'ann', 100), (2, 'bob', 50), (3, 'bob', 70)",
                              10});
    QVERIFY2(made.ok(), Describe(made.status()).c_str());
  }

  void cleanupTestCase() {
    client_.reset();
    daemon_.Stop();
  }

  // --- db.execute ---------------------------------------------------------

  void ExecuteCommitsEveryStatementWithBoundValues() {
    ExecuteRequest request{kDatabase, {}, 10};
    // Quotes and a NULL travel as parameters, never as SQL text.
    const std::string quoted = "o'hara \"; DROP TABLE accounts; --";
    request.statements.push_back(
        {"INSERT INTO accounts VALUES ($1, $2, $3)", {"4", quoted, std::nullopt}, 1});
    request.statements.push_back({kUpdateById, {"5", "1"}, 1});
    request.statements.push_back({"SELECT owner FROM accounts WHERE id = $1", {"4"}, std::nullopt});
    auto result = client_->Execute(request);
    QVERIFY2(result.ok(), Describe(result.status()).c_str());
    QCOMPARE(result->results.size(), size_t{3});
    QCOMPARE(result->results[0].command_tag, std::string("INSERT 0 1"));
    QCOMPARE(result->results[1].command_tag, std::string("UPDATE 1"));
    QCOMPARE(result->results[2].command_tag, std::string("SELECT 1"));
    QCOMPARE(*result->results[2].rows.at(0).at(0), quoted);

    auto rows = Accounts();
    QCOMPARE(rows.size(), size_t{4});
    QCOMPARE(*rows[0][2], std::string("105"));
    QVERIFY(!rows[3][2].has_value());  // NULL stayed NULL
  }

  void ExecuteAffectingNoRowRollsEverythingBack() {
    auto before = Accounts();
    ExecuteRequest request{kDatabase, {}, 10};
    request.statements.push_back(
        {"INSERT INTO accounts VALUES ($1, $2, $3)", {"10", "cy", "1"}, 1});
    request.statements.push_back({kUpdateById, {"5", "999"}, 1});  // no row 999
    auto result = client_->Execute(request);
    QCOMPARE(Code(result.status()), std::string("P0002"));
    QCOMPARE(Message(result.status()), std::string("the statement affected 0 rows, expected 1"));
    QCOMPARE(Detail(result.status()),
             std::string("in statement 2 of 2: ") + kUpdateById);
    QVERIFY(std::string(result.status().hint()).find("reload") != std::string::npos);
    QCOMPARE(Accounts(), before);
  }

  void ExecuteAffectingTwoRowsRollsEverythingBack() {
    auto before = Accounts();
    ExecuteRequest request{kDatabase, {}, 10};
    request.statements.push_back({kUpdateById, {"1", "1"}, 1});
    request.statements.push_back(
        {"UPDATE accounts SET balance = 0 WHERE owner = $1", {"bob"}, 1});  // bob has two
    auto result = client_->Execute(request);
    QCOMPARE(Code(result.status()), std::string("P0002"));
    QCOMPARE(Message(result.status()), std::string("the statement affected 2 rows, expected 1"));
    QCOMPARE(Detail(result.status()),
             std::string("in statement 2 of 2: UPDATE accounts SET balance = 0 WHERE owner = $1"));
    QCOMPARE(Accounts(), before);
  }

  void ExecuteWithAValueOfTheWrongTypeChangesNothing() {
    auto before = Accounts();
    ExecuteRequest request{kDatabase, {}, 10};
    request.statements.push_back({kUpdateById, {"1", "1"}, 1});
    request.statements.push_back({kUpdateById, {"ten", "2"}, 1});
    auto result = client_->Execute(request);
    QCOMPARE(Code(result.status()), std::string("22P02"));
    QCOMPARE(Message(result.status()),
             std::string("invalid input syntax for type integer: \"ten\""));
    QCOMPARE(Detail(result.status()), std::string("in statement 2 of 2: ") + kUpdateById);
    QCOMPARE(Accounts(), before);
  }

  void ExecuteWithTheWrongNumberOfValuesChangesNothing() {
    auto before = Accounts();
    ExecuteRequest request{kDatabase, {}, 10};
    request.statements.push_back({kUpdateById, {"1", "1"}, 1});
    request.statements.push_back({kUpdateById, {"1"}, 1});
    auto result = client_->Execute(request);
    QCOMPARE(Code(result.status()), std::string("08P01"));
    QCOMPARE(Message(result.status()),
             std::string("bind message supplies 1 parameters, "
                         "but prepared statement \"\" requires 2"));
    QCOMPARE(Accounts(), before);
  }

  void ExecuteWithASqlErrorNamesTheStatement() {
    auto before = Accounts();
    ExecuteRequest request{kDatabase, {}, 10};
    request.statements.push_back({kUpdateById, {"1", "1"}, std::nullopt});
    request.statements.push_back({"UPDATE nowhere SET x = $1", {"1"}, std::nullopt});
    auto result = client_->Execute(request);
    QCOMPARE(Code(result.status()), std::string("42P01"));
    QCOMPARE(Message(result.status()), std::string("relation \"nowhere\" does not exist"));
    QCOMPARE(Detail(result.status()),
             std::string("in statement 2 of 2: UPDATE nowhere SET x = $1"));
    QCOMPARE(Accounts(), before);
  }

  // A COMMIT in the middle would make the first half stick whatever the
  // second half does: refused before anything runs.
  void ExecuteRefusesTransactionControl() {
    auto before = Accounts();
    for (const char* control : {"BEGIN", "COMMIT", "rollback", "SAVEPOINT s"}) {
      ExecuteRequest request{kDatabase, {}, 10};
      request.statements.push_back({kUpdateById, {"1", "1"}, 1});
      request.statements.push_back({control, {}, std::nullopt});
      request.statements.push_back({kUpdateById, {"1", "999"}, 1});
      auto result = client_->Execute(request);
      QCOMPARE(Code(result.status()), std::string("25000"));
      QCOMPARE(Message(result.status()),
               std::string("db.execute runs its statements in one transaction of its own; "
                           "leave out BEGIN, COMMIT, ROLLBACK and savepoints"));
      QCOMPARE(Detail(result.status()), std::string("in statement 2 of 3: ") + control);
      QCOMPARE(Accounts(), before);
    }
  }

  void ExecuteArgumentsAreChecked() {
    auto before = Accounts();
    ExecuteRequest none{kDatabase, {}, 10};
    auto empty = client_->Execute(none);
    QCOMPARE(Code(empty.status()), std::string("22023"));
    QCOMPARE(Message(empty.status()),
             std::string("argument \"statements\" must hold at least one statement"));

    ExecuteRequest huge{kDatabase, {{kUpdateById, {"1", "1"}, 1}}, 100001};
    auto too_many = client_->Execute(huge);
    QCOMPARE(Code(too_many.status()), std::string("22023"));
    QCOMPARE(Message(too_many.status()),
             std::string("argument \"max_rows\" must be between 1 and 100000"));

    auto not_a_list = client_->Call(
        "db.execute", {{"name", kDatabase}, {"statements", "UPDATE accounts SET balance = 0"}});
    QCOMPARE(Code(not_a_list.status()), std::string("22023"));
    QVERIFY2(Message(not_a_list.status()).rfind("malformed db.execute arguments", 0) == 0,
             Describe(not_a_list.status()).c_str());

    nlohmann::json numbers = {{"sql", kUpdateById}, {"params", {1, 1}}};  // not text
    auto number_param = client_->Call(
        "db.execute", {{"name", kDatabase}, {"statements", nlohmann::json::array({numbers})}});
    QCOMPARE(Code(number_param.status()), std::string("22023"));

    ExecuteRequest missing{"no-such-db", {{kUpdateById, {"1", "1"}, 1}}, 10};
    auto absent = client_->Execute(missing);
    QCOMPARE(Code(absent.status()), std::string("3D000"));
    QCOMPARE(Message(absent.status()), std::string("database \"no-such-db\" does not exist"));
    QCOMPARE(Accounts(), before);
  }

  // --- db.cancel ----------------------------------------------------------

  void CancelStopsTheRunningRequestAndRollsItBack() {
    auto before = Accounts();
    auto other = daemon_.Connect();
    auto started = std::chrono::steady_clock::now();
    auto running = std::async(std::launch::async, [&] {
      auto busy = daemon_.Connect();
      return busy->Sql({kDatabase, "UPDATE accounts SET balance = 0; SELECT pg_sleep(30)", 10},
                       "stop-me");
    });
    QVERIFY(CancelWhenRunning(*other, "stop-me"));
    auto result = running.get();
    QCOMPARE(Code(result.status()), std::string("57014"));
    QCOMPARE(Message(result.status()), std::string("canceling statement due to user request"));
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    QCOMPARE(Accounts(), before);
    // The key ended with its request.
    auto again = other->CancelSql("stop-me");
    QVERIFY(again.ok());
    QVERIFY(!*again);
  }

  void CancelWithAnUnknownKeyStopsNothing() {
    auto other = daemon_.Connect();
    // The probe below registers "mine" itself while it runs; when the busy request starts
    // inside that moment it is the one refused, and when it ends between two probes it was
    // never seen, so either way the round is played again.
    for (int round = 0; round < 5; ++round) {
      auto running = std::async(std::launch::async, [&] {
        auto busy = daemon_.Connect();
        return busy->Sql(
            {kDatabase, "UPDATE accounts SET balance = 1 WHERE id = 1; SELECT pg_sleep(0.5)", 10},
            "mine");
      });
      // Wait until "mine" is registered, without stopping it: a duplicate key is refused.
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      Status duplicate;
      while (std::chrono::steady_clock::now() < deadline &&
             running.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        duplicate = other->Sql({kDatabase, "SELECT 1", 1}, "mine").status();
        if (!duplicate.ok()) break;
        // Leaves the key free most of the time, so the busy request seldom meets a probe.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      if (duplicate.ok()) {
        auto lost = running.get();
        if (!lost.ok()) QCOMPARE(Code(lost.status()), std::string("22023"));
        continue;
      }
      QCOMPARE(Code(duplicate), std::string("22023"));
      QCOMPARE(Message(duplicate),
               std::string("cancel_key \"mine\" is already used by a running request"));
      auto unknown = other->CancelSql("not-mine");
      QVERIFY(unknown.ok());
      QVERIFY(!*unknown);
      auto result = running.get();
      QVERIFY2(result.ok(), Describe(result.status()).c_str());
      QCOMPARE(*Accounts()[0][2], std::string("1"));
      return;
    }
    QFAIL("the running request never held its cancel key long enough to be probed");
  }

  void CancelKeysAreChecked() {
    auto other = daemon_.Connect();
    auto long_key = other->Sql({kDatabase, "SELECT 1", 1}, std::string(201, 'k'));
    QCOMPARE(Code(long_key.status()), std::string("22023"));
    QCOMPARE(Message(long_key.status()),
             std::string("argument \"cancel_key\" must be a string of 1 to 200 characters"));
    auto no_key = other->Call("db.cancel", nlohmann::json::object());
    QCOMPARE(Code(no_key.status()), std::string("22023"));
    QCOMPARE(Message(no_key.status()),
             std::string("argument \"cancel_key\" is required (a string)"));
    auto number_key = other->Call("db.cancel", {{"cancel_key", 7}});
    QCOMPARE(Code(number_key.status()), std::string("22023"));
  }

  // --- a client that hangs up --------------------------------------------

  // The statement stops (57014 inside), its transaction rolls back and its
  // row lock goes, so the database is free again at once.
  void HangingUpCancelsARunningSql() {
    auto before = Accounts();
    {
      RawSocket raw(daemon_.socket);
      QVERIFY(raw.connected());
      raw.Send(nlohmann::json{{"id", 1},
                              {"op", "db.sql"},
                              {"args",
                               {{"name", kDatabase},
                                {"sql", "BEGIN; UPDATE accounts SET balance = 0 WHERE id = 1;"
                                        "SELECT count(*) FROM generate_series(1, 100000000)"}}}}
                   .dump() +
               "\n");
      QTRY_VERIFY_WITH_TIMEOUT(OpenConnections() == 1, 5000);  // it runs
    }  // hang up
    QVERIFY(WaitUntilIdle(std::chrono::seconds(3)));
    QCOMPARE(Accounts(), before);
    // The row lock is gone: an update of that row goes through at once.
    ExecuteRequest update{kDatabase, {{kUpdateById, {"1", "1"}, 1}}, 10};
    auto started = std::chrono::steady_clock::now();
    auto updated = client_->Execute(update);
    QVERIFY2(updated.ok(), Describe(updated.status()).c_str());
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  }

  void HangingUpCancelsARunningExecute() {
    auto before = Accounts();
    {
      RawSocket raw(daemon_.socket);
      ExecuteRequest request{kDatabase, {}, 10};
      request.statements.push_back({kUpdateById, {"7", "2"}, 1});
      request.statements.push_back({"SELECT pg_sleep($1)", {"60"}, std::nullopt});
      request.statements.push_back({kUpdateById, {"7", "3"}, 1});
      raw.Send(nlohmann::json{{"id", 1}, {"op", "db.execute"}, {"args", request}}.dump() + "\n");
      QTRY_VERIFY_WITH_TIMEOUT(OpenConnections() == 1, 5000);
    }
    QVERIFY(WaitUntilIdle(std::chrono::seconds(3)));
    QCOMPARE(Accounts(), before);
  }

  // A client that only shut down its sending side still gets its answer:
  // that is how `socat` and `nc -N` send a request.
  void ShuttingDownTheWritingSideIsNotAHangup() {
    RawSocket raw(daemon_.socket);
    raw.Send(nlohmann::json{{"id", 1},
                            {"op", "db.sql"},
                            {"args",
                             {{"name", kDatabase}, {"sql", "SELECT pg_sleep(0.3); SELECT 42"}}}}
                 .dump() +
             "\n");
    raw.ShutdownWrite();
    auto reply = raw.ReadMessage();
    QVERIFY2(reply.value("ok", false), reply.dump().c_str());
    QCOMPARE(reply["result"]["results"][1]["rows"][0][0].get<std::string>(), std::string("42"));
  }

  // Last: it stops the server. A SIGTERM must not wait for a long db.sql.
  void StoppingTheServerCancelsRunningSql() {
    auto running = std::async(std::launch::async, [&] {
      auto busy = daemon_.Connect();
      return busy->Sql({kDatabase, "SELECT pg_sleep(60)", 1});
    });
    QTRY_VERIFY_WITH_TIMEOUT(OpenConnections() == 1, 5000);
    auto started = std::chrono::steady_clock::now();
    daemon_.server.reset();
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    auto result = running.get();
    QVERIFY(!result.ok());
    QVERIFY2(Code(result.status()) == "57014" || Code(result.status()) == "08006",
             Describe(result.status()).c_str());
    QCOMPARE(daemon_.tenants->List().at(0).open_connections, 0);
  }
};

QTEST_GUILESS_MAIN(SqlControlTest)
#include "sql_control_test.moc"
