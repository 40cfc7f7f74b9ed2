// The SQL console against a real db9d: a run answers with a result grid, an
// error with the spot it names, Cancel stops a long statement, and the
// history survives a restart. The window click-through runs a statement with
// Ctrl+Enter. Also the cell formats (compact vectors, pretty JSON) and the
// activity chart's sampling.
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "daemon_fixture.h"
#include "gui/app/app_core.h"
#include "gui/app/main_window.h"
#include "gui/models/activity_history.h"
#include "gui/models/cell_format.h"
#include "gui/models/json_pretty.h"
#include "gui/models/result_grid_model.h"
#include "gui/models/sql_console.h"
#include "gui/models/statement_history.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/settings/app_settings.h"
#include "gui/views/activity_chart_view.h"
#include "gui/views/icons.h"
#include "gui/views/sql_console_view.h"
#include "gui/views/value_viewer.h"

#include <QChart>

using namespace db9::gui;
namespace control = db9::control;

class ConsoleTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { InitDb9GuiResources(); }

  void positionsCountCharacters() {
    QCOMPARE(SqlConsole::PositionToIndex(QStringLiteral("SELECT x"), 8), 7);
    QCOMPARE(SqlConsole::PositionToIndex(QStringLiteral("SELECT x"), 0), -1);
    QCOMPARE(SqlConsole::PositionToIndex(QStringLiteral("SELECT x"), 9), -1);
    // An emoji is one character to PostgreSQL and two UTF-16 units here.
    const QString text = QStringLiteral("SELECT '\U0001F600', nope");
    QCOMPARE(SqlConsole::PositionToIndex(text, 13), text.indexOf(QLatin1String("nope")));
  }

  void cellFormats() {
    std::string dims = "[";
    for (int i = 0; i < 384; ++i) dims += (i ? "," : "") + std::to_string(i % 7) + ".5";
    dims += "]";
    QCOMPARE(CellDisplayText(dims, "vector"), QStringLiteral("[0.5, 1.5, 2.5, … 384 dims]"));
    QCOMPARE(CellDisplayText("[1,2,3]", "vector"), QStringLiteral("[1,2,3]"));
    QCOMPARE(CellDisplayText("a\nb", "text"), QStringLiteral("a ⏎ b"));
    QCOMPARE(PrettyJson(QStringLiteral("{\"a\": [1, 12345678901234567890], \"b\": {}, \"c\": \"x,{y}\"}")),
             QStringLiteral("{\n  \"a\": [\n    1,\n    12345678901234567890\n  ],\n  \"b\": {},\n  \"c\": \"x,{y}\"\n}"));
    QCOMPARE(PrettyJson(QStringLiteral("not json")), QStringLiteral("not json"));
  }

  void activitySamples() {
    ActivityHistory history;
    ActivityChartView view(&history);
    view.show();
    auto db = [](std::string name, uint64_t size, int connections) {
      control::DatabaseInfo info;
      info.name = std::move(name);
      info.size_bytes = size;
      info.open_connections = connections;
      return info;
    };
    history.addSample({db("a", 1'000'000, 0), db("b", 3'000'000, 2)}, 10'000);
    history.addSample({db("a", 2'000'000, 1), db("b", 3'000'000, 1)}, 15'000);
    history.addSample({db("a", 2'500'000, 1), db("b", 3'000'000, 1)}, 15'500);  // too close: updates
    QCOMPARE(history.samples().size(), size_t(2));
    QCOMPARE(history.samples().back().unixMs, 15'000);
    QCOMPARE(view.sizeChart()->series().size(), 2);
    auto* sizes = qobject_cast<QLineSeries*>(view.sizeChart()->series().at(1));  // "a": smaller
    QVERIFY(sizes);
    QCOMPARE(sizes->name(), QStringLiteral("a"));
    QCOMPARE(sizes->count(), 2);
    QCOMPARE(sizes->at(1).y(), 2.5);
    auto* connections = qobject_cast<QLineSeries*>(view.connectionChart()->series().at(0));
    QCOMPARE(connections->name(), QStringLiteral("b"));
    QCOMPARE(connections->at(0).y(), 2.0);
  }

  void runErrorCancelHistory() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    ControlService main(daemon.controlSocket());
    ControlService runner(daemon.controlSocket());
    runner.setCallTimeout(std::chrono::minutes(2));
    main.createDatabase(QStringLiteral("con"), {});
    QSignalSpy created(&main, &ControlService::databaseCreated);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 5000);

    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    {
      AppSettings settings(ini);
      StatementHistory history(&settings);
      SqlConsole console(&runner, &main, &history);
      console.setDatabase(QStringLiteral("con"));
      QSignalSpy finished(&console, &SqlConsole::finished);
      QSignalSpy failed(&console, &SqlConsole::failed);

      console.run(QStringLiteral("CREATE TABLE t (id int PRIMARY KEY, doc jsonb, note text); "
                                 "INSERT INTO t VALUES (1, '{\"a\": 1}', NULL), (2, '[]', 'x'); "
                                 "SELECT * FROM t ORDER BY id"));
      QVERIFY(console.isRunning());
      QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
      QVERIFY2(finished.at(0).at(0).toString().contains(QStringLiteral("SELECT 2")),
               qPrintable(finished.at(0).at(0).toString()));
      QCOMPARE(console.grid()->rowCount(), 2);
      QCOMPARE(console.grid()->columnCount(), 3);
      QCOMPARE(console.grid()->index(0, 1).data().toString(), QStringLiteral("{\"a\": 1}"));
      QVERIFY(console.grid()->index(0, 2).data(kIsNullRole).toBool());

      // The error's position is the index of the offending word in the text.
      const QString bad = QStringLiteral("SELECT id FROM t;\nSELECT nope FROM t");
      console.run(bad);
      QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
      QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("42703"));
      QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("nope")));
      QCOMPARE(failed.at(0).at(2).toInt(), bad.indexOf(QLatin1String("nope")));

      // Cancel stops a statement that would run for minutes.
      console.run(QStringLiteral("SELECT count(*) FROM generate_series(1, 100000000) a, "
                                 "generate_series(1, 100) b"));
      QTest::qWait(300);
      QVERIFY(console.isRunning());
      console.cancel();
      QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10000);
      QCOMPARE(failed.at(1).at(1).toString(), QStringLiteral("57014"));
      QVERIFY(!console.isRunning());
      QCOMPARE(history.entries().size(), 3);
    }
    // A restart finds the history, newest first.
    AppSettings settings(ini);
    StatementHistory history(&settings);
    QCOMPARE(history.entries().size(), 3);
    QVERIFY(history.entries().at(0).startsWith(QStringLiteral("SELECT count(*)")));
    history.add(QStringLiteral("SELECT id FROM t;\nSELECT nope FROM t"));
    QCOMPARE(history.entries().size(), 3);  // a repeat moves up, not in twice
    QVERIFY(history.entries().at(0).contains(QStringLiteral("nope")));
  }

  // In the window: type, Ctrl+Enter, see rows; an error underlines its spot;
  // the value viewer pretty-prints the selected jsonb cell.
  void consoleInTheWindow() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    AppCore core(daemon.controlSocket());
    MainWindow window(&core, &settings, nullptr);
    window.show();
    window.showView(MainWindow::View::kConsole);
    core.start();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kRunning, 10000);
    core.service()->createDatabase(QStringLiteral("win"), {});
    QTRY_VERIFY_WITH_TIMEOUT(
        window.sqlConsole()->findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled(), 5000);

    SqlConsoleView* view = window.sqlConsole();
    QPlainTextEdit* editor = view->editor();
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("SELECT 1 AS n, '{\"k\": [1, 2]}'::jsonb AS doc"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(view->resultView()->model()->rowCount(), 1, 10000);
    QCOMPARE(view->resultView()->model()->index(0, 0).data().toString(), QStringLiteral("1"));
    QVERIFY(view->statusText().contains(QStringLiteral("SELECT 1")));
    view->resultView()->setCurrentIndex(view->resultView()->model()->index(0, 1));
    auto* viewer = view->findChild<ValueViewer*>();
    QVERIFY(viewer);
    QCOMPARE(viewer->shownText(), QStringLiteral("{\n  \"k\": [\n    1,\n    2\n  ]\n}"));

    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("SELECT 1 FROM nowhere"));
    QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("runButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().startsWith(QStringLiteral("ERROR 42P01")), 10000);
    QCOMPARE(view->markedErrorIndex(), QStringLiteral("SELECT 1 FROM nowhere").indexOf(QLatin1String("nowhere")));
    QCOMPARE(editor->extraSelections().size(), 1);
    QCOMPARE(editor->extraSelections().at(0).cursor.selectedText(), QStringLiteral("nowhere"));
    QVERIFY2(view->statusText().contains(QStringLiteral("at line 1, column 15")), qPrintable(view->statusText()));
  }
};

QTEST_MAIN(ConsoleTest)
#include "console_test.moc"
