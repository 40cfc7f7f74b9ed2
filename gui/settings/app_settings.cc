#include "gui/settings/app_settings.h"

namespace db9::gui {
namespace {

// Keys in one place: renaming one would silently drop a user's setting.
constexpr char kStartAtLogin[] = "daemon/startAtLogin";
constexpr char kPort[] = "daemon/port";
constexpr char kDataDir[] = "daemon/dataDir";
constexpr char kControlSocket[] = "daemon/controlSocket";
constexpr char kTheme[] = "ui/theme";
constexpr char kCloseToTray[] = "ui/closeToTray";
constexpr char kGeometry[] = "window/geometry";
constexpr char kState[] = "window/state";
constexpr char kSplitter[] = "window/splitter";
constexpr char kLastDatabase[] = "window/lastDatabase";
constexpr char kConsoleHistory[] = "console/history";

}  // namespace

AppSettings::AppSettings()
    : settings_(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                            QStringLiteral("db9"),
                                            QStringLiteral("db9-desktop"))) {}

AppSettings::AppSettings(const QString& iniPath)
    : settings_(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

std::optional<bool> AppSettings::startDaemonAtLogin() const {
  if (!settings_->contains(kStartAtLogin)) return std::nullopt;
  return settings_->value(kStartAtLogin).toBool();
}
void AppSettings::setStartDaemonAtLogin(bool enabled) {
  settings_->setValue(kStartAtLogin, enabled);
}

int AppSettings::port() const {
  const int port = settings_->value(kPort, kDefaultPort).toInt();
  return port > 0 && port < 65536 ? port : kDefaultPort;
}
void AppSettings::setPort(int port) { settings_->setValue(kPort, port); }

QString AppSettings::dataDir() const { return settings_->value(kDataDir).toString(); }
void AppSettings::setDataDir(const QString& dir) { settings_->setValue(kDataDir, dir); }

QString AppSettings::controlSocket() const {
  return settings_->value(kControlSocket).toString();
}
void AppSettings::setControlSocket(const QString& path) {
  settings_->setValue(kControlSocket, path);
}

ThemeChoice AppSettings::theme() const {
  const QString value = settings_->value(kTheme).toString();
  if (value == QLatin1String("light")) return ThemeChoice::kLight;
  if (value == QLatin1String("dark")) return ThemeChoice::kDark;
  return ThemeChoice::kSystem;
}
void AppSettings::setTheme(ThemeChoice theme) {
  static const char* const kNames[] = {"system", "light", "dark"};
  settings_->setValue(kTheme, QString::fromLatin1(kNames[static_cast<int>(theme)]));
}

bool AppSettings::closeToTray() const { return settings_->value(kCloseToTray, true).toBool(); }
void AppSettings::setCloseToTray(bool enabled) { settings_->setValue(kCloseToTray, enabled); }

QByteArray AppSettings::windowGeometry() const { return settings_->value(kGeometry).toByteArray(); }
QByteArray AppSettings::windowState() const { return settings_->value(kState).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray& geometry, const QByteArray& state) {
  settings_->setValue(kGeometry, geometry);
  settings_->setValue(kState, state);
}

QByteArray AppSettings::splitterState() const { return settings_->value(kSplitter).toByteArray(); }
void AppSettings::setSplitterState(const QByteArray& state) { settings_->setValue(kSplitter, state); }

QString AppSettings::lastDatabase() const { return settings_->value(kLastDatabase).toString(); }
void AppSettings::setLastDatabase(const QString& name) {
  settings_->setValue(kLastDatabase, name);
}

void AppSettings::sync() { settings_->sync(); }

QStringList AppSettings::consoleHistory() const {
  return settings_->value(kConsoleHistory).toStringList();
}
void AppSettings::setConsoleHistory(const QStringList& statements) {
  settings_->setValue(kConsoleHistory, statements);
}

}  // namespace db9::gui
