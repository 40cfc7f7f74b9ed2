// StartPgServer: the production wiring — sessions from the SQL engine, value
// encoding from the daemon's type registry.
#include "daemon/functions/registries.h"
#include "daemon/net/pg_server_impl.h"
#include "daemon/sql/session/session.h"

namespace db9::net {

Result<std::unique_ptr<PgServer>> StartPgServer(tenants::TenantManager& tenants,
                                                const PgServerOptions& options) {
  const types::TypeRegistry& types =
      options.types != nullptr ? *options.types : functions::BuiltinRegistries().types;
  return StartPgServerWithFactory(tenants, options, types,
                                  [](sql::Database& database, sql::SessionOptions session_options) {
                                    return sql::NewSession(database, std::move(session_options));
                                  });
}

}  // namespace db9::net
