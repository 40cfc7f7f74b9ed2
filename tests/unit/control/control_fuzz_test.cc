// Many clients at once, and a bounded random-input run (malformed JSON,
// truncated and oversized lines, unknown operations, random arguments,
// connections dropped mid-line) after which the daemon still serves everyone.
// The seed is fixed, so a failure can be replayed.
#include <QtTest>

#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "shared/control/line_buffer.h"
#include "tests/unit/control/control_test_daemon.h"

using namespace db9;
using namespace db9::control;
using nlohmann::json;

using testing::RawSocket;

namespace {

// Every operation of docs/control-api.md, and some that do not exist.
const std::vector<std::string> kOps = {
    "hello", "daemon.info", "daemon.stop", "db.list", "db.create", "db.status", "db.connect-info",
    "db.delete", "db.rename", "db.reset-password", "db.branch", "subscribe", "unsubscribe",
    "db.tables", "db.describe", "db.rows", "db.sql", "db.cancel", "db.execute", "db.dump",
    "db.restore", "", "db", "db.list ", "DB.LIST", "no.such.op"};
const std::vector<std::string> kKeys = {"name", "new_name", "source", "password", "force", "sql",
                                        "max_rows", "cancel_key", "statements", "schema", "table",
                                        "limit", "offset", "after", "order_by", "filters", "path",
                                        "client"};

// Random strings hold bytes that are not UTF-8: sent as U+FFFD, never thrown.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

class Fuzzer {
 public:
  explicit Fuzzer(uint32_t seed) : random_(seed) {}

  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
  template <typename T>
  const T& Pick(const std::vector<T>& from) { return from[Below(static_cast<int>(from.size()))]; }

  // Never '/' (no absolute path reaches db.dump/db.restore) and never '\n'.
  std::string Text() {
    static const std::string alphabet = "abcz-09 _'\";\\\t\r\x01\xc3\xa9\xff{}[]:,*%$";
    std::string out;
    int length = Below(4) == 0 ? 0 : Below(24);
    for (int i = 0; i < length; ++i) out += alphabet[Below(static_cast<int>(alphabet.size()))];
    if (Below(8) == 0) return "fuzz-db";  // a database that exists
    return out;
  }

  json Value(int depth = 0) {
    switch (Below(depth > 2 ? 6 : 8)) {
      case 0: return nullptr;
      case 1: return Below(2) == 0;
      case 2: return Below(2000000) - 1000000;
      case 3: return 1e300 * (Below(2) ? 1 : -1);
      case 4:
      case 5: return Text();
      case 6: {
        json list = json::array();
        for (int i = Below(4); i > 0; --i) list.push_back(Value(depth + 1));
        return list;
      }
      default: {
        json object = json::object();
        for (int i = Below(5); i > 0; --i) object[Pick(kKeys)] = Value(depth + 1);
        return object;
      }
    }
  }

  // One request line without its newline; `id` is what the answer must carry
  // (null when the line is not a request with a readable id).
  std::string Line(int64_t serial, json* id) {
    *id = nullptr;
    json request = json::object();
    switch (Below(10)) {
      case 0: {  // bytes that are not JSON
        std::string bytes;
        for (int i = 1 + Below(60); i > 0; --i) bytes += static_cast<char>(1 + Below(255));
        std::erase(bytes, '\n');
        std::erase(bytes, '\r');  // a trailing CR is framing, and a blank line gets no answer
        return bytes.empty() ? "x" : bytes;
      }
      case 1: return Dump(Value());  // JSON, rarely an object with an op
      case 2: {  // a request cut short
        std::string whole = Dump({{"id", serial}, {"op", "db.list"}, {"args", Value()}});
        return whole.substr(0, 1 + Below(static_cast<int>(whole.size()) - 1));
      }
      default: {
        request["id"] = serial;
        *id = serial;
        request["op"] = Pick(kOps);
        if (Below(6) != 0) request["args"] = Below(5) == 0 ? Value() : json::object();
        if (request.contains("args") && request["args"].is_object()) {
          for (int i = Below(5); i > 0; --i) {
            request["args"][Pick(kKeys)] = Value();
          }
        }
        return Dump(request);
      }
    }
  }

 private:
  std::mt19937 random_;
};

// The next answer on `raw`, skipping events (a fuzzed "subscribe" asks for them).
json NextAnswer(RawSocket& raw) {
  while (true) {
    json message = raw.ReadMessage();
    if (!message.is_object() || !message.contains("event")) return message;
  }
}

}  // namespace

class ControlFuzzTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  testing::TestDaemon daemon_;

  // Runs `body(i, failures)` on `count` threads; QVERIFY works only here.
  template <typename Body>
  void OnThreads(int count, Body body) {
    std::mutex mu;
    std::vector<std::string> failures;
    auto fail = [&](std::string what) {
      std::lock_guard lock(mu);
      failures.push_back(std::move(what));
    };
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) threads.emplace_back([&, i] { body(i, fail); });
    for (auto& t : threads) t.join();
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
  }

  void CheckStillServes() {
    auto client = daemon_.Connect();
    QVERIFY(client->DaemonInfo().ok());
    auto created = client->CreateDatabase("after-" + std::to_string(std::rand() % 100000));
    QVERIFY2(created.ok(), created.status().ToString().c_str());
    auto sql = client->Sql({created->database.name, "SELECT 1 + 1", 1});
    QVERIFY2(sql.ok(), sql.status().ToString().c_str());
    QCOMPARE(*sql->results.at(0).rows.at(0).at(0), std::string("2"));
    QVERIFY(client->DeleteDatabase(created->database.name).ok());
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    std::string failure = daemon_.Start(dir_);
    QVERIFY2(failure.empty(), failure.c_str());
    auto client = daemon_.Connect();
    QVERIFY(client->CreateDatabase("fuzz-db").ok());
    QVERIFY(client->Sql({"fuzz-db", "CREATE TABLE t (id int PRIMARY KEY, v text)", 1}).ok());
  }

  void cleanupTestCase() { daemon_.Stop(); }

  void ConcurrentClientsEachGetTheirOwnAnswers() {
    constexpr int kClients = 8;
    std::mutex mu;
    std::multiset<std::string> events;
    ClientOptions options;
    options.socket_path = daemon_.socket;
    auto subscription = EventSubscription::Start(options, [&](const Event& e) {
      std::lock_guard lock(mu);
      if (e.name.rfind("par-", 0) == 0) events.insert(e.kind);
    });
    QVERIFY(subscription.ok());
    OnThreads(kClients, [&](int i, auto fail) {
      auto client = daemon_.Connect();
      std::string name = "par-" + std::to_string(i);
      auto created = client->CreateDatabase(name);
      if (!created.ok()) return fail(name + " create: " + created.status().ToString());
      std::string sql = "CREATE TABLE n (x int); INSERT INTO n SELECT generate_series(1, " +
                        std::to_string(100 * (i + 1)) + "); SELECT sum(x) FROM n";
      for (int round = 0; round < 5; ++round) {
        auto result = client->Sql({name, round == 0 ? sql : "SELECT sum(x) FROM n", 1});
        if (!result.ok()) return fail(name + " sql: " + result.status().ToString());
        int64_t n = 100 * (i + 1);
        std::string expected = std::to_string(n * (n + 1) / 2);
        if (*result->results.back().rows.at(0).at(0) != expected) {
          return fail(name + " summed " + *result->results.back().rows.at(0).at(0));
        }
        if (!client->ListDatabases().ok()) return fail(name + " list");
      }
      if (!client->RenameDatabase(name, name + "-r").ok()) return fail(name + " rename");
      Status deleted = client->DeleteDatabase(name + "-r");
      if (!deleted.ok()) fail(name + " delete: " + deleted.ToString());
    });
    auto list = daemon_.Connect()->ListDatabases();
    QVERIFY(list.ok());
    for (const auto& db : *list) QVERIFY2(db.name.rfind("par-", 0) != 0, db.name.c_str());
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                               std::lock_guard lock(mu);
                               return events.count("database.dropped") == kClients;
                             }()),
                             5000);
    std::lock_guard lock(mu);
    QCOMPARE(events.count("database.created"), size_t{kClients});
    QCOMPARE(events.count("database.renamed"), size_t{kClients});
  }

  // Past 64 control clients a newcomer is told why, and served again once
  // others leave.
  void TooManyClientsAreToldWhy() {
    std::vector<std::unique_ptr<RawSocket>> held;
    json refusal;
    for (int i = 0; i < 80 && refusal.is_null(); ++i) {
      auto raw = std::make_unique<RawSocket>(daemon_.socket);
      raw->Send("{\"id\": 1, \"op\": \"hello\"}\n");
      json answer = raw->ReadMessage();
      if (answer.value("ok", false)) {
        held.push_back(std::move(raw));
      } else {
        refusal = answer;
      }
    }
    QVERIFY2(refusal.is_object(), "no refusal after 80 clients");
    QVERIFY(held.size() <= 64 && held.size() >= 60);  // a few may be others' closing ones
    QVERIFY(refusal["id"].is_null());
    QCOMPARE(refusal["error"]["code"].get<std::string>(), std::string("53300"));
    QCOMPARE(refusal["error"]["message"].get<std::string>(),
             std::string("too many control clients (the limit is 64)"));
    // The typed client reports the refusal, not "connection lost".
    ClientOptions options;
    options.socket_path = daemon_.socket;
    auto refused = Client::Connect(options);
    QCOMPARE(std::string(refused.status().sqlstate()), std::string("53300"));
    held.clear();
    QTRY_VERIFY_WITH_TIMEOUT(Client::Connect(options).ok(), 5000);
  }

  void RandomInputNeverHurtsTheDaemon() {
    constexpr int kThreads = 4;
    constexpr int kLinesPerThread = 250;
    OnThreads(kThreads, [&](int t, auto fail) {
      Fuzzer fuzz(9000 + t);
      auto raw = std::make_unique<RawSocket>(daemon_.socket);
      for (int64_t serial = 1; serial <= kLinesPerThread; ++serial) {
        json id;
        std::string line = fuzz.Line(serial, &id);
        if (fuzz.Below(40) == 0) {  // drop the connection mid-line
          raw->Send(line.substr(0, line.size() / 2));
          raw = std::make_unique<RawSocket>(daemon_.socket);
          continue;
        }
        if (fuzz.Below(60) == 0) {  // oversized: one 54000, the line skipped
          raw->Send(line + std::string(kMaxRequestBytes + 10, 'x') + "\n");
          json answer = NextAnswer(*raw);
          if (!answer.is_object() || answer["error"]["code"] != "54000") {
            return fail("oversized line answered " + Dump(answer));
          }
          continue;
        }
        // Sent in two pieces sometimes: framing must not care.
        size_t cut = fuzz.Below(3) == 0 ? line.size() / 2 : line.size();
        raw->Send(line.substr(0, cut));
        raw->Send(line.substr(cut) + "\n");
        json answer = NextAnswer(*raw);
        if (!answer.is_object() || !answer["ok"].is_boolean()) {
          return fail("line " + Dump(line) + " answered " + Dump(answer));
        }
        if (answer["id"] != id) {
          return fail("line " + Dump(line) + " answered with id " + Dump(answer["id"]));
        }
        if (!answer["ok"].get<bool>()) {
          const json& code = answer["error"]["code"];
          if (!code.is_string() || code.get<std::string>().size() != 5 || code == "XX000") {
            return fail("line " + Dump(line) + " got " + Dump(answer));
          }
        }
      }
    });
    CheckStillServes();
  }
};

QTEST_GUILESS_MAIN(ControlFuzzTest)
#include "control_fuzz_test.moc"
