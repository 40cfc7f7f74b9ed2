// db9-desktop: the Qt app over db9d. main() builds the core, the window and
// the tray, applies the settings, and has the window ask once whether db9d
// should start at login.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <memory>

#include "db9/base/version.h"
#include "gui/app/app_core.h"
#include "gui/app/database_actions.h"
#include "gui/app/main_window.h"
#include "gui/app/theme.h"
#include "gui/settings/app_settings.h"
#include "gui/tray/tray_icon.h"
#include "gui/views/icons.h"
#include "gui/views/sql_console_view.h"
#include "gui/views/table_browser.h"

#include <QPlainTextEdit>

using db9::gui::AppSettings;

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("db9"));
  QApplication::setApplicationName(QStringLiteral("db9-desktop"));
  QApplication::setApplicationDisplayName(QStringLiteral("db9 desktop"));
  QApplication::setApplicationVersion(QString::fromLatin1(db9::kVersion));
  QApplication::setDesktopFileName(QStringLiteral("db9-desktop"));
  InitDb9GuiResources();
  QApplication::setWindowIcon(db9::gui::AppIcon());

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Manage the databases of the db9 daemon."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption socketOption(
      QStringLiteral("control-socket"),
      QStringLiteral("Talk to the db9d listening on this control socket."), QStringLiteral("path"));
  const QCommandLineOption settingsOption(
      QStringLiteral("settings"), QStringLiteral("Read and write settings in this file."),
      QStringLiteral("file"));
  const QCommandLineOption databaseOption(QStringLiteral("database"),
                                          QStringLiteral("Select this database at start."),
                                          QStringLiteral("name"));
  const QCommandLineOption viewOption(QStringLiteral("view"),
                                      QStringLiteral("Open this view: connection, tables, sql, sizes."),
                                      QStringLiteral("view"));
  const QCommandLineOption tableOption(QStringLiteral("table"),
                                       QStringLiteral("In the tables view, open this table."),
                                       QStringLiteral("name"));
  const QCommandLineOption sqlOption(QStringLiteral("sql"),
                                     QStringLiteral("Put this statement in the SQL console."),
                                     QStringLiteral("statement"));
  const QCommandLineOption hiddenOption(QStringLiteral("hidden"),
                                        QStringLiteral("Start in the system tray only."));
  parser.addOptions({socketOption, settingsOption, databaseOption, viewOption, tableOption,
                     sqlOption, hiddenOption});
  parser.process(app);

  auto settings = parser.isSet(settingsOption)
                      ? std::make_unique<AppSettings>(parser.value(settingsOption))
                      : std::make_unique<AppSettings>();
  db9::gui::ThemeManager theme;
  theme.apply(settings->theme());

  const QString socket =
      parser.isSet(socketOption) ? parser.value(socketOption) : settings->controlSocket();
  db9::gui::AppCore core(socket);
  db9::gui::MainWindow window(&core, settings.get(), &theme);

  const bool trayAvailable = db9::gui::TrayIcon::isAvailable();
  std::unique_ptr<db9::gui::TrayIcon> tray;
  if (trayAvailable) {
    tray = std::make_unique<db9::gui::TrayIcon>(core.databases(), core.service(), core.supervisor());
    QObject::connect(tray.get(), &db9::gui::TrayIcon::showWindowRequested, &window,
                     &db9::gui::MainWindow::bringToFront);
    QObject::connect(tray.get(), &db9::gui::TrayIcon::createRequested, &window, [&window] {
      window.bringToFront();
      window.actions()->startCreate();
    });
    QObject::connect(tray.get(), &db9::gui::TrayIcon::startDaemonRequested, &window,
                     &db9::gui::MainWindow::startDaemon);
    QObject::connect(tray.get(), &db9::gui::TrayIcon::quitRequested, &window,
                     &db9::gui::MainWindow::requestQuit);
    tray->show();
    // The app lives in the tray while the window is hidden.
    QApplication::setQuitOnLastWindowClosed(false);
  }
  window.setTrayAvailable(trayAvailable);
  QObject::connect(&window, &db9::gui::MainWindow::quitRequested, &app, &QApplication::quit);
  QObject::connect(&app, &QApplication::aboutToQuit, &window, [&window] {
    if (window.isVisible()) window.persistState();
  });

  if (parser.isSet(databaseOption)) window.selectDatabaseWhenListed(parser.value(databaseOption));
  const QString view = parser.value(viewOption);
  if (view == QLatin1String("tables")) {
    window.showView(db9::gui::MainWindow::View::kTables);
  } else if (view == QLatin1String("sizes")) {
    window.showView(db9::gui::MainWindow::View::kSizes);
  } else if (view == QLatin1String("sql")) {
    window.showView(db9::gui::MainWindow::View::kConsole);
  }
  if (parser.isSet(sqlOption)) window.sqlConsole()->editor()->setPlainText(parser.value(sqlOption));
  if (parser.isSet(tableOption)) window.tableBrowser()->selectTable(parser.value(tableOption));

  core.start();
  if (!(parser.isSet(hiddenOption) && trayAvailable)) window.show();
  if (!settings->startDaemonAtLogin().has_value()) {
    QTimer::singleShot(0, &window, &db9::gui::MainWindow::askStartAtLogin);
  }
  return app.exec();
}
