#include "gui/settings/autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace db9::gui {
namespace {

constexpr char kUnit[] = "db9d.service";
// systemctl answers at once or not at all (no bus); the UI thread waits on it.
constexpr int kSystemctlTimeoutMs = 5000;

struct SystemctlAnswer {
  bool ran = false;  // false: no systemctl, or it hung
  int exitCode = -1;
  QString output;  // stdout and stderr, trimmed
};

SystemctlAnswer Systemctl(const QStringList& arguments) {
  SystemctlAnswer answer;
  const QString program = QStandardPaths::findExecutable(QStringLiteral("systemctl"));
  if (program.isEmpty()) return answer;
  QProcess process;
  process.setProcessChannelMode(QProcess::MergedChannels);
  process.start(program, QStringList{QStringLiteral("--user")} + arguments);
  if (!process.waitForFinished(kSystemctlTimeoutMs)) {
    process.kill();
    process.waitForFinished(1000);
    return answer;
  }
  answer.ran = process.exitStatus() == QProcess::NormalExit;
  answer.exitCode = process.exitCode();
  answer.output = QString::fromLocal8Bit(process.readAll()).trimmed();
  return answer;
}

// An Exec= argument quoted as the Desktop Entry spec asks: in double quotes,
// with ", `, $ and \ escaped by a backslash.
QString QuoteExecArgument(const QString& arg) {
  QString escaped;
  for (QChar c : arg) {
    if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') ||
        c == QLatin1Char('\\')) {
      escaped += QLatin1Char('\\');
    }
    escaped += c;
  }
  return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Status RemoveEntry() {
  const QString path = AutostartEntryPath();
  if (QFileInfo::exists(path) && !QFile::remove(path)) {
    return Status::Error("58030", "could not remove " + path.toStdString());
  }
  return Status::OK();
}

Status WriteEntry(const QString& program, const QStringList& arguments) {
  if (program.isEmpty()) {
    return Status::Error("58030", "db9d was not found, so it cannot be started at login");
  }
  const QString path = AutostartEntryPath();
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
    return Status::Error("58030", "could not write " + path.toStdString() + ": " +
                                      file.errorString().toStdString());
  }
  QStringList exec{QuoteExecArgument(program)};
  for (const QString& arg : arguments) exec << QuoteExecArgument(arg);
  const QString entry = QStringLiteral(
                            "[Desktop Entry]\n"
                            "Type=Application\n"
                            "Name=db9 daemon\n"
                            "Comment=Serves your db9 databases on localhost\n"
                            "Exec=%1\n"
                            "Icon=db9-desktop\n"
                            "Terminal=false\n"
                            "NoDisplay=true\n"
                            "X-GNOME-Autostart-enabled=true\n")
                            .arg(exec.join(QLatin1Char(' ')));
  file.write(entry.toUtf8());
  if (!file.flush()) return Status::Error("58030", "could not write " + path.toStdString());
  return Status::OK();
}

Status SetUnitEnabled(bool enabled) {
  const QString verb = enabled ? QStringLiteral("enable") : QStringLiteral("disable");
  const SystemctlAnswer answer = Systemctl({verb, QString::fromLatin1(kUnit)});
  if (!answer.ran || answer.exitCode != 0) {
    return Status::Error("58030", "systemctl --user " + verb.toStdString() + " " + kUnit +
                                      " failed: " + answer.output.toStdString());
  }
  return Status::OK();
}

}  // namespace

AutostartMechanism ChooseAutostartMechanism(const SystemdUserState& state) {
  return state.managerRunning && state.unitInstalled ? AutostartMechanism::kSystemdUnit
                                                     : AutostartMechanism::kXdgEntry;
}

SystemdUserState ProbeSystemdUser() {
  SystemdUserState state;
  const SystemctlAnswer manager = Systemctl({QStringLiteral("show-environment")});
  state.managerRunning = manager.ran && manager.exitCode == 0;
  if (state.managerRunning) {
    const SystemctlAnswer unit = Systemctl({QStringLiteral("cat"), QString::fromLatin1(kUnit)});
    state.unitInstalled = unit.ran && unit.exitCode == 0;
  }
  return state;
}

QString DescribeAutostart(AutostartMechanism mechanism) {
  return mechanism == AutostartMechanism::kSystemdUnit
             ? QObject::tr("the systemd user unit %1").arg(QString::fromLatin1(kUnit))
             : QObject::tr("the autostart entry %1").arg(QDir::toNativeSeparators(AutostartEntryPath()));
}

QString AutostartEntryPath() {
  const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
  return QDir(config).filePath(QStringLiteral("autostart/db9d.desktop"));
}

bool IsAutostartEnabled(AutostartMechanism mechanism) {
  if (mechanism == AutostartMechanism::kXdgEntry) return QFileInfo::exists(AutostartEntryPath());
  const SystemctlAnswer answer = Systemctl({QStringLiteral("is-enabled"), QString::fromLatin1(kUnit)});
  return answer.ran && answer.exitCode == 0;
}

Status ApplyAutostart(AutostartMechanism mechanism, bool enabled, const QString& program,
                      const QStringList& arguments) {
  if (mechanism == AutostartMechanism::kXdgEntry) {
    return enabled ? WriteEntry(program, arguments) : RemoveEntry();
  }
  // An entry left from when there was no user manager would start a second db9d.
  DB9_RETURN_IF_ERROR(RemoveEntry());
  return SetUnitEnabled(enabled);
}

Result<AutostartMechanism> SetAutostart(bool enabled, const QString& program,
                                        const QStringList& arguments) {
  const AutostartMechanism mechanism = ChooseAutostartMechanism(ProbeSystemdUser());
  DB9_RETURN_IF_ERROR(ApplyAutostart(mechanism, enabled, program, arguments));
  return mechanism;
}

}  // namespace db9::gui
