// Not a test: screenshots.sh runs it under Xvfb to photograph views that need
// a person's actions first — the SQL console with a result and with an error,
// the rows grid at the table's end (Ctrl+End), staged edits in the rows grid, a failed Apply, the question before a
// switch would drop staged edits, an Apply waiting on a lock (held by psql)
// with its Cancel, the settings dialog, and the activity charts.
//   scene_shots CONTROL_SOCKET OUT_DIR
// Expects the databases screenshots.sh made (shop with table items). Each
// scene is saved as OUT_DIR/<scene>.png from the window itself (grab()).
#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

#include "gui/app/app_core.h"
#include "gui/app/main_window.h"
#include "gui/models/rows_model.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/settings/app_settings.h"
#include "gui/views/icons.h"
#include "gui/views/database_list_view.h"
#include "gui/views/row_actions_bar.h"
#include "gui/views/settings_dialog.h"
#include "gui/views/sql_console_view.h"
#include "gui/views/table_browser.h"
#include "shared/control/client.h"

using namespace db9::gui;

namespace {

bool Save(QWidget& window, const QString& dir, const QString& name) {
  QTest::qWait(400);  // let queued paints and chart layouts settle
  const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
  const bool ok = window.grab().save(path);
  std::printf("scene_shots: %s%s\n", qPrintable(path), ok ? "" : " (could not save)");
  return ok;
}

// The whole screen (Xvfb's is the window's size): dialogs are windows of
// their own, so a grab of the main window would miss them.
bool SaveScreen(const QString& dir, const QString& name) {
  QTest::qWait(400);
  const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
  const bool ok = QGuiApplication::primaryScreen()->grabWindow(0).save(path);
  std::printf("scene_shots: %s%s\n", qPrintable(path), ok ? "" : " (could not save)");
  return ok;
}

bool Wait(const std::function<bool()>& done, int ms, const char* what) {
  if (QTest::qWaitFor(done, ms)) return true;
  std::fprintf(stderr, "scene_shots: gave up waiting for %s\n", what);
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  InitDb9GuiResources();
  if (argc != 3) {
    std::fprintf(stderr, "usage: scene_shots CONTROL_SOCKET OUT_DIR\n");
    return 2;
  }
  const QString socket = QString::fromLocal8Bit(argv[1]);
  const QString out = QString::fromLocal8Bit(argv[2]);
  QTemporaryDir dir;
  AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
  settings.setStartDaemonAtLogin(false);
  AppCore core(socket);
  core.supervisor()->setPollIntervals(1000, 2000);  // activity samples come faster
  MainWindow window(&core, &settings, nullptr);
  window.resize(1100, 700);
  window.show();
  window.selectDatabaseWhenListed(QStringLiteral("shop"));
  core.start();
  bool ok = Wait([&] { return core.supervisor()->state() == DaemonSupervisor::State::kRunning; },
                 10000, "the daemon");

  // Console: a result with jsonb, the jsonb cell shown whole beside it.
  window.showView(MainWindow::View::kConsole);
  SqlConsoleView* console = window.sqlConsole();
  console->editor()->setPlainText(
      QStringLiteral("SELECT id, name, price,\n"
                     "       jsonb_build_object('sku', 'A-' || id, 'tags', jsonb_build_array('new', 'sale'),\n"
                     "                          'dims', jsonb_build_object('w', id * 2, 'h', 10)) AS details\n"
                     "FROM items\nWHERE price > 100\nORDER BY price DESC\nLIMIT 20;"));
  ok &= Wait([&] { return console->findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled(); },
             10000, "the console");
  console->run();
  ok &= Wait([&] { return console->resultView()->model()->rowCount() > 0; }, 10000, "a result");
  console->resultView()->setCurrentIndex(console->resultView()->model()->index(0, 3));
  ok &= Save(window, out, QStringLiteral("console-result"));

  // Console: an error, its spot underlined.
  console->editor()->setPlainText(QStringLiteral("SELECT id, name\nFROM items\nWHERE prize > 10;"));
  console->run();
  ok &= Wait([&] { return console->markedErrorIndex() >= 0; }, 10000, "an error mark");
  ok &= Save(window, out, QStringLiteral("console-error"));

  // Rows grid: a changed cell, a deleted row, a new row, all staged.
  window.tableBrowser()->selectTable(QStringLiteral("items"));
  window.showView(MainWindow::View::kTables);
  RowsModel* rows = window.tableBrowser()->rowsModel();
  ok &= Wait([&] { return rows->rowCount() > 10 && rows->isEditable(); }, 10000, "editable rows");
  // Ctrl+End: the table's last rows, numbered from the end.
  QTableView* grid = window.tableBrowser()->rowsView();
  grid->setFocus();
  grid->setCurrentIndex(rows->index(0, 1));
  QTest::keyClick(grid, Qt::Key_End, Qt::ControlModifier);
  ok &= Wait([&] { return rows->isAtTail() && !rows->isLoading(); }, 10000, "the last rows");
  ok &= Save(window, out, QStringLiteral("tables-end"));
  // A few rows, so the new one shows beside the changed ones.
  rows->setFilter(QStringLiteral("id"), QStringLiteral("<="), QStringLiteral("9"));
  ok &= Wait([&] { return rows->rowCount() == 9; }, 10000, "the filtered rows");
  rows->setData(rows->index(1, 1), QStringLiteral("item 2 (renamed)"));
  rows->setData(rows->index(2, 2), QStringLiteral("9.99"));
  rows->toggleDeleted({4});
  window.tableBrowser()->actionsBar()->addRow();
  const int added = rows->rowCount() - 1;
  rows->setData(rows->index(added, 0), QStringLiteral("1001"));
  rows->setData(rows->index(added, 1), QStringLiteral("fresh item"));
  window.tableBrowser()->rowsView()->setCurrentIndex(rows->index(1, 1));
  ok &= Save(window, out, QStringLiteral("edit-staged"));

  // Apply with a duplicate key: the database's error, edits kept.
  rows->setData(rows->index(added, 0), QStringLiteral("3"));
  rows->applyEdits();
  ok &= Wait([&] { return !rows->isApplying(); }, 10000, "the apply");
  ok &= Save(window, out, QStringLiteral("edit-failed"));
  rows->discardEdits();

  // Moving to another database with a staged edit asks first (then Cancel).
  rows->setData(rows->index(0, 1), QStringLiteral("item 1 (renamed)"));
  QTimer::singleShot(300, [&] {
    ok &= SaveScreen(out, QStringLiteral("edit-switch-prompt"));
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      box->button(QMessageBox::Cancel)->click();
    }
  });
  window.databaseList()->selectDatabase(QStringLiteral("analytics"));
  rows->discardEdits();

  // An Apply waiting for a row psql keeps locked: busy bar and Cancel.
  QProcess psql;
  auto info = db9::control::Client::Connect({socket.toStdString()});
  if (info.ok()) {
    auto connect = (*info)->GetConnectInfo("shop");
    if (connect.ok()) {
      psql.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"),
                                           QString::fromStdString(connect->url)});
    }
  }
  if (psql.waitForStarted(5000)) {
    psql.write("BEGIN;\nUPDATE items SET note = note WHERE id = 1;\n");
    QTest::qWait(1000);
    rows->setData(rows->index(0, 1), QStringLiteral("item 1 (renamed)"));
    rows->applyEdits();
    QTest::qWait(500);
    ok &= Save(window, out, QStringLiteral("edit-applying"));
    window.tableBrowser()->actionsBar()->cancelApply();
    ok &= Wait([&] { return !rows->isApplying(); }, 3000, "the cancelled apply");
    ok &= Save(window, out, QStringLiteral("edit-cancelled"));
    psql.write("ROLLBACK;\n\\q\n");
    psql.waitForFinished(5000);
    Wait([&] { return !rows->isApplying(); }, 10000, "the apply to end");
    rows->discardEdits();
  } else {
    std::fprintf(stderr, "scene_shots: no psql to hold a lock; no apply scenes\n");
  }

  // Settings: which mechanism starts db9d at login.
  {
    SettingsDialog dialog(&settings, &window);
    dialog.show();
    ok &= SaveScreen(out, QStringLiteral("settings"));
  }

  // Sizes and activity: grow a database while samples come in.
  window.showView(MainWindow::View::kSizes);
  // A slow statement in the console holds a connection open meanwhile.
  console->editor()->setPlainText(
      QStringLiteral("SELECT count(*) FROM generate_series(1, 100000000) a, generate_series(1, 100) b"));
  console->run();
  db9::control::ClientOptions options;
  options.socket_path = socket.toStdString();
  auto client = db9::control::Client::Connect(options);
  if (client.ok()) {
    for (int round = 0; round < 6; ++round) {
      db9::control::SqlRequest grow;
      grow.database = "analytics";
      grow.sql = round == 0 ? "CREATE TABLE IF NOT EXISTS events (id int, payload text)"
                            : "INSERT INTO events SELECT g, repeat('x', 200) FROM generate_series(1, 3000) g";
      (void)(*client)->Sql(grow);
      QTest::qWait(1500);
    }
  }
  // Grab between samples: each one redraws the charts.
  core.supervisor()->setPollIntervals(60000, 60000);
  QTest::qWait(1500);
  ok &= Save(window, out, QStringLiteral("sizes-activity"));
  console->findChild<QPushButton*>(QStringLiteral("cancelButton"))->click();
  Wait([&] { return console->findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled(); }, 10000,
       "the cancel");
  return ok ? 0 : 1;
}
