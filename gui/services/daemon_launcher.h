// Starting db9d from the app, as `db9 daemon start` does from a terminal:
// find the db9d executable, run it detached from the app (it keeps running
// when the window closes), with the port, data directory and control socket
// from the settings. Its output goes to a log file so a failed start can be
// explained. Whether it came up is for the caller to see on the control
// socket (DaemonSupervisor polls it).
#pragma once

#include <QString>
#include <QStringList>

#include "shared/base/result.h"

namespace db9::gui {

struct DaemonLaunchOptions {
  int port = 0;             // 0: db9d's default
  QString dataDir;          // empty: db9d's default
  QString controlSocket;    // empty: db9d's default
};

// The db9d to run: $DB9D_PATH, next to this executable, then on PATH, then
// (developer builds) the one built beside the app. Empty when none is found.
QString FindDaemonExecutable();

// db9d's command-line arguments for `options`.
QStringList DaemonArguments(const DaemonLaunchOptions& options);

// Where a daemon started by the app writes its output.
QString DaemonLogPath();

// Starts db9d detached. Returns its pid; 58030-class error when db9d cannot
// be found or run.
Result<qint64> LaunchDaemon(const DaemonLaunchOptions& options);

// The last `lines` lines of the daemon log, for an error message.
QString DaemonLogTail(int lines);

}  // namespace db9::gui
