// ControlServer: the daemon's local JSON control socket (docs/control-api.md).
// The GUI and the CLI manage databases only through it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::tenants {
class TenantManager;
}

namespace db9::types {
class TypeRegistry;
}

namespace db9::control {

struct DaemonInfo {
  std::string data_dir;
  std::string listen_address;
  uint16_t port = 0;  // the port really in use
  int64_t started_unix_ms = 0;
  std::function<void()> request_shutdown;  // "daemon stop"
  bool socket_activated = false;  // the control socket came from systemd
  // How SQL results of db.sql / db.rows become text: the daemon's registries
  // (the same the PostgreSQL server uses). REQUIRES: outlives the server.
  const types::TypeRegistry* types = nullptr;
};

class ControlServer {
 public:
  virtual ~ControlServer() = default;
  virtual void Stop() = 0;
};

// Creates the socket at `socket_path` (mode 0600, parent directory 0700) and
// serves it on background threads. Only the owning user may connect (peer
// credentials are checked).
Result<std::unique_ptr<ControlServer>> StartControlServer(const std::string& socket_path,
                                                          tenants::TenantManager& tenants,
                                                          DaemonInfo info);

// The same on `listen_fd`, a socket already listening at `socket_path` that
// systemd passed (socket activation; takes ownership of the fd). Its file is
// kept on Stop(): systemd still listens there, to start db9d again.
Result<std::unique_ptr<ControlServer>> StartControlServerOnSocket(int listen_fd,
                                                                  const std::string& socket_path,
                                                                  tenants::TenantManager& tenants,
                                                                  DaemonInfo info);

}  // namespace db9::control
