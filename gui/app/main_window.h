// MainWindow: composes the views and nothing more. Left: the database list;
// right: tabs for the selected database (Connection, Tables, SQL console)
// and the Sizes tab: a size chart of all databases beside their activity
// over time; across the top a banner while the daemon is down;
// at the bottom the daemon's status. Menus, toolbar and shortcuts come from
// DatabaseActions; geometry, splitter and last selection persist in
// AppSettings.
#pragma once

#include <QMainWindow>

#include "gui/services/daemon_supervisor.h"

class QSplitter;
class QTabWidget;

namespace db9::gui {

class ActivityChartView;
class AppCore;
class AppSettings;
class ConnectionPanel;
class DaemonBanner;
class DaemonStatusBar;
class DatabaseActions;
class DatabaseListView;
class SizeChartView;
class SqlConsole;
class SqlConsoleView;
class TableBrowser;
class ThemeManager;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  enum class View { kConnection, kTables, kSizes, kConsole };

  // `theme` may be null (tests); then the look is left alone.
  MainWindow(AppCore* core, AppSettings* settings, ThemeManager* theme, QWidget* parent = nullptr);

  void showView(View view);
  // Selects a database once it is listed (now, or when the list arrives).
  void selectDatabaseWhenListed(const QString& name);
  // Whether closing hides the window into the tray instead of quitting.
  void setTrayAvailable(bool available) { trayAvailable_ = available; }
  // Writes geometry, toolbar and splitter state to the settings.
  void persistState();

  DatabaseActions* actions() const { return actions_; }
  DatabaseListView* databaseList() const { return list_; }
  ConnectionPanel* connectionPanel() const { return connection_; }
  TableBrowser* tableBrowser() const { return tables_; }
  SqlConsoleView* sqlConsole() const { return consoleView_; }
  ActivityChartView* activityChart() const { return activity_; }
  DaemonBanner* banner() const { return banner_; }
  DaemonStatusBar* daemonStatus() const { return status_; }

 public slots:
  void openSettings();
  void startDaemon();
  void bringToFront();
  // Quits the app (menu, tray), first settling staged grid edits.
  void requestQuit();
  // The one-time question whether db9d starts at login (main() asks it while
  // the setting is unset); either answer is kept and applied.
  void askStartAtLogin();
  // Turns start at login on or off (SetAutostart) and says in the status
  // bar which mechanism it used, or why it failed.
  void applyStartAtLogin(bool enabled);

 signals:
  void quitRequested();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildMenus();
  void onCurrentDatabaseChanged(const QString& name);
  void onDaemonStateChanged(DaemonSupervisor::State state);
  void restoreGeometry();

  AppCore* core_;
  AppSettings* settings_;
  ThemeManager* theme_;
  DatabaseActions* actions_;
  DatabaseListView* list_;
  ConnectionPanel* connection_;
  TableBrowser* tables_;
  SizeChartView* sizes_;
  ActivityChartView* activity_;
  QWidget* chartsPage_;
  SqlConsole* console_;
  SqlConsoleView* consoleView_;
  DaemonBanner* banner_;
  DaemonStatusBar* status_;
  QTabWidget* tabs_;
  QSplitter* splitter_;
  QString wantedSelection_;
  bool trayAvailable_ = false;
};

}  // namespace db9::gui
