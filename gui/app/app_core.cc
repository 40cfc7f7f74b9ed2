#include "gui/app/app_core.h"

#include <QDateTime>

#include "gui/models/activity_history.h"
#include "gui/models/database_list_model.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/services/event_listener.h"

namespace db9::gui {

AppCore::AppCore(const QString& controlSocket, QObject* parent) : QObject(parent) {
  service_ = new ControlService(controlSocket, this);
  sqlService_ = new ControlService(controlSocket, this);
  // Statements end by finishing or by Cancel; a day bounds a forgotten one.
  sqlService_->setCallTimeout(std::chrono::hours(24));
  // A page of a big table sorted by a column without an index takes the
  // engine seconds (it sorts the table): on a connection of its own the
  // app's status polls never wait behind one, and it is not cut short.
  rowsService_ = new ControlService(controlSocket, this);
  rowsService_->setCallTimeout(std::chrono::minutes(10));
  activity_ = new ActivityHistory(this);
  events_ = new EventListener(controlSocket, this);
  supervisor_ = new DaemonSupervisor(service_, events_, this);
  databases_ = new DatabaseListModel(this);
  connect(service_, &ControlService::databasesListed, databases_,
          [this](const std::vector<control::DatabaseInfo>& list) { databases_->setDatabases(list); });
  connect(service_, &ControlService::databasesListed, activity_,
          [this](const std::vector<control::DatabaseInfo>& list) {
            activity_->addSample(list, QDateTime::currentMSecsSinceEpoch());
          });
  // Without a daemon the list would be stale: show none rather than old rows.
  connect(supervisor_, &DaemonSupervisor::stateChanged, databases_,
          [this](DaemonSupervisor::State state) {
            if (state == DaemonSupervisor::State::kUnreachable) databases_->clear();
          });
}

void AppCore::setControlSocket(const QString& path) {
  if (path == service_->socketPath()) return;
  service_->setSocketPath(path);
  sqlService_->setSocketPath(path);
  rowsService_->setSocketPath(path);
  activity_->clear();  // another daemon's databases
  events_->setSocketPath(path);
  supervisor_->start();
}

void AppCore::start() { supervisor_->start(); }

}  // namespace db9::gui
