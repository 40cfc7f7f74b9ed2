// The PgServer implementation: an acceptor and I/O threads (Boost.Asio), a
// growing WorkerPool for everything that may block, and the set of live
// connections. StartPgServerWithFactory lets tests supply their own sessions.
#pragma once

#include <memory>

#include "daemon/net/connection.h"
#include "daemon/net/pg_server.h"

namespace db9::net {

// REQUIRES: `tenants` and `types` outlive the server.
Result<std::unique_ptr<PgServer>> StartPgServerWithFactory(tenants::TenantManager& tenants,
                                                           const PgServerOptions& options,
                                                           const types::TypeRegistry& types,
                                                           SessionFactory make_session);

}  // namespace db9::net
