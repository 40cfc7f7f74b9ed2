// The main window around the daemon's state: the banner and Start button
// while db9d is down (and Start really starting it), persisted geometry,
// and the keyboard shortcuts.
#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QStyle>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "daemon_fixture.h"
#include "gui/app/app_core.h"
#include "gui/app/database_actions.h"
#include "gui/app/main_window.h"
#include "gui/app/theme.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_launcher.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/settings/app_settings.h"
#include "gui/views/create_database_dialog.h"
#include "gui/views/daemon_status_bar.h"
#include "gui/views/icons.h"
#include "shared/control/client.h"

using namespace db9::gui;

class MainWindowTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    InitDb9GuiResources();
    // The daemon log of a started db9d goes under XDG_STATE_HOME: keep it here.
    qputenv("XDG_STATE_HOME", state_.path().toUtf8());
  }

  void bannerWhenDaemonIsDown() {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    AppCore core(dir.filePath(QStringLiteral("absent.sock")));
    MainWindow window(&core, &settings, nullptr);
    window.show();
    core.start();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kUnreachable, 5000);
    QVERIFY(window.banner()->isVisible());
    QVERIFY(window.banner()->startButton()->isEnabled());
    QVERIFY(window.daemonStatus()->text().contains(QStringLiteral("not running")));
    QVERIFY(!window.actions()->create()->isEnabled());
  }

  // Start starts db9d the way `db9 daemon start` would, with the settings'
  // port, data directory and socket, and the window turns to running.
  void startButtonStartsTheDaemon() {
    if (FindDaemonExecutable().isEmpty()) QSKIP("no db9d to start");
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    const QString socket = dir.filePath(QStringLiteral("control.sock"));
    const int port = testing::FreePort();
    settings.setPort(port);
    settings.setDataDir(dir.filePath(QStringLiteral("data")));
    settings.setControlSocket(socket);
    // The daemon is detached from the test: stop it however the test ends.
    struct StopDaemonOnExit {
      std::string socket;
      ~StopDaemonOnExit() {
        db9::control::ClientOptions options;
        options.socket_path = socket;
        if (auto client = db9::control::Client::Connect(options); client.ok()) {
          (void)(*client)->StopDaemon();
        }
      }
    } stopper{socket.toStdString()};
    AppCore core(socket);
    MainWindow window(&core, &settings, nullptr);
    window.show();
    core.start();
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kUnreachable, 5000);
    QTest::mouseClick(window.banner()->startButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kRunning, 20000);
    QVERIFY(!window.banner()->isVisible());
    QCOMPARE(core.supervisor()->info()->port, port);
    QCOMPARE(QString::fromStdString(core.supervisor()->info()->data_dir), settings.dataDir());
    // Stopping it turns the window back to "not running".
    db9::control::ClientOptions options;
    options.socket_path = socket.toStdString();
    auto client = db9::control::Client::Connect(options);
    QVERIFY(client.ok());
    QVERIFY((*client)->StopDaemon().ok());
    QTRY_COMPARE_WITH_TIMEOUT(core.supervisor()->state(), DaemonSupervisor::State::kUnreachable, 10000);
  }

  void geometryPersists() {
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    const QString socket = dir.filePath(QStringLiteral("absent.sock"));
    {
      AppSettings settings(ini);
      AppCore core(socket);
      MainWindow window(&core, &settings, nullptr);
      window.show();
      window.resize(900, 640);
      QTest::qWait(50);
      window.persistState();
    }
    AppSettings settings(ini);
    AppCore core(socket);
    MainWindow window(&core, &settings, nullptr);
    QCOMPARE(window.size(), QSize(900, 640));
  }

  // Dark is dark everywhere (Fusion + dark palette); back to the platform
  // look after; the size chart hears about it.
  void themeSwitches() {
    ThemeManager theme;
    QSignalSpy changed(&theme, &ThemeManager::darkChanged);
    theme.apply(ThemeChoice::kDark);
    QVERIFY(theme.isDark());
    QCOMPARE(changed.count(), 1);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    theme.apply(ThemeChoice::kLight);
    QVERIFY(!theme.isDark());
    QCOMPARE(changed.count(), 2);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
    theme.apply(ThemeChoice::kSystem);  // the offscreen platform is light
    QVERIFY(!theme.isDark());
  }

  void shortcutsReachTheActions() {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    AppCore core(dir.filePath(QStringLiteral("absent.sock")));
    MainWindow window(&core, &settings, nullptr);
    QCOMPARE(window.actions()->create()->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(window.actions()->rename()->shortcut(), QKeySequence(Qt::Key_F2));
    QCOMPARE(window.actions()->refresh()->shortcut(), QKeySequence(QKeySequence::Refresh));
    // Ctrl+N opens the dialog once the daemon runs.
    window.actions()->setDaemonRunning(true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(window.findChild<CreateDatabaseDialog*>() != nullptr);
  }

 private:
  QTemporaryDir state_;
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
