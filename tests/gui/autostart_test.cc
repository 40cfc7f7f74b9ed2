// Start at login is one mechanism: the systemd user unit when a user manager
// runs and has db9d.service, else the XDG autostart entry; enabling the unit
// removes a leftover entry. The entry is tested as files under a temporary
// XDG_CONFIG_HOME; the unit path needs a real user manager, which a test
// must not change, so only its choice is tested.
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "gui/app/app_core.h"
#include "gui/app/main_window.h"
#include "gui/settings/app_settings.h"
#include "gui/settings/autostart.h"
#include "gui/views/settings_dialog.h"

using namespace db9::gui;

namespace {

// Clicks `button` of the start-at-login question once it is open.
void Answer(QMessageBox::StandardButton button) {
  QTRY_VERIFY(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()) != nullptr);
  auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
  QCOMPARE(box->objectName(), QStringLiteral("startAtLoginQuestion"));
  box->button(button)->click();
}

}  // namespace

class AutostartTest : public QObject {
  Q_OBJECT
 private slots:
  void init() {
    QVERIFY(config_.isValid());
    qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());
    QFile::remove(AutostartEntryPath());  // each test starts without one
  }

  void choosesTheUnitOnlyWhenSystemdCanRunIt() {
    QCOMPARE(ChooseAutostartMechanism({true, true}), AutostartMechanism::kSystemdUnit);
    QCOMPARE(ChooseAutostartMechanism({true, false}), AutostartMechanism::kXdgEntry);
    QCOMPARE(ChooseAutostartMechanism({false, false}), AutostartMechanism::kXdgEntry);
    QVERIFY(DescribeAutostart(AutostartMechanism::kSystemdUnit).contains(QStringLiteral("db9d.service")));
    QVERIFY(DescribeAutostart(AutostartMechanism::kXdgEntry).contains(AutostartEntryPath()));
  }

  void entryIsWrittenAndRemoved() {
    QCOMPARE(AutostartEntryPath(), config_.filePath(QStringLiteral("autostart/db9d.desktop")));
    QVERIFY(!IsAutostartEnabled(AutostartMechanism::kXdgEntry));
    QVERIFY(ApplyAutostart(AutostartMechanism::kXdgEntry, true, QStringLiteral("/opt/db9/bin/db9d"),
                           {QStringLiteral("--data-dir"), QStringLiteral("/home/me/my \"data\"")})
                .ok());
    QVERIFY(IsAutostartEnabled(AutostartMechanism::kXdgEntry));
    QFile entry(AutostartEntryPath());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(entry.readAll());
    QVERIFY2(text.contains(QStringLiteral(
                 "Exec=\"/opt/db9/bin/db9d\" \"--data-dir\" \"/home/me/my \\\"data\\\"\"")),
             qPrintable(text));
    QVERIFY(ApplyAutostart(AutostartMechanism::kXdgEntry, false, {}, {}).ok());
    QVERIFY(!IsAutostartEnabled(AutostartMechanism::kXdgEntry));
    // Without db9d there is nothing to start: an error, no entry.
    QVERIFY(!ApplyAutostart(AutostartMechanism::kXdgEntry, true, {}, {}).ok());
    QVERIFY(!QFile::exists(AutostartEntryPath()));
  }

  // SetAutostart decides by itself and says which mechanism it used; where
  // no user manager answers (this test's usual home) that is the entry.
  void setAutostartUsesTheChosenMechanism() {
    const AutostartMechanism chosen = ChooseAutostartMechanism(ProbeSystemdUser());
    if (chosen != AutostartMechanism::kXdgEntry) QSKIP("a systemd user manager with db9d.service runs here");
    auto used = SetAutostart(true, QStringLiteral("/usr/bin/db9d"), {});
    QVERIFY(used.ok());
    QCOMPARE(*used, AutostartMechanism::kXdgEntry);
    QVERIFY(QFile::exists(AutostartEntryPath()));
    used = SetAutostart(false, {}, {});
    QVERIFY(used.ok());
    QVERIFY(!QFile::exists(AutostartEntryPath()));
  }

  // The unit path never leaves an entry behind to start a second db9d. Its
  // systemctl call fails here (no manager), and the entry is gone first.
  void unitRemovesALeftoverEntry() {
    if (ProbeSystemdUser().managerRunning) QSKIP("would change this login's real systemd units");
    QVERIFY(ApplyAutostart(AutostartMechanism::kXdgEntry, true, QStringLiteral("/usr/bin/db9d"), {}).ok());
    const auto status = ApplyAutostart(AutostartMechanism::kSystemdUnit, true, {}, {});
    QVERIFY(!status.ok());
    QVERIFY2(QString::fromStdString(std::string(status.message())).contains(QStringLiteral("systemctl")),
             status.message().data());
    QVERIFY(!QFile::exists(AutostartEntryPath()));
  }

  // The one-time question: the answer is kept (so it is not asked again)
  // and applied, and the status bar says through what.
  void firstRunQuestionAppliesTheAnswer() {
    if (ChooseAutostartMechanism(ProbeSystemdUser()) != AutostartMechanism::kXdgEntry) {
      QSKIP("would change this login's real systemd units");
    }
    qputenv("DB9D_PATH", QCoreApplication::applicationFilePath().toUtf8());  // any executable
    AppSettings settings(config_.filePath(QStringLiteral("first-run.ini")));
    AppCore core(config_.filePath(QStringLiteral("absent.sock")));
    MainWindow window(&core, &settings, nullptr);
    window.show();
    QVERIFY(!settings.startDaemonAtLogin().has_value());

    window.askStartAtLogin();
    Answer(QMessageBox::No);
    QCOMPARE(settings.startDaemonAtLogin(), std::optional<bool>(false));
    QVERIFY(!QFile::exists(AutostartEntryPath()));

    window.askStartAtLogin();
    Answer(QMessageBox::Yes);
    QCOMPARE(settings.startDaemonAtLogin(), std::optional<bool>(true));
    QVERIFY(QFile::exists(AutostartEntryPath()));
    QVERIFY2(window.statusBar()->currentMessage().contains(AutostartEntryPath()),
             qPrintable(window.statusBar()->currentMessage()));
    qunsetenv("DB9D_PATH");
  }

  // The settings dialog says which mechanism start at login goes through.
  void settingsDialogSaysWhich() {
    AppSettings settings(config_.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(&settings);
    auto* via = dialog.findChild<QLabel*>(QStringLiteral("startAtLoginVia"));
    QVERIFY(via);
    QVERIFY2(via->text().contains(DescribeAutostart(ChooseAutostartMechanism(ProbeSystemdUser()))),
             qPrintable(via->text()));
    QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("startAtLogin"))->isChecked());
  }

 private:
  QTemporaryDir config_;
};

QTEST_MAIN(AutostartTest)
#include "autostart_test.moc"
