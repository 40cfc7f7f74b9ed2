// What every db9 command shares: the global options, the way to reach the
// daemon, and the exit code the command settles on.
#pragma once

#include <memory>
#include <string>

#include "shared/base/result.h"
#include "shared/base/status.h"
#include "shared/cli/output.h"
#include "shared/control/client.h"

namespace db9::cli {

// Exit codes (also listed in `db9 --help`).
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;         // the operation failed
inline constexpr int kExitUsage = 2;         // bad command line
inline constexpr int kExitNoDaemon = 3;      // the daemon is not running / not answering
inline constexpr int kExitNotFound = 4;      // no such database
inline constexpr int kExitExists = 5;        // name already taken
inline constexpr int kExitInUse = 6;         // database has open connections

struct CliContext {
  std::string socket_path;  // empty: the default (see socket_path.h)
  OutputFormat format = OutputFormat::kTable;
  int timeout_seconds = 60;
  int exit_code = kExitOk;

  control::ClientOptions ClientOptions() const;
  // Connects, or prints why not (with what to do) and sets exit_code.
  std::unique_ptr<control::Client> Connect();
  // Prints `status` for a person on stderr and sets the matching exit code.
  void Fail(const Status& status);
};

}  // namespace db9::cli
