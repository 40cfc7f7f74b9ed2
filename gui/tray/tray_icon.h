// TrayIcon: db9 in the system tray — the databases, each with quick copies of
// its connection string in the usual forms, the daemon's state, and ways back
// to the window. Copying asks the daemon for the current details (the
// password may have been reset elsewhere) and confirms with a tray message.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include "shared/control/types.h"

class QMenu;
class QSystemTrayIcon;

namespace db9::gui {

class ControlService;
class DaemonSupervisor;
class DatabaseListModel;

class TrayIcon : public QObject {
  Q_OBJECT
 public:
  TrayIcon(DatabaseListModel* databases, ControlService* service, DaemonSupervisor* supervisor,
           QObject* parent = nullptr);
  ~TrayIcon() override;

  // False where the desktop has no tray (then the window must not hide into it).
  static bool isAvailable();
  void show();
  QMenu* menu() const { return menu_; }

 signals:
  void showWindowRequested();
  void createRequested();
  void startDaemonRequested();
  void quitRequested();

 private:
  void rebuildMenu();
  void copyLater(const QString& database, const QString& form);
  void onConnectInfo(const QString& name, const control::ConnectInfo& info);

  DatabaseListModel* databases_;
  ControlService* service_;
  DaemonSupervisor* supervisor_;
  QSystemTrayIcon* tray_;
  QMenu* menu_;
  // Database -> snippet key to copy once its connect-info arrives.
  QHash<QString, QString> pendingCopies_;
};

}  // namespace db9::gui
