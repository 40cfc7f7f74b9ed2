#include "gui/tray/tray_icon.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QSystemTrayIcon>

#include "gui/models/database_list_model.h"
#include "gui/services/connection_snippets.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/views/icons.h"

namespace db9::gui {
namespace {
// The forms offered in the tray, most pasted first.
const char* const kTrayForms[] = {"url", "sqlalchemy", "psql", "env", "python"};
// The tray menu lists at most this many; the window has the rest.
constexpr int kMaxTrayDatabases = 20;
}  // namespace

TrayIcon::TrayIcon(DatabaseListModel* databases, ControlService* service,
                   DaemonSupervisor* supervisor, QObject* parent)
    : QObject(parent), databases_(databases), service_(service), supervisor_(supervisor) {
  menu_ = new QMenu;
  tray_ = new QSystemTrayIcon(AppIcon(), this);
  tray_->setToolTip(tr("db9 desktop"));
  tray_->setContextMenu(menu_);
  connect(tray_, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
      emit showWindowRequested();
    }
  });
  connect(databases_, &DatabaseListModel::databasesChanged, this, &TrayIcon::rebuildMenu);
  connect(databases_, &QAbstractItemModel::modelReset, this, &TrayIcon::rebuildMenu);
  connect(supervisor_, &DaemonSupervisor::stateChanged, this, &TrayIcon::rebuildMenu);
  connect(service_, &ControlService::connectInfoReady, this, &TrayIcon::onConnectInfo);
  rebuildMenu();
}

TrayIcon::~TrayIcon() { delete menu_; }

bool TrayIcon::isAvailable() { return QSystemTrayIcon::isSystemTrayAvailable(); }

void TrayIcon::show() { tray_->show(); }

void TrayIcon::rebuildMenu() {
  menu_->clear();
  menu_->addAction(AppIcon(), tr("Open db9 desktop"), this, &TrayIcon::showWindowRequested);
  menu_->addSeparator();

  const bool running = supervisor_->state() == DaemonSupervisor::State::kRunning;
  if (!running) {
    menu_->addAction(tr("db9d is not running"))->setEnabled(false);
    menu_->addAction(ActionIcon(QStringLiteral("start")), tr("Start db9d"), this,
                     &TrayIcon::startDaemonRequested);
  } else {
    const auto& list = databases_->databases();
    if (list.empty()) menu_->addAction(tr("No databases yet"))->setEnabled(false);
    const auto titles = ConnectionSnippets({});
    int shown = 0;
    for (const auto& db : list) {
      if (++shown > kMaxTrayDatabases) {
        menu_->addAction(tr("%n more in the window…", nullptr,
                            static_cast<int>(list.size()) - kMaxTrayDatabases),
                         this, &TrayIcon::showWindowRequested);
        break;
      }
      const QString name = QString::fromStdString(db.name);
      QMenu* sub = menu_->addMenu(ActionIcon(QStringLiteral("database")), name);
      for (const char* form : kTrayForms) {
        for (const auto& snippet : titles) {
          if (snippet.key != QLatin1String(form)) continue;
          sub->addAction(ActionIcon(QStringLiteral("copy")), tr("Copy %1").arg(snippet.title),
                         this, [this, name, key = snippet.key] { copyLater(name, key); });
        }
      }
    }
    menu_->addSeparator();
    menu_->addAction(ActionIcon(QStringLiteral("add")), tr("New database…"), this,
                     &TrayIcon::createRequested);
  }
  menu_->addSeparator();
  menu_->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
}

void TrayIcon::copyLater(const QString& database, const QString& form) {
  pendingCopies_.insert(database, form);
  service_->fetchConnectInfo(database);
}

void TrayIcon::onConnectInfo(const QString& name, const control::ConnectInfo& info) {
  const auto it = pendingCopies_.find(name);
  if (it == pendingCopies_.end()) return;
  const QString key = it.value();
  pendingCopies_.erase(it);
  for (const auto& snippet : ConnectionSnippets(info)) {
    if (snippet.key != key) continue;
    QApplication::clipboard()->setText(snippet.text);
    tray_->showMessage(tr("Copied"), tr("%1 of %2 is on the clipboard.").arg(snippet.title, name),
                       QSystemTrayIcon::Information, 2500);
  }
}

}  // namespace db9::gui
