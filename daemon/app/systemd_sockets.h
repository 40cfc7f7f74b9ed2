// Socket activation: the listening sockets systemd passes when db9d.socket
// starts the daemon on the first connection (packaging/systemd/db9d.socket).
// db9d takes only its control socket that way. It binds its PostgreSQL port
// itself: the port is one per machine while units are per user, and db9d
// reports a taken port (or picks the next one) better than a failed unit.
#pragma once

#include <optional>
#include <string>

#include "shared/base/result.h"

namespace db9::app {

// The fd of the listening Unix socket at `control_socket_path` that systemd
// passed, or nullopt when it passed none (db9d started by hand, by
// `db9 daemon start`, or by the .service alone). 22023 when it passed a socket
// db9d cannot use: a TCP one, or one at another path than the configured
// control socket. Call once, before starting threads (it reads and clears
// LISTEN_FDS / LISTEN_PID).
Result<std::optional<int>> TakeControlSocketFromSystemd(const std::string& control_socket_path);

}  // namespace db9::app
