// Export: the CSV and JSON writers on a small result with NULLs, quotes,
// commas, line breaks and jsonb (exact output), and the exporter streaming a
// real table of several pages from db9d under the grid's filter and order.
#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "daemon_fixture.h"
#include "gui/models/export_writer.h"
#include "gui/services/rows_exporter.h"
#include "shared/control/client.h"

using namespace db9::gui;
namespace control = db9::control;

namespace {

control::QueryResult SmallResult() {
  control::QueryResult result;
  result.columns = {{"id", 23, "int4"}, {"note", 25, "text"}, {"doc", 3802, "jsonb"},
                    {"ok", 16, "bool"}, {"price", 1700, "numeric"}};
  result.rows = {
      {std::string("1"), std::string("plain"), std::string("{\"a\": [1, 2]}"), std::string("t"),
       std::string("1.50")},
      {std::string("2"), std::string("say \"hi\", then\nleave"), std::nullopt, std::string("f"),
       std::string("NaN")},
      {std::string("3"), std::string(""), std::string("\"text\""), std::nullopt, std::nullopt},
  };
  return result;
}

QByteArray Write(ExportFormat format) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  ExportWriter writer(&buffer, format);
  const auto result = SmallResult();
  writer.begin(result.columns);
  writer.writeRows({result.rows[0]});  // in batches, as pages arrive
  writer.writeRows({result.rows[1], result.rows[2]});
  writer.finish();
  return buffer.data();
}

}  // namespace

class ExportTest : public QObject {
  Q_OBJECT
 private slots:
  void csvQuotesAndNulls() {
    QCOMPARE(Write(ExportFormat::kCsv),
             QByteArray("id,note,doc,ok,price\n"
                        "1,plain,\"{\"\"a\"\": [1, 2]}\",t,1.50\n"
                        "2,\"say \"\"hi\"\", then\nleave\",,f,NaN\n"
                        "3,\"\",\"\"\"text\"\"\",,\n"));
  }

  void jsonTypesAndNulls() {
    const QByteArray json = Write(ExportFormat::kJson);
    QCOMPARE(json,
             QByteArray("[\n"
                        "{\"id\": 1, \"note\": \"plain\", \"doc\": {\"a\": [1, 2]}, \"ok\": true, \"price\": 1.50},\n"
                        "{\"id\": 2, \"note\": \"say \\\"hi\\\", then\\nleave\", \"doc\": null, \"ok\": false, \"price\": \"NaN\"},\n"
                        "{\"id\": 3, \"note\": \"\", \"doc\": \"text\", \"ok\": null, \"price\": null}\n"
                        "]\n"));
    QJsonParseError error{};
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
  }

  void formatFromFileName() {
    QCOMPARE(ExportWriter::FormatForPath(QStringLiteral("/tmp/a.JSON")), ExportFormat::kJson);
    QCOMPARE(ExportWriter::FormatForPath(QStringLiteral("/tmp/a.csv")), ExportFormat::kCsv);
  }

  // 2 500 rows: three pages of RowsExporter::kPageRows, filtered and sorted
  // as the grid was.
  void exporterStreamsATable() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    control::ClientOptions options;
    options.socket_path = daemon.controlSocket().toStdString();
    auto client = control::Client::Connect(options);
    QVERIFY(client.ok());
    QVERIFY((*client)->CreateDatabase("exp").ok());
    control::SqlRequest sql;
    sql.database = "exp";
    sql.sql = "CREATE TABLE t (id int PRIMARY KEY, note text, doc jsonb); "
              "INSERT INTO t SELECT g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'it''s, \"' || g || '\"' END, "
              "('{\"n\": ' || g || '}')::jsonb FROM generate_series(1, 2600) g";
    auto made = (*client)->Sql(sql);
    QVERIFY2(made.ok(), made.ok() ? "" : made.status().ToString().c_str());

    QTemporaryDir dir;
    RowsExporter exporter(daemon.controlSocket());
    QSignalSpy finished(&exporter, &RowsExporter::finished);
    QSignalSpy progress(&exporter, &RowsExporter::progress);
    control::RowsRequest request;
    request.database = "exp";
    request.table = "t";
    request.filters = {{"id", "<=", std::string("2500")}};
    const QString csvPath = dir.filePath(QStringLiteral("t.csv"));
    exporter.start(request, csvPath, ExportFormat::kCsv);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QCOMPARE(finished.at(0).at(1).toLongLong(), 2500);
    QVERIFY(progress.count() >= 3);  // one signal per page
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.size(), 2502);  // header, 2500 rows, the final newline
    QCOMPARE(lines[0], QByteArray("id,note,doc"));
    QCOMPARE(lines[1], QByteArray("1,\"it's, \"\"1\"\"\",\"{\"\"n\"\": 1}\""));
    QCOMPARE(lines[3], QByteArray("3,,\"{\"\"n\"\": 3}\""));
    QCOMPARE(lines[2500], QByteArray("2500,\"it's, \"\"2500\"\"\",\"{\"\"n\"\": 2500}\""));

    // JSON, newest first (a sort the grid asked for).
    request.order_by = {{"id", true}};
    const QString jsonPath = dir.filePath(QStringLiteral("t.json"));
    exporter.start(request, jsonPath, ExportFormat::kJson);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY(finished.at(1).at(0).toBool());
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray array = QJsonDocument::fromJson(json.readAll()).array();
    QCOMPARE(array.size(), 2500);
    QCOMPARE(array.at(0).toObject().value(QStringLiteral("id")).toInt(), 2500);
    QCOMPARE(array.at(0).toObject().value(QStringLiteral("doc")).toObject().value(QStringLiteral("n")).toInt(), 2500);
    QVERIFY(array.at(1).toObject().value(QStringLiteral("note")).isNull());  // 2499 % 3 == 0

    // A failure leaves no file behind.
    request.table = "missing";
    const QString badPath = dir.filePath(QStringLiteral("bad.csv"));
    exporter.start(request, badPath, ExportFormat::kCsv);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QVERIFY(!finished.at(2).at(0).toBool());
    QVERIFY(!QFile::exists(badPath));
  }
};

QTEST_MAIN(ExportTest)
#include "export_test.moc"
