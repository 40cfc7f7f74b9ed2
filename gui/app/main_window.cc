#include "gui/app/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include "gui/app/app_core.h"
#include "gui/app/database_actions.h"
#include "gui/app/theme.h"
#include "gui/models/database_list_model.h"
#include "gui/models/rows_model.h"
#include "gui/models/sql_console.h"
#include "gui/models/statement_history.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_launcher.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/settings/app_settings.h"
#include "gui/settings/autostart.h"
#include "gui/views/activity_chart_view.h"
#include "gui/views/connection_panel.h"
#include "gui/views/daemon_status_bar.h"
#include "gui/views/database_list_view.h"
#include "gui/views/icons.h"
#include "gui/views/settings_dialog.h"
#include "gui/views/size_chart_view.h"
#include "gui/views/sql_console_view.h"
#include "gui/views/table_browser.h"

#include "db9/base/version.h"

namespace db9::gui {
namespace {
constexpr int kStatusMessageMs = 4000;
}  // namespace

MainWindow::MainWindow(AppCore* core, AppSettings* settings, ThemeManager* theme, QWidget* parent)
    : QMainWindow(parent), core_(core), settings_(settings), theme_(theme) {
  setWindowTitle(tr("db9 desktop"));
  setWindowIcon(AppIcon());
  setObjectName(QStringLiteral("mainWindow"));

  actions_ = new DatabaseActions(core_->service(), core_->databases(), this);
  list_ = new DatabaseListView(core_->databases(), this);
  list_->setContextActions({actions_->copyUrl(), actions_->rename(), actions_->resetPassword(),
                            actions_->branch(), actions_->remove()});
  connection_ = new ConnectionPanel(core_->service(), this);
  tables_ = new TableBrowser(core_->service(), this);
  tables_->setWriteService(core_->sqlService());
  tables_->setRowsService(core_->rowsService());
  console_ = new SqlConsole(core_->sqlService(), core_->service(),
                            new StatementHistory(settings_, this), this);
  consoleView_ = new SqlConsoleView(console_, this);
  consoleView_->setObjectName(QStringLiteral("sqlConsole"));

  chartsPage_ = new QWidget(this);
  sizes_ = new SizeChartView(core_->databases(), chartsPage_);
  activity_ = new ActivityChartView(core_->activity(), chartsPage_);
  auto* chartsSplit = new QSplitter(Qt::Vertical, chartsPage_);
  chartsSplit->addWidget(sizes_);
  chartsSplit->addWidget(activity_);
  chartsSplit->setStretchFactor(0, 1);
  chartsSplit->setStretchFactor(1, 1);
  auto* chartsLayout = new QVBoxLayout(chartsPage_);
  chartsLayout->setContentsMargins(0, 0, 0, 0);
  chartsLayout->addWidget(chartsSplit);

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("viewTabs"));
  tabs_->addTab(connection_, ActionIcon(QStringLiteral("connection")), tr("Connection"));
  tabs_->addTab(tables_, ActionIcon(QStringLiteral("table")), tr("Tables"));
  tabs_->addTab(consoleView_, ActionIcon(QStringLiteral("start")), tr("SQL"));
  tabs_->addTab(chartsPage_, ActionIcon(QStringLiteral("chart")), tr("Sizes"));
  // The table browser asks the daemon only when it is looked at.
  connect(tabs_, &QTabWidget::currentChanged, this,
          [this] { onCurrentDatabaseChanged(list_->currentDatabase()); });

  splitter_ = new QSplitter(this);
  splitter_->setObjectName(QStringLiteral("mainSplitter"));
  splitter_->addWidget(list_);
  splitter_->addWidget(tabs_);
  splitter_->setStretchFactor(0, 2);
  splitter_->setStretchFactor(1, 3);

  banner_ = new DaemonBanner(core_->supervisor(), this);
  connect(banner_, &DaemonBanner::startRequested, this, &MainWindow::startDaemon);

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(6, 6, 6, 0);
  layout->addWidget(banner_);
  layout->addWidget(splitter_, 1);
  setCentralWidget(central);

  status_ = new DaemonStatusBar(core_->supervisor(), this);
  statusBar()->addPermanentWidget(status_);

  connect(list_, &DatabaseListView::currentDatabaseChanged, this,
          &MainWindow::onCurrentDatabaseChanged);
  connect(list_, &DatabaseListView::databaseActivated, this,
          [this] { showView(View::kConnection); });
  connect(actions_, &DatabaseActions::selectRequested, this, &MainWindow::selectDatabaseWhenListed);
  connect(actions_, &DatabaseActions::statusMessage, this,
          [this](const QString& text) { statusBar()->showMessage(text, kStatusMessageMs); });
  connect(connection_, &ConnectionPanel::copied, this, [this](const QString& what) {
    statusBar()->showMessage(tr("Copied %1 to the clipboard").arg(what), kStatusMessageMs);
  });
  connect(core_->databases(), &DatabaseListModel::databasesChanged, this, [this] {
    if (!wantedSelection_.isEmpty() && list_->selectDatabase(wantedSelection_)) {
      wantedSelection_.clear();
    }
  });
  connect(core_->supervisor(), &DaemonSupervisor::stateChanged, this,
          [this](DaemonSupervisor::State state) { onDaemonStateChanged(state); });
  // Tables created or dropped through SQL do not send events; a database
  // that was renamed or dropped does, and then the browser starts over.
  connect(core_->supervisor(), &DaemonSupervisor::eventReceived, this,
          [this](const control::Event& event) {
            const QString name = QString::fromStdString(event.name);
            if (event.kind == "database.dropped" && name == connection_->database()) {
              connection_->setDatabase({});
              tables_->setDatabase({});
            }
          });
  if (theme_) {
    sizes_->setDark(theme_->isDark());
    activity_->setDark(theme_->isDark());
    connect(theme_, &ThemeManager::darkChanged, sizes_, &SizeChartView::setDark);
    connect(theme_, &ThemeManager::darkChanged, activity_, &ActivityChartView::setDark);
  }

  buildMenus();
  onDaemonStateChanged(core_->supervisor()->state());
  restoreGeometry();
  selectDatabaseWhenListed(settings_->lastDatabase());
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(actions_->create());
  file->addSeparator();
  QAction* settingsAction = file->addAction(ActionIcon(QStringLiteral("settings")), tr("&Settings…"),
                                            this, &MainWindow::openSettings);
  settingsAction->setShortcut(QKeySequence::Preferences);
  if (settingsAction->shortcut().isEmpty()) settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &MainWindow::requestQuit);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* database = menuBar()->addMenu(tr("&Database"));
  database->addAction(actions_->copyUrl());
  database->addAction(actions_->rename());
  database->addAction(actions_->resetPassword());
  database->addAction(actions_->branch());
  database->addAction(actions_->remove());
  database->addSeparator();
  database->addAction(actions_->refresh());
  QAction* filter = database->addAction(tr("&Find database"), list_, &DatabaseListView::focusFilter);
  filter->setShortcut(QKeySequence::Find);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  const struct {
    View view;
    QString title;
    Qt::Key key;
  } views[] = {{View::kConnection, tr("&Connection"), Qt::Key_1},
               {View::kTables, tr("&Tables"), Qt::Key_2},
               {View::kConsole, tr("S&QL console"), Qt::Key_3},
               {View::kSizes, tr("&Sizes and activity"), Qt::Key_4}};
  for (const auto& v : views) {
    QAction* action = view->addAction(v.title, this, [this, which = v.view] { showView(which); });
    action->setShortcut(QKeySequence(Qt::CTRL | v.key));
  }

  QMenu* daemon = menuBar()->addMenu(tr("Dae&mon"));
  QAction* start = daemon->addAction(ActionIcon(QStringLiteral("start")), tr("&Start db9d"), this,
                                     &MainWindow::startDaemon);
  QAction* stop = daemon->addAction(tr("S&top db9d"), core_->service(), &ControlService::stopDaemon);
  auto updateDaemonActions = [this, start, stop] {
    const auto state = core_->supervisor()->state();
    start->setEnabled(state == DaemonSupervisor::State::kUnreachable);
    stop->setEnabled(state == DaemonSupervisor::State::kRunning);
  };
  connect(core_->supervisor(), &DaemonSupervisor::stateChanged, this, updateDaemonActions);
  updateDaemonActions();

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About db9 desktop"), this, [this] {
    QMessageBox::about(this, tr("About db9 desktop"),
                       tr("<h3>db9 desktop %1</h3><p>PostgreSQL-compatible databases on your "
                          "computer, served by the db9d daemon.</p>")
                           .arg(QString::fromLatin1(db9::kVersion)));
  });

  QToolBar* toolbar = addToolBar(tr("Database"));
  toolbar->setObjectName(QStringLiteral("databaseToolbar"));
  toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  toolbar->setMovable(false);
  toolbar->addAction(actions_->create());
  toolbar->addAction(actions_->copyUrl());
  toolbar->addAction(actions_->rename());
  toolbar->addAction(actions_->resetPassword());
  toolbar->addAction(actions_->remove());
  toolbar->addSeparator();
  toolbar->addAction(actions_->refresh());
  toolbar->addAction(settingsAction);
}

void MainWindow::onDaemonStateChanged(DaemonSupervisor::State state) {
  const bool running = state == DaemonSupervisor::State::kRunning;
  actions_->setDaemonRunning(running);
  list_->setEmptyText(
      running ? tr("<p><b>No databases yet.</b></p><p>Create one with <i>New database</i> "
                   "(Ctrl+N),<br>or from a terminal: <code>db9 create</code></p>")
              : tr("<p>Your databases appear here<br>when the db9 daemon runs.</p>"));
}

void MainWindow::showView(View view) {
  QWidget* page = connection_;
  switch (view) {
    case View::kConnection: page = connection_; break;
    case View::kTables: page = tables_; break;
    case View::kConsole: page = consoleView_; break;
    case View::kSizes: page = chartsPage_; break;
  }
  tabs_->setCurrentWidget(page);
}

void MainWindow::selectDatabaseWhenListed(const QString& name) {
  if (name.isEmpty()) return;
  if (!list_->selectDatabase(name)) wantedSelection_ = name;
}

void MainWindow::onCurrentDatabaseChanged(const QString& name) {
  // The browser keeps the database it shows until asked; moving away from
  // one with staged edits asks first, and Cancel (or Apply, until it has
  // committed) puts the selection back.
  const QString shown = tables_->database();
  if (!shown.isEmpty() && name != shown &&
      !tables_->settleEdits([this, name] { list_->selectDatabase(name); })) {
    QMetaObject::invokeMethod(this, [this, shown] { list_->selectDatabase(shown); },
                              Qt::QueuedConnection);
    return;
  }
  actions_->setCurrentDatabase(name);
  connection_->setDatabase(name);
  consoleView_->setDatabase(name);
  if (tabs_->currentWidget() == tables_) tables_->setDatabase(name);
  if (!name.isEmpty()) settings_->setLastDatabase(name);
}

void MainWindow::openSettings() {
  auto* dialog = new SettingsDialog(settings_, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  const std::optional<bool> atLoginBefore = settings_->startDaemonAtLogin();
  connect(dialog, &QDialog::accepted, this, [this, atLoginBefore] {
    if (theme_) theme_->apply(settings_->theme());
    core_->setControlSocket(settings_->controlSocket());
    // Turned off: once. On: again each time, so the entry carries the port
    // and data directory just set.
    const std::optional<bool> atLogin = settings_->startDaemonAtLogin();
    if (atLogin && (*atLogin || atLogin != atLoginBefore)) applyStartAtLogin(*atLogin);
  });
  dialog->open();
}

void MainWindow::askStartAtLogin() {
  auto* box = new QMessageBox(QMessageBox::Question, tr("Start db9 at login?"),
                              tr("Start the db9 daemon whenever you log in, so your "
                                 "databases are always reachable?\n\nYou can change "
                                 "this later in Settings."),
                              QMessageBox::Yes | QMessageBox::No, this);
  box->setObjectName(QStringLiteral("startAtLoginQuestion"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box] {
    const bool yes = box->clickedButton() == box->button(QMessageBox::Yes);
    settings_->setStartDaemonAtLogin(yes);
    settings_->sync();
    applyStartAtLogin(yes);
  });
  box->open();
}

void MainWindow::applyStartAtLogin(bool enabled) {
  const DaemonLaunchOptions options{settings_->port(), settings_->dataDir(), settings_->controlSocket()};
  const auto mechanism = SetAutostart(enabled, FindDaemonExecutable(), DaemonArguments(options));
  if (!mechanism.ok()) {
    QMessageBox::warning(this, tr("Start at login"),
                         QString::fromStdString(std::string(mechanism.status().message())));
    return;
  }
  const QString how = DescribeAutostart(*mechanism);
  statusBar()->showMessage(enabled ? tr("db9d will start at login, through %1.").arg(how)
                                   : tr("db9d will not start at login (%1 is off).").arg(how),
                           kStatusMessageMs * 3);
}

void MainWindow::startDaemon() {
  core_->supervisor()->startDaemon(
      DaemonLaunchOptions{settings_->port(), settings_->dataDir(), settings_->controlSocket()});
}

void MainWindow::bringToFront() {
  show();
  setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
  raise();
  activateWindow();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  persistState();
  if (trayAvailable_ && settings_->closeToTray()) {
    hide();  // staged edits stay staged: nothing is lost by hiding
    event->ignore();
    return;
  }
  if (!tables_->settleEdits([this] { close(); })) {
    event->ignore();
    return;
  }
  event->accept();
  emit quitRequested();
}

void MainWindow::requestQuit() {
  // The question needs the window in view (it may be in the tray).
  if (tables_->rowsModel()->hasEdits()) bringToFront();
  if (!tables_->settleEdits([this] { requestQuit(); })) return;
  persistState();
  emit quitRequested();
}

void MainWindow::persistState() {
  settings_->setWindowGeometry(QMainWindow::saveGeometry(), QMainWindow::saveState());
  settings_->setSplitterState(splitter_->saveState());
  settings_->sync();
}

void MainWindow::restoreGeometry() {
  if (!QMainWindow::restoreGeometry(settings_->windowGeometry())) resize(1100, 700);
  QMainWindow::restoreState(settings_->windowState());
  if (!splitter_->restoreState(settings_->splitterState())) splitter_->setSizes({400, 700});
}

}  // namespace db9::gui
