// hello, daemon.info, daemon.stop.
#include <unistd.h>

#include <chrono>

#include "daemon/control/operations.h"
#include "daemon/tenants/tenant_manager.h"
#include "db9/base/version.h"
#include "shared/control/json_codec.h"

namespace db9::control {

namespace {
int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

void AddDaemonOperations(OperationTable& table, OperationContext& context) {
  table.Add("hello", [](const nlohmann::json&) -> Result<nlohmann::json> {
    return nlohmann::json(HelloInfo{"db9d", kVersion, kProtocolVersion, kPostgresCompatVersion});
  });

  table.Add("daemon.info", [&context](const nlohmann::json&) -> Result<nlohmann::json> {
    DaemonInfoResult info;
    info.version = kVersion;
    info.pid = ::getpid();
    info.started_unix_ms = context.info.started_unix_ms;
    info.uptime_ms = NowMs() - context.info.started_unix_ms;
    info.listen_address = context.info.listen_address;
    info.port = context.info.port;
    info.data_dir = context.info.data_dir;
    info.control_socket = context.socket_path;
    info.socket_activated = context.info.socket_activated;
    for (const auto& t : context.tenants.List()) {
      info.total_size_bytes += t.size_bytes;
      info.open_connections += t.open_connections;
      ++info.database_count;
    }
    return nlohmann::json(info);
  });

  table.Add("daemon.stop", [&context](const nlohmann::json&) -> Result<nlohmann::json> {
    // Asynchronous by contract (the app raises SIGTERM): the answer still
    // goes out before the server stops.
    if (context.info.request_shutdown) context.info.request_shutdown();
    return nlohmann::json::object();
  });
}

}  // namespace db9::control
