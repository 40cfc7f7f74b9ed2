#include "gui/services/daemon_launcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace db9::gui {

QString FindDaemonExecutable() {
  // The same override `db9 daemon start` honours.
  const QString fromEnv = qEnvironmentVariable("DB9D_PATH");
  if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable()) return fromEnv;
  const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("db9d"));
  if (QFileInfo(beside).isExecutable()) return beside;
  const QString onPath = QStandardPaths::findExecutable(QStringLiteral("db9d"));
  if (!onPath.isEmpty()) return onPath;
#ifdef DB9_BUILD_TREE_DB9D
  const QString built = QStringLiteral(DB9_BUILD_TREE_DB9D);
  if (QFileInfo(built).isExecutable()) return built;
#endif
  return {};
}

QStringList DaemonArguments(const DaemonLaunchOptions& options) {
  QStringList args;
  if (options.port > 0) args << QStringLiteral("--port") << QString::number(options.port);
  if (!options.dataDir.isEmpty()) args << QStringLiteral("--data-dir") << options.dataDir;
  if (!options.controlSocket.isEmpty()) {
    args << QStringLiteral("--control-socket") << options.controlSocket;
  }
  return args;
}

QString DaemonLogPath() {
  // $XDG_STATE_HOME (logs belong there); Qt 6.4 has no name for it.
  QString dir = qEnvironmentVariable("XDG_STATE_HOME");
  if (dir.isEmpty()) dir = QDir::home().filePath(QStringLiteral(".local/state"));
  return QDir(dir).filePath(QStringLiteral("db9/db9d.log"));
}

Result<qint64> LaunchDaemon(const DaemonLaunchOptions& options) {
  const QString program = FindDaemonExecutable();
  if (program.isEmpty()) {
    return Status::Error("58030",
                         "db9d was not found next to the app or on PATH; install db9 or "
                         "start the daemon with `db9 daemon start`");
  }
  const QString log = DaemonLogPath();
  QDir().mkpath(QFileInfo(log).absolutePath());
  QProcess process;
  process.setProgram(program);
  process.setArguments(DaemonArguments(options));
  process.setStandardOutputFile(log, QIODevice::Append);
  process.setStandardErrorFile(log, QIODevice::Append);
  process.setStandardInputFile(QProcess::nullDevice());
  qint64 pid = 0;
  if (!process.startDetached(&pid)) {
    return Status::Error("58030", "could not run " + program.toStdString() + ": " +
                                      process.errorString().toStdString());
  }
  return pid;
}

QString DaemonLogTail(int lines) {
  QFile file(DaemonLogPath());
  if (!file.open(QIODevice::ReadOnly)) return {};
  // The log is appended to across starts; only its end matters.
  constexpr qint64 kTailBytes = 16 * 1024;
  if (file.size() > kTailBytes) file.seek(file.size() - kTailBytes);
  QStringList all = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  if (all.size() > lines) all = all.mid(all.size() - lines);
  return all.join(QLatin1Char('\n'));
}

}  // namespace db9::gui
