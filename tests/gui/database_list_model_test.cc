// DatabaseListModel: merging fresh db.list answers in place, and — against a
// real db9d — the list following databases created and dropped behind the
// app's back (as the CLI would), through pushed events.
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include "daemon_fixture.h"
#include "gui/app/app_core.h"
#include "gui/models/database_list_model.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/services/event_listener.h"
#include "shared/control/client.h"

using db9::control::DatabaseInfo;
using db9::gui::DatabaseListModel;

namespace {

DatabaseInfo Db(const char* name, uint64_t size = 100, int connections = 0) {
  DatabaseInfo db;
  db.id = std::string("id-") + name;
  db.name = name;
  db.created_unix_ms = 1796000000000;
  db.size_bytes = size;
  db.table_count = 2;
  db.open_connections = connections;
  return db;
}

QStringList Names(const DatabaseListModel& model) {
  QStringList names;
  for (int row = 0; row < model.rowCount(); ++row) {
    names << model.index(row, 0).data(DatabaseListModel::NameRole).toString();
  }
  return names;
}

}  // namespace

class DatabaseListModelTest : public QObject {
  Q_OBJECT
 private slots:
  void mergeKeepsRowsThatStay() {
    DatabaseListModel model;
    model.setDatabases({Db("alpha"), Db("bravo"), Db("charlie")});
    QCOMPARE(Names(model), (QStringList{"alpha", "bravo", "charlie"}));
    const QPersistentModelIndex charlie = model.index(2, 0);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setDatabases({Db("alpha"), Db("charlie", 5000, 3), Db("delta")});

    QCOMPARE(Names(model), (QStringList{"alpha", "charlie", "delta"}));
    QCOMPARE(removed.count(), 1);   // bravo
    QCOMPARE(inserted.count(), 1);  // delta
    QCOMPARE(changed.count(), 1);   // charlie's size and connections, not alpha
    QCOMPARE(reset.count(), 0);
    // A selection on charlie survives the refresh.
    QVERIFY(charlie.isValid());
    QCOMPARE(charlie.data().toString(), QStringLiteral("charlie"));
    QCOMPARE(model.index(charlie.row(), DatabaseListModel::kConnections).data().toInt(), 3);
  }

  void unchangedListSignalsNothing() {
    DatabaseListModel model;
    model.setDatabases({Db("alpha"), Db("bravo")});
    QSignalSpy changed(&model, &DatabaseListModel::databasesChanged);
    model.setDatabases({Db("alpha"), Db("bravo")});
    QCOMPARE(changed.count(), 0);
  }

  void rolesGiveTextAndRawValues() {
    DatabaseListModel model;
    model.setDatabases({Db("alpha", 2'500'000)});
    const QModelIndex size = model.index(0, DatabaseListModel::kSize);
    QCOMPARE(size.data(DatabaseListModel::SortRole).toULongLong(), 2'500'000ULL);
    QVERIFY2(size.data().toString().contains(QStringLiteral("MB")), qPrintable(size.data().toString()));
    QCOMPARE(model.index(0, DatabaseListModel::kTables).data().toInt(), 2);
    QVERIFY(model.index(0, DatabaseListModel::kCreated).data(DatabaseListModel::SortRole).toDateTime().isValid());
    QCOMPARE(model.headerData(DatabaseListModel::kConnections, Qt::Horizontal).toString(),
             QStringLiteral("Connections"));
    QCOMPARE(model.totalSizeBytes(), 2'500'000ULL);
  }

  void clearEmptiesTheList() {
    DatabaseListModel model;
    model.setDatabases({Db("alpha")});
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("alpha")), -1);
  }

  // The app's list follows databases made and dropped by another client
  // (the CLI), without a refresh, through the daemon's pushed events.
  void followsChangesMadeElsewhere() {
    db9::gui::testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    db9::gui::AppCore core(daemon.controlSocket());
    core.supervisor()->setPollIntervals(60000, 60000);  // only events may update the list
    core.start();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), db9::gui::DaemonSupervisor::State::kRunning, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(core.events()->isListening(), 10000);

    db9::control::ClientOptions options;
    options.socket_path = daemon.controlSocket().toStdString();
    auto cli = db9::control::Client::Connect(options);
    QVERIFY2(cli.ok(), cli.status().ToString().c_str());
    QVERIFY((*cli)->CreateDatabase("from-cli").ok());
    QTRY_COMPARE_WITH_TIMEOUT(core.databases()->rowOf(QStringLiteral("from-cli")), 0, 5000);

    QVERIFY((*cli)->RenameDatabase("from-cli", "renamed").ok());
    QTRY_COMPARE_WITH_TIMEOUT(core.databases()->rowOf(QStringLiteral("renamed")), 0, 5000);
    QCOMPARE(core.databases()->rowOf(QStringLiteral("from-cli")), -1);

    QVERIFY((*cli)->DeleteDatabase("renamed").ok());
    QTRY_COMPARE_WITH_TIMEOUT(core.databases()->rowCount(), 0, 5000);
  }

  // Operations made through the service reach the daemon and come back as
  // signals; a duplicate name is reported with the daemon's SQLSTATE.
  void serviceOperationsAgainstDaemon() {
    db9::gui::testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    db9::gui::ControlService service(daemon.controlSocket());
    QSignalSpy created(&service, &db9::gui::ControlService::databaseCreated);
    QSignalSpy failed(&service, &db9::gui::ControlService::operationFailed);
    QSignalSpy listed(&service, &db9::gui::ControlService::databasesListed);

    service.createDatabase(QStringLiteral("shop"), QStringLiteral("s3cret-pw"));
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 5000);
    const auto status = created.at(0).at(0).value<db9::control::DatabaseStatus>();
    QCOMPARE(status.database.name, std::string("shop"));
    QCOMPARE(status.connection.password, std::string("s3cret-pw"));
    QVERIFY(status.connection.url.find("shop.admin") != std::string::npos);

    service.createDatabase(QStringLiteral("shop"), {});
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QCOMPARE(failed.at(0).at(2).toString(), QStringLiteral("42710"));

    service.createDatabase({}, {});  // generated name and password
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 2, 5000);
    service.refreshDatabases();
    QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 1, 5000);
    QCOMPARE(listed.at(0).at(0).value<std::vector<DatabaseInfo>>().size(), size_t{2});

    QSignalSpy renamed(&service, &db9::gui::ControlService::databaseRenamed);
    service.renameDatabase(QStringLiteral("shop"), QStringLiteral("store"));
    QTRY_COMPARE_WITH_TIMEOUT(renamed.count(), 1, 5000);
    QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("store"));

    QSignalSpy reset(&service, &db9::gui::ControlService::passwordReset);
    service.resetPassword(QStringLiteral("store"), {});
    QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 1, 5000);
    const auto connection = reset.at(0).at(1).value<db9::control::ConnectInfo>();
    QVERIFY(!connection.password.empty());
    QVERIFY(connection.password != "s3cret-pw");

    QSignalSpy deleted(&service, &db9::gui::ControlService::databaseDeleted);
    service.deleteDatabase(QStringLiteral("store"), false);
    QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, 5000);
  }

  // With no daemon, requests fail with the client's "not running" code and
  // the service reports the daemon unreachable instead of hanging.
  void unreachableDaemonIsReported() {
    QTemporaryDir dir;
    db9::gui::ControlService service(dir.filePath(QStringLiteral("nobody.sock")));
    QSignalSpy unreachable(&service, &db9::gui::ControlService::daemonUnreachable);
    service.refreshDaemonInfo();
    QTRY_COMPARE_WITH_TIMEOUT(unreachable.count(), 1, 5000);
    QVERIFY(!unreachable.at(0).at(0).toString().isEmpty());
  }
};

QTEST_MAIN(DatabaseListModelTest)
#include "database_list_model_test.moc"
