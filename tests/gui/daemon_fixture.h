// DaemonFixture: a real db9d for a test — the binary built in this tree (or
// $DB9D), on a temporary data directory, a free port and a private control
// socket, stopped and removed when the fixture goes. Tests that need it
// QSKIP with reason() when there is no db9d to run.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <string>

#include "shared/control/client.h"

namespace db9::gui::testing {

class DaemonFixture {
 public:
  DaemonFixture() = default;
  ~DaemonFixture();

  // Starts db9d and waits until its control socket answers hello.
  bool start();
  void stop();
  const QString& reason() const { return reason_; }
  QString controlSocket() const;
  int port() const { return port_; }
  QString dataDir() const;
  static QString executable();
  // A control client of this daemon; null when it does not answer.
  std::unique_ptr<control::Client> Connect() const;

 private:
  QTemporaryDir dir_;
  QProcess process_;
  int port_ = 0;
  QString reason_;
};

// A TCP port on 127.0.0.1 nothing listens on right now.
int FreePort();

// The rows `sql` returns in `database` as "a|b|NULL" lines, or its error as
// the only line: what a test compares against.
QStringList QueryRows(control::Client& client, const std::string& database, const std::string& sql);

}  // namespace db9::gui::testing
