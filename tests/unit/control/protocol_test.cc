// The control protocol's shared pieces: line framing with its size bound,
// the JSON form of every value, and where the socket is found.
#include <QtTest>

#include <cstdlib>

#include "shared/control/json_codec.h"
#include "shared/control/line_buffer.h"
#include "shared/control/socket_path.h"

using namespace db9::control;

class ProtocolTest : public QObject {
  Q_OBJECT
 private slots:
  void SplitsLinesAcrossChunks() {
    LineBuffer buffer(100);
    buffer.Append("{\"a\":1}\n{\"b\"");
    auto first = buffer.Next();
    QVERIFY(first.has_value());
    QCOMPARE(first->text, std::string("{\"a\":1}"));
    QVERIFY(!buffer.Next().has_value());
    buffer.Append(":2}\r\n");
    auto second = buffer.Next();
    QVERIFY(second.has_value());
    QCOMPARE(second->text, std::string("{\"b\":2}"));  // CR dropped too
  }

  void OverlongLineIsReportedOnceAndSkipped() {
    LineBuffer buffer(10);
    buffer.Append(std::string(25, 'x'));  // no newline yet: reported early
    auto report = buffer.Next();
    QVERIFY(report.has_value() && report->too_long);
    buffer.Append(std::string(30, 'y'));
    QVERIFY(!buffer.Next().has_value());  // still the same overlong line
    buffer.Append("zz\nok\n");
    auto next = buffer.Next();
    QVERIFY(next.has_value());
    QVERIFY(!next->too_long);
    QCOMPARE(next->text, std::string("ok"));
  }

  void OverlongCompleteLineInOneChunk() {
    LineBuffer buffer(4);
    buffer.Append("12345\nabc\n");
    auto first = buffer.Next();
    QVERIFY(first.has_value() && first->too_long);
    auto second = buffer.Next();
    QVERIFY(second.has_value());
    QCOMPARE(second->text, std::string("abc"));
  }

  void DatabaseStatusRoundTrips() {
    DatabaseStatus status;
    status.database = {"abc123", "shop", 1700000000000, 4096, 3, 2};
    status.connection.port = 5433;
    status.connection.user = "shop.admin";
    status.connection.environment = {{"PGHOST", "localhost"}, {"PGPORT", "5433"}};
    nlohmann::json j = status;
    auto back = Decode<DatabaseStatus>(j, "status");
    QVERIFY(back.ok());
    QCOMPARE(back->database.name, std::string("shop"));
    QCOMPARE(back->database.table_count, int64_t{3});
    QCOMPARE(back->connection.port, 5433);
    QCOMPARE(back->connection.environment.size(), size_t{2});
    QCOMPARE(back->connection.environment[1].second, std::string("5433"));
  }

  void QueryResultKeepsNulls() {
    QueryResult result;
    result.columns = {{"id", 23, "int4"}};
    result.rows = {{std::string("1")}, {std::nullopt}};
    result.command_tag = "SELECT 2";
    nlohmann::json j = result;
    QCOMPARE(j["rows"][1][0].is_null(), true);
    auto back = Decode<QueryResult>(j, "result");
    QVERIFY(back.ok());
    QVERIFY(!back->rows[1][0].has_value());
    QCOMPARE(*back->rows[0][0], std::string("1"));
  }

  void RowsRequestUsesKeysetOrOffset() {
    RowsRequest request;
    request.database = "shop";
    request.table = "items";
    request.after = std::vector<std::optional<std::string>>{std::string("42")};
    nlohmann::json j = request;
    QVERIFY(!j.contains("offset"));
    auto back = Decode<RowsRequest>(j, "rows request");
    QVERIFY(back.ok() && back->after.has_value());
    QCOMPARE(*(*back->after)[0], std::string("42"));
  }

  void MalformedDocumentIsAStatusNotAThrow() {
    auto bad = Decode<DatabaseInfo>(nlohmann::json{{"name", 42}}, "database");
    QVERIFY(!bad.ok());
    QCOMPARE(std::string(bad.status().sqlstate()), std::string("08P01"));
  }

  void ErrorsKeepCodeHintAndDetail() {
    auto status = db9::Status::Error("55006", "in use").WithHint("force it").WithDetail("2 open");
    auto back = ErrorFromJson(ErrorToJson(status));
    QCOMPARE(std::string(back.sqlstate()), std::string("55006"));
    QCOMPARE(std::string(back.hint()), std::string("force it"));
    QCOMPARE(std::string(back.detail()), std::string("2 open"));
    // A peer that sends nonsense codes still yields a valid Status.
    auto odd = ErrorFromJson(nlohmann::json{{"code", "nope"}});
    QCOMPARE(std::string(odd.sqlstate()), std::string("XX000"));
  }

  void EventsRoundTrip() {
    nlohmann::json j = Event{"database.renamed", "new", "old"};
    QCOMPARE(j["event"].get<std::string>(), std::string("database.renamed"));
    auto back = Decode<Event>(j, "event");
    QVERIFY(back.ok());
    QCOMPARE(back->previous_name, std::string("old"));
  }

  void SocketPathFollowsEnvironment() {
    qputenv("DB9_CONTROL_SOCKET", "/x/y.sock");
    QCOMPARE(DefaultControlSocketPath(), std::string("/x/y.sock"));
    qunsetenv("DB9_CONTROL_SOCKET");
    qputenv("XDG_RUNTIME_DIR", "/run/user/7");
    QCOMPARE(DefaultControlSocketPath(), std::string("/run/user/7/db9/control.sock"));
    qunsetenv("XDG_RUNTIME_DIR");
    QCOMPARE(DefaultControlSocketPath(),
             "/tmp/db9-" + std::to_string(::getuid()) + "/control.sock");
  }
};

QTEST_GUILESS_MAIN(ProtocolTest)
#include "protocol_test.moc"
