// AppSettings: every persisted preference of the app, typed, with its default
// stated once here. Backed by QSettings (organization "db9", application
// "db9-desktop"), so tests can point it at a temporary file.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace db9::gui {

enum class ThemeChoice { kSystem, kLight, kDark };

class AppSettings {
 public:
  // The user's settings file.
  AppSettings();
  // A given file (tests, or --settings on the command line).
  explicit AppSettings(const QString& iniPath);

  // Unset until the user has answered the one-time question.
  std::optional<bool> startDaemonAtLogin() const;
  void setStartDaemonAtLogin(bool enabled);

  // The PostgreSQL port db9d listens on when the app starts it.
  static constexpr int kDefaultPort = 5433;
  int port() const;
  void setPort(int port);

  // Empty: the daemon's own default data directory.
  QString dataDir() const;
  void setDataDir(const QString& dir);

  // Empty: the client's default control socket path.
  QString controlSocket() const;
  void setControlSocket(const QString& path);

  ThemeChoice theme() const;
  void setTheme(ThemeChoice theme);

  bool closeToTray() const;
  void setCloseToTray(bool enabled);

  QByteArray windowGeometry() const;
  QByteArray windowState() const;
  void setWindowGeometry(const QByteArray& geometry, const QByteArray& state);

  QByteArray splitterState() const;
  void setSplitterState(const QByteArray& state);

  QString lastDatabase() const;
  void setLastDatabase(const QString& name);

  // The SQL console's statements, newest first (StatementHistory keeps the
  // cap); kept across restarts.
  QStringList consoleHistory() const;
  void setConsoleHistory(const QStringList& statements);

  void sync();

 private:
  std::unique_ptr<QSettings> settings_;
};

}  // namespace db9::gui
