// DatabaseActions: what can be done to databases — create, delete (with a
// confirmation, and force when clients are connected), rename, reset the
// password, branch (copy as of now), copy the URL, refresh — as QActions with shortcuts, shared by the
// menu bar, the toolbar, the list's context menu and the tray. It runs the
// dialogs (all non-blocking, opened with open()) and the ControlService
// calls, and reports failures in a message box.
#pragma once

#include <QObject>
#include <QMessageBox>
#include <QPointer>
#include <QString>

#include "shared/control/types.h"

class QAction;

class QWidget;

namespace db9::gui {

class ControlService;
class DatabaseListModel;

class DatabaseActions : public QObject {
  Q_OBJECT
 public:
  DatabaseActions(ControlService* service, DatabaseListModel* databases, QWidget* dialogParent);

  QAction* create() const { return create_; }
  QAction* remove() const { return remove_; }
  QAction* rename() const { return rename_; }
  QAction* resetPassword() const { return resetPassword_; }
  QAction* branch() const { return branch_; }
  QAction* copyUrl() const { return copyUrl_; }
  QAction* refresh() const { return refresh_; }

  // The database the actions apply to (the list's selection); empty: none.
  void setCurrentDatabase(const QString& name);
  QString currentDatabase() const { return current_; }
  // Enables what needs the daemon.
  void setDaemonRunning(bool running);

  // The flows, also callable directly (tray, tests).
  void startCreate();
  void startDelete(const QString& name);
  void startRename(const QString& name);
  void startResetPassword(const QString& name);
  void startBranch(const QString& name);

  // The message box on screen, if any (tests click it).
  QMessageBox* openMessageBox() const { return messageBox_; }

 signals:
  // A database was created or renamed and should become the selection.
  void selectRequested(const QString& name);
  // Something worth a line in the status bar ("Copied …", "Deleted …").
  void statusMessage(const QString& text);

 private:
  void confirmDelete(const QString& name, int openConnections, bool afterRefusal);
  void onFailed(const QString& operation, const QString& message, const QString& sqlstate);
  void showError(const QString& title, const QString& message);
  void updateEnabled();

  ControlService* service_;
  DatabaseListModel* databases_;
  QWidget* dialogParent_;
  QString current_;
  bool running_ = false;
  // The database whose delete we sent without force, to offer force on 55006.
  QString pendingDelete_;
  bool copyPending_ = false;
  QPointer<QMessageBox> messageBox_;

  QAction* create_;
  QAction* remove_;
  QAction* rename_;
  QAction* resetPassword_;
  QAction* branch_;
  QAction* copyUrl_;
  QAction* refresh_;
};

}  // namespace db9::gui
