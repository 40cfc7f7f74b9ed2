// Widgets under QT_QPA_PLATFORM=offscreen: the create dialog's checks, the
// copy button's feedback, settings round trips, and — against a real db9d —
// a person's first minute: create a database, copy its URL, reveal the
// password, delete it.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "daemon_fixture.h"
#include "gui/app/app_core.h"
#include "gui/app/database_actions.h"
#include "gui/app/main_window.h"
#include "gui/models/database_list_model.h"
#include "gui/models/rows_model.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/settings/app_settings.h"
#include "gui/views/connection_panel.h"
#include "gui/views/copy_button.h"
#include "gui/views/create_database_dialog.h"
#include "gui/views/daemon_status_bar.h"
#include "gui/views/database_list_view.h"
#include "gui/views/icons.h"
#include "gui/views/settings_dialog.h"
#include "gui/views/size_chart_view.h"
#include "gui/views/table_browser.h"
#include "gui/views/value_viewer.h"
#include "shared/control/client.h"
#include "gui/tray/tray_icon.h"

#include <QBarSet>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QMenu>

using namespace db9::gui;

namespace {

// The app as main() builds it, on a daemon of its own: a private settings
// file, the AppCore on the daemon's control socket and the main window.
class AppOnDaemon {
 public:
  // Starts the daemon, shows the window and has the app follow the daemon;
  // false when the daemon could not start (daemon.reason() says why).
  bool start() {
    if (!daemon.start()) return false;
    settings_ = std::make_unique<AppSettings>(dir_.filePath(QStringLiteral("settings.ini")));
    core_ = std::make_unique<AppCore>(daemon.controlSocket());
    window_ = std::make_unique<MainWindow>(core_.get(), settings_.get(), nullptr);
    window_->show();
    core_->start();
    return true;
  }
  AppCore& core() { return *core_; }
  MainWindow& window() { return *window_; }

  testing::DaemonFixture daemon;

 private:
  QTemporaryDir dir_;
  std::unique_ptr<AppSettings> settings_;
  std::unique_ptr<AppCore> core_;
  std::unique_ptr<MainWindow> window_;
};

}  // namespace

class WidgetsTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { InitDb9GuiResources(); }

  // Every action icon comes at 16, 24, 32 and 48 px, so a 24 px toolbar
  // icon on a 2x screen is drawn from a 48 px image, not scaled up; the
  // app icon goes up to 512 px.
  void iconsForHighDensityScreens() {
    const QStringList largest = QDir(QStringLiteral(":/icons/actions")).entryList({QStringLiteral("*-48.png")});
    QVERIFY(largest.size() >= 17);
    for (QString name : largest) {
      name.chop(int(qstrlen("-48.png")));
      for (int size : {16, 24, 32, 48}) {
        QVERIFY2(QFile::exists(QStringLiteral(":/icons/actions/%1-%2.png").arg(name).arg(size)), qPrintable(name));
      }
      QCOMPARE(ActionIcon(name).pixmap(QSize(24, 24), 2.0).width(), 48);
    }
    QCOMPARE(AppIcon().pixmap(QSize(256, 256), 2.0).width(), 512);
  }

  void createDialogChecksNames() {
    CreateDatabaseDialog dialog;
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit"));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    auto* problem = dialog.findChild<QLabel*>(QStringLiteral("problemLabel"));
    dialog.show();
    QVERIFY(ok->isEnabled());  // empty name: generated
    QTest::keyClicks(name, QStringLiteral("Shop"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(problem->isVisible());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("shop-2"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!problem->isVisible());
    QCOMPARE(dialog.name(), QStringLiteral("shop-2"));
    QVERIFY(!DatabaseNameProblem(QStringLiteral("-x")).isEmpty());
    QVERIFY(!DatabaseNameProblem(QString(64, QLatin1Char('a'))).isEmpty());
    QVERIFY(DatabaseNameProblem(QString(63, QLatin1Char('a'))).isEmpty());
  }

  void copyButtonCopiesAndSaysSo() {
    CopyButton button([] { return QStringLiteral("postgresql://x"); });
    button.show();
    QSignalSpy copied(&button, &CopyButton::copied);
    QTest::mouseClick(&button, Qt::LeftButton);
    QCOMPARE(copied.count(), 1);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("postgresql://x"));
    QCOMPARE(button.text(), QStringLiteral("Copied"));
    QVERIFY(button.showingFeedback());
    QTRY_COMPARE_WITH_TIMEOUT(button.text(), QStringLiteral("Copy"), CopyButton::kFeedbackMs + 1000);
  }

  void settingsPersist() {
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    {
      AppSettings settings(ini);
      QVERIFY(!settings.startDaemonAtLogin().has_value());  // asked once: not yet
      QCOMPARE(settings.port(), AppSettings::kDefaultPort);
      SettingsDialog dialog(&settings);
      dialog.findChild<QSpinBox*>(QStringLiteral("portSpin"))->setValue(6543);
      dialog.findChild<QLineEdit*>(QStringLiteral("dataDirEdit"))->setText(QStringLiteral("/tmp/d9"));
      dialog.findChild<QCheckBox*>(QStringLiteral("startAtLogin"))->setChecked(true);
      auto* theme = dialog.findChild<QComboBox*>(QStringLiteral("themeCombo"));
      theme->setCurrentIndex(theme->findData(static_cast<int>(ThemeChoice::kDark)));
      dialog.save();
    }
    AppSettings reread(ini);
    QCOMPARE(reread.port(), 6543);
    QCOMPARE(reread.dataDir(), QStringLiteral("/tmp/d9"));
    QCOMPARE(reread.startDaemonAtLogin(), std::optional<bool>(true));
    QCOMPARE(reread.theme(), ThemeChoice::kDark);
  }

  // Biggest database on top; past kMaxBars the small ones are summed.
  void sizeChartFollowsTheList() {
    DatabaseListModel model;
    SizeChartView view(&model);
    view.show();
    auto db = [](std::string name, uint64_t size) {
      db9::control::DatabaseInfo info;
      info.name = std::move(name);
      info.size_bytes = size;
      return info;
    };
    model.setDatabases({db("a", 2'000'000), db("b", 5'000'000), db("c", 1'000'000)});
    QChart* chart = view.findChild<QChartView*>()->chart();
    QCOMPARE(chart->series().size(), 1);
    auto* series = qobject_cast<QHorizontalBarSeries*>(chart->series().at(0));
    QVERIFY(series);
    QBarSet* set = series->barSets().at(0);
    QCOMPARE(set->count(), 3);
    QCOMPARE(set->at(2), 5.0);  // MB; the last category is drawn on top
    QCOMPARE(set->at(0), 1.0);

    std::vector<db9::control::DatabaseInfo> many;
    for (int i = 0; i < SizeChartView::kMaxBars + 5; ++i) {
      many.push_back(db(QStringLiteral("db%1").arg(i, 2, 10, QLatin1Char('0')).toStdString(), 1000 * (i + 1)));
    }
    model.setDatabases(many);
    set = qobject_cast<QHorizontalBarSeries*>(chart->series().at(0))->barSets().at(0);
    QCOMPARE(set->count(), SizeChartView::kMaxBars);
  }

  // Without a daemon the tray offers to start it rather than stale databases.
  void trayMenuWhenDaemonIsDown() {
    QTemporaryDir dir;
    AppCore core(dir.filePath(QStringLiteral("absent.sock")));
    TrayIcon tray(core.databases(), core.service(), core.supervisor());
    core.start();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kUnreachable, 5000);
    QStringList texts;
    for (QAction* action : tray.menu()->actions()) texts << action->text();
    QVERIFY2(texts.contains(QStringLiteral("Start db9d")), qPrintable(texts.join('|')));
    QVERIFY(texts.contains(QStringLiteral("Quit")));
  }

  // With the daemon running, the tray lists the databases, and a copy entry
  // puts that form of the connection string on the clipboard.
  void trayCopiesConnectionStrings() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    AppCore core(daemon.controlSocket());
    TrayIcon tray(core.databases(), core.service(), core.supervisor());
    core.start();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kRunning, 10000);
    core.service()->createDatabase(QStringLiteral("tray-db"), QStringLiteral("tray-pw"));
    QTRY_COMPARE_WITH_TIMEOUT(core.databases()->rowCount(), 1, 5000);
    QMenu* sub = nullptr;
    for (QAction* action : tray.menu()->actions()) {
      if (action->text() == QStringLiteral("tray-db")) sub = action->menu();
    }
    QVERIFY(sub);
    QAction* copySqlAlchemy = nullptr;
    for (QAction* action : sub->actions()) {
      if (action->text() == QStringLiteral("Copy SQLAlchemy URL")) copySqlAlchemy = action;
    }
    QVERIFY(copySqlAlchemy);
    QApplication::clipboard()->clear();
    copySqlAlchemy->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::clipboard()->text().startsWith(
                                 QStringLiteral("postgresql+psycopg://tray-db.admin:tray-pw@")),
                             5000);
  }

  void createCopyRevealDelete() {
    AppOnDaemon app;
    if (!app.start()) QSKIP(qPrintable(app.daemon.reason()));
    AppCore& core = app.core();
    MainWindow& window = app.window();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kRunning, 10000);
    QVERIFY(!window.banner()->isVisible());

    // Create, with a name and a password of our choosing.
    QVERIFY(window.actions()->create()->isEnabled());
    window.actions()->create()->trigger();
    CreateDatabaseDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<CreateDatabaseDialog*>()) && dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("shop"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), QStringLiteral("pw-4-shop"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

    // It appears in the list, selected, with its details on the right.
    QTRY_COMPARE_WITH_TIMEOUT(window.databaseList()->currentDatabase(), QStringLiteral("shop"), 5000);
    ConnectionPanel* panel = window.connectionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->shownText(QStringLiteral("url")).contains(QStringLiteral("shop.admin")), 5000);
    // Masked until revealed.
    for (const char* key : {"url", "sqlalchemy", "psql", "env", "python", "password"}) {
      QVERIFY2(!panel->shownText(QString::fromLatin1(key)).contains(QStringLiteral("pw-4-shop")), key);
    }

    // One click copies the real URL and the button says so.
    auto* copyUrl = panel->findChild<CopyButton*>(QStringLiteral("copy-url"));
    QVERIFY(copyUrl);
    QTest::mouseClick(copyUrl, Qt::LeftButton);
    const QString url = QApplication::clipboard()->text();
    QVERIFY2(url.startsWith(QStringLiteral("postgresql://shop.admin:pw-4-shop@localhost:")), qPrintable(url));
    QVERIFY2(url.endsWith(QStringLiteral("%1/postgres").arg(app.daemon.port())), qPrintable(url));
    QCOMPARE(copyUrl->text(), QStringLiteral("Copied"));

    auto* copyPython = panel->findChild<CopyButton*>(QStringLiteral("copy-python"));
    QTest::mouseClick(copyPython, Qt::LeftButton);
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("pool_pre_ping=True")));

    panel->setPasswordRevealed(true);
    QVERIFY(panel->shownText(QStringLiteral("url")).contains(QStringLiteral("pw-4-shop")));
    QCOMPARE(panel->shownText(QStringLiteral("password")), QStringLiteral("pw-4-shop"));

    // Delete, confirming in the dialog.
    QVERIFY(window.actions()->remove()->isEnabled());
    window.actions()->remove()->trigger();
    QMessageBox* box = window.actions()->openMessageBox();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(core.databases()->rowCount(), 0, 5000);
    QTRY_COMPARE(window.databaseList()->currentDatabase(), QString());
    QVERIFY(!window.actions()->remove()->isEnabled());
  }

  // With a client connected, delete says so and offers to disconnect it;
  // confirming deletes with force. The client is psql holding a session.
  void deleteWithOpenConnectionForces() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    const QString psqlPath = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (psqlPath.isEmpty()) QSKIP("psql is not installed");
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    AppCore core(daemon.controlSocket());
    MainWindow window(&core, &settings, nullptr);
    window.show();
    core.start();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kRunning, 10000);
    core.service()->createDatabase(QStringLiteral("busy"), QStringLiteral("busy-pw"));
    QTRY_COMPARE_WITH_TIMEOUT(window.databaseList()->currentDatabase(), QStringLiteral("busy"), 5000);

    // psql reading its commands from a pipe we keep open stays connected.
    QProcess psql;
    psql.start(psqlPath, {QStringLiteral("postgresql://busy.admin:busy-pw@localhost:%1/postgres?sslmode=disable")
                              .arg(daemon.port())});
    QVERIFY(psql.waitForStarted());
    auto connections = [&] {
      const int row = core.databases()->rowOf(QStringLiteral("busy"));
      return row < 0 ? -1 : core.databases()->index(row, DatabaseListModel::kConnections).data().toInt();
    };
    const bool settled =
        QTest::qWaitFor([&] { return connections() == 1 || psql.state() == QProcess::NotRunning; }, 8000);
    if (!settled || connections() != 1) {
      QSKIP(qPrintable(QStringLiteral("psql could not stay connected: ") +
                       QString::fromUtf8(psql.readAllStandardError())));
    }

    window.actions()->remove()->trigger();
    QMessageBox* box = window.actions()->openMessageBox();
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("connected")), qPrintable(box->text()));
    auto* confirm = box->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QCOMPARE(confirm->text(), QStringLiteral("Disconnect and delete"));
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(core.databases()->rowOf(QStringLiteral("busy")), -1, 5000);
    psql.closeWriteChannel();
    QVERIFY(psql.waitForFinished(5000));
  }

  // The Tables view: table list, structure and rows (with SQL NULL shown as
  // such), as far as the daemon's SQL engine answers db.tables/db.rows.
  void tableBrowserShowsTables() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    db9::control::ClientOptions options;
    options.socket_path = daemon.controlSocket().toStdString();
    auto client = db9::control::Client::Connect(options);
    QVERIFY(client.ok());
    QVERIFY((*client)->CreateDatabase("browse").ok());
    db9::control::SqlRequest sql;
    sql.database = "browse";
    sql.sql = "CREATE TABLE items (id int PRIMARY KEY, note text, doc jsonb); "
              "INSERT INTO items VALUES (1, 'one', '{\"tags\": [\"a\", \"b\"]}'), (2, NULL, NULL), "
              "(3, 'three', '{}'); "
              "CREATE VIEW noted AS SELECT id, note FROM items WHERE note IS NOT NULL";
    if (auto made = (*client)->Sql(sql); !made.ok()) {
      QSKIP(qPrintable(QStringLiteral("db.sql: ") + QString::fromStdString(made.status().ToString())));
    }
    if (auto tables = (*client)->ListTables("browse"); !tables.ok()) {
      QSKIP(qPrintable(QStringLiteral("db.tables: ") + QString::fromStdString(tables.status().ToString())));
    }

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    AppCore core(daemon.controlSocket());
    MainWindow window(&core, &settings, nullptr);
    window.show();
    window.showView(MainWindow::View::kTables);
    window.selectDatabaseWhenListed(QStringLiteral("browse"));
    core.start();
    RowsModel* rows = window.tableBrowser()->rowsModel();
    QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), 3, 10000);
    QCOMPARE(rows->table(), QStringLiteral("items"));
    QCOMPARE(rows->headerData(1, Qt::Horizontal).toString(), QStringLiteral("note"));
    QVERIFY(rows->index(1, 1).data(RowsModel::IsNullRole).toBool());
    auto* columns = window.tableBrowser()->findChild<QTableView*>(QStringLiteral("columnsView"));
    QTRY_COMPARE_WITH_TIMEOUT(columns->model()->rowCount(), 3, 5000);
    QCOMPARE(columns->model()->index(0, 4).data().toString(), QStringLiteral("primary key"));

    // The selected jsonb cell, pretty-printed beside the grid.
    auto* grid = window.tableBrowser()->rowsView();
    grid->setCurrentIndex(rows->index(0, 2));
    QCOMPARE(window.tableBrowser()->valueViewer()->shownText(),
             QStringLiteral("{\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ]\n}"));

    // Views are listed beside tables and browse the same way (read-only:
    // no key to name a row by).
    auto* tableList = window.tableBrowser()->findChild<QListView*>(QStringLiteral("tableList"));
    QCOMPARE(tableList->model()->rowCount(), 2);
    QModelIndex viewRow;
    for (int row = 0; row < tableList->model()->rowCount(); ++row) {
      if (tableList->model()->index(row, 0).data().toString() == QLatin1String("noted")) {
        viewRow = tableList->model()->index(row, 0);
      }
    }
    QVERIFY(viewRow.isValid());
    QVERIFY2(viewRow.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("view")),
             qPrintable(viewRow.data(Qt::ToolTipRole).toString()));
    const QModelIndex tableRow = tableList->model()->index(viewRow.row() == 0 ? 1 : 0, 0);
    const auto iconKey = [](const QModelIndex& index) { return index.data(Qt::DecorationRole).value<QIcon>().cacheKey(); };
    QVERIFY(!viewRow.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(iconKey(viewRow) != iconKey(tableRow));
    tableList->setCurrentIndex(viewRow);
    QTRY_COMPARE_WITH_TIMEOUT(rows->table(), QStringLiteral("noted"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(rows->rowCount() == 2 && !rows->isLoading(), 5000);
    QVERIFY(!rows->isEditable());
    tableList->setCurrentIndex(tableRow);
    QTRY_VERIFY_WITH_TIMEOUT(rows->table() == QLatin1String("items") && rows->rowCount() == 3, 5000);

    // Header click sorts on the daemon's side.
    grid->sortByColumn(0, Qt::DescendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(rows->index(0, 0).data().toString(), QStringLiteral("3"), 5000);
  }

  // Ctrl+End in the grid shows the table's last rows without paging
  // through it, scrolling up from there loads the rows before (the view
  // stays put), Ctrl+Home goes back to the first rows.
  void gridJumpsToTheEndAndBack() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    auto client = daemon.Connect();
    QVERIFY(client);
    QVERIFY(client->CreateDatabase("long").ok());
    db9::control::SqlRequest sql;
    sql.database = "long";
    sql.sql = "CREATE TABLE events (id int PRIMARY KEY, what text); "
              "INSERT INTO events SELECT g, 'event ' || g FROM generate_series(1, 5000) g";
    auto made = client->Sql(sql);
    QVERIFY2(made.ok(), made.status().ToString().c_str());

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    AppCore core(daemon.controlSocket());
    MainWindow window(&core, &settings, nullptr);
    window.resize(1000, 700);
    window.show();
    window.showView(MainWindow::View::kTables);
    window.selectDatabaseWhenListed(QStringLiteral("long"));
    core.start();
    TableBrowser* browser = window.tableBrowser();
    RowsModel* rows = browser->rowsModel();
    QTableView* grid = browser->rowsView();
    QTRY_VERIFY_WITH_TIMEOUT(rows->rowCount() > 0 && !rows->isLoading() && rows->hasPrimaryKey(), 10000);
    const int page = rows->rowCount();
    QVERIFY(page < 5000);
    auto* status = browser->findChild<QLabel*>(QStringLiteral("rowStatus"));
    QVERIFY(status->text().contains(QStringLiteral("Ctrl+End")));

    grid->setFocus();
    grid->setCurrentIndex(rows->index(0, 1));
    QTest::keyClick(grid, Qt::Key_End, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(rows->isAtTail() && !rows->isLoading(), 10000);
    QTRY_COMPARE(grid->currentIndex().row(), rows->rowCount() - 1);
    QCOMPARE(grid->currentIndex().column(), 1);
    QCOMPARE(rows->index(grid->currentIndex().row(), 0).data().toInt(), 5000);
    QVERIFY(rows->rowCount() <= 2 * page);  // the tail, not the table
    QVERIFY(status->text().contains(QStringLiteral("Ctrl+Home")));

    // Up to the top of what is held: the page before comes in above and the
    // same row stays at the top of the grid.
    const int held = rows->rowCount();
    grid->verticalScrollBar()->setValue(0);
    const int topId = rows->index(grid->rowAt(0), 0).data().toInt();
    QTRY_VERIFY_WITH_TIMEOUT(rows->rowCount() > held && !rows->isLoading(), 10000);
    QTRY_COMPARE(rows->index(grid->rowAt(0), 0).data().toInt(), topId);
    QCOMPARE(rows->index(0, 0).data().toInt(), 5000 - rows->rowCount() + 1);

    QTest::keyClick(grid, Qt::Key_Home, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!rows->isAtTail() && !rows->isLoading(), 10000);
    QTRY_COMPARE(grid->currentIndex().row(), 0);
    QCOMPARE(rows->index(0, 0).data().toInt(), 1);

    // The scroll bar's thumb dragged to the bottom and let go: the end too.
    QScrollBar* bar = grid->verticalScrollBar();
    bar->setSliderDown(true);
    bar->setValue(bar->maximum());
    bar->setSliderDown(false);
    QTRY_VERIFY_WITH_TIMEOUT(rows->isAtTail() && !rows->isLoading(), 10000);
    QTRY_COMPARE(rows->index(grid->currentIndex().row(), 0).data().toInt(), 5000);
    QVERIFY(rows->rowCount() <= 2 * page);
  }

  // Branch from the Database menu: a new database, selected, with its own
  // connection details.
  void branchMakesASelectedCopy() {
    AppOnDaemon app;
    if (!app.start()) QSKIP(qPrintable(app.daemon.reason()));
    AppCore& core = app.core();
    MainWindow& window = app.window();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kRunning, 10000);
    core.service()->createDatabase(QStringLiteral("main-db"), {});
    QTRY_COMPARE_WITH_TIMEOUT(window.databaseList()->currentDatabase(), QStringLiteral("main-db"), 5000);
    window.actions()->branch()->trigger();
    QInputDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QInputDialog*>(QStringLiteral("branchDialog"))) &&
                dialog->isVisible());
    QCOMPARE(dialog->textValue(), QStringLiteral("main-db-branch"));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(window.databaseList()->currentDatabase(), QStringLiteral("main-db-branch"), 5000);
    QCOMPARE(core.databases()->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(window.connectionPanel()->shownText(QStringLiteral("url"))
                                 .contains(QStringLiteral("main-db-branch.admin")),
                             5000);
  }

  // Rename (F2) and Reset password from the window: the list follows the
  // new name, selected, and the panel shows the new login and password.
  void renameAndResetPasswordInTheWindow() {
    AppOnDaemon app;
    if (!app.start()) QSKIP(qPrintable(app.daemon.reason()));
    AppCore& core = app.core();
    MainWindow& window = app.window();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kRunning, 10000);
    core.service()->createDatabase(QStringLiteral("draft"), QStringLiteral("first-pw"));
    QTRY_COMPARE_WITH_TIMEOUT(window.databaseList()->currentDatabase(), QStringLiteral("draft"), 5000);

    QCOMPARE(window.actions()->rename()->shortcut(), QKeySequence(Qt::Key_F2));
    window.actions()->rename()->trigger();
    QInputDialog* rename = nullptr;
    QTRY_VERIFY((rename = window.findChild<QInputDialog*>(QStringLiteral("renameDialog"))) && rename->isVisible());
    QCOMPARE(rename->textValue(), QStringLiteral("draft"));
    rename->setTextValue(QStringLiteral("final"));
    rename->accept();
    QTRY_COMPARE_WITH_TIMEOUT(window.databaseList()->currentDatabase(), QStringLiteral("final"), 5000);
    QCOMPARE(core.databases()->rowCount(), 1);
    ConnectionPanel* panel = window.connectionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->shownText(QStringLiteral("url")).contains(QStringLiteral("final.admin")), 5000);

    window.actions()->resetPassword()->trigger();
    QInputDialog* reset = nullptr;
    QTRY_VERIFY((reset = window.findChild<QInputDialog*>(QStringLiteral("resetPasswordDialog"))) &&
                reset->isVisible());
    QCOMPARE(reset->textEchoMode(), QLineEdit::Password);
    reset->setTextValue(QStringLiteral("second-pw"));
    reset->accept();
    panel->setPasswordRevealed(true);
    QTRY_COMPARE_WITH_TIMEOUT(panel->shownText(QStringLiteral("password")), QStringLiteral("second-pw"), 5000);
    QVERIFY(panel->shownText(QStringLiteral("url")).contains(QStringLiteral("final.admin:second-pw@")));
  }

  // A duplicate name is refused by the daemon and explained in a message box.
  void duplicateNameIsExplained() {
    AppOnDaemon app;
    if (!app.start()) QSKIP(qPrintable(app.daemon.reason()));
    AppCore& core = app.core();
    MainWindow& window = app.window();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kRunning, 10000);
    core.service()->createDatabase(QStringLiteral("dup"), {});
    QTRY_COMPARE_WITH_TIMEOUT(core.databases()->rowOf(QStringLiteral("dup")), 0, 5000);
    core.service()->createDatabase(QStringLiteral("dup"), {});
    QTRY_VERIFY_WITH_TIMEOUT(window.actions()->openMessageBox() &&
                                 window.actions()->openMessageBox()->objectName() == QStringLiteral("errorBox"),
                             5000);
    QVERIFY(window.actions()->openMessageBox()->text().contains(QStringLiteral("dup")));
  }
};

QTEST_MAIN(WidgetsTest)
#include "widgets_test.moc"
