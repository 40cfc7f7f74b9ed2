// Starting db9d in the background for `db9 daemon start`: find the binary,
// detach it (own session, no terminal), and wait until its control socket
// answers — or report what it printed if it exits instead.
#pragma once

#include <string>
#include <vector>

#include "shared/base/status.h"
#include "shared/control/client.h"

namespace db9::cli {

// db9d next to this db9 executable, else $DB9D_PATH, else "db9d" from PATH.
std::string FindDaemonBinary();

// Runs `binary args...` detached and waits up to `timeout_seconds` for the
// socket in `options` to answer hello.
Status LaunchDaemon(const std::string& binary, const std::vector<std::string>& args,
                    const control::ClientOptions& options, int timeout_seconds);

}  // namespace db9::cli
