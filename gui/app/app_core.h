// AppCore: the screen-free part of the app, built once in main() (and in
// tests): the control service, the event listener, the daemon supervisor and
// the database list they keep up to date, the activity history sampled from
// it, and two more control services with long call timeouts and connections
// of their own — one for people's SQL, one for the table browser's pages —
// so a slow statement or sort never delays the app's own requests. Windows
// and the tray only present it (qBittorrent's base/gui split).
#pragma once

#include <QObject>
#include <QString>

namespace db9::gui {

class ActivityHistory;
class ControlService;
class DaemonSupervisor;
class DatabaseListModel;
class EventListener;

class AppCore : public QObject {
  Q_OBJECT
 public:
  // Empty socket path: the client's default.
  explicit AppCore(const QString& controlSocket, QObject* parent = nullptr);

  ControlService* service() const { return service_; }
  // Runs console statements and Apply transactions.
  ControlService* sqlService() const { return sqlService_; }
  // Fetches the table browser's pages (long timeout, own connection).
  ControlService* rowsService() const { return rowsService_; }
  ActivityHistory* activity() const { return activity_; }
  EventListener* events() const { return events_; }
  DaemonSupervisor* supervisor() const { return supervisor_; }
  DatabaseListModel* databases() const { return databases_; }

  // Switches to another daemon's socket (settings changed).
  void setControlSocket(const QString& path);
  // Starts watching the daemon.
  void start();

 private:
  ControlService* service_;
  ControlService* sqlService_;
  ControlService* rowsService_;
  ActivityHistory* activity_;
  EventListener* events_;
  DaemonSupervisor* supervisor_;
  DatabaseListModel* databases_;
};

}  // namespace db9::gui
