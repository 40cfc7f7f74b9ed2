// Staged grid edits are never lost without asking: moving to another
// database, closing the window or quitting asks Apply / Discard / Cancel, and
// each answer does what it says. An apply that waits on a row lock held by
// another connection (psql) can be cancelled: it rolls back, the row keeps
// its value and the edits stay staged.
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "daemon_fixture.h"
#include "gui/app/app_core.h"
#include "gui/app/main_window.h"
#include "gui/models/rows_model.h"
#include "gui/services/control_service.h"
#include "gui/settings/app_settings.h"
#include "gui/views/connection_panel.h"
#include "gui/views/database_list_view.h"
#include "gui/views/icons.h"
#include "gui/views/row_actions_bar.h"
#include "gui/views/table_browser.h"
#include "shared/control/client.h"

using namespace db9::gui;
namespace control = db9::control;

namespace {

// The first column of the first row of `sql`, or the error.
QString Scalar(control::Client& client, const std::string& database, const std::string& sql) {
  const QStringList rows = testing::QueryRows(client, database, sql);
  return rows.isEmpty() ? QStringLiteral("NULL") : rows.first().section(QLatin1Char('|'), 0, 0);
}

// Answers the next staged-edits question (a modal QMessageBox) with
// `button`; `asked` counts the questions answered.
void AnswerNextPrompt(QMessageBox::StandardButton button, int* asked) {
  QTimer::singleShot(0, [button, asked] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (box == nullptr || box->objectName() != QLatin1String("stagedEditsPrompt")) return;
    ++*asked;
    box->button(button)->click();
  });
}

}  // namespace

class StagedEditsGuardTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { InitDb9GuiResources(); }

  // A fresh daemon per test: each creates its own databases.
  void init() {
    daemon_ = std::make_unique<testing::DaemonFixture>();
    if (!daemon_->start()) QSKIP(qPrintable(daemon_->reason()));
    client_ = daemon_->Connect();
    QVERIFY(client_);
  }
  void cleanup() {
    window_.reset();
    core_.reset();
    settings_.reset();
    client_.reset();
    daemon_.reset();
  }

  void switchingDatabaseAsks() {
    QVERIFY(client_->CreateDatabase("alpha").ok());
    QVERIFY(client_->CreateDatabase("beta").ok());
    QCOMPARE(Scalar(*client_, "alpha",
                    "CREATE TABLE items (id int PRIMARY KEY, name text); "
                    "INSERT INTO items VALUES (1, 'apple'), (2, 'pear'); SELECT 1"),
             QStringLiteral("1"));
    openWindowOn(QStringLiteral("alpha"));
    RowsModel* rows = window_->tableBrowser()->rowsModel();
    DatabaseListView* list = window_->databaseList();
    int asked = 0;

    // Cancel: the selection goes back, the browser and the edit stay.
    QVERIFY(rows->setData(rows->index(0, 1), QStringLiteral("quince")));
    AnswerNextPrompt(QMessageBox::Cancel, &asked);
    QVERIFY(list->selectDatabase(QStringLiteral("beta")));
    QCOMPARE(asked, 1);
    QTRY_COMPARE(list->currentDatabase(), QStringLiteral("alpha"));
    QCOMPARE(window_->tableBrowser()->database(), QStringLiteral("alpha"));
    QCOMPARE(window_->connectionPanel()->database(), QStringLiteral("alpha"));
    QVERIFY(rows->hasEdits());
    QCOMPARE(rows->index(0, 1).data().toString(), QStringLiteral("quince"));
    QTest::qWait(50);  // the queued reselection asks nothing more
    QCOMPARE(asked, 1);

    // Discard: the switch happens and nothing was written.
    AnswerNextPrompt(QMessageBox::Discard, &asked);
    QVERIFY(list->selectDatabase(QStringLiteral("beta")));
    QCOMPARE(asked, 2);
    QCOMPARE(window_->tableBrowser()->database(), QStringLiteral("beta"));
    QVERIFY(!rows->hasEdits());
    QCOMPARE(Scalar(*client_, "alpha", "SELECT name FROM items WHERE id = 1"), QStringLiteral("apple"));

    // Apply: the edit commits, then the switch happens.
    QVERIFY(list->selectDatabase(QStringLiteral("alpha")));
    QCOMPARE(asked, 2);  // nothing staged: no question
    QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rows->isEditable(), 5000);
    QVERIFY(rows->setData(rows->index(0, 1), QStringLiteral("quince")));
    AnswerNextPrompt(QMessageBox::Apply, &asked);
    QVERIFY(list->selectDatabase(QStringLiteral("beta")));
    QCOMPARE(asked, 3);
    QTRY_COMPARE_WITH_TIMEOUT(window_->tableBrowser()->database(), QStringLiteral("beta"), 10000);
    QCOMPARE(list->currentDatabase(), QStringLiteral("beta"));
    QVERIFY(!rows->hasEdits());
    QCOMPARE(Scalar(*client_, "alpha", "SELECT name FROM items WHERE id = 1"), QStringLiteral("quince"));
  }

  void closingAndQuittingAsk() {
    QVERIFY(client_->CreateDatabase("alpha").ok());
    Scalar(*client_, "alpha", "CREATE TABLE items (id int PRIMARY KEY, name text); "
                              "INSERT INTO items VALUES (1, 'apple'); SELECT 1");
    openWindowOn(QStringLiteral("alpha"));
    RowsModel* rows = window_->tableBrowser()->rowsModel();
    QSignalSpy quit(window_.get(), &MainWindow::quitRequested);
    int asked = 0;
    QVERIFY(rows->setData(rows->index(0, 1), QStringLiteral("fig")));

    AnswerNextPrompt(QMessageBox::Cancel, &asked);
    QVERIFY(!window_->close());
    QCOMPARE(asked, 1);
    QVERIFY(window_->isVisible());
    QVERIFY(rows->hasEdits());

    AnswerNextPrompt(QMessageBox::Cancel, &asked);
    window_->requestQuit();
    QCOMPARE(asked, 2);
    QCOMPARE(quit.count(), 0);
    QVERIFY(rows->hasEdits());

    // Apply, then the quit goes on by itself once the edit committed.
    AnswerNextPrompt(QMessageBox::Apply, &asked);
    window_->requestQuit();
    QCOMPARE(asked, 3);
    QTRY_COMPARE_WITH_TIMEOUT(quit.count(), 1, 10000);
    QCOMPARE(Scalar(*client_, "alpha", "SELECT name FROM items WHERE id = 1"), QStringLiteral("fig"));

    // Discard closes at once.
    QTRY_VERIFY_WITH_TIMEOUT(rows->isEditable(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), 1, 5000);
    QVERIFY(rows->setData(rows->index(0, 1), QStringLiteral("plum")));
    AnswerNextPrompt(QMessageBox::Discard, &asked);
    QVERIFY(window_->close());
    QCOMPARE(asked, 4);
    QCOMPARE(quit.count(), 2);
    QCOMPARE(Scalar(*client_, "alpha", "SELECT name FROM items WHERE id = 1"), QStringLiteral("fig"));
  }

  // psql holds the row's lock in an open transaction; Apply waits on it,
  // shows that it runs, and Cancel stops it through db.cancel.
  void cancelledApplyKeepsEdits() {
    QVERIFY(client_->CreateDatabase("locks").ok());
    Scalar(*client_, "locks", "CREATE TABLE t (id int PRIMARY KEY, note text); "
                              "INSERT INTO t VALUES (1, 'one'); SELECT 1");
    auto connect = client_->GetConnectInfo("locks");
    QVERIFY(connect.ok());
    QProcess psql;
    psql.setProcessChannelMode(QProcess::MergedChannels);
    psql.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"),
                                         QString::fromStdString(connect->url)});
    if (!psql.waitForStarted(5000)) QSKIP("no psql to hold a lock with");
    // psql's warn command writes to stderr, which psql does not buffer.
    psql.write("BEGIN;\nUPDATE t SET note = 'held' WHERE id = 1;\n\\warn locked\n");
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += psql.readAll()).contains("locked") || psql.state() != QProcess::Running,
                              "psql did not take the lock", 10000);
    QVERIFY(psql.state() == QProcess::Running);

    openWindowOn(QStringLiteral("locks"));
    RowsModel* rows = window_->tableBrowser()->rowsModel();
    RowActionsBar* bar = window_->tableBrowser()->actionsBar();
    auto* apply = bar->findChild<QPushButton*>(QStringLiteral("applyEditsButton"));
    auto* cancel = bar->findChild<QPushButton*>(QStringLiteral("cancelApplyButton"));
    auto* progress = bar->findChild<QProgressBar*>(QStringLiteral("applyProgress"));
    QVERIFY(apply && cancel && progress);
    QVERIFY(!cancel->isVisible() && !progress->isVisible());
    QVERIFY(rows->setData(rows->index(0, 1), QStringLiteral("mine")));
    QSignalSpy finished(rows, &RowsModel::applyFinished);
    QSignalSpy answered(core_->service(), &ControlService::cancelAnswered);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(rows->isApplying());
    QVERIFY(cancel->isVisible() && cancel->isEnabled() && progress->isVisible());
    QTest::qWait(300);  // the UPDATE now waits for psql's lock
    QVERIFY(rows->isApplying());
    QCOMPARE(finished.count(), 0);

    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 5000);
    const bool cancelled = answered.at(0).at(1).toBool();
    if (!cancelled) {
      // The lock ends with psql; the apply then commits and the test ends.
      psql.write("ROLLBACK;\n\\q\n");
      psql.waitForFinished(5000);
      QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
      QSKIP("this db9d's db.execute takes no cancel_key yet (daemon/control/sql_ops.cc)");
    }
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(!rows->isApplying());
    QVERIFY(rows->hasEdits());
    QCOMPARE(rows->index(0, 1).data().toString(), QStringLiteral("mine"));
    QVERIFY2(bar->noteText().contains(QStringLiteral("cancelled")), qPrintable(bar->noteText()));
    QVERIFY(!cancel->isVisible() && !progress->isVisible());
    QVERIFY(apply->isEnabled());

    psql.write("ROLLBACK;\n\\q\n");
    QVERIFY(psql.waitForFinished(5000));
    QCOMPARE(Scalar(*client_, "locks", "SELECT note FROM t WHERE id = 1"), QStringLiteral("one"));
  }

 private:
  // A main window on `database`'s first table, rows loaded and editable.
  void openWindowOn(const QString& database) {
    settings_ = std::make_unique<AppSettings>(dir_.filePath(QStringLiteral("settings.ini")));
    core_ = std::make_unique<AppCore>(daemon_->controlSocket());
    window_ = std::make_unique<MainWindow>(core_.get(), settings_.get(), nullptr);
    window_->show();
    window_->showView(MainWindow::View::kTables);
    window_->selectDatabaseWhenListed(database);
    core_->start();
    RowsModel* rows = window_->tableBrowser()->rowsModel();
    QTRY_VERIFY_WITH_TIMEOUT(rows->rowCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rows->isEditable(), 5000);
  }

  std::unique_ptr<testing::DaemonFixture> daemon_;
  QTemporaryDir dir_;
  std::unique_ptr<control::Client> client_;
  std::unique_ptr<AppSettings> settings_;
  std::unique_ptr<AppCore> core_;
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(StagedEditsGuardTest)
#include "staged_edits_guard_test.moc"
