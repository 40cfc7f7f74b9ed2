// ControlService: the app's only door to db9d. It wraps the blocking
// db9::control::Client (shared/control/client.h) on a worker thread, so the UI
// thread never waits on the socket; every answer comes back as a signal on
// the thread that owns the service (the UI thread).
//
// Requests are queued and run one at a time in the order made. A request made
// while the daemon is down fails with the client's 08000 message; the service
// keeps no connection open after a transport error and reconnects on the next
// request, so a daemon restart needs no action from the app.
#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "shared/base/result.h"
#include "shared/control/types.h"

class QThread;

namespace db9::control {
class Client;
}

namespace db9::gui {

class ControlService : public QObject {
  Q_OBJECT
 public:
  // Empty socket path: the client's default (DefaultControlSocketPath()).
  explicit ControlService(QString socketPath = {}, QObject* parent = nullptr);
  ~ControlService() override;

  QString socketPath() const { return socketPath_; }
  // How long one call may take before it fails with 57014 (default 10 s, for
  // the app's small questions). A service that runs people's SQL sets hours:
  // such calls end by finishing or by cancelSql().
  void setCallTimeout(std::chrono::milliseconds timeout);
  // Takes effect with the next connection (drops the current one).
  void setSocketPath(const QString& path);

  // Each of these returns at once; the answer is one of the signals below,
  // or operationFailed(operation, message, sqlstate).
  void refreshDaemonInfo();
  void refreshDatabases();
  void createDatabase(const QString& name, const QString& password);
  void deleteDatabase(const QString& name, bool force);
  void renameDatabase(const QString& name, const QString& newName);
  void resetPassword(const QString& name, const QString& password);
  // A new database holding a copy of `source` as of now (db.branch).
  void branchDatabase(const QString& source, const QString& newName);
  void fetchConnectInfo(const QString& name);
  void listTables(const QString& database);
  void describeTable(const QString& database, const QString& schema, const QString& table);
  // `ticket` comes back with the page so a model can drop pages it no
  // longer wants (after a sort or filter change).
  void fetchRows(const control::RowsRequest& request, quint64 ticket);
  void stopDaemon();
  // Stops the db.sql or db.execute running under `cancelKey` on another
  // service (db.cancel); the answer is that request failing with 57014, and
  // cancelAnswered here.
  void cancelSql(const QString& cancelKey);

  // Runs `job` on the worker thread with a connected client and hands its
  // result to `done` on this object's thread. The typed methods above are
  // built on it; views use them rather than this.
  template <typename T>
  void run(std::function<Result<T>(control::Client&)> job,
           std::function<void(const Result<T>&)> done);

 signals:
  // The daemon answered daemon.info: it is running.
  void daemonInfoReady(const db9::control::DaemonInfoResult& info);
  // The daemon could not be reached (08000, 08006, 57014): it is down or hung.
  void daemonUnreachable(const QString& message);
  void databasesListed(const std::vector<db9::control::DatabaseInfo>& databases);
  void databaseCreated(const db9::control::DatabaseStatus& status);
  void databaseDeleted(const QString& name);
  void databaseBranched(const QString& source, const db9::control::DatabaseStatus& status);
  void databaseRenamed(const QString& name, const QString& newName);
  void passwordReset(const QString& name, const db9::control::ConnectInfo& connection);
  void connectInfoReady(const QString& name, const db9::control::ConnectInfo& connection);
  void connectInfoFailed(const QString& name, const QString& message);
  void tablesListed(const QString& database, const std::vector<db9::control::TableInfo>& tables);
  void tablesFailed(const QString& database, const QString& message, const QString& sqlstate);
  void tableDescribed(const QString& database, const db9::control::TableDescription& table);
  void rowsFetched(quint64 ticket, const db9::control::RowsPage& page);
  void rowsFailed(quint64 ticket, const QString& message);
  void daemonStopRequested();
  // `cancelled` is false when no request held the key (it had finished).
  void cancelAnswered(const QString& cancelKey, bool cancelled);
  // `operation` is a short human verb phrase ("create database").
  void operationFailed(const QString& operation, const QString& message, const QString& sqlstate);

 private:
  // Runs on the worker thread: the live client, connecting first if needed.
  Result<control::Client*> connectedClient();
  // Runs on the worker thread: forgets the client after a transport error.
  void noteStatus(const Status& status);
  void post(std::function<void()> work);
  void deliver(std::function<void()> work);
  // Turns a failure into operationFailed, and into daemonUnreachable when the
  // failure means the daemon is gone.
  void reportFailure(const QString& operation, const Status& status);

  QString socketPath_;
  QThread* thread_ = nullptr;
  QObject* worker_ = nullptr;  // lives on thread_; the jobs run in its context
  // Touched only on the worker thread.
  std::unique_ptr<control::Client> client_;
  std::string clientSocketPath_;
  std::chrono::milliseconds callTimeout_;
};

// db.execute that db.cancel can stop under `cancelKey` (from another client);
// stopped, it rolls back and fails with 57014.
Result<control::SqlResult> ExecuteCancellable(control::Client& client,
                                              const control::ExecuteRequest& request,
                                              const std::string& cancelKey);

// True for the client-side codes that mean "no daemon to talk to" (08000,
// 08006, 57014, 08P01; see shared/control/client.h).
bool IsUnreachableCode(QStringView sqlstate);
bool IsUnreachable(const Status& status);

template <typename T>
void ControlService::run(std::function<Result<T>(control::Client&)> job,
                         std::function<void(const Result<T>&)> done) {
  post([this, job = std::move(job), done = std::move(done)]() mutable {
    auto client = connectedClient();
    auto result = std::make_shared<Result<T>>(client.ok() ? job(**client)
                                                          : Result<T>(client.status()));
    noteStatus(result->status());
    deliver([result, done = std::move(done)]() { done(*result); });
  });
}

}  // namespace db9::gui
