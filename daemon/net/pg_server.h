// PgServer: accepts PostgreSQL v3 protocol connections on TCP and serves each
// with a Session of the tenant its user names. Connections are served with
// Boost.Asio; idle connections cost a socket and a small buffer, statements
// run off the I/O threads so one slow query never stalls the others.
#pragma once

#include <cstdint>
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

namespace db9::net {

struct PgServerOptions {
  std::string listen_address = "127.0.0.1";
  uint16_t port = 5433;  // 0: any free port
  // When the port is taken: try the following ports instead of failing.
  bool pick_next_free_port = false;
  int max_connections = 1000;
  // Threads that wait on sockets; statements run on a separate, growing pool.
  int io_threads = 2;
  // A client that has not logged in by then is disconnected (PostgreSQL's
  // authentication_timeout), so half-open logins cannot hold slots.
  int authentication_timeout_ms = 60000;
  // Where DataRow values are encoded from: the daemon's registries (with its
  // extension modules). nullptr: functions::BuiltinRegistries().types.
  // REQUIRES: outlives the server.
  const types::TypeRegistry* types = nullptr;
};

class PgServer {
 public:
  virtual ~PgServer() = default;
  // The port really listened on.
  virtual uint16_t port() const = 0;
  virtual int connection_count() const = 0;
  // Stops accepting, ends every session (open transactions roll back) and
  // returns when all connections are closed.
  virtual void Stop() = 0;
};

// Binds and starts serving on background threads. A taken port gives an error
// that names the port and what to do ("port 5433 is already in use ...").
// REQUIRES: `tenants` outlives the server.
Result<std::unique_ptr<PgServer>> StartPgServer(tenants::TenantManager& tenants,
                                                const PgServerOptions& options);

}  // namespace db9::net
