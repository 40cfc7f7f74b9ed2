#include "gui/services/control_service.h"

#include <QMetaObject>
#include <QThread>

#include "shared/control/client.h"
#include "shared/control/json_codec.h"

namespace db9::gui {
namespace {

// The app asks small questions; a daemon that needs longer than this is hung
// as far as a person watching the window is concerned.
constexpr std::chrono::milliseconds kCallTimeout{10000};

QString Q(const std::string& s) { return QString::fromStdString(s); }

// Adapts a Status-returning call to the Result<T> shape run() expects.
Result<bool> AsResult(Status status) {
  if (!status.ok()) return status;
  return true;
}

}  // namespace

bool IsUnreachableCode(QStringView sqlstate) {
  return sqlstate == u"08000" || sqlstate == u"08006" || sqlstate == u"57014" ||
         sqlstate == u"08P01";
}

bool IsUnreachable(const Status& status) {
  return IsUnreachableCode(QString::fromStdString(std::string(status.sqlstate())));
}

ControlService::ControlService(QString socketPath, QObject* parent)
    : QObject(parent),
      socketPath_(std::move(socketPath)),
      clientSocketPath_(socketPath_.toStdString()),
      callTimeout_(kCallTimeout) {
  thread_ = new QThread(this);
  thread_->setObjectName(QStringLiteral("db9-control"));
  worker_ = new QObject;  // no parent: it moves to the worker thread
  worker_->moveToThread(thread_);
  thread_->start();
}

ControlService::~ControlService() {
  // Let the job in flight finish (bounded by kCallTimeout), then close the
  // client on the worker thread, where it was used.
  post([this] { client_.reset(); });
  thread_->quit();
  thread_->wait();
  delete worker_;  // its thread has ended; nothing runs in its context now
}

void ControlService::setSocketPath(const QString& path) {
  socketPath_ = path;
  post([this, p = path.toStdString()] {
    clientSocketPath_ = p;
    client_.reset();
  });
}

void ControlService::setCallTimeout(std::chrono::milliseconds timeout) {
  post([this, timeout] {
    callTimeout_ = timeout;
    client_.reset();  // the timeout is fixed when a client connects
  });
}

void ControlService::post(std::function<void()> work) {
  QMetaObject::invokeMethod(worker_, std::move(work), Qt::QueuedConnection);
}

void ControlService::deliver(std::function<void()> work) {
  // Posted to `this`: if the service is gone by then, Qt drops the call.
  QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

Result<control::Client*> ControlService::connectedClient() {
  if (!client_) {
    control::ClientOptions options;
    options.socket_path = clientSocketPath_;
    options.timeout = callTimeout_;
    options.client_name = "db9-desktop";
    auto connected = control::Client::Connect(options);
    if (!connected.ok()) return connected.status();
    client_ = std::move(connected).value();
  }
  return client_.get();
}

void ControlService::noteStatus(const Status& status) {
  if (IsUnreachable(status)) client_.reset();
}

void ControlService::reportFailure(const QString& operation, const Status& status) {
  if (IsUnreachable(status)) emit daemonUnreachable(Q(std::string(status.message())));
  emit operationFailed(operation, Q(std::string(status.message())),
                       Q(std::string(status.sqlstate())));
}

void ControlService::refreshDaemonInfo() {
  run<control::DaemonInfoResult>(
      [](control::Client& c) { return c.DaemonInfo(); },
      [this](const Result<control::DaemonInfoResult>& r) {
        if (r.ok()) {
          emit daemonInfoReady(*r);
        } else if (IsUnreachable(r.status())) {
          emit daemonUnreachable(Q(std::string(r.status().message())));
        } else {
          reportFailure(tr("read daemon status"), r.status());
        }
      });
}

void ControlService::refreshDatabases() {
  run<std::vector<control::DatabaseInfo>>(
      [](control::Client& c) { return c.ListDatabases(); },
      [this](const Result<std::vector<control::DatabaseInfo>>& r) {
        if (r.ok()) {
          emit databasesListed(*r);
        } else if (IsUnreachable(r.status())) {
          // The status bar says so; a failed list is not worth a second message.
          emit daemonUnreachable(Q(std::string(r.status().message())));
        } else {
          reportFailure(tr("list databases"), r.status());
        }
      });
}

void ControlService::createDatabase(const QString& name, const QString& password) {
  run<control::DatabaseStatus>(
      [n = name.toStdString(), p = password.toStdString()](control::Client& c) {
        return c.CreateDatabase(n, p);
      },
      [this](const Result<control::DatabaseStatus>& r) {
        if (r.ok()) {
          emit databaseCreated(*r);
        } else {
          reportFailure(tr("create database"), r.status());
        }
      });
}

void ControlService::deleteDatabase(const QString& name, bool force) {
  run<bool>([n = name.toStdString(), force](control::Client& c) {
        return AsResult(c.DeleteDatabase(n, force));
      },
      [this, name](const Result<bool>& r) {
        if (r.ok()) {
          emit databaseDeleted(name);
        } else {
          reportFailure(tr("delete database %1").arg(name), r.status());
        }
      });
}

void ControlService::renameDatabase(const QString& name, const QString& newName) {
  run<control::DatabaseInfo>(
      [n = name.toStdString(), nn = newName.toStdString()](control::Client& c) {
        return c.RenameDatabase(n, nn);
      },
      [this, name](const Result<control::DatabaseInfo>& r) {
        if (r.ok()) {
          emit databaseRenamed(name, Q(r->name));
        } else {
          reportFailure(tr("rename database %1").arg(name), r.status());
        }
      });
}

void ControlService::resetPassword(const QString& name, const QString& password) {
  run<control::ConnectInfo>(
      [n = name.toStdString(), p = password.toStdString()](control::Client& c) {
        return c.ResetPassword(n, p);
      },
      [this, name](const Result<control::ConnectInfo>& r) {
        if (r.ok()) {
          emit passwordReset(name, *r);
        } else {
          reportFailure(tr("reset the password of %1").arg(name), r.status());
        }
      });
}

void ControlService::branchDatabase(const QString& source, const QString& newName) {
  run<control::DatabaseStatus>(
      [s = source.toStdString(), n = newName.toStdString()](control::Client& c) {
        return c.BranchDatabase(s, n);
      },
      [this, source](const Result<control::DatabaseStatus>& r) {
        if (r.ok()) {
          emit databaseBranched(source, *r);
        } else {
          reportFailure(tr("branch %1").arg(source), r.status());
        }
      });
}

void ControlService::fetchConnectInfo(const QString& name) {
  run<control::ConnectInfo>(
      [n = name.toStdString()](control::Client& c) { return c.GetConnectInfo(n); },
      [this, name](const Result<control::ConnectInfo>& r) {
        if (r.ok()) {
          emit connectInfoReady(name, *r);
        } else {
          emit connectInfoFailed(name, Q(std::string(r.status().message())));
          if (IsUnreachable(r.status())) emit daemonUnreachable(Q(std::string(r.status().message())));
        }
      });
}

void ControlService::listTables(const QString& database) {
  run<std::vector<control::TableInfo>>(
      [d = database.toStdString()](control::Client& c) { return c.ListTables(d); },
      [this, database](const Result<std::vector<control::TableInfo>>& r) {
        if (r.ok()) {
          emit tablesListed(database, *r);
        } else {
          if (IsUnreachable(r.status())) emit daemonUnreachable(Q(std::string(r.status().message())));
          emit tablesFailed(database, Q(std::string(r.status().message())),
                            Q(std::string(r.status().sqlstate())));
        }
      });
}

void ControlService::describeTable(const QString& database, const QString& schema,
                                   const QString& table) {
  run<control::TableDescription>(
      [d = database.toStdString(), s = schema.toStdString(),
       t = table.toStdString()](control::Client& c) { return c.DescribeTable(d, s, t); },
      [this, database, table](const Result<control::TableDescription>& r) {
        if (r.ok()) {
          emit tableDescribed(database, *r);
        } else {
          reportFailure(tr("describe table %1").arg(table), r.status());
        }
      });
}

void ControlService::fetchRows(const control::RowsRequest& request, quint64 ticket) {
  run<control::RowsPage>(
      [request](control::Client& c) { return c.Rows(request); },
      [this, ticket](const Result<control::RowsPage>& r) {
        if (r.ok()) {
          emit rowsFetched(ticket, *r);
        } else {
          if (IsUnreachable(r.status())) emit daemonUnreachable(Q(std::string(r.status().message())));
          emit rowsFailed(ticket, Q(std::string(r.status().message())));
        }
      });
}

void ControlService::stopDaemon() {
  run<bool>([](control::Client& c) { return AsResult(c.StopDaemon()); },
            [this](const Result<bool>& r) {
              if (r.ok()) {
                emit daemonStopRequested();
              } else {
                reportFailure(tr("stop the daemon"), r.status());
              }
            });
}

void ControlService::cancelSql(const QString& cancelKey) {
  run<bool>([key = cancelKey.toStdString()](control::Client& c) { return c.CancelSql(key); },
            [this, cancelKey](const Result<bool>& r) {
              if (r.ok()) {
                emit cancelAnswered(cancelKey, *r);
              } else {
                reportFailure(tr("cancel the statement"), r.status());
              }
            });
}

Result<control::SqlResult> ExecuteCancellable(control::Client& client,
                                              const control::ExecuteRequest& request,
                                              const std::string& cancelKey) {
  // The client's Execute() takes no key; the operation does (as db.sql's).
  nlohmann::json args = request;
  args["cancel_key"] = cancelKey;
  auto answer = client.Call("db.execute", args);
  if (!answer.ok()) return answer.status();
  return control::Decode<control::SqlResult>(*answer, "db.execute result");
}

}  // namespace db9::gui
