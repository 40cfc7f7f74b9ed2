#include "gui/app/database_actions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

#include "gui/models/database_list_model.h"
#include "gui/services/control_service.h"
#include "gui/views/create_database_dialog.h"
#include "gui/views/icons.h"

namespace db9::gui {

DatabaseActions::DatabaseActions(ControlService* service, DatabaseListModel* databases,
                                 QWidget* dialogParent)
    : QObject(dialogParent), service_(service), databases_(databases), dialogParent_(dialogParent) {
  create_ = new QAction(ActionIcon(QStringLiteral("add")), tr("&New database…"), this);
  create_->setShortcut(QKeySequence::New);
  create_->setToolTip(tr("Create a database (Ctrl+N)"));
  remove_ = new QAction(ActionIcon(QStringLiteral("delete")), tr("&Delete…"), this);
  remove_->setShortcut(QKeySequence::Delete);
  remove_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  rename_ = new QAction(ActionIcon(QStringLiteral("rename")), tr("&Rename…"), this);
  rename_->setShortcut(Qt::Key_F2);
  resetPassword_ = new QAction(ActionIcon(QStringLiteral("key")), tr("Reset &password…"), this);
  branch_ = new QAction(ActionIcon(QStringLiteral("database")), tr("&Branch…"), this);
  branch_->setToolTip(tr("Make a new database holding a copy of this one as of now"));
  copyUrl_ = new QAction(ActionIcon(QStringLiteral("copy")), tr("&Copy connection URL"), this);
  copyUrl_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
  refresh_ = new QAction(ActionIcon(QStringLiteral("refresh")), tr("Re&fresh"), this);
  refresh_->setShortcut(QKeySequence::Refresh);

  connect(create_, &QAction::triggered, this, &DatabaseActions::startCreate);
  connect(remove_, &QAction::triggered, this, [this] { startDelete(current_); });
  connect(rename_, &QAction::triggered, this, [this] { startRename(current_); });
  connect(resetPassword_, &QAction::triggered, this, [this] { startResetPassword(current_); });
  connect(branch_, &QAction::triggered, this, [this] { startBranch(current_); });
  connect(refresh_, &QAction::triggered, this, [this] {
    service_->refreshDaemonInfo();
    service_->refreshDatabases();
  });
  connect(copyUrl_, &QAction::triggered, this, [this] {
    if (current_.isEmpty()) return;
    copyPending_ = true;
    service_->fetchConnectInfo(current_);
  });
  connect(service_, &ControlService::connectInfoReady, this,
          [this](const QString& name, const control::ConnectInfo& info) {
            if (!copyPending_ || name != current_) return;
            copyPending_ = false;
            QApplication::clipboard()->setText(QString::fromStdString(info.url));
            emit statusMessage(tr("Copied the connection URL of %1").arg(name));
          });

  connect(service_, &ControlService::databaseCreated, this,
          [this](const control::DatabaseStatus& status) {
            const QString name = QString::fromStdString(status.database.name);
            service_->refreshDatabases();
            emit selectRequested(name);
            emit statusMessage(tr("Created %1; its connection details are on the right.").arg(name));
          });
  connect(service_, &ControlService::databaseBranched, this,
          [this](const QString& source, const control::DatabaseStatus& status) {
            const QString name = QString::fromStdString(status.database.name);
            service_->refreshDatabases();
            emit selectRequested(name);
            emit statusMessage(tr("Branched %1 into %2").arg(source, name));
          });
  connect(service_, &ControlService::databaseDeleted, this, [this](const QString& name) {
    if (pendingDelete_ == name) pendingDelete_.clear();
    service_->refreshDatabases();
    emit statusMessage(tr("Deleted %1").arg(name));
  });
  connect(service_, &ControlService::databaseRenamed, this,
          [this](const QString& name, const QString& newName) {
            service_->refreshDatabases();
            emit selectRequested(newName);
            emit statusMessage(tr("Renamed %1 to %2").arg(name, newName));
          });
  connect(service_, &ControlService::passwordReset, this, [this](const QString& name) {
    emit statusMessage(tr("The password of %1 was reset; copy the new connection string.").arg(name));
  });
  connect(service_, &ControlService::operationFailed, this, &DatabaseActions::onFailed);
  updateEnabled();
}

void DatabaseActions::setCurrentDatabase(const QString& name) {
  current_ = name;
  updateEnabled();
}

void DatabaseActions::setDaemonRunning(bool running) {
  running_ = running;
  updateEnabled();
}

void DatabaseActions::updateEnabled() {
  const bool selected = running_ && !current_.isEmpty();
  create_->setEnabled(running_);
  refresh_->setEnabled(running_);
  for (QAction* action : {remove_, rename_, resetPassword_, branch_, copyUrl_}) {
    action->setEnabled(selected);
  }
}

void DatabaseActions::startCreate() {
  auto* dialog = new CreateDatabaseDialog(dialogParent_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this,
          [this, dialog] { service_->createDatabase(dialog->name(), dialog->password()); });
  dialog->open();
}

void DatabaseActions::startDelete(const QString& name) {
  if (name.isEmpty()) return;
  const int row = databases_->rowOf(name);
  const int connections =
      row < 0 ? 0 : databases_->databases()[static_cast<size_t>(row)].open_connections;
  confirmDelete(name, connections, false);
}

void DatabaseActions::confirmDelete(const QString& name, int openConnections, bool afterRefusal) {
  auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete database"), QString(),
                              QMessageBox::Cancel, dialogParent_);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName(QStringLiteral("confirmDelete"));
  QString text = tr("Delete <b>%1</b> and all its data? This cannot be undone.").arg(name.toHtmlEscaped());
  QPushButton* confirm = nullptr;
  const bool force = openConnections > 0 || afterRefusal;
  if (force) {
    text += QStringLiteral("<p>") +
            (afterRefusal ? tr("Clients connected to it in the meantime.")
                          : tr("%n client(s) are connected to it right now.", nullptr, openConnections)) +
            tr(" Deleting ends their connections.") + QStringLiteral("</p>");
    confirm = box->addButton(tr("Disconnect and delete"), QMessageBox::DestructiveRole);
  } else {
    confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
  }
  confirm->setObjectName(QStringLiteral("confirmButton"));
  box->setText(text);
  box->setDefaultButton(QMessageBox::Cancel);
  connect(box, &QMessageBox::finished, this, [this, box, confirm, name, force] {
    if (box->clickedButton() != confirm) return;
    pendingDelete_ = force ? QString() : name;
    service_->deleteDatabase(name, force);
  });
  messageBox_ = box;
  box->open();
}

void DatabaseActions::startRename(const QString& name) {
  if (name.isEmpty()) return;
  auto* dialog = new QInputDialog(dialogParent_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setObjectName(QStringLiteral("renameDialog"));
  dialog->setWindowTitle(tr("Rename database"));
  dialog->setLabelText(
      tr("New name for %1.\nPrograms must then connect as <new name>.admin; open sessions keep "
         "working.")
          .arg(name));
  dialog->setTextValue(name);
  connect(dialog, &QInputDialog::textValueSelected, this, [this, name](const QString& value) {
    const QString newName = value.trimmed();
    if (newName == name) return;
    const QString problem = DatabaseNameProblem(newName);
    if (!problem.isEmpty()) {
      showError(tr("Could not rename %1").arg(name), problem);
      return;
    }
    service_->renameDatabase(name, newName);
  });
  dialog->open();
}

void DatabaseActions::startResetPassword(const QString& name) {
  if (name.isEmpty()) return;
  auto* dialog = new QInputDialog(dialogParent_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setObjectName(QStringLiteral("resetPasswordDialog"));
  dialog->setWindowTitle(tr("Reset password"));
  dialog->setLabelText(tr("New password for %1 (leave empty to generate one).\n"
                          "Programs using the old password fail at their next login; open "
                          "sessions keep working.")
                           .arg(name));
  dialog->setTextEchoMode(QLineEdit::Password);
  dialog->setOkButtonText(tr("Reset"));
  connect(dialog, &QInputDialog::textValueSelected, this,
          [this, name](const QString& password) { service_->resetPassword(name, password); });
  dialog->open();
}

void DatabaseActions::startBranch(const QString& name) {
  if (name.isEmpty()) return;
  auto* dialog = new QInputDialog(dialogParent_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setObjectName(QStringLiteral("branchDialog"));
  dialog->setWindowTitle(tr("Branch database"));
  dialog->setLabelText(tr("Name of the new database. It starts as a copy of %1 as of now, "
                          "with its own password.")
                           .arg(name));
  dialog->setTextValue(name + QStringLiteral("-branch"));
  dialog->setOkButtonText(tr("Branch"));
  connect(dialog, &QInputDialog::textValueSelected, this, [this, name](const QString& value) {
    const QString newName = value.trimmed();
    const QString problem = DatabaseNameProblem(newName);
    if (!problem.isEmpty()) {
      showError(tr("Could not branch %1").arg(name), problem);
      return;
    }
    service_->branchDatabase(name, newName);
  });
  dialog->open();
}

void DatabaseActions::onFailed(const QString& operation, const QString& message,
                               const QString& sqlstate) {
  // "In use": someone connected between the confirmation and the delete.
  if (sqlstate == QLatin1String("55006") && !pendingDelete_.isEmpty()) {
    const QString name = pendingDelete_;
    pendingDelete_.clear();
    confirmDelete(name, 0, true);
    return;
  }
  // The banner explains a daemon that went away; a second box would not help.
  if (IsUnreachableCode(sqlstate)) return;
  showError(tr("Could not %1").arg(operation), message);
}

void DatabaseActions::showError(const QString& title, const QString& message) {
  auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, dialogParent_);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName(QStringLiteral("errorBox"));
  messageBox_ = box;
  box->open();
}

}  // namespace db9::gui
