// The server end to end over real sockets, with a scripted FakeSession in
// place of the SQL engine: startup and SCRAM, simple and extended protocol,
// error recovery, cancel, COPY, limits, malformed input and shutdown.
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <thread>

#include "daemon/net/pg_server_impl.h"
#include "daemon/types/type_registry.h"
#include "fake_session.h"
#include "wire_client.h"

using namespace db9;
using namespace db9::testing;

namespace {

std::string Query(const std::string& sql) { return CString(sql); }

std::string ParseMsg(const std::string& name, const std::string& sql) {
  return CString(name) + CString(sql) + Int16(0);
}

std::string BindMsg(const std::string& portal, const std::string& statement, int16_t format = 0) {
  return CString(portal) + CString(statement) + Int16(0) + Int16(0) + Int16(1) + Int16(format);
}

std::string ExecuteMsg(const std::string& portal, int32_t max_rows) {
  return CString(portal) + Int32(max_rows);
}

long ResidentKb() {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  long kb = 0;
  while (std::fgets(line, sizeof line, f)) {
    if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) break;
  }
  std::fclose(f);
  return kb;
}

bool WaitUntil(const std::function<bool()>& predicate, int timeout_ms = 5000) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return predicate();
}

}  // namespace

class PgServerTest : public QObject {
  Q_OBJECT

 private:
  FakeTenants tenants_;
  types::TypeRegistry types_;
  std::unique_ptr<net::PgServer> server_;

  Result<std::unique_ptr<net::PgServer>> StartServer(net::PgServerOptions options) {
    return net::StartPgServerWithFactory(
        tenants_, options, types_, [](sql::Database&, sql::SessionOptions session_options) {
          return std::unique_ptr<sql::Session>(new FakeSession(std::move(session_options)));
        });
  }

  void LoginOk(WireClient& client) {
    QVERIFY(client.Connect(server_->port()));
    std::vector<Message> messages = client.Login("shop.admin", "pw");
    QVERIFY2(!messages.empty() && messages.back().type == 'Z', Types(messages).c_str());
  }

 private slots:
  void initTestCase() {
    QVERIFY(types::RegisterBuiltinTypes(types_).ok());
    net::PgServerOptions options;
    options.port = 0;
    auto server = StartServer(options);
    QVERIFY2(server.ok(), server.status().ToString().c_str());
    server_ = std::move(*server);
  }

  void cleanupTestCase() { server_->Stop(); }

  void loginReportsParametersKeyAndIdle() {
    WireClient client;
    QVERIFY(client.Connect(server_->port()));
    std::vector<Message> messages = client.Login("shop.admin", "pw");
    // SASLFinal, AuthenticationOk, 11 ParameterStatus, BackendKeyData, RFQ.
    QCOMPARE(Types(messages), std::string("RR") + std::string(11, 'S') + "KZ");
    QCOMPARE(ReadInt32At(messages[0].payload, 0), 12);
    QVERIFY(messages[0].payload.substr(4, 2) == "v=");
    QCOMPARE(ReadInt32At(messages[1].payload, 0), 0);
    QCOMPARE(messages[2].payload, CString("server_version") + CString("15.8"));
    QCOMPARE(messages.back().payload, std::string("I"));
    QVERIFY(client.process_id != 0);
  }

  void wrongPasswordIsFatal28P01() {
    WireClient client;
    QVERIFY(client.Connect(server_->port()));
    std::vector<Message> messages = client.Login("shop.admin", "nope");
    QCOMPARE(Types(messages), std::string("E"));
    QCOMPARE(ErrorField(messages[0], 'S'), std::string("FATAL"));
    QCOMPARE(ErrorField(messages[0], 'C'), std::string("28P01"));
    QCOMPARE(ErrorField(messages[0], 'M'),
             std::string("password authentication failed for user \"shop.admin\""));
    QVERIFY(client.Closed());
  }

  void unknownDatabaseIsFatal() {
    WireClient client;
    QVERIFY(client.Connect(server_->port()));
    std::vector<Message> messages = client.Login("nosuch.admin", "pw");
    QCOMPARE(Types(messages), std::string("E"));
    QCOMPARE(ErrorField(messages[0], 'C'), std::string("3D000"));
    QCOMPARE(ErrorField(messages[0], 'M'), std::string("database \"nosuch\" does not exist"));
    QVERIFY(client.Closed());
  }

  void wrongDatabaseNameIsFatal3D000() {
    WireClient client;
    QVERIFY(client.Connect(server_->port()));
    std::vector<Message> messages = client.Login("shop.admin", "pw", "other");
    QCOMPARE(Types(messages), std::string("RRE"));
    QCOMPARE(ErrorField(messages.back(), 'C'), std::string("3D000"));
    QVERIFY(client.Closed());
  }

  void missingUserIsFatal28000() {
    WireClient client;
    QVERIFY(client.Connect(server_->port()));
    client.SendStartup({{"database", "postgres"}});
    auto m = client.Read();
    QVERIFY(m && m->type == 'E');
    QCOMPARE(ErrorField(*m, 'C'), std::string("28000"));
  }

  void sslAndGssRequestsAnsweredN() {
    WireClient client;
    QVERIFY(client.Connect(server_->port()));
    client.SendRaw(Int32(8) + Int32((1234 << 16) | 5679));
    QCOMPARE(client.ReadByte().value_or('?'), 'N');
    client.SendRaw(Int32(8) + Int32((1234 << 16) | 5680));
    QCOMPARE(client.ReadByte().value_or('?'), 'N');
    std::vector<Message> messages = client.Login("shop.admin", "pw");
    QCOMPARE(messages.back().type, 'Z');
  }

  void unsupportedProtocolRejected() {
    WireClient client;
    QVERIFY(client.Connect(server_->port()));
    client.SendStartup({{"user", "shop.admin"}}, 4 << 16);
    auto m = client.Read();
    QVERIFY(m && m->type == 'E');
    QCOMPARE(ErrorField(*m, 'C'), std::string("0A000"));
    QCOMPARE(ErrorField(*m, 'M'),
             std::string("unsupported frontend protocol 4.0: server supports 3.0 to 3.0"));
    QVERIFY(client.Closed());
    // A 2.0 client gets the error in the only form it can read.
    WireClient old;
    QVERIFY(old.Connect(server_->port()));
    old.SendStartup({{"user", "shop.admin"}}, 2 << 16);
    std::string expected =
        "EFATAL:  unsupported frontend protocol 2.0: server supports 3.0 to 3.0\n";
    expected.push_back('\0');
    std::string got;
    while (auto c = old.ReadByte(2000)) got.push_back(*c);
    QCOMPARE(got, expected);
  }

  void newerMinorVersionNegotiated() {
    WireClient client;
    QVERIFY(client.Connect(server_->port()));
    client.SendStartup({{"user", "shop.admin"}, {"_pq_.feature", "on"}}, (3 << 16) | 2);
    auto m = client.Read();
    QVERIFY(m && m->type == 'v');
    QCOMPARE(ReadInt32At(m->payload, 0), 3 << 16);
    QCOMPARE(ReadInt32At(m->payload, 4), 1);
    QCOMPARE(m->payload.substr(8), CString("_pq_.feature"));
    auto sasl = client.Read();
    QVERIFY(sasl && sasl->type == 'R');
  }

  void simpleQueryRowsAndEmpty() {
    WireClient client;
    LoginOk(client);
    client.Send('Q', Query("rows 3"));
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("TDDDCZ"));
    // DataRow: one column, "3" as text.
    QCOMPARE(messages[3].payload, Int16(1) + Int32(1) + "3");
    QCOMPARE(messages[4].payload, CString("SELECT 3"));
    client.Send('Q', Query(""));
    QCOMPARE(Types(client.ReadUntilReady()), std::string("IZ"));
  }

  void errorFieldsThenReady() {
    WireClient client;
    LoginOk(client);
    client.Send('Q', Query("rows 1; error; rows 1"));
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("TDCEZ"));
    const Message& e = messages[3];
    QCOMPARE(ErrorField(e, 'S'), std::string("ERROR"));
    QCOMPARE(ErrorField(e, 'V'), std::string("ERROR"));
    QCOMPARE(ErrorField(e, 'C'), std::string("42601"));
    QCOMPARE(ErrorField(e, 'M'), std::string("syntax error at or near \"error\""));
    QCOMPARE(ErrorField(e, 'D'), std::string("a detail"));
    QCOMPARE(ErrorField(e, 'H'), std::string("a hint"));
    QCOMPARE(ErrorField(e, 'P'), std::string("3"));
  }

  void transactionStatusBytes() {
    WireClient client;
    LoginOk(client);
    client.Send('Q', Query("begin"));
    QCOMPARE(client.ReadUntilReady().back().payload, std::string("T"));
    client.Send('Q', Query("fail"));
    QCOMPARE(client.ReadUntilReady().back().payload, std::string("E"));
    client.Send('Q', Query("rows 1"));
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(ErrorField(messages[0], 'C'), std::string("25P02"));
    QCOMPARE(messages.back().payload, std::string("E"));
    client.Send('Q', Query("commit"));
    messages = client.ReadUntilReady();
    QCOMPARE(messages[0].payload, CString("ROLLBACK"));
    QCOMPARE(messages.back().payload, std::string("I"));
  }

  void noticeAndParameterStatus() {
    WireClient client;
    LoginOk(client);
    client.Send('Q', Query("notice; set tz Europe/Berlin"));
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("NCSCZ"));
    QCOMPARE(ErrorField(messages[0], 'S'), std::string("NOTICE"));
    QCOMPARE(messages[2].payload, CString("TimeZone") + CString("Europe/Berlin"));
  }

  void extendedProtocolWithRowLimit() {
    WireClient client;
    LoginOk(client);
    client.Send('P', ParseMsg("s1", "rows 5"));
    client.Send('B', BindMsg("p1", "s1"));
    client.Send('D', std::string("P") + CString("p1"));
    client.Send('E', ExecuteMsg("p1", 2));
    client.Send('E', ExecuteMsg("p1", 2));
    client.Send('E', ExecuteMsg("p1", 2));
    client.Send('S', "");
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("12TDDsDDsDCZ"));
    QCOMPARE(messages[10].payload, CString("SELECT 1"));
    // Describe statement: parameters, then columns reported as text.
    client.Send('D', std::string("S") + CString("s1"));
    client.Send('C', std::string("S") + CString("s1"));
    client.Send('D', std::string("S") + CString("s1"));
    client.Send('S', "");
    messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("tT3EZ"));
    QCOMPARE(messages[0].payload, Int16(1) + Int32(23));
    QCOMPARE(ErrorField(messages[3], 'C'), std::string("26000"));
  }

  void binaryResultFormat() {
    WireClient client;
    LoginOk(client);
    client.Send('P', ParseMsg("", "rows 1"));
    client.Send('B', BindMsg("", "", 1));
    client.Send('D', std::string("P") + CString(""));
    client.Send('E', ExecuteMsg("", 0));
    client.Send('S', "");
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("12TDCZ"));
    // The format code is the last Int16 of the single field description.
    QCOMPARE(messages[2].payload.substr(messages[2].payload.size() - 2), Int16(1));
    QCOMPARE(messages[3].payload, Int16(1) + Int32(8) + std::string(7, '\0') + '\x01');
  }

  void errorSkipsUntilSync() {
    WireClient client;
    LoginOk(client);
    client.Send('P', ParseMsg("", "error"));
    client.Send('B', BindMsg("", ""));
    client.Send('E', ExecuteMsg("", 0));
    client.Send('Q', Query("rows 1"));  // ignored too, as in PostgreSQL
    client.Send('S', "");
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("EZ"));
    // And the connection works normally afterwards.
    client.Send('P', ParseMsg("", "rows 1"));
    client.Send('B', BindMsg("", ""));
    client.Send('E', ExecuteMsg("", 0));
    client.Send('S', "");
    QCOMPARE(Types(client.ReadUntilReady()), std::string("12DCZ"));
  }

  void flushSendsWithoutSync() {
    WireClient client;
    LoginOk(client);
    client.Send('P', ParseMsg("", "rows 1"));
    client.Send('H', "");
    auto m = client.Read(2000);
    QVERIFY(m && m->type == '1');
  }

  void cancelRequestStopsStatement() {
    WireClient client;
    LoginOk(client);
    client.Send('Q', Query("sleep"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    WireClient canceller;
    QVERIFY(canceller.Connect(server_->port()));
    // A wrong key does nothing.
    canceller.SendRaw(Int32(16) + Int32((1234 << 16) | 5678) + Int32(client.process_id) +
                      Int32(client.secret_key + 1));
    QVERIFY(canceller.Closed());
    QVERIFY(!client.Read(300).has_value());
    WireClient canceller2;
    QVERIFY(canceller2.Connect(server_->port()));
    auto started = std::chrono::steady_clock::now();
    canceller2.SendRaw(Int32(16) + Int32((1234 << 16) | 5678) + Int32(client.process_id) +
                       Int32(client.secret_key));
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("EZ"));
    QCOMPARE(ErrorField(messages[0], 'C'), std::string("57014"));
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  }

  void roundTripLatency() {
    WireClient client;
    LoginOk(client);
    std::vector<double> micros;
    for (int i = 0; i < 2000; ++i) {
      auto t = std::chrono::steady_clock::now();
      client.Send('Q', Query("rows 1"));
      QCOMPARE(client.ReadUntilReady().size(), size_t{4});
      micros.push_back(std::chrono::duration<double, std::micro>(
                           std::chrono::steady_clock::now() - t).count());
    }
    std::sort(micros.begin(), micros.end());
    qInfo("simple query round trip (scripted session): median %.0f us, p99 %.0f us",
          micros[micros.size() / 2], micros[micros.size() * 99 / 100]);
  }

  void slowStatementDoesNotBlockOthers() {
    WireClient sleeper;
    LoginOk(sleeper);
    sleeper.Send('Q', Query("sleep"));
    WireClient other;
    LoginOk(other);
    other.Send('Q', Query("rows 1"));
    QCOMPARE(Types(other.ReadUntilReady(1000)), std::string("TDCZ"));
    WireClient canceller;
    QVERIFY(canceller.Connect(server_->port()));
    canceller.SendRaw(Int32(16) + Int32((1234 << 16) | 5678) + Int32(sleeper.process_id) +
                      Int32(sleeper.secret_key));
    QCOMPARE(Types(sleeper.ReadUntilReady()), std::string("EZ"));
  }

  void copyInAndOut() {
    WireClient client;
    LoginOk(client);
    client.Send('Q', Query("copy in"));
    auto g = client.Read();
    QVERIFY(g && g->type == 'G');
    QCOMPARE(g->payload, std::string(1, '\0') + Int16(1) + Int16(0));
    client.Send('d', "1\n");
    client.Send('H', "");  // ignored during COPY
    client.Send('d', "2\n");
    client.Send('c', "");
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("CZ"));
    QCOMPARE(messages[0].payload, CString("COPY 2"));

    client.Send('Q', Query("copy in"));
    QVERIFY(client.Read()->type == 'G');
    client.Send('d', "1\n");
    client.Send('f', CString("client gave up"));
    messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("EZ"));
    QCOMPARE(ErrorField(messages[0], 'C'), std::string("57014"));
    QCOMPARE(ErrorField(messages[0], 'M'), std::string("COPY from stdin failed: client gave up"));

    client.Send('Q', Query("copy out 3"));
    messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("HdddcCZ"));
    QCOMPARE(messages[1].payload, std::string("line 1\n"));
  }

  void largeResultStreams() {
    WireClient client;
    LoginOk(client);
    client.Send('Q', Query("rows 100000"));
    std::vector<Message> messages = client.ReadUntilReady(10000);
    QCOMPARE(messages.size(), size_t{100003});
    QCOMPARE(messages[100001].payload, CString("SELECT 100000"));
  }

  void malformedFieldsAreErrors() {
    // Sound frames with bad contents: ERROR 08P01, and the session goes on.
    const std::string cases[] = {
        std::string("B") + Int32(6) + "xy",                  // Bind without terminators
        std::string("E") + Int32(5) + std::string(1, '\0'),  // Execute without row count
        std::string("D") + Int32(7) + "Xab",                 // unknown Describe kind
    };
    for (const std::string& bad : cases) {
      WireClient client;
      LoginOk(client);
      client.SendRaw(bad);
      client.Send('S', "");
      std::vector<Message> messages = client.ReadUntilReady();
      QVERIFY2(Types(messages) == "EZ", bad.c_str());
      QCOMPARE(ErrorField(messages[0], 'S'), std::string("ERROR"));
      QCOMPARE(ErrorField(messages[0], 'C'), std::string("08P01"));
    }
    WireClient client;
    LoginOk(client);
    client.SendRaw(std::string("Q") + Int32(7) + "abc");  // unterminated query
    std::vector<Message> messages = client.ReadUntilReady();
    QCOMPARE(Types(messages), std::string("EZ"));
    QCOMPARE(ErrorField(messages[0], 'C'), std::string("08P01"));
  }

  void brokenFramingClosesWith08P01() {
    const std::string cases[] = {
        std::string("Q") + Int32(3),           // length below 4
        std::string("Q") + Int32(0x7fffffff),  // oversized
        std::string("\x01") + Int32(4),        // unknown message type
    };
    for (const std::string& bad : cases) {
      WireClient client;
      LoginOk(client);
      client.SendRaw(bad);
      auto m = client.Read();
      QVERIFY2(m && m->type == 'E', bad.c_str());
      QCOMPARE(ErrorField(*m, 'S'), std::string("FATAL"));
      QCOMPARE(ErrorField(*m, 'C'), std::string("08P01"));
      QVERIFY(client.Closed());
    }
    // Startup phase: bad length, and garbage.
    WireClient early;
    QVERIFY(early.Connect(server_->port()));
    early.SendRaw(Int32(100000) + Int32(3 << 16));
    auto m = early.Read();
    QVERIFY(m && ErrorField(*m, 'C') == "08P01");
    QVERIFY(early.Closed());
  }

  void randomInputNeverCrashes() {
    // Bounded, seeded random traffic after login and in the startup phase;
    // the full-daemon version lives in tests/wire/test_fuzz.py.
    std::mt19937 rng(20261207);
    auto byte = [&] { return static_cast<char>(rng() & 0xff); };
    const std::string types = "BCdcDEfFHPpQSX";
    for (int round = 0; round < 300; ++round) {
      WireClient client;
      QVERIFY(client.Connect(server_->port()));
      bool startup = round % 3 == 0;
      if (!startup) QCOMPARE(client.Login("shop.admin", "pw").back().type, 'Z');
      std::string garbage;
      switch (rng() % 4) {
        case 0:
          for (unsigned n = rng() % 200; n > 0; --n) garbage.push_back(byte());
          break;
        case 1: {
          std::string payload;
          for (unsigned n = rng() % 64; n > 0; --n) payload.push_back(byte());
          garbage = std::string(1, types[rng() % types.size()]) +
                    Int32(static_cast<int32_t>(payload.size() + 4)) + payload;
          break;
        }
        case 2:
          garbage = std::string(1, types[rng() % types.size()]) +
                    Int32(static_cast<int32_t>(rng() % 200) - 20);
          for (unsigned n = rng() % 40; n > 0; --n) garbage.push_back(byte());
          break;
        default:
          garbage = Int32(static_cast<int32_t>(rng() % 20000)) + Int32(3 << 16);
          for (unsigned n = rng() % 60; n > 0; --n) garbage.push_back(byte());
          break;
      }
      client.SendRaw(garbage);
      while (auto m = client.Read(50)) {
        if (m->type == 'E') QCOMPARE(ErrorField(*m, 'C').size(), size_t{5});
      }
    }
    WireClient check;
    LoginOk(check);
    check.Send('Q', Query("rows 1"));
    QCOMPARE(Types(check.ReadUntilReady()), std::string("TDCZ"));
  }

  void sessionFatalClosesConnection() {
    WireClient client;
    LoginOk(client);
    client.Send('Q', Query("fatal"));
    auto m = client.Read();
    QVERIFY(m && m->type == 'E');
    QCOMPARE(ErrorField(*m, 'S'), std::string("FATAL"));
    QVERIFY(client.Closed());
  }

  void terminateClosesAndReleasesTenant() {
    int before = tenants_.open_handles();
    {
      WireClient client;
      LoginOk(client);
      QCOMPARE(tenants_.open_handles(), before + 1);
      client.Send('X', "");
      QVERIFY(client.Closed());
    }
    QVERIFY(WaitUntil([&] { return tenants_.open_handles() == before; }));
  }

  void forcedDropTerminatesWith57P01() {
    WireClient client;
    LoginOk(client);
    QVERIFY(tenants_.Drop("shop", true).ok());
    auto m = client.Read();
    QVERIFY(m && m->type == 'E');
    QCOMPARE(ErrorField(*m, 'C'), std::string("57P01"));
    QVERIFY(client.Closed());
  }

  void thousandIdleConnections() {
    constexpr int kCount = 1000;
    long rss_before = ResidentKb();
    std::vector<std::unique_ptr<WireClient>> clients;
    for (int i = 0; i < kCount; ++i) {
      clients.push_back(std::make_unique<WireClient>());
      LoginOk(*clients.back());
    }
    QVERIFY(server_->connection_count() >= kCount);
    // Client and server share this process; the client side of a connection
    // is a socket and an empty string, so the figure is mostly the server's.
    long rss_idle = ResidentKb();
    qInfo("%d idle connections: RSS %ld kB -> %ld kB, %.1f kB each (server + test client)",
          kCount, rss_before, rss_idle, double(rss_idle - rss_before) / kCount);
    for (auto& c : clients) c->Send('Q', Query("rows 1"));
    for (auto& c : clients) QCOMPARE(Types(c->ReadUntilReady()), std::string("TDCZ"));
    clients.clear();
    QVERIFY(WaitUntil([&] { return server_->connection_count() == 0; }));
  }

  void maxConnectionsGives53300() {
    net::PgServerOptions options;
    options.port = 0;
    options.max_connections = 2;
    auto server = StartServer(options);
    QVERIFY(server.ok());
    WireClient a, b, c;
    QVERIFY(a.Connect((*server)->port()));
    QCOMPARE(a.Login("shop.admin", "pw").back().type, 'Z');
    QVERIFY(b.Connect((*server)->port()));
    QCOMPARE(b.Login("shop.admin", "pw").back().type, 'Z');
    QVERIFY(c.Connect((*server)->port()));
    std::vector<Message> messages = c.Login("shop.admin", "pw");
    QCOMPARE(Types(messages), std::string("E"));
    QCOMPARE(ErrorField(messages[0], 'C'), std::string("53300"));
    QCOMPARE(ErrorField(messages[0], 'M'), std::string("sorry, too many clients already"));
    // Cancel requests still get through at the limit, and a slot frees up.
    a.Close();
    // Only b left: a's slot is free (the refused c is gone too). Waiting
    // after d connects could see a still counted, with d not yet accepted.
    QVERIFY(WaitUntil([&] { return (*server)->connection_count() <= 1; }));
    WireClient d;
    QVERIFY(d.Connect((*server)->port()));
    QCOMPARE(d.Login("shop.admin", "pw").back().type, 'Z');
    (*server)->Stop();
  }

  void portConflictNamesThePort() {
    net::PgServerOptions options;
    options.port = server_->port();
    auto clash = StartServer(options);
    QVERIFY(!clash.ok());
    std::string message(clash.status().message());
    QVERIFY2(message.find("port " + std::to_string(server_->port()) + " is already in use") !=
                 std::string::npos,
             message.c_str());
    options.pick_next_free_port = true;
    auto next = StartServer(options);
    QVERIFY2(next.ok(), next.status().ToString().c_str());
    QVERIFY((*next)->port() > server_->port());
    (*next)->Stop();
  }

  void slowLoginTimesOut() {
    net::PgServerOptions options;
    options.port = 0;
    options.authentication_timeout_ms = 200;
    auto server = StartServer(options);
    QVERIFY(server.ok());
    WireClient silent, half, done;
    QVERIFY(silent.Connect((*server)->port()));
    QVERIFY(half.Connect((*server)->port()));
    half.SendStartup({{"user", "shop.admin"}});
    QVERIFY(half.Read()->type == 'R');  // AuthenticationSASL; no answer follows
    QVERIFY(done.Connect((*server)->port()));
    QCOMPARE(done.Login("shop.admin", "pw").back().type, 'Z');
    for (WireClient* c : {&silent, &half}) {
      auto m = c->Read(3000);
      QVERIFY(m && m->type == 'E');
      QCOMPARE(ErrorField(*m, 'M'), std::string("canceling authentication due to timeout"));
      QVERIFY(c->Closed());
    }
    // A logged-in session is not affected.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    done.Send('Q', Query("rows 1"));
    QCOMPARE(Types(done.ReadUntilReady()), std::string("TDCZ"));
    (*server)->Stop();
  }

  void stopEndsSessionsWith57P01() {
    net::PgServerOptions options;
    options.port = 0;
    auto server = StartServer(options);
    QVERIFY(server.ok());
    WireClient idle, busy;
    QVERIFY(idle.Connect((*server)->port()));
    QCOMPARE(idle.Login("shop.admin", "pw").back().type, 'Z');
    QVERIFY(busy.Connect((*server)->port()));
    QCOMPARE(busy.Login("shop.admin", "pw").back().type, 'Z');
    busy.Send('Q', Query("sleep"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto started = std::chrono::steady_clock::now();
    (*server)->Stop();
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    auto m = idle.Read();
    QVERIFY(m && ErrorField(*m, 'C') == "57P01");
    QCOMPARE((*server)->connection_count(), 0);
  }
};

QTEST_GUILESS_MAIN(PgServerTest)
#include "pg_server_test.moc"
