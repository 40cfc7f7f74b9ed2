#include "gui/settings/autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace db9::gui {
namespace {

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

}  // namespace

QString AutostartEntryPath() {
  const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
  return QDir(config).filePath(QStringLiteral("autostart/db9d.desktop"));
}

bool IsAutostartEnabled() { return QFileInfo::exists(AutostartEntryPath()); }

Status SetAutostart(bool enabled, const QString& program, const QStringList& arguments) {
  const QString path = AutostartEntryPath();
  if (!enabled) {
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
      return Status::Error("58030", "could not remove " + path.toStdString());
    }
    return Status::OK();
  }
  if (program.isEmpty()) {
    return Status::Error("58030", "db9d was not found, so it cannot be started at login");
  }
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
  if (!file.flush()) {
    return Status::Error("58030", "could not write " + path.toStdString());
  }
  return Status::OK();
}

}  // namespace db9::gui
